"""Messages visitors send to a listing through the contact form (the address is never shown)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+")
    sender_name = models.CharField(_("name"), max_length=120)
    sender_email = models.EmailField(_("e-mail"))
    sender_company = models.CharField(_("company"), max_length=200, blank=True)
    text = models.TextField(_("message"), blank=True)
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered = models.BooleanField(default=False)
    # Kept for the partners' statistics; the text itself is deleted after 30 days.
    text_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.sender_name} → {self.page_id} ({self.created_at:%Y-%m-%d})"
