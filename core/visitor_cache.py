"""Rendered pages for anonymous visitors, kept in the shared cache and dropped whenever content changes.

The directory listing and the search page are the same for every visitor without a session, and the most
requested pages after an event promotion. They are cached per host, language and full path for
VISITOR_CACHE_SECONDS (0 switches the cache off; production turns it on only with a cache that all app
servers share, see cms/settings/production.py). Every change that could alter what a visitor sees —
any page saved, published, unpublished, moved or deleted, a view restriction, a taxonomy entry, a site —
starts a new generation, so no cached page outlives the content it shows; a draft or private page never
reaches the cache because only what an anonymous visitor is served is stored.

Not cached: requests with a session or a pending message, previews, anything but GET/HEAD, responses other
than 200, and responses that use the CSRF token or set a cookie (forms stay per visitor).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import translation

from core import generations

GENERATION_KEY = "visitor-cache:generation"


def _seconds():
    return getattr(settings, "VISITOR_CACHE_SECONDS", 0)


def content_changed():
    """Start a new generation: every cached page is stale from now on."""
    generations.bump(GENERATION_KEY)


def _cacheable_request(request):
    return (
        _seconds() > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = translation.get_language() or ""
    return f"visitor-page:{generations.current(GENERATION_KEY)}:{request.get_host()}:{language}:{path}"


def _cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "streaming", False)
    )


def serve_cached(request, render):
    """`render()` → response, or the cached copy of it for an anonymous visitor."""
    if not _cacheable_request(request):
        return render()
    key = _key(request)
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        response = HttpResponse(content, content_type=content_type)
        response["X-Visitor-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if _cacheable_response(request, response):
        cache.set(key, (response.content, response["Content-Type"]), timeout=_seconds())
        response["X-Visitor-Cache"] = "miss"
    return response


def cached_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return serve_cached(request, lambda: view(request, *args, **kwargs))

    return wrapper


def _watched(instance):
    from wagtail.models import Page, PageViewRestriction, Site

    from directory.models import Certification, GlossaryConcept, Industry, Language, Region

    return isinstance(
        instance, (Page, PageViewRestriction, Site, Industry, Region, Certification, Language, GlossaryConcept)
    )


@receiver(post_save)
@receiver(post_delete)
def _content_saved(sender, instance, raw=False, **kwargs):
    if not raw and _seconds() > 0 and _watched(instance):
        content_changed()
