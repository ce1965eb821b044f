"""A brand-new listing: the few facts needed to place it; the owner completes the profile afterwards."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.models import Region
from directory.models.base import COUNTRIES


class NewListingForm(forms.Form):
    title = forms.CharField(label=_("Company name"), max_length=255)
    language = forms.ChoiceField(
        label=_("Language of the listing"),
        help_text=_("The language you write the company's texts in. Partners can translate them later."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.order_by("code"))
    city = forms.CharField(label=_("Town"), max_length=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

    def clean(self):
        cleaned = super().clean()
        region, country = cleaned.get("region"), cleaned.get("country")
        if region and country and region.country != country:
            self.add_error("region", _("This region is not in the chosen country."))
        return cleaned

    def listing_fields(self):
        data = self.cleaned_data
        return {"region": data["region"], "country": data["country"], "city": data["city"]}
