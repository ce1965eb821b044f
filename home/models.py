"""The home page of each locale and plain content pages (imprint, privacy, accessibility, easy language)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.pages import BasePage


class HomePage(BasePage):
    intro = models.CharField(_("introduction"), max_length=400, blank=True)
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    """Imprint, privacy notice, accessibility statement, Leichte Sprache and similar pages."""

    intro = models.CharField(_("introduction"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    easy_language = models.BooleanField(
        _("written in easy language"),
        default=False,
        help_text=_("Marks a page written in Leichte Sprache / easy-to-read language."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = BasePage.promote_panels + [FieldPanel("easy_language")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
