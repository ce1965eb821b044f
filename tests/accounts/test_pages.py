"""Every SME page and every allauth page we serve: the site's layout, strict-CSP-safe markup (no inline scripts,
no style attributes), a label for every field, and the visitor's language."""

import re

import pytest
from django.core import mail

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/cs/account/login/",
    "/cs/account/signup/",
    "/cs/account/password/reset/",
    "/cs/account/password/reset/done/",
    "/cs/account/confirm-email/",
    "/cs/account/deleted/",
]
SIGNED_IN_PAGES = [
    "/cs/account/",
    "/cs/account/companies/find/?q=Liberec",
    "/cs/account/companies/new/",
    "/cs/account/companies/{key}/claim/",
    "/cs/account/companies/{owned}/edit/",
    "/cs/account/companies/{owned}/messages/",
    "/cs/account/delete/",
    "/cs/account/email/",
    "/cs/account/password/change/",
    "/cs/account/logout/",
    "/cs/account/reauthenticate/",
]


def assert_site_page(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert '<html lang="cs">' in html and 'class="skip-link"' in html and '<main id="main"' in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "inline script"
    assert not re.search(r"\sstyle=", html), "style attribute"
    assert '<meta name="robots" content="noindex">' in html
    labels = set(re.findall(r'<label[^>]*\sfor="([^"]+)"', html))
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if re.search(r'type="(hidden|submit)"', tag):
            continue
        field_id = re.search(r'\sid="([^"]+)"', tag)
        assert field_id and field_id.group(1) in labels, f"field without a label: {tag}"
    return html


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_public_account_pages(client, path):
    assert_site_page(client.get(path))


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_signed_in_account_pages(client, sme, owned, path):
    from directory.models import CompanyPage

    other = CompanyPage.objects.live().filter(alias_of__isnull=True).exclude(translation_key=owned.translation_key)[0]
    client.force_login(sme)
    html = assert_site_page(client.get(path.format(key=other.translation_key, owned=owned.translation_key)))
    assert '<li class="nav-account"><a href="/cs/account/">' in html


def test_e_mail_links_lead_to_pages_in_the_layout(client, sme):
    client.post(
        "/cs/account/signup/",
        {"email": "x@firma.example", "password1": PASSWORD, "password2": PASSWORD, "consent": "on"},
    )
    confirm = re.search(r"http://testserver(/cs/account/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    assert_site_page(client.get(confirm))
    client.post("/cs/account/password/reset/", {"email": sme.email})
    reset = re.search(r"http://testserver(/cs/account/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    html = assert_site_page(client.get(reset, follow=True))
    assert 'name="password1"' in html and 'name="password2"' in html


def test_the_header_links_to_sign_in_or_to_the_account(client, sme):
    home = client.get("/cs/").content.decode()
    assert 'href="/cs/account/login/"' in home
    client.force_login(sme)
    assert 'href="/cs/account/"' in client.get("/cs/").content.decode()
