"""Consent to the terms of use and the privacy notice, kept with the version the person agreed to."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Raise a version when the text changes; sign-ups then record the new one. settings.GLOKAL_CONSENT_VERSIONS
# may override these (e.g. a deployment with its own legal texts).
DEFAULT_VERSIONS = {"terms": "2026-11", "privacy": "2026-11"}


def current_versions():
    return {**DEFAULT_VERSIONS, **getattr(settings, "GLOKAL_CONSENT_VERSIONS", {})}


class Consent(models.Model):
    TERMS, PRIVACY = "terms", "privacy"
    KINDS = [(TERMS, _("terms of use")), (PRIVACY, _("privacy notice"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    version = models.CharField(_("version"), max_length=40)
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.version}"

    @classmethod
    def record_current(cls, user, when=None):
        """Store consent to the current version of every kind (the sign-up form asks for both at once)."""
        when = when or timezone.now()
        versions = current_versions()
        return [
            cls.objects.create(user=user, kind=kind, version=versions[kind], accepted_at=when)
            for kind, _label in cls.KINDS
        ]
