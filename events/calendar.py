"""Calendar files (RFC 5545): one event, or a feed of upcoming events, with VTIMEZONE for the event's zone."""

import datetime as dt
import html
import re

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.rich_text import expand_db_html

PRODID = "-//Glokal//Events//EN"
UID_DOMAIN = "events.glokal"


def plain_text(rich_text):
    text = re.sub(r"</(p|li|h\d)>", "\n\n", expand_db_html(rich_text or ""))
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def vevent(page, request=None):
    url = page.get_full_url(request)
    event = Event()
    # The same UID in every language, so a calendar that holds two translations treats them as one event.
    event.add("uid", f"{page.translation_key}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", page.local_start)
    event.add("dtend", page.local_end)
    event.add("summary", page.title)
    description = plain_text(page.description)
    event.add("description", f"{description}\n\n{url}".strip())
    location = page.address_line
    if location or page.online_url:
        event.add("location", location or page.online_url)
    if page.latitude is not None and page.longitude is not None:
        event.add("geo", (page.latitude, page.longitude))
    event.add("url", url)
    event.add("categories", [page.get_kind_display()])
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(dt.UTC))
    return event


def build_calendar(pages, name, request=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)
    years = []
    for page in pages:
        calendar.add_component(vevent(page, request))
        years += [page.local_start.year, page.local_end.year]
    if years:
        # VTIMEZONE definitions covering the events' years (icalendar builds them from zoneinfo).
        calendar.add_missing_timezones(
            first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
        )
    return calendar


def event_ics(page, request=None):
    return build_calendar([page], page.title, request).to_ical()


def _calendar_response(body, filename, disposition):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_response(page, request):
    return _calendar_response(event_ics(page, request), f"{page.slug}.ics", "attachment")


def feed_response(index, request):
    """Upcoming events of this index's locale, filtered like the listing (?region=…&language=…&kind=…)."""
    from events.listing import EventFilterForm, apply_filters
    from events.schedule import upcoming

    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Unknown filter value."), content_type="text/plain; charset=utf-8")
    pages = upcoming(apply_filters(index.events(), form.cleaned_data))
    calendar = build_calendar(pages, f"Glokal – {index.title}", request)
    response = _calendar_response(calendar.to_ical(), "glokal-events.ics", "inline")
    response["Cache-Control"] = "public, max-age=900"
    return response
