"""StreamField blocks shared by page types; each explains itself to editors."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = _("A heading that structures the page for screen readers and search engines.")
        preview_value = {"text": "Kooperation über die Grenze", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = _("An image with its text alternative (set on the image) and an optional caption.")


class TitleTextBlock(blocks.StructBlock):
    """An item with a short title and a paragraph: a product, a service, an agenda item."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ul"
        template = "blocks/title_text.html"
        description = _("A short title with a paragraph of explanation.")
        preview_value = {"title": "CNC-Drehteile", "text": "Einzelteile und Serien aus Stahl und Messing."}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        description=_("Running text with links and lists."),
        preview_value="<p>Glokal verbindet Unternehmen in Sachsen und Tschechien.</p>",
    )
    image = ImageWithCaptionBlock()
