"""Company listings and the directory index that holds them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.pages import BasePage

from .base import ListingPage
from .contactable import ContactableMixin

SIZE_CLASSES = [
    ("micro", _("Micro (fewer than 10 employees)")),
    ("small", _("Small (10–49 employees)")),
    ("medium", _("Medium (50–249 employees)")),
    ("large", _("Large (250 or more employees)")),
]
NEED_KINDS = [
    ("supplier", _("Supplier wanted")),
    ("cooperation", _("Cooperation partner wanted")),
    ("capacity", _("Capacity wanted")),
    ("rnd", _("R&D partner wanted")),
]


class KindLabelValue(blocks.StructValue):
    def kind_label(self):
        return dict(self.block.child_blocks["kind"].field.choices).get(self.get("kind"), "")


class OfferBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("product", _("Product")), ("service", _("Service"))], default="product", label=_("Kind")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "tag"
        template = "directory/blocks/offer.html"
        value_class = KindLabelValue
        description = _("A product or service the company offers.")
        preview_value = {"kind": "service", "title": "CNC-Fräsen", "text": "5-Achs-Bearbeitung bis 800 mm."}


class NeedBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=NEED_KINDS, default="supplier", label=_("What is wanted"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "help"
        template = "directory/blocks/need.html"
        value_class = KindLabelValue
        description = _("Something the company is looking for: a supplier, a partner, capacity or R&D.")
        preview_value = {"kind": "supplier", "title": "Pulverbeschichtung", "text": "Für Serienteile bis 2 m."}


class DirectoryIndexPage(BasePage):
    keep_slug_across_locales = True
    intro = models.CharField(_("introduction"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.CompanyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company directory")

    per_page = 20

    def serve(self, request, *args, **kwargs):
        from core.visitor_cache import serve_cached

        return serve_cached(request, lambda: super(DirectoryIndexPage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from core.paging import paginate
        from directory.filters import CompanyFilterForm, apply_filters, companies_in, facet_counts, sort_queryset

        context = super().get_context(request, *args, **kwargs)
        form = CompanyFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_bound and form.is_valid() else {}
        base = companies_in(self.locale)
        results = sort_queryset(apply_filters(base, data), data.get("sort"))
        context.update(
            form=form,
            facets=facet_counts(base, data),
            selected={key: value for key, value in data.items() if value},
            results=paginate(request, results.select_related("region", "locale", "alias_of__locale"), self.per_page),
            places=[
                {"name": title, "lat": lat, "lon": lon, "city": city, "url": f"{self.url}{slug}/"}
                for title, lat, lon, city, slug in results.filter(latitude__isnull=False).values_list(
                    "title", "latitude", "longitude", "city", "slug"
                )
            ],
        )
        return context


class CompanyPage(ContactableMixin, ListingPage):
    legal_form = models.CharField(_("legal form"), max_length=60, blank=True)
    ico = models.CharField(_("IČO (Czech company number)"), max_length=8, blank=True, db_index=True)
    vat_id = models.CharField(_("VAT id"), max_length=14, blank=True, db_index=True)
    register_court = models.CharField(_("register court"), max_length=120, blank=True)
    register_number = models.CharField(_("register number"), max_length=40, blank=True, help_text=_("e.g. HRB 14539"))
    founded = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=[MinValueValidator(1500), MaxValueValidator(2100)]
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    size = models.CharField(_("size class"), max_length=10, choices=SIZE_CLASSES, blank=True, db_index=True)
    industries = ParentalManyToManyField("directory.Industry", verbose_name=_("industries"), blank=True)
    certifications = ParentalManyToManyField("directory.Certification", verbose_name=_("certifications"), blank=True)
    languages = ParentalManyToManyField("directory.Language", verbose_name=_("languages spoken"), blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    offers = StreamField([("offer", OfferBlock())], verbose_name=_("offers"), blank=True)
    needs = StreamField([("need", NeedBlock())], verbose_name=_("needs"), blank=True)
    verified_by = models.ForeignKey(
        "directory.InstitutionPage",
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    last_confirmed = models.DateField(_("last confirmed"), null=True, blank=True)
    editor_notes = models.TextField(
        _("notes for editors"), blank=True, help_text=_("Problems found on import, e.g. a town without a region.")
    )
    is_verified = models.BooleanField(_("verified"), default=False, db_index=True, editable=False)
    has_offers = models.BooleanField(default=False, editable=False)
    has_needs = models.BooleanField(default=False, editable=False)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldRowPanel([FieldPanel("legal_form"), FieldPanel("founded")]),
                FieldRowPanel([FieldPanel("employees"), FieldPanel("size")]),
            ],
            heading=_("Company"),
        ),
        FieldPanel("description"),
        FieldPanel("offers"),
        FieldPanel("needs"),
        MultiFieldPanel(
            [FieldPanel("industries"), FieldPanel("certifications"), FieldPanel("languages")],
            heading=_("Classification"),
        ),
        *ListingPage.address_panels,
        InlinePanel("contact_persons", label=_("Contact persons (never shown publicly)")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ico"), FieldPanel("vat_id")]),
                FieldRowPanel([FieldPanel("register_court"), FieldPanel("register_number")]),
            ],
            heading=_("Registry ids"),
        ),
        MultiFieldPanel(
            [FieldPanel("verified_by"), FieldRowPanel([FieldPanel("verified_on"), FieldPanel("last_confirmed")])],
            heading=_("Verification"),
        ),
        FieldPanel("logo"),
        FieldPanel("source_language"),
        FieldPanel("editor_notes"),
    ]
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    translatable_fields = ListingPage.build_translatable_fields(
        extra_translated=["description", "offers", "needs"],
        extra_synchronized=[
            "legal_form", "ico", "vat_id", "register_court", "register_number", "founded", "employees", "size",
            "industries", "certifications", "languages", "verified_by", "verified_on", "last_confirmed",
            "contact_persons", "editor_notes",
        ],
    )  # fmt: skip

    search_fields = BasePage.search_fields + [
        index.SearchField("search_tokens"),
        index.SearchField("legal_name"),
        index.SearchField("city"),
        index.SearchField("ico"),
        index.SearchField("vat_id"),
        index.AutocompleteField("legal_name"),
        # The admin's listing search autocompletes: partners find a company by IČO, VAT id or town too.
        index.AutocompleteField("ico"),
        index.AutocompleteField("vat_id"),
        index.AutocompleteField("city"),
        index.FilterField("country"),
        index.FilterField("size"),
        index.FilterField("is_verified"),
        index.FilterField("region"),
        index.FilterField("source_language"),
    ]

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def get_context(self, request, *args, **kwargs):
        from directory.jsonld import organization

        context = super().get_context(request, *args, **kwargs)
        context["jsonld"] = organization(self, request)
        context["responsible_institution"] = self.responsible_institution()
        return context

    def permissions_for_user(self, user):
        # Partner editors act on the listings of their regions only (partners/permissions.py).
        from partners.permissions import PartnerPagePermissionTester

        return PartnerPagePermissionTester(user, self)

    def responsible_institution(self):
        """The partner institution that looks after this listing's region, in the page's locale."""
        from directory.importing.corpus import DEFAULT_VERIFIER, VERIFYING_INSTITUTION_BY_REGION

        from .institutions import InstitutionPage

        slug = VERIFYING_INSTITUTION_BY_REGION.get(self.region.code if self.region else "", DEFAULT_VERIFIER)
        return InstitutionPage.objects.live().filter(slug=slug, locale=self.locale).first()

    def save(self, *args, **kwargs):
        self.is_verified = bool(self.verified_by_id and self.verified_on)
        self.has_offers = bool(self.offers and len(self.offers))
        self.has_needs = bool(self.needs and len(self.needs))
        super().save(*args, **kwargs)


class ContactPerson(Orderable):
    """A person at the company. Their e-mail and phone are never shown: visitors write through a form."""

    page = ParentalKey(CompanyPage, on_delete=models.CASCADE, related_name="contact_persons")
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
