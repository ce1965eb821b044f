"""Journeys people make, in a real browser: what they see, what they click, what reaches them by e-mail.

Everything the journeys write is rolled back with the test (see conftest.py); mails land in Django's locmem outbox.
"""

import time

import pytest
from django.core import mail
from django.core.cache import cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

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
