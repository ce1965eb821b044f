"""A visitor's registration for an event: a seat, a place on the waiting list, or a cancelled one."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    CONFIRMED, WAITLISTED, CANCELLED = "confirmed", "waitlisted", "cancelled"
    STATUSES = [(CONFIRMED, _("confirmed")), (WAITLISTED, _("on the waiting list")), (CANCELLED, _("cancelled"))]

    # Always the event's canonical page (EventPage.canonical), whichever translation the visitor used.
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company or organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent given"), default=False)
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    status = models.CharField(_("status"), max_length=12, choices=STATUSES, default=CONFIRMED, db_index=True)
    created = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    promotion_link = models.ForeignKey(
        "events.PromotionLink",
        verbose_name=_("arrived via"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # For later: a signed-in visitor's own directory listing (accounts are built elsewhere).
    company_page = models.ForeignKey(
        "directory.CompanyPage",
        verbose_name=_("directory listing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per address and event, whatever the letter case.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~models.Q(status="cancelled"),
                name="events_registration_one_active_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def campaign(self):
        return self.promotion_link.campaign if self.promotion_link_id else ""
