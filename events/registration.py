"""Registering for an event: seats, the waiting list, and cancelling with a signed link (no login).

Seats are counted under a row lock on the event's canonical page, so two people can never both take the
last seat (PostgreSQL; SQLite serialises writes anyway). E-mails go out after the transaction commits.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone

from core.ratelimit import hit, too_many_requests
from events.forms import CONSENT_VERSION, TOKEN_FORGED, TOKEN_RETRY, RegistrationForm
from events.models import EventPage, PromotionLink, Registration

RATE_LIMIT = (10, 3600)  # registration attempts per IP and hour
CANCEL_SALT = "events.cancel"

OPEN, DISABLED, DEADLINE_PASSED, STARTED = "open", "disabled", "deadline", "started"


class RegistrationClosed(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Seats:
    capacity: int | None
    confirmed: int
    waitlisted: int

    @property
    def left(self):
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def full(self):
        return self.capacity is not None and self.confirmed >= self.capacity


@dataclass
class RegistrationState:
    status: str
    seats: Seats

    @property
    def open(self):
        return self.status == OPEN


def seats(event):
    event = event.canonical
    counts = dict(
        Registration.objects.filter(event=event)
        .exclude(status=Registration.CANCELLED)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return Seats(event.capacity, counts.get(Registration.CONFIRMED, 0), counts.get(Registration.WAITLISTED, 0))


def closed_reason(event, now=None):
    """OPEN, or why nobody can register: turned off, deadline passed, or the event has begun."""
    now = now or timezone.now()
    if not event.registration_enabled:
        return DISABLED
    if event.start <= now:
        return STARTED
    if event.registration_deadline and event.registration_deadline < now:
        return DEADLINE_PASSED
    return OPEN


def registration_state(page):
    return RegistrationState(closed_reason(page), seats(page))


def _lock(event_id):
    # Only the event's own row (not Wagtail's page row), so editors can keep working on the page.
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def _fill_seats(event):
    """Move people from the waiting list to free seats, first come first served. Call under the lock."""
    waiting = Registration.objects.filter(event=event, status=Registration.WAITLISTED).order_by("created", "pk")
    if event.capacity is not None:
        confirmed = Registration.objects.filter(event=event, status=Registration.CONFIRMED).count()
        waiting = waiting[: max(event.capacity - confirmed, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Registration.CONFIRMED
        registration.save(update_fields=["status"])
    return promoted


def register(page, *, name, email, language, company="", via_code="", consent_version=CONSENT_VERSION):
    """(registration, created). An address already registered gets its existing registration back."""
    event = page.canonical
    with transaction.atomic():
        event = _lock(event.pk)
        existing = (
            Registration.objects.filter(event=event, email__iexact=email).exclude(status=Registration.CANCELLED).first()
        )
        if existing:
            return existing, False
        reason = closed_reason(event)
        if reason != OPEN:
            raise RegistrationClosed(reason)
        confirmed = Registration.objects.filter(event=event, status=Registration.CONFIRMED).count()
        full = event.capacity is not None and confirmed >= event.capacity
        link = PromotionLink.objects.filter(code=via_code, event=event).first() if via_code else None
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event,
                    name=name,
                    company=company,
                    email=email,
                    language=language,
                    consent=True,
                    consent_version=consent_version,
                    status=Registration.WAITLISTED if full else Registration.CONFIRMED,
                    promotion_link=link,
                )
        except IntegrityError:  # the unique constraint caught a double registration the lock did not see
            active = Registration.objects.exclude(status=Registration.CANCELLED)
            return active.get(event=event, email__iexact=email), False
    return registration, True


def cancel(registration_id):
    """(registration, promoted registrations). Cancelling twice changes nothing."""
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
        event = _lock(event_id)
        registration = Registration.objects.get(pk=registration_id)
        if registration.status == Registration.CANCELLED:
            return registration, []
        was_confirmed = registration.status == Registration.CONFIRMED
        registration.status = Registration.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _fill_seats(event) if was_confirmed and not event.start <= timezone.now() else []
    return registration, promoted


def fill_from_waiting_list(page):
    """After an editor raised the capacity: give the new seats to the waiting list, and tell them."""
    from events.emails import notify

    if page.start <= timezone.now():
        return []
    with transaction.atomic():
        promoted = _fill_seats(_lock(page.canonical.pk))
    for registration in promoted:
        notify(registration, "promoted")
    return promoted


# ---------------------------------------------------------------- signed cancel links
def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_token(token):
    try:
        pk = signing.loads(token or "", salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.filter(pk=pk).select_related("event").first()


def cancel_url(registration):
    page = registration.event.localized_for(registration.language)
    return page.get_full_url() + page.reverse_subpage("cancel") + "?" + urlencode({"t": cancel_token(registration)})


# ---------------------------------------------------------------- views (routes of EventPage)
def _done(page, request):
    return redirect(page.get_url(request) + "?registered=1#registration")


def register_view(page, request):
    from events.emails import notify

    if request.method != "POST":
        return redirect(page.get_url(request) + "#registration")
    if not hit("event-registration", request, *RATE_LIMIT):
        return too_many_requests(request)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        form.refresh_token()
        return page.render(request, context_overrides={"form": form})
    token = form.check_token()
    if token == TOKEN_FORGED:
        return _done(page, request)  # bots get the same answer as people, so they learn nothing
    if token == TOKEN_RETRY:
        form.refresh_token()
        return page.render(request, context_overrides={"form": form, "confirm_again": True})
    data = form.cleaned_data
    try:
        registration, created = register(
            page,
            name=data["name"],
            company=data["company"],
            email=data["email"],
            language=data["language"],
            via_code=data["via"],
        )
    except RegistrationClosed:
        return page.render(request, context_overrides={"form": form})
    # A repeated address gets a reminder by e-mail, and the page says the same as for a new one,
    # so nobody learns from the page whether someone else is registered.
    notify(registration, registration.status if created else "already_registered", data["language"])
    return _done(page, request)


def cancel_view(page, request):
    from events.emails import notify

    token = request.POST.get("t") if request.method == "POST" else request.GET.get("t")
    registration = registration_for_token(token)
    context = {"token": token, "registration": registration}
    if registration is None or registration.event_id != page.canonical.pk:
        response = page.render(request, template="events/event_cancel.html", context_overrides={"invalid": True})
        response.status_code = 400
        return response
    if registration.status != Registration.CANCELLED and page.start <= timezone.now():
        context["too_late"] = True
    elif request.method == "POST":
        registration, promoted = cancel(registration.pk)
        for person in promoted:
            notify(person, "promoted")
        context.update(registration=registration, cancelled_now=True)
    return page.render(request, template="events/event_cancel.html", context_overrides=context)
