"""The sign-up form (ACCOUNT_FORMS["signup"]): allauth's, plus consent to the terms and the privacy notice."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent


class SignupForm(AllauthSignupForm):
    consent = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy notice."),
        help_text=_("We store which version you agreed to and when."),
        error_messages={"required": _("Please accept the terms of use and the privacy notice to create an account.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        privacy = privacy_page()
        if privacy is not None:
            self.fields["consent"].help_text = format_html(
                '{} <a href="{}">{}</a>', self.fields["consent"].help_text, privacy.url, gettext("Privacy notice")
            )

    def custom_signup(self, request, user):
        super().custom_signup(request, user)
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        if dict(settings.LANGUAGES).get(language):
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        Consent.record_current(user)


def privacy_page():
    """The privacy notice in the visitor's language (a standard page with the slug "privacy"), if there is one."""
    from wagtail.models import Locale

    from home.models import StandardPage

    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return None
    return StandardPage.objects.live().filter(slug="privacy", locale=locale).first()
