"""The event index: filters (region, kind, language), upcoming and past lists, and the month view."""

import calendar
import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from core.paging import paginate
from directory.models import Language, Region
from events.models import EVENT_KINDS, EventPage
from events.schedule import past, upcoming

PAST_PER_PAGE = 12
FILTERS = ("region", "kind", "language")


class CodeChoiceField(forms.MultipleChoiceField):
    """Accepts codes that exist in a vocabulary; choices are read per request (labels in the active language)."""

    def __init__(self, model, **kwargs):
        super().__init__(required=False, **kwargs)
        self.model = model

    def valid_value(self, value):
        return self.model.objects.filter(code=value).exists()


class EventFilterForm(forms.Form):
    region = CodeChoiceField(Region, label=_("Region"))
    kind = forms.MultipleChoiceField(label=_("Kind of event"), required=False, choices=EVENT_KINDS)
    language = CodeChoiceField(Language, label=_("Language of the event"))


def apply_filters(events, data):
    """OR within one filter, AND across filters."""
    if data.get("region"):
        events = events.filter(region__code__in=data["region"])
    if data.get("kind"):
        events = events.filter(kind__in=data["kind"])
    if data.get("language"):
        # A subquery, so the many-to-many join never duplicates an event.
        events = events.filter(pk__in=EventPage.objects.filter(languages__code__in=data["language"]).values("pk"))
    return events


def _options(events, form):
    """Checkbox options for the filters: only values that some event of this index has (plus checked ones)."""
    chosen = {name: set(form.cleaned_data.get(name) or []) for name in FILTERS} if form.is_bound else {}
    region_codes = set(events.exclude(region=None).values_list("region__code", flat=True))
    language_codes = set(events.values_list("languages__code", flat=True)) - {None}
    kinds = set(events.values_list("kind", flat=True))

    def option(name, value, label):
        return {"value": value, "label": label, "checked": value in chosen.get(name, ())}

    return {
        "region": [option("region", r.code, r.label) for r in Region.objects.filter(code__in=region_codes)],
        "kind": [option("kind", value, label) for value, label in EVENT_KINDS if value in kinds],
        "language": [
            option("language", lang.code, lang.label) for lang in Language.objects.filter(code__in=language_codes)
        ],
    }


def _filter_form(request):
    form = EventFilterForm(request.GET)
    form.is_valid()
    return form


def _querystring(form):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name in FILTERS:
        query.setlist(name, form.cleaned_data.get(name) or [])
    return query.urlencode()


def _feed_url(index, request, form):
    querystring = _querystring(form)
    return index.get_full_url(request) + index.reverse_subpage("feed") + (f"?{querystring}" if querystring else "")


def _month_url(index, request, year, month, querystring):
    url = index.get_url(request) + index.reverse_subpage("month", args=(year, month))
    return url + (f"?{querystring}" if querystring else "")


def listing_context(index, request):
    all_events = index.events()
    form = _filter_form(request)
    events = apply_filters(all_events, form.cleaned_data)
    today = timezone.localdate()
    querystring = _querystring(form)
    return {
        "filter_form": form,
        "filter_options": _options(all_events, form),
        "upcoming_events": upcoming(events),
        "past_events": paginate(request, past(events), PAST_PER_PAGE),
        "feed_url": _feed_url(index, request, form),
        "month_url": _month_url(index, request, today.year, today.month, querystring),
        "filtered": any(form.cleaned_data.get(name) for name in FILTERS),
    }


def _shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_context(index, request, year, month):
    """The grid of one month, weeks starting on Monday; None for a month that does not exist."""
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    all_events = index.events()
    form = _filter_form(request)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    tz = timezone.get_current_timezone()
    grid_start = dt.datetime.combine(weeks[0][0], dt.time.min, tzinfo=tz)
    grid_end = dt.datetime.combine(weeks[-1][-1] + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    events = apply_filters(all_events, form.cleaned_data).filter(start__lt=grid_end, end__gte=grid_start)
    by_day = {}
    for event in events.order_by("start"):
        for day in event.local_dates():
            by_day.setdefault(day, []).append(event)
    today = timezone.localdate()
    querystring = _querystring(form)
    previous, following = _shift_month(year, month, -1), _shift_month(year, month, 1)
    first = dt.date(year, month, 1)
    return {
        "month_first": first,
        "month_label": formats.date_format(first, "YEAR_MONTH_FORMAT"),
        "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
        "weeks": [
            [
                {"date": day, "in_month": day.month == month, "today": day == today, "events": by_day.get(day, [])}
                for day in week
            ]
            for week in weeks
        ],
        "previous_month": {
            "url": _month_url(index, request, *previous, querystring),
            "label": formats.date_format(dt.date(*previous, 1), "YEAR_MONTH_FORMAT"),
        },
        "next_month": {
            "url": _month_url(index, request, *following, querystring),
            "label": formats.date_format(dt.date(*following, 1), "YEAR_MONTH_FORMAT"),
        },
        "filter_form": form,
        "filter_options": _options(all_events, form),
        "list_url": index.get_url(request) + (f"?{querystring}" if querystring else ""),
        "filtered": any(form.cleaned_data.get(name) for name in FILTERS),
    }
