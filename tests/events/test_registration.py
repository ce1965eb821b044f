import datetime as dt
from urllib.parse import unquote

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from events.models import EventPage, Registration
from events.registration import cancel, register

from .helpers import (
    BEFORE_DRESDEN_DEADLINE,
    BERLIN,
    DRESDEN_WORKSHOP,
    cancel_link_in,
    event,
    form_token,
    post_registration,
    registration_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _before_deadline(time_machine):
    time_machine.move_to(BEFORE_DRESDEN_DEADLINE, tick=False)


def _set_capacity(slug, capacity):
    page = event(slug)
    EventPage.objects.filter(translation_key=page.translation_key).update(capacity=capacity)


def _in_language(language, message):
    """Django's own message as the catalogues translate it (the project may override Django's wording)."""
    with translation.override(language):
        translated = translation.gettext(message)
    assert translated != message, f"no {language} translation of {message!r}"
    return translated


def _registrations():
    return Registration.objects.filter(event=event(DRESDEN_WORKSHOP))


def test_registration_confirms_by_email_in_the_visitors_language_with_calendar_file(client):
    response = post_registration(client, language="cs", email="Jana@Odberatel.example")
    assert response.status_code == 302
    assert response["Location"] == f"/cs/events/{DRESDEN_WORKSHOP}/?registered=1#registration"
    registration = _registrations().get()
    assert registration.status == Registration.CONFIRMED
    assert registration.language == "cs" and registration.consent and registration.consent_version
    assert registration.event == event(DRESDEN_WORKSHOP)  # the canonical page, whatever the locale
    (email,) = mail.outbox
    assert email.to == ["Jana@Odberatel.example"]
    assert "Workshop: DPH a clo v česko-německém obchodě" in email.subject  # the Czech title
    assert "21. ledna 2027" in email.body or "21.1.2027" in email.body or "21. 1. 2027" in email.body
    (filename, content, mimetype) = email.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == dt.datetime(2027, 1, 21, 9, 0, tzinfo=BERLIN)
    assert f"/cs/events/{DRESDEN_WORKSHOP}/cancel/?t=" in email.body
    assert "registered=1" in response["Location"]
    page_after = client.get(response["Location"]).content.decode()
    assert 'role="status"' in page_after


def test_capacity_waiting_list_and_promotion_on_cancel(client):
    _set_capacity(DRESDEN_WORKSHOP, 2)
    people = [("a@example.org", "de"), ("b@example.org", "cs"), ("c@example.org", "cs"), ("d@example.org", "en")]
    for address, language in people:
        assert post_registration(client, language=language, email=address).status_code == 302
    statuses = dict(_registrations().values_list("email", "status"))
    assert statuses == {
        "a@example.org": "confirmed",
        "b@example.org": "confirmed",
        "c@example.org": "waitlisted",
        "d@example.org": "waitlisted",
    }
    assert len(mail.outbox) == 4
    assert "ics" not in str(mail.outbox[2].attachments)  # no calendar file for the waiting list

    # A cancels with the link from the confirmation e-mail: GET asks, POST cancels.
    link = cancel_link_in(mail.outbox[0].body)
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200 and 'method="post"' in confirm_page.content.decode()
    assert _registrations().get(email="a@example.org").status == "confirmed"  # a GET (mail scanners) changes nothing
    mail.outbox.clear()
    response = client.post(link.split("?")[0], {"t": unquote(link.split("?t=")[1])})
    assert response.status_code == 200
    statuses = dict(_registrations().values_list("email", "status"))
    assert statuses["a@example.org"] == "cancelled" and statuses["c@example.org"] == "confirmed"
    assert statuses["d@example.org"] == "waitlisted"
    assert _registrations().get(email="a@example.org").cancelled_at is not None

    # C, first on the waiting list, is told at once, in Czech, with the calendar file.
    (promoted,) = mail.outbox
    assert promoted.to == ["c@example.org"]
    assert "Workshop: DPH a clo" in promoted.subject
    assert promoted.attachments[0][0].endswith(".ics")


def test_cancelling_twice_changes_nothing_and_waitlist_cancel_frees_no_seat():
    page = event(DRESDEN_WORKSHOP)
    _set_capacity(DRESDEN_WORKSHOP, 1)
    first, _ = register(page, name="A", email="a@example.org", language="de")
    second, _ = register(page, name="B", email="b@example.org", language="de")
    third, _ = register(page, name="C", email="c@example.org", language="de")
    assert (first.status, second.status, third.status) == ("confirmed", "waitlisted", "waitlisted")
    _reg, promoted = cancel(third.pk)
    assert promoted == []
    _reg, promoted = cancel(first.pk)
    assert [p.email for p in promoted] == ["b@example.org"]
    _reg, promoted = cancel(first.pk)
    assert promoted == []
    assert Registration.objects.filter(event=page, status="confirmed").count() == 1


def test_same_address_cannot_register_twice_whatever_the_case(client):
    assert post_registration(client, email="jana@odberatel.example").status_code == 302
    response = post_registration(client, language="cs", email="JANA@odberatel.EXAMPLE", name="Someone else")
    assert response.status_code == 302  # the page says the same as for a new registration
    assert _registrations().count() == 1
    # The reminder goes to the address that registered, and says nothing new to whoever typed it.
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["jana@odberatel.example"]
    assert "Workshop: DPH a clo" in mail.outbox[1].subject  # in the language chosen the second time
    # After cancelling, the address may register again.
    cancel(_registrations().get().pk)
    assert post_registration(client, email="Jana@odberatel.example").status_code == 302
    assert _registrations().exclude(status="cancelled").count() == 1


def test_raising_the_capacity_on_publish_promotes_the_waiting_list():
    page = event(DRESDEN_WORKSHOP)
    _set_capacity(DRESDEN_WORKSHOP, 1)
    register(page, name="A", email="a@example.org", language="de")
    waiting, _ = register(page, name="B", email="b@example.org", language="cs")
    assert waiting.status == "waitlisted"
    page = EventPage.objects.get(pk=page.pk)
    page.capacity = 2
    page.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_bad_input_keeps_what_was_typed_with_translated_errors(client):
    response = post_registration(client, language="de", email="kein-mail", consent="", company="Drehteile Zwönitz GmbH")
    assert response.status_code == 200
    html = response.content.decode()
    assert _in_language("de", "Enter a valid email address.") in html  # "Bitte gültige E-Mail-Adresse eingeben."
    assert 'value="kein-mail"' in html and 'value="Jana Nováková"' in html and 'value="Drehteile Zwönitz GmbH"' in html
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html and 'id="id_consent_error"' in html
    assert 'aria-describedby="id_consent_error"' in html
    assert not _registrations().exists() and mail.outbox == []

    czech = post_registration(client, language="cs", name="", email="jana@odberatel.example").content.decode()
    assert _in_language("cs", "This field is required.") in czech
    assert 'value="jana@odberatel.example"' in czech


def test_spam_is_dropped_silently_and_hasty_people_are_asked_again(client):
    for trap in ({"homepage": "http://spam.example"}, {"token": "forged"}, {"token": ""}):
        response = post_registration(client, **trap)
        assert response.status_code == 302 and "registered=1" in response["Location"]
    assert not _registrations().exists() and mail.outbox == []
    hasty = post_registration(client, token=form_token(seconds_ago=1))
    assert hasty.status_code == 200 and 'value="Jana Nováková"' in hasty.content.decode()
    assert not _registrations().exists()


def test_registration_is_closed_after_the_deadline_and_once_started(client, time_machine):
    time_machine.move_to(dt.datetime(2027, 1, 15, 9, 0, tzinfo=BERLIN), tick=False)
    response = post_registration(client)
    assert response.status_code == 200
    assert "/register/" not in response.content.decode()
    page = event(DRESDEN_WORKSHOP)
    EventPage.objects.filter(translation_key=page.translation_key).update(registration_deadline=None)
    time_machine.move_to(dt.datetime(2027, 1, 21, 9, 30, tzinfo=BERLIN), tick=False)
    assert post_registration(client).status_code == 200
    assert not _registrations().exists()


def test_invalid_or_foreign_cancel_links_fail_cleanly(client):
    assert client.get(f"/de/events/{DRESDEN_WORKSHOP}/cancel/?t=nonsense").status_code == 400
    assert client.post(f"/de/events/{DRESDEN_WORKSHOP}/cancel/", {"t": ""}).status_code == 400
    registration, _ = register(event(DRESDEN_WORKSHOP), name="A", email="a@example.org", language="de")
    from events.registration import cancel_token

    foreign = client.get(f"/de/events/kooperacni-burza-povrchove-upravy-2026/cancel/?t={cancel_token(registration)}")
    assert foreign.status_code == 400


def test_rate_limit_answers_429_in_the_visitors_language(client):
    for number in range(10):
        assert post_registration(client, email=f"p{number}@example.org").status_code == 302
    response = post_registration(client, language="cs", email="late@example.org")
    assert response.status_code == 429
    assert "Příliš mnoho pokusů" in response.content.decode()


def test_get_on_the_register_route_goes_back_to_the_form(client):
    response = client.get(f"/de/events/{DRESDEN_WORKSHOP}/register/")
    assert response.status_code == 302 and response["Location"].endswith("#registration")


def test_odd_hidden_values_never_break_the_form(client):
    url = f"/de/events/{DRESDEN_WORKSHOP}/register/"
    response = client.post(url, registration_data(via="x" * 500, language="xx"))
    assert response.status_code == 200  # the language choice is explained, nothing else fails
    assert 'aria-invalid="true"' in response.content.decode()
    assert post_registration(client, via="x" * 500).status_code == 302
    assert _registrations().get().promotion_link is None
