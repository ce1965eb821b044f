"""Rate limits count the real client, not what the client claims in X-Forwarded-For.

Production runs gunicorn behind one proxy (DESIGN.md §6), which appends the address it sees to
X-Forwarded-For. Whatever stands left of that entry came from the client and can be anything.
"""

import time

import pytest
from django.core import signing
from django.core.cache import cache

from directory.contact import RATE_LIMIT, SIGNING_SALT

pytestmark = pytest.mark.django_db

CONTACT_URL = "/de/directory/elbflorenz-reinraumtechnik/contact/"
PROXY = "10.0.0.2"
CLIENT = "198.51.100.7"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def post_contact(client, forwarded_for):
    data = {
        "name": "Jana Nováková",
        "email": "jana@odberatel.example",
        "message": "Dobrý den.",
        "consent": "on",
        "homepage": "",
        "token": signing.dumps(time.time() - 30, salt=SIGNING_SALT),
    }
    return client.post(CONTACT_URL, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_the_limit_holds_for_one_client_behind_the_proxy(client):
    limit, _window = RATE_LIMIT
    answers = [post_contact(client, CLIENT).status_code for _ in range(limit + 1)]
    assert answers[-1] == 429, answers


def test_a_forged_forwarded_for_does_not_reset_the_limit(client):
    """The client sends its own X-Forwarded-For each time; the proxy appends the real address."""
    limit, _window = RATE_LIMIT
    answers = [post_contact(client, f"203.0.113.{n}, {CLIENT}").status_code for n in range(limit + 1)]
    assert answers[-1] == 429, f"forged addresses got past the limit: {answers}"
