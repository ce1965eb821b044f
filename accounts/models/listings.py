"""Who manages which company listing: claims on existing listings and the ownership they lead to.

Ownership is stored by the listing's translation key, so it covers the source page and every
translation or alias of it in the other locales.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Claim(models.Model):
    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    STATUSES = [(PENDING, _("pending")), (APPROVED, _("approved")), (REJECTED, _("rejected"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="listing_claims"
    )
    # The listing's source page. A plain Page link keeps this app's migrations independent of the directory's.
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("company listing"), on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("message"), blank=True, help_text=_("How the applicant is connected to the company."))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(
        _("note to the applicant"), blank=True, help_text=_("Sent to the applicant with the decision.")
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("listing claim")
        verbose_name_plural = _("listing claims")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], condition=models.Q(status="pending"), name="accounts_one_pending_claim"
            )
        ]

    def __str__(self):
        return f"{self.page.title} – {self.user.email}"

    @property
    def company(self):
        """The claimed listing as a CompanyPage."""
        return self.page.specific

    @property
    def is_pending(self):
        return self.status == self.PENDING


class CompanyOwner(models.Model):
    """A user who may edit a company listing (in every locale) through the front-end forms."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="company_ownerships"
    )
    translation_key = models.UUIDField(_("listing"), db_index=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company owner")
        verbose_name_plural = _("company owners")
        constraints = [models.UniqueConstraint(fields=["user", "translation_key"], name="accounts_one_ownership")]

    def __str__(self):
        return f"{self.user_id} → {self.translation_key}"
