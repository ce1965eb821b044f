"""The public registration form (with spam traps) and the organiser's message form."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import translation
from django.utils.translation import gettext_lazy as _

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
TOKEN_SALT = "events.registration-form"  # noqa: S105 - a signing salt, not a secret

# The consent text a visitor agrees to. Change CONSENT_VERSION whenever the wording changes,
# so each registration records which text was shown.
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "I agree that my name, company and e-mail address are stored to organise this event and are passed on to "
    "its organiser. I can cancel my registration at any time with the link in the confirmation e-mail."
)

TOKEN_OK, TOKEN_FORGED, TOKEN_RETRY = "ok", "forged", "retry"


def form_token():
    return signing.dumps(time.time(), salt=TOKEN_SALT)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    company = forms.CharField(
        label=_("Company or organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the confirmation and the calendar file to this address. It is never shown publicly."),
    )
    language = forms.ChoiceField(label=_("Language of our e-mails to you"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree, otherwise we cannot register you.")},
    )
    # Spam traps: a field people never see, and the signed time the form was shown.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    # The promotion link the visitor came through (no cookie: it travels in the page's URL and this field).
    via = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", form_token())
            self.initial.setdefault("language", (translation.get_language() or settings.LANGUAGE_CODE)[:2])

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())  # no line breaks: the name ends up in e-mail headers

    def clean_via(self):
        return self.cleaned_data["via"].strip().lower()[:32]  # an unknown code is simply not counted

    def clean_company(self):
        return " ".join(self.cleaned_data["company"].split())

    def check_token(self):
        """TOKEN_FORGED for bots (hidden field filled, token missing or forged); TOKEN_RETRY when a person
        was very fast or left the page open too long (they are asked to send again); TOKEN_OK otherwise."""
        if self.data.get("homepage"):
            return TOKEN_FORGED
        try:
            shown_at = float(signing.loads(self.data.get("token", ""), salt=TOKEN_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return TOKEN_FORGED
        age = time.time() - shown_at
        if age < MIN_FILL_SECONDS or age > MAX_FORM_AGE_SECONDS:
            return TOKEN_RETRY
        return TOKEN_OK

    def refresh_token(self):
        """Re-rendered forms get a fresh token, so the next attempt is timed from now."""
        self.data = self.data.copy()
        self.data["token"] = form_token()


class ParticipantMessageForm(forms.Form):
    """One message to all confirmed participants, with optional versions per language."""

    subject_de = forms.CharField(label=_("Subject (German)"), max_length=200, required=False)
    body_de = forms.CharField(label=_("Message (German)"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    subject_cs = forms.CharField(label=_("Subject (Czech)"), max_length=200, required=False)
    body_cs = forms.CharField(label=_("Message (Czech)"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200, required=False)
    body_en = forms.CharField(label=_("Message (English)"), widget=forms.Textarea(attrs={"rows": 8}), required=False)

    LANGUAGES = ("de", "cs", "en")

    def clean(self):
        cleaned = super().clean()
        for language in self.LANGUAGES:
            subject, body = cleaned.get(f"subject_{language}"), cleaned.get(f"body_{language}")
            if bool(subject) != bool(body):
                self.add_error(
                    f"body_{language}" if subject else f"subject_{language}", _("Give both a subject and a message.")
                )
            if subject and ("\n" in subject or "\r" in subject):
                self.add_error(f"subject_{language}", _("The subject must be one line."))
        if not self.texts():
            raise forms.ValidationError(_("Write the message in at least one language."))
        return cleaned

    def texts(self):
        """{language: (subject, body)} for every language the organiser wrote in."""
        data = getattr(self, "cleaned_data", {})
        return {
            language: (data[f"subject_{language}"], data[f"body_{language}"])
            for language in self.LANGUAGES
            if data.get(f"subject_{language}") and data.get(f"body_{language}")
        }
