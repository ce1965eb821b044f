"""The site search page: the same service as the JSON API, rendered for people (works without JS)."""

import re

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from core.visitor_cache import cached_for_visitors
from search.forms import SearchForm
from search.params import ParamError, validate_params
from search.service import SearchParams, search
from search.suggest import suggestions

PER_PAGE = 10


@require_GET
@cached_for_visitors
def search_view(request):
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    language = translation.get_language()
    try:
        page_number = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        page_number = 1
    result, error = None, None
    query = data.get("q", "")
    if query or any(
        data.get(name) for name in ("industry", "region", "country", "size", "certification", "language", "verified")
    ):
        params = SearchParams(
            q=query,
            lang=language,
            limit=PER_PAGE,
            offset=(page_number - 1) * PER_PAGE,
            types=data.get("type") or [],
            industry=data.get("industry") or [],
            region=data.get("region") or [],
            country=data.get("country") or [],
            size=data.get("size") or [],
            certification=data.get("certification") or [],
            language=data.get("language") or [],
            verified=data.get("verified") or None,
        )
        try:
            result = search(validate_params(params))
        except ParamError as exc:
            error = str(exc)
    pages = (result.count + PER_PAGE - 1) // PER_PAGE if result else 0
    other_pages = _other_pages(query) if query and page_number == 1 else []
    type_options = []
    if result:
        type_options = [{"value": value, "label": label, "count": None} for value, label in form.fields["type"].choices]
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "result": result,
            "error": error,
            "page_number": page_number,
            "pages": pages,
            "querystring": querystring.urlencode(),
            "type_options": type_options,
            "other_pages": other_pages,
        },
    )


def _other_pages(query):
    """The site's own pages (imprint, privacy, accessibility, easy language) that match, in this language."""
    from wagtail.models import Locale

    from home.models import StandardPage

    # Only words reach the engine: SQLite's full-text syntax rejects stray quotes and operators.
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    queryset = StandardPage.objects.live().public().filter(locale=Locale.get_active())
    return list(queryset.search(words)[:5])


@require_GET
def suggest_view(request):
    """Autocomplete: listing names and glossary terms starting with what was typed."""
    return JsonResponse({"suggestions": suggestions(request.GET.get("q", ""), translation.get_language())})
