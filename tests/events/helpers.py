"""Shared helpers for the event tests: frozen clocks, corpus events, posting the registration form."""

import datetime as dt
import json
import re
import time
from zoneinfo import ZoneInfo

from django.core import signing

from events.forms import TOKEN_SALT
from events.models import EventPage

BERLIN, PRAGUE = ZoneInfo("Europe/Berlin"), ZoneInfo("Europe/Prague")

# Corpus events used throughout (dates as in the corpus: the session fixture does not shift them).
DRESDEN_WORKSHOP = "workshop-umsatzsteuer-zoll-2027"  # de source, Berlin, 21 Jan 2027 09:00–13:00, deadline 14 Jan
USTI_EXCHANGE = "kooperacni-burza-povrchove-upravy-2026"  # cs source, Prague, 3 Dec 2026 09:00–16:00, CZ042
BEFORE_DRESDEN_DEADLINE = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN)


def event(slug, language=None):
    """The canonical page of a corpus event, or its page in `language`'s locale."""
    pages = EventPage.objects.filter(slug=slug)
    if language:
        return pages.get(locale__language_code=language)
    return pages.order_by("pk").first().canonical


def form_token(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=TOKEN_SALT)


def registration_data(**overrides):
    data = {
        "name": "Jana Nováková",
        "company": "Odběratel s.r.o.",
        "email": "jana@odberatel.example",
        "language": "cs",
        "consent": "on",
        "homepage": "",
        "token": form_token(),
        "via": "",
    }
    data.update(overrides)
    return data


def post_registration(client, slug=DRESDEN_WORKSHOP, language="de", **overrides):
    overrides.setdefault("language", language)
    return client.post(f"/{language}/events/{slug}/register/", registration_data(**overrides))


def jsonld_of(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def cancel_link_in(body):
    match = re.search(r"http://testserver(/\S+/cancel/\?t=\S+)", body)
    assert match, body
    return match.group(1)
