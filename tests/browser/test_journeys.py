"""Journeys people make, in a real browser: what they see, what they click, what reaches them by e-mail.

Everything the journeys write is rolled back with the test (see conftest.py); mails land in Django's locmem outbox.
"""

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SME_EMAIL = "jednatel@nova-dilna.example"
SME_PASSWORD = "Nova-Dilna-Heslo-2026"
REVIEWER_PASSWORD = "Mas-Cesky-Sever-2026!"
NEW_LISTING = "Nová Dílna Liberec s.r.o."
NEW_DESCRIPTION = "Frézujeme a soustružíme díly z hliníku a oceli pro strojírenství v Libereckém kraji."

FORM_FILL_SECONDS = 3.3  # contact and registration forms drop submissions made within 3 s of showing the form
REGISTRATION_EVENT = "workshop-umsatzsteuer-zoll-2027"  # Dresden, 21 Jan 2027; open on the harness clock


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def wait_until_filled_like_a_person(shown_at):
    remaining = FORM_FILL_SECONDS - (time.monotonic() - shown_at)
    if remaining > 0:
        time.sleep(remaining)


def promotion_links_are_routed():
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("events:promotion_link", args=["x"])
    except NoReverseMatch:
        return False
    return True


def test_visitor_from_a_promotion_link_registers_and_gets_the_confirmation(new_page):
    if not promotion_links_are_routed():
        pytest.skip("promotion links: events.urls (/e/<code>) is not included in cms/urls.py yet")
    from events.models import EventPage, PromotionLink, Registration

    event = EventPage.objects.get(slug=REGISTRATION_EVENT, locale__language_code="de")
    link = PromotionLink.objects.create(event=event, campaign="Flyer DTIHK Ústí", code="flyer-usti")
    page = new_page(locale="cs-CZ")

    response = page.goto("/e/flyer-usti")
    assert response.status == 200
    assert page.url.endswith(f"/cs/events/{REGISTRATION_EVENT}/?via=flyer-usti"), page.url
    assert page.locator("html").get_attribute("lang") == "cs"
    shown_at = time.monotonic()

    form = page.locator("#registration form")
    form.locator("[name=name]").fill("Jana Nováková")
    form.locator("[name=company]").fill("Odběratel s.r.o.")
    form.locator("[name=email]").fill("jana@odberatel.example")
    assert form.locator("[name=language]").input_value() == "cs"
    form.locator("[name=consent]").check()
    wait_until_filled_like_a_person(shown_at)
    form.get_by_role("button").click()

    status = page.locator("#registration [role=status]")
    status.wait_for()
    assert "e-mail" in status.inner_text()
    registration = Registration.objects.get(email="jana@odberatel.example")
    assert registration.promotion_link == link and registration.language == "cs"
    link.refresh_from_db()
    assert link.visits == 1

    [confirmation] = [message for message in mail.outbox if "jana@odberatel.example" in message.to]
    assert event.localized_for("cs").title in confirmation.subject
    assert any(name.endswith(".ics") for name, _content, _type in confirmation.attachments)


SEARCH_QUERY = "lisování plastů"
PLASTICS = ("kunststoff", "spritzguss", "spritzgieß", "plast", "vstřik", "injection")


def mentions_plastics(text):
    return any(word in text.lower() for word in PLASTICS)


def test_czech_visitor_finds_a_saxon_supplier_and_writes_to_it(new_page):
    from directory.models import CompanyPage, ContactMessage

    page = new_page(locale="cs-CZ")
    page.goto("/cs/")
    page.get_by_role("search").get_by_role("searchbox").fill(SEARCH_QUERY)
    page.get_by_role("search").get_by_role("button").first.click()
    page.wait_for_url("**/cs/search/**")
    assert page.locator("#results-heading").inner_text().split()[0] != "0"

    # Saxony: the German side of the programme area; every German listing in the directory is Saxon.
    page.locator(".filters input[name=country][value=DE]").check()
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**country=DE**")
    # Like a person, pick the first company among the top five whose title or snippet shows it works plastics.
    results = page.locator("ol.results > li").all()[:5]
    plastics = [item for item in results if "Firma" in item.inner_text() and mentions_plastics(item.inner_text())]
    assert plastics, "no plastics company among the first five German results: " + " / ".join(
        item.inner_text().split("\n")[0] for item in results
    )
    plastics[0].get_by_role("link").click()
    page.wait_for_url("**/cs/directory/**")
    shown_at = time.monotonic()

    slug = page.url.rstrip("/").split("/")[-1]
    company = CompanyPage.objects.get(slug=slug, locale__language_code="cs")
    assert company.country == "DE" and company.region.code.startswith("DED"), (slug, company.region)
    assert mentions_plastics(page.locator("main").inner_text()), f"{slug} does not look like a plastics firm"
    assert "Německo" in page.locator("dl.facts").inner_text()
    if company.is_untranslated_alias():
        assert page.locator(".description").get_attribute("lang") == "de"

    form = page.locator("#contact form")
    form.locator("[name=name]").fill("Petr Svoboda")
    form.locator("[name=email]").fill("petr.svoboda@nakup-plasty.example")
    form.locator("[name=company]").fill("Nákup Plasty s.r.o.")
    form.locator("[name=message]").fill("Dobrý den, hledáme dodavatele vstřikovaných dílů z PA6, cca 20 000 ks ročně.")
    form.locator("[name=consent]").check()
    wait_until_filled_like_a_person(shown_at)
    form.get_by_role("button").click()

    page.locator("#contact [role=status]").wait_for()
    message = ContactMessage.objects.get(sender_email="petr.svoboda@nakup-plasty.example")
    assert message.page_id == company.pk and message.language == "cs" and message.delivered
    [mail_to_company] = [m for m in mail.outbox if m.reply_to == ["petr.svoboda@nakup-plasty.example"]]
    assert "vstřikovaných" in mail_to_company.body


def focus_is_visible(page):
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            if (!element || element === document.body) return false;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return (outline || style.boxShadow !== "none") && box.width > 0 && box.height > 0;
        }"""
    )


def tab_to(page, selector, limit=250):
    """Press Tab until `selector` has the focus; every stop on the way must show where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert focus_is_visible(page), f"{selector} has the focus but shows no focus indicator"
            return
        assert focus_is_visible(page), "a focus stop shows no focus indicator: " + page.evaluate(
            "() => document.activeElement.outerHTML.slice(0, 200)"
        )
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_keyboard_only_search_and_registration(new_page):
    from events.models import Registration

    page = new_page(locale="cs-CZ")
    page.goto("/cs/")

    # The first Tab shows the skip link, and Enter takes the focus to the content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("() => document.activeElement.classList.contains('skip-link')")
    assert skip.bounding_box()["x"] >= 0, "the skip link stays off screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    tab_to(page, "input[type=search]")
    page.keyboard.type(SEARCH_QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url("**/cs/search/**")

    tab_to(page, ".filters input[name=type][value=company]")
    page.keyboard.press("Space")
    tab_to(page, ".filters input[name=country][value=DE]")
    page.keyboard.press("Space")
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**country=DE**")
    tab_to(page, "ol.results > li a")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/cs/directory/[^/]+/$"))  # companies only: the type filter is ticked
    assert page.locator("h1").inner_text()

    page.goto(f"/cs/events/{REGISTRATION_EVENT}/")
    shown_at = time.monotonic()
    tab_to(page, "#registration [name=name]")
    page.keyboard.type("Eva Dvořáková")
    tab_to(page, "#registration [name=company]")
    page.keyboard.type("Klávesnice s.r.o.")
    tab_to(page, "#registration [name=email]")
    page.keyboard.type("eva@klavesnice.example")
    tab_to(page, "#registration [name=consent]")
    page.keyboard.press("Space")
    assert page.locator("#registration [name=consent]").is_checked()
    tab_to(page, "#registration button[type=submit]")
    wait_until_filled_like_a_person(shown_at)
    page.keyboard.press("Enter")

    page.locator("#registration [role=status]").wait_for()
    assert Registration.objects.filter(email="eva@klavesnice.example").exists()
    assert any("eva@klavesnice.example" in message.to for message in mail.outbox)


def partners_app_is_installed():
    from django.apps import apps

    return apps.is_installed("partners") and apps.is_installed("accounts")


def test_sme_signs_up_creates_its_listing_and_the_partner_publishes_it(new_page):
    if not partners_app_is_installed():
        pytest.skip("SME journey: the accounts and partners apps are not installed yet")
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from directory.models import CompanyPage, Region
    from partners.setup import setup_partners

    setup_partners()
    reviewer = get_user_model().objects.create_user(
        "mas-reviewer", "reviewer@mas-cesky-sever.example", REVIEWER_PASSWORD, preferred_language="cs"
    )
    reviewer.groups.add(Group.objects.get(name="MAS Český sever"))  # the partner for Liberecký kraj (CZ051)

    # 1. Sign up in Czech, with consent, and confirm the address from the e-mail.
    sme = new_page(locale="cs-CZ")
    sme.goto("/cs/account/signup/")
    form = sme.locator("main form")
    form.locator("[name=email]").fill(SME_EMAIL)
    for name in ("password1", "password2"):
        if form.locator(f"[name={name}]").count():
            form.locator(f"[name={name}]").fill(SME_PASSWORD)
    form.locator("[name=consent]").check()
    form.locator("button[type=submit]").click()
    sme.wait_for_load_state()
    [confirmation] = [message for message in mail.outbox if SME_EMAIL in message.to]
    sme.goto(re.search(r"https?://[^/\s]+(/cs/account/confirm-email/\S+/)", confirmation.body).group(1))
    sme.locator("main form button[type=submit]").click()
    sme.wait_for_load_state()
    if "/account/login/" in sme.url or sme.locator("main [name=password]").count():
        sme.goto("/cs/account/login/")
        sme.locator("[name=login]").fill(SME_EMAIL)
        sme.locator("[name=password]").fill(SME_PASSWORD)
        sme.locator("main form button[type=submit]").click()
        sme.wait_for_url("**/cs/account/")

    # 2. Create the listing, complete the profile and send it for review.
    sme.goto("/cs/account/companies/new/")
    form = sme.locator("main form")
    form.locator("[name=title]").fill(NEW_LISTING)
    form.locator("[name=language]").select_option("cs")
    form.locator("[name=country]").select_option("CZ")
    form.locator("[name=region]").select_option(str(Region.objects.get(code="CZ051").pk))
    form.locator("[name=city]").fill("Liberec")
    form.locator("button[type=submit]").click()
    sme.wait_for_url("**/edit/")
    sme.locator("[name=profile-description_text]").fill(NEW_DESCRIPTION)
    sme.locator("main form button[type=submit]").last.click()  # offers and needs stay empty, as a person may
    sme.wait_for_load_state()
    invalid = [element.get_attribute("name") for element in sme.locator("[aria-invalid=true]").all()]
    assert not invalid, f"saving the profile was refused; fields marked invalid: {invalid}"
    listing = CompanyPage.objects.get(title=NEW_LISTING)
    assert not listing.live and listing.current_workflow_task is not None
    assert sme.goto(f"/cs/directory/{listing.slug}/").status == 404

    # 3. The partner responsible for the region approves in the admin.
    admin = new_page(locale="cs-CZ")
    admin.goto("/admin/login/")
    admin.locator("[name=username]").fill("mas-reviewer")
    admin.locator("[name=password]").fill(REVIEWER_PASSWORD)
    admin.locator("main form button[type=submit], form button[type=submit]").first.click()
    admin.wait_for_url("**/admin/")
    admin.goto(f"/admin/pages/{listing.pk}/edit/")
    approve = admin.locator("footer [data-workflow-action-name=approve]").first
    if not approve.is_visible():
        admin.locator("footer [data-w-dropdown-target=toggle]").first.click()
    approve.click()
    admin.wait_for_url(f"**/admin/pages/{listing.get_parent().pk}/")

    # 4. Live in Czech and, as the source text with its label, in German.
    listing.refresh_from_db()
    assert listing.live
    for language, label in (("cs", None), ("de", "Nur auf Tschechisch verfügbar")):
        response = sme.goto(f"/{language}/directory/{listing.slug}/")
        assert response.status == 200, language
        assert sme.locator("h1").inner_text() == NEW_LISTING
        description = sme.locator(".description")
        assert NEW_DESCRIPTION in description.inner_text() and description.get_attribute("lang") == "cs"
        if label:
            assert label in sme.locator(".notice").inner_text()
