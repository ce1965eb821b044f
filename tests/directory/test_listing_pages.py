import json
import re
from collections import Counter

import pytest

from directory.data_files import data_file

pytestmark = pytest.mark.django_db

CORPUS = json.loads(data_file("directory-corpus.json").read_text(encoding="utf-8"))
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _count(html):
    return int(re.search(r'id="results-heading" role="status">(\d+)', html).group(1))


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_listing_shows_every_company_in_every_locale(client, language):
    html = client.get(f"/{language}/directory/").content.decode()
    assert _count(html) == len(CORPUS["companies"]) == 240


def test_region_and_industry_filters_narrow_the_counts(client):
    by_region = Counter(c["region"] for c in CORPUS["companies"])
    with_25 = sum("25" in c["industries"] for c in CORPUS["companies"])
    assert _count(client.get("/de/directory/?region=CZ051").content.decode()) == by_region["CZ051"]
    assert _count(client.get("/cs/directory/?industry=25").content.decode()) == with_25
    both = sum(c["region"] == "CZ051" and "25" in c["industries"] for c in CORPUS["companies"])
    assert _count(client.get("/cs/directory/?industry=25&region=CZ051").content.decode()) == both
    either_region = by_region["CZ051"] + by_region["CZ042"]
    assert _count(client.get("/de/directory/?region=CZ051&region=CZ042").content.decode()) == either_region


def test_facet_counts_are_shown_for_other_choices(client):
    html = client.get("/de/directory/?region=CZ051").content.decode()
    # The region facet ignores its own filter, so other regions still show their full counts.
    dresden = sum(c["region"] == "DED21" for c in CORPUS["companies"])
    assert re.search(rf'value="DED21"> [^<]+<span class="count">\({dresden}\)', html)


def test_bad_filter_values_are_explained_not_fatal(client):
    response = client.get("/de/directory/?region=XX999&page=abc&size=huge")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_every_company_page_answers_in_every_locale(client):
    for company in CORPUS["companies"]:
        for language in ("de", "cs", "en"):
            response = client.get(f"/{language}/directory/{company['slug']}/")
            assert response.status_code == 200, (language, company["slug"])


def test_czech_only_company_shows_source_text_with_label(client):
    company = next(c for c in CORPUS["companies"] if list(c["description"]) == ["cs"])
    html = client.get(f"/de/directory/{company['slug']}/").content.decode()
    assert "Nur auf Tschechisch verfügbar" in html
    first_words = company["description"]["cs"][:40]
    description = re.search(r'<div class="description" lang="(\w+)">(.*?)</div>', html, re.S)
    assert description.group(1) == "cs" and first_words in description.group(2)
    assert '<html lang="de">' in html


def test_translated_company_shows_its_translation(client):
    company = next(c for c in CORPUS["companies"] if c["source_language"] == "cs" and "de" in c["description"])
    html = client.get(f"/de/directory/{company['slug']}/").content.decode()
    assert "Nur auf Tschechisch verfügbar" not in html
    assert company["description"]["de"][:40] in html
    assert '<div class="description" lang="de">' in html


def test_company_page_has_no_email_and_valid_jsonld(client):
    for company in CORPUS["companies"][:40]:
        html = client.get(f"/cs/directory/{company['slug']}/").content.decode()
        assert not EMAIL.search(html), company["slug"]
        assert company["contact"]["phone"] not in html
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@type"] == "Organization" and data["name"] == company["name"]
        assert data["address"]["addressLocality"] == company["city"]
        assert set(data["knowsLanguage"]) == set(company["languages"])
        if company["lat"] is not None:
            assert data["geo"]["latitude"] == company["lat"]


def test_institutions_grouped_by_kind(client):
    html = client.get("/cs/institutions/").content.decode()
    kinds = Counter(i["kind"] for i in CORPUS["institutions"])
    for kind in kinds:
        assert f'id="kind-{kind}"' in html
    assert client.get("/de/institutions/mas-cesky-sever/").status_code == 200
