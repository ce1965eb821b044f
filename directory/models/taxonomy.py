"""Vocabularies shared by every locale.

Decision (DESIGN.md §2): one record per concept carries its labels in de, cs and en. Pages in every locale
link to the same record, so links never need syncing across translations, and search can match a German
query against the Czech label of the very same concept.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

LABEL_LANGUAGES = ("de", "cs", "en")


class MultilingualLabelMixin(models.Model):
    label_de = models.CharField(_("label (German)"), max_length=255)
    label_cs = models.CharField(_("label (Czech)"), max_length=255)
    label_en = models.CharField(_("label (English)"), max_length=255)

    label_panels = [
        MultiFieldPanel([FieldPanel("label_de"), FieldPanel("label_cs"), FieldPanel("label_en")], heading=_("Labels"))
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.code} – {self.label}"

    def label_in(self, language):
        return getattr(self, f"label_{language}", "") or self.label_en

    @property
    def label(self):
        return self.label_in((translation.get_language() or "de")[:2])

    def all_labels(self):
        return [self.label_de, self.label_cs, self.label_en]


class Industry(MultilingualLabelMixin, index.Indexed, models.Model):
    """NACE Rev. 2: sections (letters) and divisions (two digits)."""

    SECTION, DIVISION = "section", "division"
    code = models.CharField(_("code"), max_length=8, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=[(SECTION, _("Section")), (DIVISION, _("Division"))])
    parent = models.ForeignKey(
        "self", verbose_name=_("section"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    panels = [FieldPanel("code"), FieldPanel("level"), FieldPanel("parent")] + MultilingualLabelMixin.label_panels
    search_fields = [
        index.SearchField("code"),
        index.AutocompleteField("label_de"),
        index.AutocompleteField("label_cs"),
        index.AutocompleteField("label_en"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class Region(MultilingualLabelMixin, index.Indexed, models.Model):
    """A NUTS 3 region, with the names people use for it in queries."""

    code = models.CharField(_("NUTS 3 code"), max_length=8, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=[("DE", _("Germany")), ("CZ", _("Czechia"))])
    in_programme_area = models.BooleanField(
        _("in the programme area"),
        default=True,
        help_text=_("Interreg Sachsen–Tschechien 2021–2027. Other regions are listed but marked as outside."),
    )
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Names people use for this region in searches, one per line (e.g. Erzgebirge, Krušné hory)."),
    )

    panels = [FieldPanel("code"), FieldPanel("country"), FieldPanel("in_programme_area")] + (
        MultilingualLabelMixin.label_panels + [FieldPanel("aliases")]
    )
    search_fields = [
        index.SearchField("code"),
        index.AutocompleteField("label_de"),
        index.AutocompleteField("label_cs"),
        index.AutocompleteField("label_en"),
    ]

    class Meta:
        ordering = ["country", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Certification(MultilingualLabelMixin, index.Indexed, models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)

    panels = [FieldPanel("code")] + MultilingualLabelMixin.label_panels
    search_fields = [
        index.SearchField("code"),
        index.AutocompleteField("label_de"),
        index.AutocompleteField("label_cs"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")


class Language(MultilingualLabelMixin, models.Model):
    """A language a company's staff speak (ISO 639-1)."""

    code = models.CharField(_("code"), max_length=8, unique=True)

    panels = [FieldPanel("code")] + MultilingualLabelMixin.label_panels

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class GlossaryConcept(index.Indexed, models.Model):
    """One trade concept with its terms in each language; the first term of each list is the preferred one."""

    key = models.SlugField(_("key"), max_length=100, unique=True)
    industry = models.ForeignKey(
        Industry, verbose_name=_("industry"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    terms_de = models.TextField(_("German terms"), help_text=_("One term per line; the first is the preferred term."))
    terms_cs = models.TextField(_("Czech terms"), help_text=_("One term per line; the first is the preferred term."))
    terms_en = models.TextField(_("English terms"), help_text=_("One term per line; the first is the preferred term."))

    panels = [
        FieldPanel("key"),
        FieldPanel("industry"),
        FieldPanel("terms_de"),
        FieldPanel("terms_cs"),
        FieldPanel("terms_en"),
    ]
    search_fields = [
        index.SearchField("key"),
        index.SearchField("terms_de"),
        index.SearchField("terms_cs"),
        index.SearchField("terms_en"),
        index.AutocompleteField("terms_de"),
        index.AutocompleteField("terms_cs"),
        index.AutocompleteField("terms_en"),
    ]

    class Meta:
        ordering = ["key"]
        verbose_name = _("glossary concept")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.label

    def terms_in(self, language):
        return [t.strip() for t in getattr(self, f"terms_{language}", "").splitlines() if t.strip()]

    def all_terms(self):
        return [term for language in LABEL_LANGUAGES for term in self.terms_in(language)]

    @property
    def label(self):
        terms = self.terms_in((translation.get_language() or "de")[:2]) or self.terms_in("en")
        return terms[0] if terms else self.key
