import datetime as dt

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import EventPage

from .helpers import BERLIN, DRESDEN_WORKSHOP, PRAGUE, USTI_EXCHANGE

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    calendar.validate()  # VERSION and PRODID present
    return calendar


@pytest.mark.parametrize(
    ("slug", "zone", "start", "end"),
    [
        (DRESDEN_WORKSHOP, "Europe/Berlin", dt.datetime(2027, 1, 21, 9, 0), dt.datetime(2027, 1, 21, 13, 0)),
        (
            "zuliefertag-erzgebirge-2026",
            "Europe/Berlin",
            dt.datetime(2026, 6, 11, 9, 30),
            dt.datetime(2026, 6, 11, 16, 0),
        ),
        (USTI_EXCHANGE, "Europe/Prague", dt.datetime(2026, 12, 3, 9, 0), dt.datetime(2026, 12, 3, 16, 0)),
        (
            "sommerforum-energie-vogtland-egerland-2027",
            "Europe/Prague",
            dt.datetime(2027, 6, 9, 10, 0),
            dt.datetime(2027, 6, 9, 17, 0),
        ),
        (
            "glasdialog-lausitz-nordboehmen-2026",
            "Europe/Prague",
            dt.datetime(2026, 11, 12, 10, 0),
            dt.datetime(2026, 11, 13, 15, 0),
        ),
    ],
)
def test_event_ics_has_local_times_with_tzid_and_vtimezone(client, slug, zone, start, end):
    response = client.get(f"/de/events/{slug}/calendar/")
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.ics"'
    calendar = _calendar(response)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["dtstart"].params["TZID"] == zone and vevent["dtend"].params["TZID"] == zone
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [zone]
    tzinfo = BERLIN if zone == "Europe/Berlin" else PRAGUE
    assert vevent.decoded("dtstart") == start.replace(tzinfo=tzinfo)
    assert vevent.decoded("dtend") == end.replace(tzinfo=tzinfo)
    offset = 2 if start.month in (6, 7, 8) else 1
    assert vevent.decoded("dtstart").astimezone(UTC) == (start - dt.timedelta(hours=offset)).replace(tzinfo=UTC)
    for required in ("UID", "DTSTAMP", "SUMMARY", "URL", "LOCATION"):
        assert required in vevent
    # A client that ignores TZID and reads the VTIMEZONE still finds the right offset.
    vtimezone = calendar.walk("VTIMEZONE")[0].to_tz()
    assert start.replace(tzinfo=vtimezone).utcoffset() == dt.timedelta(hours=offset)


def test_same_uid_in_every_language_with_localized_title(client):
    german = _calendar(client.get(f"/de/events/{USTI_EXCHANGE}/calendar/")).walk("VEVENT")[0]
    czech = _calendar(client.get(f"/cs/events/{USTI_EXCHANGE}/calendar/")).walk("VEVENT")[0]
    assert german["UID"] == czech["UID"]
    assert str(czech["SUMMARY"]) == "Kooperační burza Povrchové úpravy 2026"
    assert str(german["SUMMARY"]) == "Kooperationsbörse Oberflächentechnik 2026"
    assert str(czech["URL"]) == f"http://testserver/cs/events/{USTI_EXCHANGE}/"


def test_feed_lists_upcoming_events_filtered_by_region_and_language(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 30, 12, 0, tzinfo=BERLIN), tick=False)
    calendar = _calendar(client.get("/cs/events/feed/?region=CZ042&language=cs"))
    events = calendar.walk("VEVENT")
    assert [str(e["URL"]) for e in events] == [
        f"http://testserver/cs/events/{USTI_EXCHANGE}/",
        "http://testserver/cs/events/b2b-speeddating-automotive-2027/",
    ]
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Prague"}
    everything = _calendar(client.get("/de/events/feed/")).walk("VEVENT")
    assert len(everything) == 6  # the six events that have not ended by 30 November 2026
    assert all(str(e["URL"]).startswith("http://testserver/de/events/") for e in everything)
    mixed = _calendar(client.get("/de/events/feed/?region=CZ042&region=DED21"))
    assert {tz["TZID"] for tz in mixed.walk("VTIMEZONE")} == {"Europe/Berlin", "Europe/Prague"}


def test_feed_has_only_live_public_pages_of_the_active_locale(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 30, 12, 0, tzinfo=BERLIN), tick=False)
    czech_b2b = EventPage.objects.get(slug="b2b-speeddating-automotive-2027", locale__language_code="cs")
    czech_b2b.unpublish()
    private = EventPage.objects.get(slug=DRESDEN_WORKSHOP, locale__language_code="cs")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    urls = [str(e["URL"]) for e in _calendar(client.get("/cs/events/feed/")).walk("VEVENT")]
    assert len(urls) == 4
    assert not any("b2b-speeddating" in url or DRESDEN_WORKSHOP in url for url in urls)
    german = [str(e["URL"]) for e in _calendar(client.get("/de/events/feed/")).walk("VEVENT")]
    # A restriction on one language version makes the event private in every locale (directory/signals.py);
    # unpublishing the Czech alias leaves the German page live.
    assert len(german) == 5
    assert not any(DRESDEN_WORKSHOP in url for url in german)
    assert any("b2b-speeddating" in url for url in german)


def test_feed_rejects_unknown_filters_without_error(client):
    response = client.get("/de/events/feed/?region=XX999")
    assert response.status_code == 400
