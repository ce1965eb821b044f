"""E-mails about claims, each in its recipient's language, sent after the transaction commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def language_for(user):
    language = (user.preferred_language or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(user, template, **context):
    if not (user and user.is_active and user.email):
        return
    with translation.override(language_for(user)):
        values = {"user": user, **context}
        subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", values).split())
        body = render_to_string(f"accounts/email/{template}.txt", values).strip()
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)
        )


def claim_submitted(claim, reviewers):
    admin_url = absolute(reverse("accounts_claim:edit", args=[claim.pk]))
    for reviewer in reviewers:
        _send(reviewer, "claim_submitted", claim=claim, admin_url=admin_url)


def claim_decided(claim):
    with translation.override(language_for(claim.user)):
        dashboard_url = absolute(reverse("accounts:dashboard"))
    _send(claim.user, "claim_decided", claim=claim, dashboard_url=dashboard_url)
