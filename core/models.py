"""Project-wide models that must exist from the first migration: the user and the image model."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class User(AbstractUser):
    """The platform's user: partner editors, translators, moderators and SME accounts."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        blank=True,
        help_text=_("Language of the e-mails the platform sends to this person."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class CustomImage(AbstractImage):
    """Images carry a mandatory text alternative, so no page shows an image without one."""

    alt_text = models.CharField(
        _("text alternative"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty only for decoration."),
    )

    admin_form_fields = Image.admin_form_fields + ("alt_text",)

    @property
    def default_alt_text(self):
        return self.alt_text or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
