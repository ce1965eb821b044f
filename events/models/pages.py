"""Cooperation events: where most visitors first meet the platform."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.pages import BasePage
from events.panels import RegistrationStatsPanel

TIME_ZONES = [("Europe/Berlin", "Europe/Berlin"), ("Europe/Prague", "Europe/Prague")]
EVENT_KINDS = [
    ("cooperation_exchange", _("Cooperation exchange")),
    ("supplier_day", _("Supplier day")),
    ("workshop", _("Workshop")),
    ("conference", _("Conference")),
    ("trade_mission", _("Trade mission")),
    ("networking", _("Networking meeting")),
    ("information", _("Information event")),
]


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        template = "events/blocks/agenda_item.html"
        description = _("One point of the agenda with its start time.")
        preview_value = {"time": "09:00", "title": "Begrüßung", "text": ""}


class EventIndexPage(RoutablePageMixin, BasePage):
    keep_slug_across_locales = True
    intro = models.CharField(_("introduction"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def events(self):
        """Live, public events of this index's locale (aliases of untranslated events included)."""
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("region", "alias_of__locale", "locale")
            .prefetch_related("languages")
        )

    @path("")
    def index_route(self, request):
        from events.listing import listing_context

        return self.render(request, context_overrides=listing_context(self, request))

    @path("<int:year>/<int:month>/", name="month")
    def month_route(self, request, year, month):
        from django.http import Http404

        from events.listing import month_context

        context = month_context(self, request, year, month)
        if context is None:
            raise Http404
        return self.render(request, template="events/event_month.html", context_overrides=context)

    @path("feed/", name="feed")
    def feed_route(self, request):
        from events.calendar import feed_response

        return feed_response(self, request)


class EventPage(RoutablePageMixin, BasePage):
    keep_slug_across_locales = True

    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    kind = models.CharField(_("kind of event"), max_length=24, choices=EVENT_KINDS, db_index=True)
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
    partners = ParentalManyToManyField(
        "directory.InstitutionPage", verbose_name=_("partners"), blank=True, related_name="+"
    )
    languages = ParentalManyToManyField("directory.Language", verbose_name=_("languages spoken"), blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: unlimited."))
    registration_enabled = models.BooleanField(
        _("registration on this platform"),
        default=True,
        help_text=_("Visitors register through the form on the event page (with a waiting list when full)."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Empty: until the event starts.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
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
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Registration"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList([RegistrationStatsPanel(heading=_("Seats and campaigns"))], heading=_("Registrations")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    translatable_fields = [
        TranslatableField(name)
        for name in ("title", "seo_title", "search_description", "description", "agenda", "venue_name")
    ] + [
        SynchronizedField(name)
        for name in (
            "slug", "kind", "start", "end", "time_zone", "street", "postcode", "city", "country", "region", "latitude",
            "longitude", "online_url", "organiser", "partners", "languages", "capacity", "registration_enabled",
            "registration_deadline",
        )
    ]  # fmt: skip
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]

    def permissions_for_user(self, user):
        # Partner editors act on the events their own organisation organises (partners/permissions.py).
        from partners.permissions import PartnerPagePermissionTester

        return PartnerPagePermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("The registration deadline must be before the end of the event.")
        if errors:
            raise ValidationError(errors)

    # ------------------------------------------------------------------ facts
    @property
    def tz(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    def has_ended(self, now=None):
        return self.end < (now or timezone.now())

    def local_dates(self):
        """Every calendar day the event touches, in its own time zone."""
        day, last = self.local_start.date(), self.local_end.date()
        while day <= last:
            yield day
            day += dt.timedelta(days=1)

    @cached_property
    def canonical(self):
        """The one page of this event that registrations and promotion links belong to, whatever the locale.

        Translations and aliases share a translation key; the page created first (the source) holds the seats.
        """
        if self.alias_of_id:
            return self.alias_of.specific
        first = EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
        return first or self

    def localized_for(self, language_code):
        """This event in `language_code`'s locale if it exists there, else the canonical page."""
        page = (
            EventPage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=language_code)
            .first()
        )
        return page or self.canonical

    @property
    def address_line(self):
        parts = [self.venue_name, self.street, f"{self.postcode} {self.city}".strip()]
        return ", ".join(part for part in parts if part)

    @property
    def map_places(self):
        if self.latitude is None or self.longitude is None:
            return []
        return [
            {
                "name": self.venue_name or self.title,
                "lat": self.latitude,
                "lon": self.longitude,
                "url": self.url,
                "city": self.city,
                "street": self.street,
                "postcode": self.postcode,
            }
        ]

    # ------------------------------------------------------------------ views
    def get_context(self, request, *args, **kwargs):
        from events.jsonld import event_jsonld
        from events.registration import registration_state

        context = super().get_context(request, *args, **kwargs)
        context["state"] = registration_state(self)
        context["jsonld"] = event_jsonld(self, request, context["state"])
        context["partners"] = [partner.localized for partner in self.partners.all()]
        return context

    @path("")
    def index_route(self, request):
        from events.forms import RegistrationForm

        form = RegistrationForm(initial={"via": request.GET.get("via", "")[:32]})
        return self.render(request, context_overrides={"form": form, "registered": "registered" in request.GET})

    @path("register/", name="register")
    def register_route(self, request):
        from events.registration import register_view

        return register_view(self, request)

    @path("cancel/", name="cancel")
    def cancel_route(self, request):
        from events.registration import cancel_view

        return cancel_view(self, request)

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        from events.calendar import event_response

        return event_response(self, request)
