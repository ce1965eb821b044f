"""Keep listings present in every locale when they are published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from core.localization import ensure_aliases_in_all_locales


@receiver(page_published)
def alias_listing_into_other_locales(sender, instance, **kwargs):
    if getattr(instance, "keep_slug_across_locales", False) and instance.depth > 3:
        ensure_aliases_in_all_locales(instance)
