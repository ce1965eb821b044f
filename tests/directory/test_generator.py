"""generate_companies: synthetic companies are valid, live Wagtail pages, listed and searchable."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from directory.generator import generate
from directory.models import CompanyPage
from search.service import SearchParams, search

pytestmark = [pytest.mark.django_db, pytest.mark.search]

GERMAN = (" und ", " für ", " wir ", " mit ")
CZECH = (" a ", " v ", " se ", " pro ")


def _count(html):
    return int(re.search(r'id="results-heading" role="status">(\d+)', html).group(1))


def test_generated_companies_are_valid_listed_and_searchable(client):
    before = {lang: _count(client.get(f"/{lang}/directory/").content.decode()) for lang in ("de", "cs")}
    result = generate(20, 7)
    assert result["created"] == 20
    pages = list(CompanyPage.objects.filter(pk__in=result["pks"]).select_related("locale", "region"))
    assert len(pages) == 20
    assert sorted(p.slug for p in pages) == sorted(f"gen-7-{n}" for n in range(1, 21))

    problems = Page.find_problems()  # bad alpha, bad path, orphans, bad depth, bad numchild
    assert all(not found for found in problems), problems

    for page in pages:
        assert page.live and page.first_published_at and page.translation_key
        assert page.url_path.endswith(f"/{page.slug}/")
        assert page.get_parent().specific_class.__name__ == "DirectoryIndexPage"
        assert page.locale.language_code == page.source_language
        assert page.region is not None
        assert (page.region.country == "DE") == (page.source_language == "de")
        assert page.industries.exists() and page.languages.exists()
        text = f" {strip_tags(page.description)} "
        assert 50 <= len(text.split()) <= 130
        assert any(word in text for word in (GERMAN if page.source_language == "de" else CZECH)), text
        assert page.city in text
        assert page.title.endswith("GmbH" if page.source_language == "de" else "s.r.o.")
        assert client.get(page.url).status_code == 200

    german = sum(p.source_language == "de" for p in pages)
    assert 0 < german < 20
    assert _count(client.get("/de/directory/").content.decode()) == before["de"] + german
    assert _count(client.get("/cs/directory/").content.decode()) == before["cs"] + 20 - german

    for page in pages[:6]:
        lang = page.source_language
        hits = search(SearchParams(q=page.city, lang=lang, limit=200, types=["company"])).hits
        assert page.slug in {hit.page.slug for hit in hits}, (page.city, page.slug)


def test_same_seed_gives_the_same_companies():
    first = generate(5, 11, index=False)
    rows = list(CompanyPage.objects.filter(pk__in=first["pks"]).order_by("slug").values_list("slug", "title", "city"))
    CompanyPage.objects.filter(pk__in=first["pks"]).delete()
    Page.fix_tree()
    second = generate(5, 11, index=False)
    again = list(CompanyPage.objects.filter(pk__in=second["pks"]).order_by("slug").values_list("slug", "title", "city"))
    assert rows == again


def test_command_prints_timings():
    from io import StringIO

    out = StringIO()
    call_command("generate_companies", count=3, seed=9, stdout=out)
    assert "page_create_seconds=" in out.getvalue() and "index_seconds=" in out.getvalue()
    assert CompanyPage.objects.filter(slug__startswith="gen-9-", locale__in=Locale.objects.all()).count() == 3
