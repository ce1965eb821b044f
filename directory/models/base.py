"""Fields shared by company and institution listings: address, region, public contact, source language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel  # noqa: F401  (re-exported for listing models)
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage

COUNTRIES = [("DE", _("Germany")), ("CZ", _("Czechia"))]
SOURCE_LANGUAGES = [("de", _("German")), ("cs", _("Czech")), ("en", _("English"))]


class ListingPage(BasePage):
    """Abstract: a directory entry. Its slug is the same in every locale."""

    keep_slug_across_locales = True

    legal_name = models.CharField(_("legal name"), max_length=255, blank=True)
    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("town"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="DE")
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Listings without a region are flagged for the editors."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    phone = models.CharField(
        _("public phone"), max_length=40, blank=True, help_text=_("The switchboard number; shown publicly.")
    )
    website = models.URLField(_("website"), blank=True)
    source_language = models.CharField(
        _("source language"),
        max_length=2,
        choices=SOURCE_LANGUAGES,
        default="de",
        help_text=_("The language the listing was written in."),
    )
    logo = models.ForeignKey(
        "core.CustomImage", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("website")], heading=_("Public contact")),
    ]

    # Facts are the same in every locale; only texts are translated (wagtail-localize).
    synchronized_field_names = [
        "slug", "legal_name", "street", "postcode", "city", "country", "region", "latitude", "longitude",
        "phone", "website", "source_language", "logo",
    ]  # fmt: skip
    translated_field_names = ["title", "seo_title", "search_description"]

    class Meta:
        abstract = True

    @classmethod
    def build_translatable_fields(cls, extra_translated=(), extra_synchronized=()):
        return [TranslatableField(name) for name in [*cls.translated_field_names, *extra_translated]] + [
            SynchronizedField(name) for name in [*cls.synchronized_field_names, *extra_synchronized]
        ]

    @property
    def map_places(self):
        if self.latitude is None or self.longitude is None:
            return []
        return [{"name": self.title, "lat": self.latitude, "lon": self.longitude, "url": self.url, "city": self.city}]

    @property
    def is_outside_programme_area(self):
        return self.region is not None and not self.region.in_programme_area
