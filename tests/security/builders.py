"""Pages filled with one value in every text field and every StreamField block, built from the models themselves.

Walking the model fields (instead of listing them here) means a text field or block added later is covered too.
"""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone
from django.utils.html import escape
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

# Page fields from wagtailcore that editors fill in; the rest (path, url_path, locks…) are bookkeeping.
PAGE_TEXT_FIELDS = {"title", "seo_title", "search_description"}
NOT_TEXT = {"slug", "editor_notes"}  # the slug is validated; editor notes are never rendered publicly


def png_file(name="pixel.png", size=(4, 3)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def text_fields(model):
    """Concrete, editable, free-text fields of a page model (CharField/TextField without choices, URLField)."""
    for field in model._meta.concrete_fields:
        if field.model is Page and field.name not in PAGE_TEXT_FIELDS:
            continue
        if field.name in NOT_TEXT or not field.editable or field.choices:
            continue
        if isinstance(field, (models.CharField, models.TextField, RichTextField)):
            yield field


def stream_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, StreamField)]


def _block_value(block, text_for, image):
    if isinstance(block, blocks.StructBlock):
        return {name: _block_value(child, text_for, image) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return f"<p>{escape(text_for(None))}</p>"  # what the editor stores for typed text
    if isinstance(block, blocks.ChoiceBlock):
        return str(block.field.choices[-1][0])
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return text_for(getattr(block.field, "max_length", None))
    if isinstance(block, blocks.TimeBlock):
        return "09:30:00"
    if isinstance(block, blocks.DateBlock):
        return "2030-01-15"
    if isinstance(block, ImageChooserBlock):
        return image.pk if image else None
    if isinstance(block, blocks.URLBlock):
        return "https://xss.example/?q=%22%3E%3Cscript%3E"
    return block.get_default()


def stream_value(field, text_for, image):
    """Raw StreamField data with one block of every type, each filled through `text_for(max_length)`."""
    raw = [
        {"type": name, "value": _block_value(block, text_for, image)}
        for name, block in field.stream_block.child_blocks.items()
    ]
    return field.stream_block.to_python(raw)


def fill(page, text_for, image=None):
    """Set every text field and StreamField of `page` from `text_for(max_length)`; returns the field names."""
    filled = []
    for field in text_fields(type(page)):
        if isinstance(field, RichTextField):
            value = f"<p>{escape(text_for(None))}</p>"
        elif isinstance(field, models.URLField):
            value = "https://xss.example/?q=" + text_for(None).replace(" ", "%20")
            value = value[: field.max_length]
        else:
            value = text_for(field.max_length)
        setattr(page, field.attname, value)
        filled.append(field.name)
    for field in stream_fields(type(page)):
        setattr(page, field.attname, stream_value(field, text_for, image))
        filled.append(field.name)
    return filled


def required_facts(model):
    """Values for required non-text fields (dates, choices) so that the page saves."""
    facts = {}
    start = timezone.now() + dt.timedelta(days=30)
    for field in model._meta.concrete_fields:
        if field.model is Page or field.null or field.blank or field.has_default():
            continue
        if field.choices:
            facts[field.name] = field.choices[0][0]
        elif isinstance(field, models.DateTimeField):
            facts[field.name] = start if field.name != "end" else start + dt.timedelta(hours=3)
        elif isinstance(field, models.DateField):
            facts[field.name] = start.date()
    return facts


def parent_for(model, language="de"):
    """The page under which `model` is created in `language` (the first allowed parent type that exists)."""
    locale = Locale.objects.get(language_code=language)
    for parent_model in model.allowed_parent_page_models():
        parent = parent_model.objects.filter(locale=locale).first()
        if parent is not None and parent.depth > 1:
            return parent
    raise LookupError(f"no parent page for {model.__name__} in {language}")


def create_page(model, slug, text_for, *, publish=True, language="de", image=None, **extra):
    parent = parent_for(model, language)
    page = model(slug=slug, **required_facts(model), **extra)
    fill(page, text_for, image)
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
