"""Search behaviour, one test per matching rule; runs on the configured engine (CI: PostgreSQL and OpenSearch)."""

import pytest

from search.service import SearchParams, search

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def slugs(q, lang="de", limit=10, **filters):
    return [hit.page.slug for hit in search(SearchParams(q=q, lang=lang, limit=limit, **filters)).hits]


@pytest.mark.parametrize(
    ("forms", "lang", "expected"),
    [
        (["Drehteil", "Drehteile", "Drehteilen"], "de", "feinwerktechnik-glashuette"),
        (["odlitek", "odlitky", "odlitků"], "cs", "slavkovska-slevarna"),
    ],
)
def test_grammatical_forms_find_the_same_listing(forms, lang, expected):
    for form in forms:
        assert expected in slugs(form, lang), form


@pytest.mark.parametrize(
    ("typed", "proper", "lang", "expected"),
    [
        ("strojirna", "strojírna", "cs", "strojirna-kadan"),
        ("Gehause", "Gehäuse", "de", "dresdner-baugruppenfertigung"),
        ("usti", "Ústí", "cs", "strojirna-strekov"),
    ],
)
def test_missing_diacritics_match(typed, proper, lang, expected):
    without, with_diacritics = slugs(typed, lang, limit=40), slugs(proper, lang, limit=40)
    assert expected in without and expected in with_diacritics
    assert len(set(without[:10]) & set(with_diacritics[:10])) >= 8


@pytest.mark.parametrize(
    ("typo", "proper", "lang"), [("Spritzgus", "Spritzguss", "de"), ("obrabeni", "obrábění", "cs")]
)
def test_one_typo_is_forgiven(typo, proper, lang):
    found = slugs(typo, lang)
    assert found, typo
    assert found[:3] == slugs(proper, lang)[:3]


def test_german_query_finds_czech_only_firm():
    # Injection moulders that describe themselves only in Czech ("vstřikování plastů").
    found = slugs("Kunststoffspritzguss", "de", limit=20)
    assert {"lisovna-plastu-jablonec", "pryzove-dily-teplice"} & set(found)


def test_czech_query_finds_german_only_firm():
    assert "feinwerktechnik-glashuette" in slugs("soustružené díly", "cs", limit=20)


def test_capability_and_place():
    top = slugs("CNC Fräsen Chemnitz", "de", limit=3)
    assert "chemnitzer-fraestechnik" in top


def test_certification_and_place():
    top = set(slugs("IATF 16949 Liberec", "de", limit=5))
    assert len(top & {"jested-automotive", "slevarna-liberec", "plastika-ceska-lipa", "tanvaldske-pruziny"}) >= 3


def test_region_alias_narrows_to_the_region():
    found = search(SearchParams(q="Erzgebirge Drehteile", lang="de", limit=5)).hits
    assert any(hit.page.region and hit.page.region.code == "DED42" for hit in found)


def test_nothing_found_suggests_a_spelling():
    result = search(SearchParams(q="Spritzgusss Kunstoff", lang="de"))
    assert result.count  # corrected words still find the injection moulders
    nothing = search(SearchParams(q="xqzvbn", lang="de"))
    assert nothing.count == 0 and nothing.hits == []


def test_filters_and_facets_on_search():
    result = search(SearchParams(q="Spritzguss", lang="de", country=["CZ"], types=["company"]))
    assert result.count and all(hit.page.country == "CZ" for hit in result.hits)
    countries = {option["value"]: option["count"] for option in result.facets["country"]}
    assert countries["CZ"] == result.count and countries.get("DE", 0) > 0  # the facet ignores its own filter


def test_industry_sections_and_stored_facets_agree_with_the_page_tables():
    """Facets come from the stored documents; a document stored before facets were kept falls back to the
    page tables, with the same answer."""
    from search.models import SearchText

    params = dict(q="Spritzguss", lang="de", types=["company"], industry=["C"])  # C: a NACE section
    stored = search(SearchParams(**params))
    assert stored.count and all(
        any(industry.parent and industry.parent.code == "C" for industry in hit.page.industries.all())
        for hit in stored.hits
    )
    SearchText.objects.update(facets="")
    fallback = search(SearchParams(**params))
    assert [hit.page.pk for hit in fallback.hits] == [hit.page.pk for hit in stored.hits]
    assert fallback.facets == stored.facets


def test_events_are_found_by_their_title():
    """Events are not indexed through an analysed document (an event published in the editor has none):
    they still come back, with their facets."""
    from events.models import EventPage
    from search.models import SearchText

    event = EventPage.objects.live().filter(locale__language_code="de").order_by("pk").first()
    SearchText.objects.filter(page=event).delete()  # as for an event saved after the import
    result = search(SearchParams(q=event.title, lang="de", types=["event"]))
    assert event.pk in [hit.page.pk for hit in result.hits]
    assert result.facets["country"], "event facets come from the page tables"
