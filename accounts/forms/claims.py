"""Finding one's company, claiming it, and the partner's decision on the claim (admin)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Claim


class FindCompanyForm(forms.Form):
    q = forms.CharField(
        label=_("Company name, IČO or VAT id"),
        max_length=120,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "organization"}),
    )


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("How are you connected to the company?"),
        help_text=_("For example your role, and a phone number on which the partner can reach you to confirm."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )


class ClaimDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve: the applicant may edit this listing")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Claim
        fields = ["decision_note"]

    def clean(self):
        cleaned = super().clean()
        if not self.instance.is_pending:
            raise forms.ValidationError(_("This claim has already been decided."))
        return cleaned

    @property
    def approved(self):
        return self.cleaned_data["decision"] == "approve"
