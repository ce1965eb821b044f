"""E-mail header injection through public forms fails cleanly: no extra recipients, no forged headers, no 500."""

import time

import pytest
from django.core import mail, signing
from django.core.cache import cache

from directory.contact import SIGNING_SALT

pytestmark = pytest.mark.django_db

CONTACT_URL = "/de/directory/elbflorenz-reinraumtechnik/contact/"
INJECTIONS = [
    "Jana\r\nBcc: victim@example.org",
    "Jana\nBcc: victim@example.org",
    "Jana\rCc: victim@example.org",
    "Jana%0d%0aBcc: victim@example.org",
    "=?utf-8?q?Jana=0D=0ABcc:_victim@example.org?=",
]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def contact_data(**overrides):
    data = {
        "name": "Jana Nováková",
        "email": "jana@odberatel.example",
        "company": "Odběratel s.r.o.",
        "message": "Dobrý den,\r\nposílám poptávku.",
        "consent": "on",
        "homepage": "",
        "token": signing.dumps(time.time() - 30, salt=SIGNING_SALT),
    }
    data.update(overrides)
    return data


def assert_no_injected_header(message):
    """Only the listing's contact receives the mail; no Cc/Bcc appears; the subject stays on one line."""
    assert "victim@example.org" not in message.recipients()
    parsed = message.message()
    assert parsed["Bcc"] is None and parsed["Cc"] is None, parsed.as_string()[:400]
    for name in ("To", "From", "Reply-To", "Sender"):
        assert "victim" not in str(parsed[name] or ""), name
    assert "\r" not in message.subject and "\n" not in message.subject


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_the_name_never_adds_a_header(client, value):
    response = client.post(CONTACT_URL, contact_data(name=value))
    assert response.status_code in (200, 302)
    assert len(mail.outbox) == (1 if response.status_code == 302 else 0)
    for message in mail.outbox:
        assert_no_injected_header(message)


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_the_address_is_refused(client, value):
    response = client.post(CONTACT_URL, contact_data(email=f"jana@odberatel.example{value[4:]}"))
    assert response.status_code == 200  # the form again, with an error on the address
    assert mail.outbox == []


@pytest.mark.parametrize("field", ["company", "message"])
def test_injection_in_free_text_stays_in_the_body(client, field):
    response = client.post(CONTACT_URL, contact_data(**{field: INJECTIONS[0]}))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert_no_injected_header(mail.outbox[0])
    assert "victim@example.org" in mail.outbox[0].body


REGISTRATION_URL = "/de/events/workshop-umsatzsteuer-zoll-2027/register/"


def registration_data(**overrides):
    from events.forms import TOKEN_SALT

    data = {
        "name": "Jana Nováková",
        "company": "Odběratel s.r.o.",
        "email": "jana@odberatel.example",
        "language": "de",
        "consent": "on",
        "homepage": "",
        "token": signing.dumps(time.time() - 30, salt=TOKEN_SALT),
        "via": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def registration_open(time_machine):
    import datetime as dt
    from zoneinfo import ZoneInfo

    time_machine.move_to(dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Berlin")), tick=False)


@pytest.mark.parametrize("field", ["name", "company"])
@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_the_event_registration_never_adds_a_header(
    client, registration_open, field, value, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTRATION_URL, registration_data(**{field: value}))
    assert response.status_code in (200, 302)
    assert len(mail.outbox) == (1 if response.status_code == 302 else 0)
    for message in mail.outbox:
        assert_no_injected_header(message)


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_the_registration_address_is_refused(client, registration_open, value):
    response = client.post(REGISTRATION_URL, registration_data(email=f"jana@odberatel.example{value[4:]}"))
    assert response.status_code == 200
    assert mail.outbox == []
