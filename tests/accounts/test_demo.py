import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from accounts import services
from accounts.demo import DEMO_EMAIL, DEMO_LISTING_SLUG
from directory.models import CompanyPage

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_load_demo_prints_the_sme_account_which_signs_in_and_owns_a_liberec_listing(client):
    output = io.StringIO()
    call_command("load_demo", "--port", "8000", stdout=output)
    call_command("load_demo", "--port", "8000", stdout=io.StringIO())  # idempotent
    line = next(line for line in output.getvalue().splitlines() if DEMO_EMAIL in line)
    password = line.split("password:")[1].split()[0]

    response = client.post("/cs/account/login/", {"login": DEMO_EMAIL, "password": password})
    assert response.status_code == 302 and response["Location"] == "/cs/account/"
    listing = CompanyPage.objects.get(slug=DEMO_LISTING_SLUG, locale__language_code="cs")
    assert listing.region.code == "CZ051"
    assert services.is_owner(response.wsgi_request.user, listing.translation_key)
    assert listing.title in client.get("/cs/account/").content.decode()
