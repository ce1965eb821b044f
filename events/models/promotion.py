"""Short links per event and campaign (one per flyer or newsletter), counted without cookies."""

import secrets

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: codes get typed from paper
CODE_PATTERN = r"^[a-z0-9-]{3,32}$"


def new_code(length=6):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


class PromotionLink(models.Model):
    # Always the event's canonical page; the redirect picks the visitor's language.
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="promotion_links"
    )
    campaign = models.CharField(
        _("campaign"), max_length=120, help_text=_("Where the link is printed or sent, e.g. 'Flyer IHK Chemnitz'.")
    )
    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        blank=True,
        validators=[RegexValidator(CODE_PATTERN, _("Use 3–32 lower-case letters, digits or hyphens."))],
        help_text=_("The short link is /e/<code>. Leave empty for a random code."),
    )
    visits = models.PositiveIntegerField(_("visits"), default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("promotion link")
        verbose_name_plural = _("promotion links")

    def __str__(self):
        return f"/e/{self.code} – {self.campaign}"

    def save(self, *args, **kwargs):
        if self.event_id:
            self.event = self.event.specific.canonical
        if not self.code:
            self.code = new_code()
            while PromotionLink.objects.filter(code=self.code).exists():
                self.code = new_code()
        super().save(*args, **kwargs)

    def get_absolute_path(self):
        return f"/e/{self.code}"
