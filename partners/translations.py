"""Translations under review: which are out of date, and how non-publishers send theirs to the workflow.

A translation is *out of date* when its source page was published after wagtail-localize last synced
the source (`TranslationSource.last_updated_at`): the translated page does not yet offer the new text.
"""

import contextlib

from django.core.exceptions import ValidationError
from django.db.models import F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from .services import submit_for_review


def with_source_changes(translations):
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return translations.annotate(
        source_page_id=Subquery(source_page.values("pk")[:1]),
        source_changed_at=Subquery(source_page.values("last_published_at")[:1]),
    )


def out_of_date_translations():
    """Enabled page translations whose source was published after the last sync."""
    translations = Translation.objects.filter(enabled=True).select_related("source", "source__locale", "target_locale")
    return with_source_changes(translations).filter(source_changed_at__gt=F("source__last_updated_at"))


def translation_of(page):
    """The wagtail-localize translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "source__locale")
        .first()
    )


def is_out_of_date(translation):
    return out_of_date_translations().filter(pk=translation.pk).exists()


def stale_translations_of(page):
    """Out-of-date translations of `page` when it is a translation source."""
    return out_of_date_translations().filter(source__object_id=page.translation_key, source__locale_id=page.locale_id)


def submit_translation_for_review(translation, user):
    """Save the translated page as a draft revision from the current translations and start its review."""
    translation.save_target(user=user, publish=False)
    return submit_for_review(translation.get_target_instance(), user)


def save_drafts(page, locales, user):
    """ "Translate this page" for people who may not publish: drafts in each locale, nothing goes live."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translations = []
    for locale in locales:
        if locale == source.locale:
            continue
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        with contextlib.suppress(ValidationError):
            translation.save_target(user=user, publish=False)
        translations.append(translation)
    return source, translations


def sync_and_submit(source, translations, user):
    """Sync the source into each translation: publish where `user` may, submit for review elsewhere."""
    submitted = []
    for translation in translations:
        target = translation.get_target_instance()
        may_publish = target.permissions_for_user(user).can_publish()
        with contextlib.suppress(ValidationError):
            translation.save_target(user=user, publish=may_publish)
            if not may_publish:
                submit_for_review(target, user)
                submitted.append(translation)
    return submitted
