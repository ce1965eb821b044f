import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("cs-CZ,cs;q=0.9", "/cs/"), ("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.8", "/en/"), ("fr-FR", "/de/")],
)
def test_root_redirects_by_browser_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_home_page_in_each_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for other in ("de", "cs", "en"):
        assert f'hreflang="{other}" href="http://testserver/{other}/"' in html


def test_language_switcher_leads_to_the_same_page(client):
    html = client.get("/cs/privacy/").content.decode()
    switcher = html.split('class="lang-switch"')[1].split("</nav>")[0]
    assert 'href="/de/privacy/"' in switcher
    assert 'href="/en/privacy/"' in switcher
    assert 'aria-current="true">Čeština' in switcher


def test_standard_pages_exist_in_every_language(client):
    for language in ("de", "cs", "en"):
        for slug in ("imprint", "privacy", "accessibility", "easy-language"):
            assert client.get(f"/{language}/{slug}/").status_code == 200, (language, slug)


def test_ui_strings_follow_the_language(client):
    assert "Přeskočit na obsah" in client.get("/cs/").content.decode()
    assert "Zum Inhalt springen" in client.get("/de/").content.decode()
    assert "Skip to content" in client.get("/en/").content.decode()


def test_footer_has_funding_notice_and_legal_links(client):
    html = client.get("/de/").content.decode()
    footer = html.split("<footer")[1]
    assert "Kofinanziert von der Europäischen Union" in footer
    assert re.search(r'<img src="/static/img/eu-emblem.svg"[^>]+alt="[^"]+"', footer)
    for slug in ("imprint", "privacy", "accessibility", "easy-language"):
        assert f'href="/de/{slug}/"' in footer


def test_admin_is_outside_the_language_prefixes(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/de/admin/login/").status_code == 404
