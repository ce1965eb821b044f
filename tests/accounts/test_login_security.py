import datetime as dt

import pytest
import time_machine
from django.core import mail

from .conftest import PASSWORD, make_sme

pytestmark = pytest.mark.django_db

EMAIL = "lock@firma.example"


def _login(client, password, email=EMAIL, language="cs"):
    return client.post(f"/{language}/account/login/", {"login": email, "password": password})


def test_five_wrong_passwords_lock_the_address_for_fifteen_minutes():
    from django.test import Client

    make_sme(EMAIL)
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC), tick=False) as traveller:
        client = Client()
        for _ in range(5):
            response = _login(client, "wrong-password")
            assert response.status_code == 200 and "_auth_user_id" not in client.session
        # Locked: even the right password is refused, with a translated message that is announced.
        response = _login(client, PASSWORD)
        html = response.content.decode()
        assert response.status_code == 200 and "_auth_user_id" not in client.session
        assert "Příliš mnoho pokusů o přihlášení" in html
        assert 'role="alert"' in html
        # Another address from the same client is not locked.
        make_sme("other@firma.example")
        assert _login(client, PASSWORD, email="other@firma.example").status_code == 302
        client.logout()
        traveller.shift(dt.timedelta(minutes=6))  # allauth's default lockout (5 minutes) would be over
        assert _login(client, PASSWORD).status_code == 200
        traveller.shift(dt.timedelta(minutes=10))
        assert _login(client, PASSWORD).status_code == 302
        assert "_auth_user_id" in client.session


def test_too_many_sign_in_attempts_from_one_address_get_the_translated_429_page(client):
    for number in range(30):
        assert _login(client, "wrong", email=f"u{number}@example.org").status_code == 200
    response = _login(client, "wrong", email="u31@example.org")
    assert response.status_code == 429
    assert "Příliš mnoho pokusů" in response.content.decode()


def test_password_reset_answers_alike_whether_or_not_the_address_exists(client):
    make_sme(EMAIL)
    known = client.post("/de/account/password/reset/", {"email": EMAIL})
    unknown = client.post("/de/account/password/reset/", {"email": "nobody@nowhere.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/de/account/password/reset/done/"
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    # Each address learns only about itself, in its own mailbox.
    assert [m.to for m in mail.outbox] == [[EMAIL], ["nobody@nowhere.example"]]
    assert "/de/account/password/reset/key/" in mail.outbox[0].body
    assert "/password/reset/key/" not in mail.outbox[1].body


def test_signing_up_with_a_taken_address_looks_like_any_sign_up(client):
    make_sme(EMAIL)
    data = {"email": EMAIL, "password1": "Jine-Heslo-12345", "password2": "Jine-Heslo-12345", "consent": "on"}
    response = client.post("/cs/account/signup/", data)
    assert response.status_code == 302 and response["Location"] == "/cs/account/confirm-email/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]


def test_the_admin_sign_in_form_does_not_check_sme_passwords_by_e_mail(client):
    make_sme(EMAIL)
    response = client.post("/admin/login/", {"username": EMAIL, "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
