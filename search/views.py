"""The site search page."""

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
    paginator = Paginator(results, 10)
    try:
        page_number = max(int(request.GET.get("page", 1)), 1)
        results_page = paginator.page(page_number)
    except (ValueError, EmptyPage):
        results_page = paginator.page(1) if paginator.count else None
    return render(request, "search/search.html", {"query": query, "results": results_page})
