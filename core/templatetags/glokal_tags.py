from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's and hreflang's entries: the same page in each language, else that locale's home."""
    request = context.get("request")
    localized = context.get("localized_urls") or {}
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    links = []
    for code, name in settings.LANGUAGES:
        url = localized.get(code)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request is not None and url else url,
                "current": code == current,
            }
        )
    return links
