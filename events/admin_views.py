"""Organisers' admin views: participants with seats and waiting list, a message to all, campaign counts, QR codes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.forms import ParticipantMessageForm
from events.models import EventPage, PromotionLink, Registration

MANAGE_PERMISSION = "events.change_registration"


def can_manage(user):
    return user.has_perm(MANAGE_PERMISSION)


def campaign_counts(event):
    """Promotion links of the event with their visit and registration counts."""
    from events.promotion import short_url

    links = list(
        PromotionLink.objects.filter(event=event.canonical)
        .annotate(registration_count=Count("registrations"))
        .order_by("campaign", "pk")
    )
    for link in links:
        link.short_url = short_url(link)
    return links


def event_statistics(page):
    from events.registration import seats

    event = page.canonical
    return {
        "event": event,
        "seats": seats(event),
        "campaigns": campaign_counts(event),
        "direct_registrations": Registration.objects.filter(event=event, promotion_link=None).count(),
        "participants_url": reverse("events_participants", args=[event.pk]),
        "message_url": reverse("events_message", args=[event.pk]),
        "export_url": reverse("event_registrations:index") + f"?event={event.pk}&export=csv",
        "add_link_url": reverse("promotion_links:add") + f"?event={event.pk}",
    }


class EventAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def event(self):
        return get_object_or_404(EventPage, pk=self.kwargs["event_id"]).canonical

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("event_registrations:index"), "label": _("Registrations")},
            {"url": reverse("events_participants", args=[self.event.pk]), "label": self.event.title},
        ]


class ParticipantsView(EventAdminMixin, TemplateView):
    page_title = _("Participants")
    template_name = "events/admin/participants.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = Registration.objects.filter(event=self.event).select_related("promotion_link")
        context.update(
            event_statistics(self.event),
            confirmed=registrations.filter(status=Registration.CONFIRMED),
            waitlisted=registrations.filter(status=Registration.WAITLISTED),
            cancelled=registrations.filter(status=Registration.CANCELLED),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Cancel one registration for the participant (who asked by phone, say); the waiting list moves up."""
        from events.emails import notify
        from events.registration import cancel

        registration = get_object_or_404(Registration, pk=request.POST.get("registration"), event=self.event)
        registration, promoted = cancel(registration.pk)
        for person in promoted:
            notify(person, "promoted")
        messages.success(request, _("The registration of %(name)s is cancelled.") % {"name": registration.name})
        return redirect("events_participants", self.event.pk)


class MessageView(EventAdminMixin, FormView):
    page_title = _("Write to the participants")
    template_name = "events/admin/message.html"
    form_class = ParticipantMessageForm

    def recipients(self):
        return Registration.objects.filter(event=self.event, status=Registration.CONFIRMED)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(event=self.event, recipient_count=self.recipients().count())
        return context

    def form_valid(self, form):
        from events.emails import send_participant_message

        count = self.recipients().count()
        send_participant_message.enqueue(self.event.pk, form.texts(), self.request.user.email or "")
        messages.success(
            self.request,
            ngettext(
                "The message is being sent to %(count)d participant.",
                "The message is being sent to %(count)d participants.",
                count,
            )
            % {"count": count},
        )
        return redirect("events_participants", self.event.pk)


def promotion_qr(request, pk, kind):
    from events.promotion import qr_response

    if kind not in ("svg", "png"):
        raise Http404
    if not request.user.has_perm("events.change_promotionlink"):
        raise PermissionDenied
    return qr_response(get_object_or_404(PromotionLink, pk=pk), kind, request)
