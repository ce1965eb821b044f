"""The sign-up form (ACCOUNT_FORMS["signup"]): allauth's, plus consent to the terms and the privacy notice."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent


class SignupForm(AllauthSignupForm):
    consent = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy notice."),
        help_text=_("We store which version you agreed to and when."),
        error_messages={"required": _("Please accept the terms of use and the privacy notice to create an account.")},
    )

    def custom_signup(self, request, user):
        super().custom_signup(request, user)
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        if dict(settings.LANGUAGES).get(language):
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        Consent.record_current(user)
