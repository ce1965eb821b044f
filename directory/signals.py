"""Keep listings present in every locale while published, and gone from every locale when not.

Wagtail updates aliases when their original is published, but leaves them live when it is unpublished
and turns them into independent copies when it is deleted; for listings that would leak content.
"""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core.localization import ensure_aliases_in_all_locales


def _is_listing(page):
    return getattr(page, "keep_slug_across_locales", False) and page.depth > 3


@receiver(page_published)
def alias_listing_into_other_locales(sender, instance, **kwargs):
    if _is_listing(instance):
        ensure_aliases_in_all_locales(instance)


@receiver(page_unpublished)
def unpublish_aliases(sender, instance, **kwargs):
    if not _is_listing(instance) or instance.alias_of_id:
        return
    for alias in Page.objects.filter(alias_of=instance, live=True).specific():
        alias.unpublish()


@receiver(pre_delete)
def delete_aliases(sender, instance, **kwargs):
    if isinstance(instance, Page) and _is_listing(instance) and not instance.alias_of_id:
        for alias in Page.objects.filter(alias_of=instance):
            alias.delete()
