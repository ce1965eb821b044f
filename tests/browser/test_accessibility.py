"""axe-core on the public pages in de, cs and en: 0 violations of WCAG 2.0/2.1 A and AA, nothing disabled or excluded.

Collapsed parts (the map's list of places) are opened before the scan, so axe sees them too.
"""

import pytest

from .axe_check import RESULTS, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["de", "cs", "en"]
COMPANY = "elbflorenz-reinraumtechnik"  # written in German: cs shows it with "available in German only"
INSTITUTION = "khk-karlovarsky-kraj"  # written in Czech
EVENT = "workshop-umsatzsteuer-zoll-2027"  # registration open on the harness clock (1 Dec 2026)
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
    "events month view": "/{lang}/events/2026/12/",
    "event page": f"/{{lang}}/events/{EVENT}/",
    "sign-up": "/{lang}/account/signup/",
    "sign-in": "/{lang}/account/login/",
}
# Forms scanned again after an empty submission: (page, form selector, fields that must be marked invalid).
FORMS = {
    "contact form": (f"/{{lang}}/directory/{COMPANY}/", "#contact form", ["name", "email", "message", "consent"]),
    "registration form": (f"/{{lang}}/events/{EVENT}/", "#registration form", ["name", "email", "consent"]),
    "sign-up form": ("/{lang}/account/signup/", "main form", ["email", "password1", "consent"]),
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
    if name == "event page":
        assert page.locator("#registration form").count() == 1, "the registration form is not on the event page"
    _scan(page, name, language)
    assert page.locator("img:not([alt])").count() == 0, "an <img> without a text alternative"
    assert page.foreign_requests == [], "the page asked another host for something before any consent"
    assert page.evaluate("window.__cspViolations") == [], "the Content-Security-Policy blocked part of the page"


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
@pytest.mark.parametrize("form_name", list(FORMS))
def test_form_errors_are_announced_and_accessible(page, form_name, language):
    """Sent empty, a form comes back with an alert, each wrong field marked invalid and tied to its message."""
    path, selector, fields = FORMS[form_name]
    page.goto(path.format(lang=language))
    form = page.locator(selector)
    form.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    alerts = [text.strip() for text in page.locator("[role=alert]").all_inner_texts()]
    assert any(alerts), "no alert announces the errors"
    for field in fields:
        control = page.locator(f"{selector} [name={field}]")
        assert control.get_attribute("aria-invalid") == "true", f"{field} is not marked invalid"
        described = (control.get_attribute("aria-describedby") or "").split()
        messages = [page.locator(f"[id='{ident}']") for ident in described]
        assert any(m.count() and m.inner_text().strip() for m in messages), f"{field}: no message tied to it"
    _scan(page, f"{form_name} with errors", language)


def test_spam_trap_is_neither_seen_nor_reached(page):
    page.goto(f"/de/directory/{COMPANY}/")
    trap = page.locator("#contact .field.trap")
    assert trap.get_attribute("aria-hidden") == "true"
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0, f"the spam trap is on screen at {box}"
    assert page.locator("#contact [name=homepage]").get_attribute("tabindex") == "-1"
