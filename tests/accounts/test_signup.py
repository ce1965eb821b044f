import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Consent
from accounts.models.consent import current_versions

pytestmark = pytest.mark.django_db

EMAIL = "nova@firma.example"
PASSWORD = "Velmi-Tajne-Heslo-77"


def _signup(client, language="cs", **overrides):
    data = {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD, "consent": "on"}
    data.update(overrides)
    return client.post(f"/{language}/account/signup/", data)


def test_signup_records_consent_with_its_version_and_sends_a_confirmation(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/cs/account/confirm-email/"
    user = get_user_model().objects.get(email=EMAIL)
    assert user.preferred_language == "cs"
    assert not user.is_staff and not user.is_superuser
    assert user.username.startswith("sme-") and EMAIL.split("@")[0] not in user.username
    versions = current_versions()
    assert {(c.kind, c.version) for c in Consent.objects.filter(user=user)} == {
        ("terms", versions["terms"]),
        ("privacy", versions["privacy"]),
    }
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert re.search(r"http://testserver/cs/account/confirm-email/\S+/", mail.outbox[0].body)


def test_signup_without_consent_is_refused_with_an_announced_error(client):
    response = _signup(client, consent="")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in checkbox
    assert 'aria-describedby="id_consent_helptext id_consent_error"' in checkbox
    assert 'id="id_consent_error"' in html
    assert not get_user_model().objects.filter(email=EMAIL).exists()
    assert not Consent.objects.exists()


def test_sign_in_needs_a_verified_address(client):
    _signup(client)
    response = client.post("/cs/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/cs/account/confirm-email/"
    assert "_auth_user_id" not in client.session
    link = re.search(r"http://testserver(/cs/account/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(email=EMAIL).verified
    client.logout()
    response = client.post("/cs/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/cs/account/"
    assert client.get("/cs/account/").status_code == 200


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/cs/account/signup/", "Zaregistrovat se"),
        ("/cs/account/login/", "Přihlásit se"),
        ("/de/account/password/reset/", "Passwort"),
    ],
)
def test_allauth_pages_use_the_site_layout_and_its_rules(client, path, text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert text in html
    assert 'class="skip-link"' in html and '<main id="main"' in html
    assert "<script" not in html.replace('<script src="', "") and " style=" not in html
    for field_id in re.findall(r'<input[^>]+id="(id_[a-z0-9]+)"', html):
        assert f'for="{field_id}"' in html, field_id


def test_signup_page_asks_for_consent_and_links_the_privacy_notice_in_the_visitors_language(client):
    html = client.get("/cs/account/signup/").content.decode()
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "required" in checkbox
    assert 'href="/cs/privacy/"' in html
