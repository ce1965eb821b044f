"""Business-promotion institutions: chambers, agencies, universities, research institutes, clusters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import TitleTextBlock
from core.pages import BasePage

from .base import ListingPage
from .contactable import ContactableMixin

INSTITUTION_KINDS = [
    ("chamber", _("Chamber")),
    ("agency", _("Business development agency")),
    ("university", _("University")),
    ("research", _("Research institute")),
    ("cluster", _("Cluster")),
    ("network", _("Network")),
    ("municipality", _("Municipality")),
]


class InstitutionIndexPage(BasePage):
    keep_slug_across_locales = True
    intro = models.CharField(_("introduction"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.InstitutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("institution index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        institutions = list(
            InstitutionPage.objects.live().public().child_of(self).select_related("region", "alias_of__locale")
        )
        context["groups"] = [
            {"kind": kind, "label": label, "items": [i for i in institutions if i.kind == kind]}
            for kind, label in INSTITUTION_KINDS
            if any(i.kind == kind for i in institutions)
        ]
        context["places"] = [place for i in institutions for place in i.map_places]
        return context


class InstitutionPage(ContactableMixin, ListingPage):
    kind = models.CharField(_("kind"), max_length=20, choices=INSTITUTION_KINDS, db_index=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    services = StreamField([("service", TitleTextBlock())], verbose_name=_("services for SMEs"), blank=True)
    public_partner = models.BooleanField(_("project partner"), default=False)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("public_partner")]),
        FieldPanel("legal_name"),
        FieldPanel("description"),
        FieldPanel("services"),
        *ListingPage.address_panels,
        InlinePanel("contact_persons", label=_("Contact persons (never shown publicly)")),
        FieldPanel("logo"),
        FieldPanel("source_language"),
    ]
    parent_page_types = ["directory.InstitutionIndexPage"]
    subpage_types = []

    translatable_fields = ListingPage.build_translatable_fields(
        extra_translated=["description", "services"], extra_synchronized=["kind", "public_partner", "contact_persons"]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("search_tokens"),
        index.SearchField("legal_name"),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def get_context(self, request, *args, **kwargs):
        from directory.jsonld import organization

        context = super().get_context(request, *args, **kwargs)
        context["jsonld"] = organization(self, request)
        return context

    def permissions_for_user(self, user):
        # Partner editors act on their own organisation's page only (partners/permissions.py).
        from partners.permissions import PartnerPagePermissionTester

        return PartnerPagePermissionTester(user, self)


class InstitutionContact(Orderable):
    page = ParentalKey(InstitutionPage, on_delete=models.CASCADE, related_name="contact_persons")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name
