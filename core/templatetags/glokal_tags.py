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


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    """A schema.org block; escaped like Django's json_script so text can never close the element."""
    import json

    from django.utils.safestring import mark_safe

    text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
