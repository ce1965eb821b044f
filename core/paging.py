from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """A page of `items` for ?page=N; out-of-range or malformed numbers give the nearest valid page."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    page.querystring = query.urlencode()
    return page
