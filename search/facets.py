"""Filters and facet counts over the engine's candidates, computed in Python from a few queries.

The listing page counts facets in the database over a whole locale (directory/filters.py); a search has at
most a thousand candidates per type, so their facet values are read once (one query per relation) and
every count — each facet with all *other* filters applied — is a pass over those rows. Same rules as
directory/filters.py: OR within one filter, AND across filters; a filter on a company-only field excludes
institutions and events.
"""

from urllib.parse import unquote

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from directory.models import Certification, Industry, Language, Region
from directory.models.companies import SIZE_CLASSES
from search.models import SearchText

MULTI = {"industry": "industries", "certification": "certifications", "language": "languages"}
SINGLE = {"region": "region__code", "country": "country", "size": "size", "verified": "is_verified"}
COUNTRIES = {"DE": _("Germany"), "CZ": _("Czechia")}
VERIFIED = {"true": _("Verified"), "false": _("Not verified")}
SECTIONS = "industry sections"  # NACE sections of a listing's divisions: filtered on, not counted


def _fields(model):
    names = {field.name for field in model._meta.get_fields()}
    single = {facet: path for facet, path in SINGLE.items() if path.split("__")[0] in names}
    multi = {facet: relation for facet, relation in MULTI.items() if relation in names}
    return single, multi


def visible_facet_values(model, locale, pks):
    """{pk: {facet: set of values}} of those pages among `pks` that are live and public in `locale`: one
    query on the pages and their stored documents (search/documents.py facet_text); a page without them (a
    type whose search fields have no document, or one stored before facets were kept) is read from the page
    tables instead."""
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    stored = SearchText.objects.filter(page_id=OuterRef("pk")).values("facets")[:1]
    pages = Page.objects.filter(pk__anyof=list(pks), live=True, locale_id=locale.pk).order_by()
    rows, missing = {}, []
    for pk, path, text in pages.annotate(stored=Subquery(stored)).values_list("pk", "path", "stored"):
        if restricted and path.startswith(restricted):
            continue
        if not text:
            missing.append(pk)
            continue
        row = rows[pk] = {}
        for word in text.split():
            facet, _sep, value = word.partition("=")
            if "%" in value:
                value = unquote(value)
            row.setdefault(SECTIONS if facet == "section" else facet, set()).add(value)
    if missing:
        rows.update(facet_values(model, missing))
    return rows


def facet_values(model, pks):
    """{pk: {facet: set of values}} of the pages `pks` of `model`, from the page tables."""
    single, multi = _fields(model)
    rows = {pk: {facet: set() for facet in (*single, *multi)} for pk in pks}
    if not rows:
        return rows
    for values in model.objects.filter(pk__in=pks).order_by().values("pk", *single.values()):
        row = rows[values["pk"]]
        for facet, path in single.items():
            value = values[path]
            if facet == "verified":
                value = "true" if value else "false"
            if value not in ("", None):
                row[facet].add(value)
    for facet, relation in multi.items():
        lookups = [f"{relation}__code"] + ([f"{relation}__parent__code"] if facet == "industry" else [])
        if facet == "industry":
            for row in rows.values():
                row[SECTIONS] = set()
        for values in (
            model.objects.filter(pk__in=pks, **{f"{relation}__isnull": False}).order_by().values("pk", *lookups)
        ):
            row = rows[values["pk"]]
            row[facet].add(values[lookups[0]])
            if facet == "industry" and values[lookups[1]]:
                row[SECTIONS].add(values[lookups[1]])  # a section filter matches its divisions
    return rows


def _passes(row, filters, exclude=None):
    for facet, wanted in filters.items():
        if facet == exclude or not wanted:
            continue
        wanted = {wanted} if isinstance(wanted, str) else set(wanted)
        if facet not in row or not (row[facet] & wanted or row.get(SECTIONS, set()) & wanted and facet == "industry"):
            return False
    return True


def _active(filters):
    return {facet: value for facet, value in filters.items() if value}


def filtered(rows, filters):
    """The pks among `rows` that pass every filter."""
    active = _active(filters)
    return [pk for pk, row in rows.items() if _passes(row, active)]


def counts(rows, filters, facets, result=None):
    """{facet: {value: count}}, each facet counted with every other filter applied (added to `result`)."""
    active = _active(filters)
    result = result if result is not None else {}
    for facet in facets:
        bucket = result.setdefault(facet, {})
        for row in rows.values():
            if facet in row and _passes(row, active, exclude=facet):
                for value in row[facet]:
                    bucket[value] = bucket.get(value, 0) + 1
    return result


def labelled(counted):
    """{facet: [{value, label, count}]} sorted by count, labels in the active language."""
    labels = {
        "industry": Industry,
        "region": Region,
        "certification": Certification,
        "language": Language,
    }
    result = {}
    for facet, bucket in counted.items():
        if facet in labels:
            names = {item.code: item.label for item in labels[facet].objects.filter(code__in=list(bucket))}
        elif facet == "country":
            names = COUNTRIES
        elif facet == "size":
            names = dict(SIZE_CLASSES)
        else:
            names = VERIFIED
        options = [
            {"value": value, "label": str(names.get(value, value)), "count": count} for value, count in bucket.items()
        ]
        result[facet] = sorted(options, key=lambda option: (-option["count"], str(option["value"])))
    return result
