import datetime as dt
import re

import pytest
from wagtail.models import Locale

from events.models import EventPage
from events.schedule import past, upcoming

from .helpers import PRAGUE, USTI_EXCHANGE, event

pytestmark = pytest.mark.django_db

USTI_TITLE_DE = "Kooperationsbörse Oberflächentechnik 2026"


def _sections(html):
    upcoming_part, past_part = html.split('id="past-heading"', 1)
    return upcoming_part.split('id="upcoming-heading"', 1)[1], past_part


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2026, 12, 3, 7, 0, tzinfo=PRAGUE), "upcoming"),  # today, before it starts
        (dt.datetime(2026, 12, 3, 15, 59, tzinfo=PRAGUE), "upcoming"),  # today, under way
        (dt.datetime(2026, 12, 3, 16, 1, tzinfo=PRAGUE), "past"),  # today, over
    ],
)
def test_an_event_is_upcoming_until_it_ends(client, time_machine, moment, expected):
    time_machine.move_to(moment, tick=False)
    upcoming_html, past_html = _sections(client.get("/de/events/").content.decode())
    assert (USTI_TITLE_DE in upcoming_html) == (expected == "upcoming")
    assert (USTI_TITLE_DE in past_html) == (expected == "past")
    page = event(USTI_EXCHANGE)
    events = EventPage.objects.filter(pk=page.pk)
    assert upcoming(events).exists() == (expected == "upcoming")
    assert past(events).exists() == (expected == "past")


def test_index_lists_upcoming_and_past_in_german_and_czech(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 26, 12, 0, tzinfo=PRAGUE), tick=False)
    for language, title in (("de", USTI_TITLE_DE), ("cs", "Kooperační burza Povrchové úpravy 2026")):
        html = client.get(f"/{language}/events/").content.decode()
        upcoming_html, past_html = _sections(html)
        assert title in upcoming_html
        assert upcoming_html.count('class="card event-card"') == 6
        assert past_html.count('class="card event-card"') == 6


def _titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_filters_by_region_kind_and_language(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 1, 12, 0, tzinfo=PRAGUE), tick=False)
    region = _titles(client.get("/cs/events/?region=CZ042").content.decode())
    assert sorted(region) == sorted(
        ["Kooperační burza Povrchové úpravy 2026", "B2B speed dating automotive: severní Čechy – Sasko"]
    )
    workshops = _titles(client.get("/de/events/?kind=workshop").content.decode())
    assert len(workshops) == 2 and all(title.startswith("Workshop") for title in workshops)
    english = client.get("/de/events/?language=en").content.decode()
    assert len(_titles(english)) == 3
    both = _titles(client.get("/de/events/?language=en&kind=conference&region=DED41").content.decode())
    assert both == ["Fachtagung Additive Fertigung in der Zulieferindustrie"]
    either = _titles(client.get("/de/events/?region=CZ042&region=DED21").content.decode())
    assert len(either) == 3


def test_filter_options_and_bad_values(client):
    html = client.get("/de/events/?region=XX999&kind=party").content.decode()
    assert 'role="alert"' in html
    assert 'name="kind" value="trade_mission"' in html
    assert 'name="region" value="CZ042"' in html
    assert 'name="language" value="en"' in html
    assert len(_titles(html)) == 12  # the bad values are ignored


def test_month_view_is_an_accessible_grid_with_neighbours(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 26, 12, 0, tzinfo=PRAGUE), tick=False)
    response = client.get("/cs/events/2026/11/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<table" in html and "<caption>" in html and '<th scope="col"><abbr title=' in html
    assert 'aria-current="date"' in html  # today
    # The two-day glass dialogue appears on both of its days.
    cells = re.findall(r'<time class="day" datetime="(2026-11-\d\d)">.*?</td>', html, re.S)
    assert "2026-11-12" in cells and "2026-11-13" in cells
    for day in ("12", "13"):
        cell = re.search(rf'datetime="2026-11-{day}">(.*?)</td>', html, re.S).group(1)
        assert "Sklářský dialog" in cell
    assert 'href="/cs/events/2026/10/" rel="prev"' in html
    assert 'href="/cs/events/2026/12/" rel="next"' in html
    assert "style=" not in html and "<script>" not in html


def test_month_view_keeps_filters_and_rejects_impossible_months(client):
    html = client.get("/de/events/2026/12/?region=CZ042").content.decode()
    assert USTI_TITLE_DE in html
    assert 'href="/de/events/2027/1/?region=CZ042" rel="next"' in html
    assert "Workshop: Umsatzsteuer" not in client.get("/de/events/2027/1/?region=CZ042").content.decode()
    assert client.get("/de/events/2026/13/").status_code == 404
    assert client.get("/de/events/1800/1/").status_code == 404


def test_events_are_in_the_pages_api_and_in_search(client):
    response = client.get("/api/v3/pages/?type=events.EventPage&locale=de&limit=100")
    assert response.status_code == 200
    assert response.json()["count"] == 12
    german = Locale.objects.get(language_code="de")
    assert EventPage.objects.live().filter(locale=german).search("Umsatzsteuer").count() >= 1
