"""A partner organisation: its user group, its own institution page, and the regions it looks after."""

from django import forms
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    group = models.OneToOneField(
        Group,
        verbose_name=_("user group"),
        on_delete=models.PROTECT,
        related_name="partner",
        help_text=_("Members of this group act as the partner's editors."),
    )
    institution = models.ForeignKey(
        "directory.InstitutionPage",
        verbose_name=_("institution page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"alias_of__isnull": True},
        help_text=_("The partner's own page; its editors maintain it and the events it organises, in every language."),
    )
    regions = models.ManyToManyField(
        "directory.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="partners",
        help_text=_("Company listings of these regions are reviewed by this partner."),
    )
    everywhere = models.BooleanField(
        _("may act in every region"),
        default=False,
        help_text=_("Its editors may also edit and publish listings of regions another partner looks after."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("institution"),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("everywhere"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name
