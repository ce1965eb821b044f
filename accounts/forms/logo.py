"""The company logo: an upload through Wagtail's image model with a required text alternative.

Wagtail's image field enforces the allowed formats (WAGTAILIMAGES_EXTENSIONS has no SVG, which could carry
scripts), that the content matches the extension, the file size and the pixel count. It is built per form,
so the limits follow the settings of the moment.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField


class LogoForm(forms.Form):
    remove = forms.BooleanField(label=_("Remove the logo"), required=False)
    alt_text = forms.CharField(
        label=_("Text alternative of the new logo"),
        max_length=255,
        required=False,
        help_text=_("What the logo shows, for people who cannot see it – usually the company name."),
    )

    def __init__(self, *args, current=None, **kwargs):
        self.current = current
        super().__init__(*args, **kwargs)
        self.fields["file"] = WagtailImageField(label=_("Upload a new logo"), required=False)
        self.order_fields(["file", "alt_text", "remove"])
        if current is None:
            del self.fields["remove"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") and not (cleaned.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Please describe the logo, so that everybody knows what it shows."))
        if cleaned.get("file") and cleaned.get("remove"):
            self.add_error("remove", _("Upload a new logo or remove the current one, not both."))
        return cleaned

    def apply(self, page, user):
        """Point the page at a new image (stored now; it shows publicly only once the page is published)."""
        data = self.cleaned_data
        if data.get("remove"):
            page.logo = None
        elif data.get("file"):
            page.logo = get_image_model().objects.create(
                title=(_("Logo of %(company)s") % {"company": page.title})[:255],
                file=data["file"],
                alt_text=data["alt_text"].strip(),
                uploaded_by_user=user,
            )
        return page
