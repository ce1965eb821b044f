"""Keep listings present in every locale while published, and gone from every locale when not.

Wagtail updates aliases when their original is published, but leaves them live when it is unpublished
and turns them into independent copies when it is deleted; for listings that would leak content.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from core.localization import ensure_aliases_in_all_locales


def _is_listing(page):
    return getattr(page, "keep_slug_across_locales", False) and page.depth > 3


@receiver(page_published)
def alias_listing_into_other_locales(sender, instance, **kwargs):
    if _is_listing(instance):
        if ensure_aliases_in_all_locales(instance):
            mirror_view_restrictions(instance)


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


# A private listing must be private in every locale: its aliases and translations live in other subtrees,
# where the restriction on the source page would not reach them.
_mirroring = {"active": False}


def mirror_view_restrictions(page):
    """Give every counterpart of `page` (aliases, translations) the same view restrictions as `page`."""
    if _mirroring["active"]:
        return
    _mirroring["active"] = True
    try:
        restrictions = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
        for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk):
            PageViewRestriction.objects.filter(page=other).delete()
            for restriction in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=other, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())
    finally:
        _mirroring["active"] = False


def _restricted_listing(restriction):
    page = Page.objects.filter(pk=restriction.page_id).first()
    return page.specific if page and _is_listing(page.specific) else None


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    page = None if raw else _restricted_listing(instance)
    if page is not None:
        mirror_view_restrictions(page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        page = _restricted_listing(instance)
        if page is not None:
            mirror_view_restrictions(page)
