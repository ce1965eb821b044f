"""Promotion links: /e/<code> lands on the event in the visitor's language and counts the visit.

Nothing about the visitor is stored: one integer per link goes up, and the campaign travels on in the
URL (?via=<code>) to the registration form, never in a cookie.
"""

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Site

from events.models import PromotionLink


def visitor_language(request):
    """The language cookie if the visitor chose one, else Accept-Language, else the default."""
    language = translation.get_language_from_request(request, check_path=False)
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


@never_cache
@require_safe
def follow_link(request, code):
    language = visitor_language(request)
    link = PromotionLink.objects.select_related("event").filter(code=code.lower()).first()
    event = link.event.localized_for(language) if link else None
    if event is None or not event.live:
        # A code mistyped from a flyer, or an event taken offline: the event list helps more than an error.
        return HttpResponseRedirect(events_index_url(language))
    if request.method == "GET":  # link previews often send HEAD; they are not visits
        PromotionLink.objects.filter(pk=link.pk).update(visits=F("visits") + 1)
    response = HttpResponseRedirect(event.get_url(request) + "?" + urlencode({"via": link.code}))
    response["Vary"] = "Accept-Language, Cookie"
    return response


def events_index_url(language):
    from events.models import EventIndexPage

    index = EventIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        raise Http404
    return index.url


def short_url(link, request=None):
    """The absolute short link for print: the public site's address, not the admin's."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url + link.get_absolute_path()
    return request.build_absolute_uri(link.get_absolute_path())


def qr_code(link, kind, request=None):
    """(bytes, content type) of the link's QR code as SVG or PNG (segno writes PNG without Pillow)."""
    qr = segno.make(short_url(link, request), error="m", micro=False)
    buffer = io.BytesIO()
    if kind == "svg":
        qr.save(buffer, kind="svg", scale=10, border=4, xmldecl=True, title=link.campaign)
        return buffer.getvalue(), "image/svg+xml"
    qr.save(buffer, kind="png", scale=16, border=4)
    return buffer.getvalue(), "image/png"


def qr_response(link, kind, request=None):
    body, content_type = qr_code(link, kind, request)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="glokal-{link.code}.{kind}"'
    return response
