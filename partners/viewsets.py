"""Admin screens for the partner assignment (administrators only: nobody else holds partners.* rights)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Partner


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    add_to_settings_menu = True
    list_display = ["name", "group", "institution", Column("everywhere", label=_("Every region"))]
    search_fields = ["name"]
    copy_view_enabled = False


partner_viewset = PartnerViewSet("partners")
