"""Admin for organisers: registrations (participant lists, CSV export) and promotion links, in one menu group."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from events import admin_views
from events.models import EventPage, PromotionLink, Registration

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def canonical_events(request=None):
    """One entry per event (its canonical page), not one per translation."""
    firsts = EventPage.objects.order_by().values("translation_key").annotate(first=Min("pk")).values("first")
    return EventPage.objects.filter(pk__in=firsts).order_by("-start")


class ByEventFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=canonical_events)


class RegistrationFilterSet(ByEventFilterSet):
    class Meta:
        model = Registration
        fields = ["event", "status", "language"]


class PromotionLinkFilterSet(ByEventFilterSet):
    class Meta:
        model = PromotionLink
        fields = ["event"]


class RegistrationIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Names come from the public form: never let a spreadsheet read them as formulas.
        if export_format == self.FORMAT_CSV and isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


class NoCreateView(CreateView):
    """Registrations come through the public form, which enforces capacity, consent and the waiting list."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "event_registrations"
    url_prefix = "events/registrations"
    icon = "group"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    add_view_class = NoCreateView
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = RegistrationFilterSet
    list_display = ["name", "company", "email", "get_status_display", "event", "promotion_link", "created"]
    search_fields = ["name", "company", "email"]
    search_backend_name = None
    form_fields = ["name", "company", "email", "language"]
    list_export = [
        "event", "name", "company", "email", "language", "get_status_display", "created", "cancelled_at",
        "campaign", "consent_version",
    ]  # fmt: skip
    export_headings = {"get_status_display": _("Status"), "campaign": _("Campaign")}
    export_filename = "registrations"

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)


class ShortLinkColumn(Column):
    cell_template_name = "events/admin/short_link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        from events.promotion import short_url

        context = super().get_cell_context_data(instance, parent_context)
        context["short_url"] = short_url(instance)
        context["svg_url"] = reverse("events_promotion_qr", args=[instance.pk, "svg"])
        context["png_url"] = reverse("events_promotion_qr", args=[instance.pk, "png"])
        return context


class PromotionLinkIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event").annotate(registration_count=Count("registrations"))


class PromotionLinkCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        event = self.request.GET.get("event", "")
        if event.isdigit():
            initial["event"] = int(event)
        return initial


class PromotionLinkViewSet(ModelViewSet):
    model = PromotionLink
    name = "promotion_links"
    url_prefix = "events/promotion-links"
    icon = "link"
    menu_label = _("Promotion links")
    index_view_class = PromotionLinkIndexView
    add_view_class = PromotionLinkCreateView
    copy_view_enabled = False
    filterset_class = PromotionLinkFilterSet
    form_fields = ["event", "campaign", "code"]
    search_fields = ["campaign", "code"]
    search_backend_name = None
    list_display = [
        "campaign",
        "event",
        ShortLinkColumn("code", label=_("Short link and QR code")),
        "visits",
        Column("registration_count", label=_("Registrations")),
        "created",
    ]


class EventAdminGroup(ViewSetGroup):
    menu_label = _("Event registrations")
    menu_icon = "date"
    menu_order = 250
    items = (RegistrationViewSet, PromotionLinkViewSet)


@hooks.register("register_admin_viewset")
def register_event_admin():
    return EventAdminGroup()


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path("events/<int:event_id>/participants/", admin_views.ParticipantsView.as_view(), name="events_participants"),
        path("events/<int:event_id>/message/", admin_views.MessageView.as_view(), name="events_message"),
        path("events/qr/<int:pk>.<str:kind>", admin_views.promotion_qr, name="events_promotion_qr"),
    ]
