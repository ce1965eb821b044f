"""The company's own fields, as the owner edits them (facts set by partners, e.g. verification, stay out)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import CompanyPage, Industry
from directory.registry_ids import RegistryIdError, normalize_ico, normalize_register_number, normalize_vat_id

from .richtext import richtext_to_text, text_to_richtext

PROFILE_FIELDS = [
    "title", "legal_name", "legal_form", "founded", "employees", "size",
    "street", "postcode", "city", "country", "region", "phone", "website",
    "industries", "certifications", "languages",
    "ico", "vat_id", "register_court", "register_number",
]  # fmt: skip


def _registry(normalize, value, **kwargs):
    if not value:
        return ""
    try:
        return normalize(value, **kwargs)
    except RegistryIdError as error:
        raise forms.ValidationError(error.message, code=error.code) from error


class CompanyProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=CompanyPage._meta.get_field("website").verbose_name, required=False, assume_scheme="https"
    )
    description_text = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What the company does, in the language of the listing. Separate paragraphs with an empty line."),
    )

    class Meta:
        model = CompanyPage
        fields = PROFILE_FIELDS
        labels = {"title": _("Name shown in the directory")}
        widgets = {
            "industries": forms.CheckboxSelectMultiple,
            "certifications": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industries"].queryset = Industry.objects.filter(level=Industry.DIVISION)
        self.initial["description_text"] = richtext_to_text(self.instance.description)

    # Ids are checked when the owner changes them: imported values (e.g. a Czech "C 23533" register entry)
    # stay as the partners accepted them.
    def clean_ico(self):
        return self._checked("ico", normalize_ico)

    def clean_vat_id(self):
        return self._checked("vat_id", normalize_vat_id, default_country=self.data.get(self.add_prefix("country")))

    def clean_register_number(self):
        value = self.cleaned_data.get("register_number")
        if self.data.get(self.add_prefix("country")) != "DE":
            return value
        return self._checked("register_number", normalize_register_number)

    def _checked(self, name, normalize, **kwargs):
        value = self.cleaned_data.get(name)
        if name not in self.changed_data:
            return value
        return _registry(normalize, value, **kwargs)

    def apply(self):
        """Set the cleaned values on the page in memory (relations included); nothing is saved here."""
        page = self.save(commit=False)
        self.save_m2m()
        if "description_text" in self.changed_data:
            page.description = text_to_richtext(self.cleaned_data["description_text"])
        return page
