"""The search page's form: the same parameters as the API, validated the same way."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.filters import CompanyFilterForm

TYPE_CHOICES = [("company", _("Companies")), ("institution", _("Institutions")), ("event", _("Events"))]


class SearchForm(CompanyFilterForm):
    type = forms.MultipleChoiceField(label=_("Show"), required=False, choices=TYPE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("has_offers", "has_needs", "sort"):
            del self.fields[name]
