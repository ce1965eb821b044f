"""Load existing translations through wagtail-localize's own structures, so a later sync keeps them."""

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def paragraphs(text):
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


def translate_page(page, locale, texts, publish=True):
    """Create or update `page`'s translation into `locale`.

    `texts` maps a segment context path ("title", "description") to the translated text; rich-text fields
    receive one string per paragraph, in order. Segments without a translation keep the source text, as
    wagtail-localize itself does when it saves a partly translated target.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    queues = {path: list(value) if isinstance(value, list) else [value] for path, value in texts.items()}
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    for segment in segments:
        queue = queues.get(segment.context.path)
        if not queue:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": queue.pop(0), "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation.save_target(publish=publish)
    return page.get_translation(locale)
