"""Contact persons: never shown publicly, they receive the messages visitors send through the form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import childformset_factory

from directory.models import CompanyPage, ContactPerson

ContactPersonFormSet = childformset_factory(
    CompanyPage,
    ContactPerson,
    fields=["name", "role", "email", "phone"],
    extra=1,
    can_delete=True,
    max_num=10,
    validate_max=True,
    widgets={"email": forms.EmailInput(attrs={"autocomplete": "off"})},
)
ContactPersonFormSet.help_text = _("They receive the messages that visitors write through the contact form.")
