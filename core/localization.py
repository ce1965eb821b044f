"""Every listing exists in every locale (DESIGN.md §2): an alias shows the source text until translated."""

from wagtail.models import Locale


def ensure_aliases_in_all_locales(page):
    """Create an alias of `page` in each locale where it has no counterpart yet.

    The alias keeps the page's slug and translation key, so it is found by get_translations() and
    wagtail-localize turns it into a real translation when someone translates the page.
    """
    if page.alias_of_id:
        return []
    existing = set(page.get_translations(inclusive=True).values_list("locale_id", flat=True))
    created = []
    parent = page.get_parent()
    for locale in Locale.objects.exclude(pk__in=existing):
        if not parent.specific_class or not parent.get_translations(inclusive=True).filter(locale=locale).exists():
            continue
        created.append(page.copy_for_translation(locale, alias=True))
    return created
