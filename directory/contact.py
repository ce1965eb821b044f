"""The contact form on listings: validation, spam traps, rate limit, and delivery to the private contact."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import ContactMessage

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
RATE_LIMIT = (5, 3600)  # messages per IP and hour
SIGNING_SALT = "directory.contact"


def form_token():
    return signing.dumps(time.time(), salt=SIGNING_SALT)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=_("The company replies to this address."))
    company = forms.CharField(label=_("Your company"), max_length=200, required=False)
    message = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    consent = forms.BooleanField(
        label=_("I agree that my message and address are passed on to this company."),
        error_messages={"required": _("Please agree, otherwise we cannot pass on your message.")},
    )
    # Spam traps: a field people never see, and the time the form was shown (signed).
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = form_token()

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())  # no line breaks: the name ends up in a header

    def is_spam(self):
        """True for bots: the hidden field was filled, or the form came back too fast or with a forged token."""
        if self.data.get("homepage"):
            return True
        try:
            shown_at = signing.loads(self.data.get("token", ""), salt=SIGNING_SALT, max_age=MAX_FORM_AGE_SECONDS)
        except signing.BadSignature:
            return True
        return time.time() - float(shown_at) < MIN_FILL_SECONDS


def recipient_for(page):
    for person in page.contact_persons.all():
        if person.email:
            return person
    return None


def deliver(page, form, language):
    """Store the message and relay it to the listing's contact; the visitor's address only in Reply-To."""
    data = form.cleaned_data
    message = ContactMessage.objects.create(
        page=page,
        sender_name=data["name"],
        sender_email=data["email"],
        sender_company=data.get("company", ""),
        text=data["message"],
        language=language,
    )
    person = recipient_for(page)
    if person is None:
        return message
    # Written in the listing's language, which is the one its contact reads.
    with translation.override(page.content_language):
        subject = str(_("Message via Glokal from %(name)s")) % {"name": data["name"]}
        body = render_to_string("directory/email/contact_message.txt", {"page": page, "data": data, "person": person})
    email = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
        reply_to=[data["email"]],
    )
    email.send()
    message.delivered = True
    message.save(update_fields=["delivered"])
    return message
