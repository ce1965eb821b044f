"""Cooperation events: where most visitors first meet the platform."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage

TIME_ZONES = [("Europe/Berlin", "Europe/Berlin"), ("Europe/Prague", "Europe/Prague")]


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        template = "events/blocks/agenda_item.html"
        description = _("One point of the agenda with its start time.")
        preview_value = {"time": "09:00", "title": "Begrüßung", "text": ""}


class EventIndexPage(BasePage):
    keep_slug_across_locales = True
    intro = models.CharField(_("introduction"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        from events.schedule import past, upcoming

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).select_related("region", "alias_of__locale")
        context["upcoming_events"] = upcoming(events)
        context["past_events"] = past(events)
        return context


class EventPage(BasePage):
    keep_slug_across_locales = True

    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES, default="Europe/Berlin")
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("town"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=[("DE", _("Germany")), ("CZ", _("Czechia"))])
    region = models.ForeignKey(
        "directory.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.ForeignKey(
        "directory.InstitutionPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partners = ParentalManyToManyField("directory.InstitutionPage", verbose_name=_("partners"), blank=True, related_name="+")
    languages = ParentalManyToManyField("directory.Language", verbose_name=_("languages spoken"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: unlimited."))
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")], heading=_("Date")
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
        FieldPanel("organiser"),
        FieldPanel("partners"),
        FieldPanel("languages"),
        FieldPanel("agenda"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    translatable_fields = [TranslatableField(name) for name in ("title", "seo_title", "search_description", "description", "agenda", "venue_name")] + [
        SynchronizedField(name)
        for name in (
            "slug", "start", "end", "time_zone", "street", "postcode", "city", "country", "region", "latitude",
            "longitude", "online_url", "organiser", "partners", "languages", "capacity", "registration_deadline",
        )
    ]  # fmt: skip
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jsonld"] = self.jsonld(request)
        return context

    def jsonld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": self.get_full_url(request),
            "startDate": self.start.isoformat(),
            "endDate": self.end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": [language.code for language in self.languages.all()],
            "location": {
                "@type": "Place",
                "name": self.venue_name or self.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.street,
                    "postalCode": self.postcode,
                    "addressLocality": self.city,
                    "addressCountry": self.country,
                },
            },
        }
        if self.latitude is not None and self.longitude is not None:
            data["location"]["geo"] = {"@type": "GeoCoordinates", "latitude": self.latitude, "longitude": self.longitude}
        if self.organiser:
            organiser = self.organiser.localized
            data["organizer"] = {"@type": "Organization", "name": organiser.title, "url": organiser.get_full_url(request)}
        return data

    @property
    def map_places(self):
        if self.latitude is None or self.longitude is None:
            return []
        return [{"name": self.venue_name or self.title, "lat": self.latitude, "lon": self.longitude, "url": self.url, "city": self.city}]
