"""Filtering the company listing: one validated form, one function that applies it, facet counts.

Filters are OR within one filter and AND across filters (DESIGN.md §3). Facet counts for one filter are
computed with every *other* filter applied, so a visitor sees how many results each choice would give.
"""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import Certification, CompanyPage, Industry, Language, Region
from .models.companies import SIZE_CLASSES

SORTS = {
    "name": ("title", _("Name")),
    "newest": ("-first_published_at", _("Newest first")),
    "founded": ("founded", _("Founding year")),
    "confirmed": ("-last_confirmed", _("Recently confirmed")),
}
BOOLEAN_CHOICES = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]
FACETS = ("industry", "region", "country", "size", "certification", "language", "verified")


class CodeMultipleChoiceField(forms.MultipleChoiceField):
    """Accepts only codes that exist; choices are filled per request (labels in the active language)."""

    def valid_value(self, value):
        return value in {str(key) for key, _label in self.choices}


class CompanyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search term"), required=False, max_length=200)
    industry = CodeMultipleChoiceField(label=_("Industry"), required=False)
    region = CodeMultipleChoiceField(label=_("Region"), required=False)
    country = forms.MultipleChoiceField(
        label=_("Country"), required=False, choices=[("DE", _("Germany")), ("CZ", _("Czechia"))]
    )
    size = forms.MultipleChoiceField(label=_("Company size"), required=False, choices=SIZE_CLASSES)
    certification = CodeMultipleChoiceField(label=_("Certification"), required=False)
    language = CodeMultipleChoiceField(label=_("Languages spoken"), required=False)
    verified = forms.ChoiceField(label=_("Verified"), required=False, choices=BOOLEAN_CHOICES)
    has_offers = forms.BooleanField(label=_("Has offers"), required=False)
    has_needs = forms.BooleanField(label=_("Is looking for something"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[(key, label) for key, (_f, label) in SORTS.items()]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [(i.code, f"{i.code} – {i.label}") for i in Industry.objects.all()]
        self.fields["region"].choices = [(r.code, r.label) for r in Region.objects.all()]
        self.fields["certification"].choices = [(c.code, c.label) for c in Certification.objects.all()]
        self.fields["language"].choices = [(lang.code, lang.label) for lang in Language.objects.all()]


COMPANY_ONLY = ("industry", "size", "certification", "verified", "has_offers", "has_needs")


def filter_q(data, exclude=None, model=CompanyPage):
    """A Q object for the cleaned filter values, leaving out the filter named `exclude`.

    Other listing types (institutions, events) have no industry, size, certification or verification:
    a filter on those excludes them, as AND across filters demands.
    """
    q = Q()
    if model is not CompanyPage:
        if any(data.get(name) for name in COMPANY_ONLY if name != exclude):
            return Q(pk__in=[])
        if not hasattr(model, "languages") and data.get("language") and exclude != "language":
            return Q(pk__in=[])
        data = {key: value for key, value in data.items() if key not in COMPANY_ONLY}
    if data.get("industry") and exclude != "industry":
        codes = data["industry"]
        q &= Q(industries__code__in=codes) | Q(industries__parent__code__in=codes)
    if data.get("region") and exclude != "region":
        q &= Q(region__code__in=data["region"])
    if data.get("country") and exclude != "country":
        q &= Q(country__in=data["country"])
    if data.get("size") and exclude != "size":
        q &= Q(size__in=data["size"])
    if data.get("certification") and exclude != "certification":
        q &= Q(certifications__code__in=data["certification"])
    if data.get("language") and exclude != "language" and hasattr(model, "languages"):
        q &= Q(languages__code__in=data["language"])
    if data.get("verified") in ("true", "false") and exclude != "verified":
        q &= Q(is_verified=data["verified"] == "true")
    if data.get("has_offers"):
        q &= Q(has_offers=True)
    if data.get("has_needs"):
        q &= Q(has_needs=True)
    return q


def companies_in(locale):
    return CompanyPage.objects.live().public().filter(locale=locale)


def apply_filters(queryset, data):
    """Filtered ids as a subquery, so many-to-many joins never duplicate rows."""
    ids = queryset.filter(filter_q(data, model=queryset.model)).values("pk")
    return queryset.model.objects.filter(pk__in=ids)


def sort_queryset(queryset, sort):
    field, _label = SORTS.get(sort or "name", SORTS["name"])
    return queryset.order_by(field, "title")


def facet_counts(base, data, facets=FACETS):
    """{facet: [{value, label, count}]} for the queryset `base` (companies, institutions or events)."""
    model = base.model
    result = {}
    for facet in facets:
        if model is not CompanyPage and facet in COMPANY_ONLY:
            result[facet] = []
            continue
        if facet == "language" and not hasattr(model, "languages"):
            result[facet] = []
            continue
        ids = base.filter(filter_q(data, exclude=facet, model=model)).values("pk")
        result[facet] = _count(facet, ids, model)
    return result


def merge_facets(*facet_sets):
    """Sum the counts of several types' facets value by value."""
    merged = {}
    for facets in facet_sets:
        for facet, options in facets.items():
            bucket = merged.setdefault(facet, {})
            for option in options:
                entry = bucket.setdefault(option["value"], dict(option, count=0))
                entry["count"] += option["count"]
    return {
        facet: sorted(bucket.values(), key=lambda option: (-option["count"], str(option["value"])))
        for facet, bucket in merged.items()
    }


def _count(facet, ids, model=CompanyPage):
    if facet in ("industry", "certification", "language"):
        taxonomy = {"industry": Industry, "certification": Certification, "language": Language}[facet]
        relation = model._meta.model_name
        rows = (
            taxonomy.objects.filter(**{f"{relation}__in": ids})
            .annotate(count=Count(relation, distinct=True))
            .order_by("-count", "code")
        )
        return [{"value": row.code, "label": row.label, "count": row.count} for row in rows]
    if facet == "region":
        rows = Region.objects.filter(pk__in=model.objects.filter(pk__in=ids).values("region"))
        counts = dict(
            model.objects.filter(pk__in=ids)
            .order_by()
            .values_list("region")
            .annotate(n=Count("pk"))
            .values_list("region", "n")
        )
        return sorted(
            ({"value": r.code, "label": r.label, "count": counts.get(r.pk, 0)} for r in rows),
            key=lambda item: (-item["count"], item["value"]),
        )
    field, labels = {
        "country": ("country", dict([("DE", _("Germany")), ("CZ", _("Czechia"))])),
        "size": ("size", dict(SIZE_CLASSES)),
        "verified": ("is_verified", {True: _("Verified"), False: _("Not verified")}),
    }[facet]
    rows = model.objects.filter(pk__in=ids).order_by().values_list(field).annotate(n=Count("pk")).order_by("-n")
    return [
        {
            "value": ("true" if value else "false") if facet == "verified" else value,
            "label": str(labels.get(value, value)),
            "count": n,
        }
        for value, n in rows
        if value not in ("", None)
    ]
