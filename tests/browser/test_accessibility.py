"""axe-core on the public pages in de, cs and en: 0 violations of WCAG 2.0/2.1 A and AA, nothing disabled or excluded.

Collapsed parts (the map's list of places) are opened before the scan, so axe sees them too.
"""

import pytest

from .axe_check import RESULTS, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["de", "cs", "en"]
COMPANY = "elbflorenz-reinraumtechnik"  # written in German: cs shows it with "available in German only"
INSTITUTION = "khk-karlovarsky-kraj"  # written in Czech
EVENT = "kooperacni-burza-povrchove-upravy-2026"  # written in Czech
SEARCH_TERMS = {"de": "Reinraum", "cs": "plastů", "en": "cleanroom"}

PAGES = {
    "home": "/{lang}/",
    "directory listing": "/{lang}/directory/",
    "directory filtered": "/{lang}/directory/?country=DE&region=DED21&sort=name",
    "company page": f"/{{lang}}/directory/{COMPANY}/",
    "search results": "/{lang}/search/?q={term}",
    "institution index": "/{lang}/institutions/",
    "institution page": f"/{{lang}}/institutions/{INSTITUTION}/",
    "events index": "/{lang}/events/",
    "event page": f"/{{lang}}/events/{EVENT}/",
}


def _open_disclosures(tab):
    tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def _scan(tab, name, language):
    _open_disclosures(tab)
    violations = run_axe(tab)
    RESULTS[(name, language)] = sum(len(v["nodes"]) for v in violations)
    assert violations == [] or not violations, f"{name} ({language}) {tab.url}:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_violations(page, name, language):
    path = PAGES[name].format(lang=language, term=SEARCH_TERMS[language])
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    _scan(page, name, language)
    assert page.locator("img:not([alt])").count() == 0, "an <img> without a text alternative"
    assert page.foreign_requests == [], "the page asked another host for something before any consent"


MAP_PAGES = ["directory listing", "company page", "institution index", "institution page", "event page"]


@pytest.mark.parametrize("name", MAP_PAGES)
def test_map_has_a_list_alternative(page, name):
    """Every place on a map is also in the page as text: a list of links, or the address when there is one place."""
    page.goto(PAGES[name].format(lang="cs"))
    section = page.locator("section.map")
    assert section.count() == 1, "no map on the page"
    places = page.evaluate(
        "JSON.parse(document.getElementById(document.querySelector('[data-map-places]').dataset.mapPlaces).textContent)"
    )
    assert places
    if len(places) == 1:
        address = section.locator(".map-address")
        assert places[0]["name"] in address.inner_text()
        assert address.is_visible()
    else:
        summary = section.locator("details.map-list summary")
        summary.click()
        links = section.locator("details.map-list li a")
        assert links.count() == len(places)
        assert sorted(links.all_inner_texts()) == sorted(place["name"] for place in places)
    assert section.locator(".map-canvas").is_hidden(), "the map must wait for the visitor to ask for it"


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_form_errors_are_announced_and_accessible(page, language):
    """Sent empty, the form comes back with an alert, each wrong field marked invalid and tied to its message."""
    page.goto(f"/{language}/directory/{COMPANY}/")
    page.locator("#contact form button[type=submit]").click()
    page.wait_for_load_state()
    alert = page.locator("#contact [role=alert]")
    assert alert.count() == 1 and alert.inner_text().strip()
    for field in ("name", "email", "message", "consent"):
        control = page.locator(f"#contact [name={field}]")
        assert control.get_attribute("aria-invalid") == "true", field
        described = control.get_attribute("aria-describedby") or ""
        messages = [page.locator(f"[id='{ident}']").inner_text() for ident in described.split()]
        assert any(text.strip() for text in messages), f"{field}: no error message tied to the field"
    _scan(page, "contact form with errors", language)


def test_spam_trap_is_neither_seen_nor_reached(page):
    page.goto(f"/de/directory/{COMPANY}/")
    trap = page.locator("#contact .field.trap")
    assert trap.get_attribute("aria-hidden") == "true"
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0, f"the spam trap is on screen at {box}"
    assert page.locator("#contact [name=homepage]").get_attribute("tabindex") == "-1"
