"""E-mails to participants, each in the participant's own language, sent one by one through Django tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

SUBJECTS = {
    "confirmed": _("Your registration: %(title)s"),
    "waitlisted": _("You are on the waiting list: %(title)s"),
    "promoted": _("A seat has become free for you: %(title)s"),
    "already_registered": _("You are already registered: %(title)s"),
}
# Kinds that confirm a seat carry the calendar file.
WITH_CALENDAR = {"confirmed", "promoted"}


def notify(registration, kind, language=None):
    """Queue one of the SUBJECTS mails; runs at once with the immediate backend (development, tests).

    `language` overrides the registration's own, e.g. for a reminder to someone who just used another language.
    """
    send_registration_mail.enqueue(registration.pk, kind, language or registration.language)


def _event_facts(event):
    return {
        "event": event,
        "when": formats.date_format(event.local_start, "DATETIME_FORMAT"),
        "until": formats.date_format(
            event.local_end, "TIME_FORMAT" if event.local_end.date() == event.local_start.date() else "DATETIME_FORMAT"
        ),
        "event_url": event.get_full_url(),
    }


@task()
def send_registration_mail(registration_id, kind, language):
    from events.calendar import event_ics
    from events.models import Registration
    from events.registration import cancel_url

    registration = Registration.objects.select_related("event").get(pk=registration_id)
    with_calendar = kind in WITH_CALENDAR or (
        kind == "already_registered" and registration.status == Registration.CONFIRMED
    )
    event = registration.event.localized_for(language)
    with translation.override(language):
        subject = str(SUBJECTS[kind]) % {"title": event.title}
        body = render_to_string(
            f"events/email/{kind}.txt",
            {**_event_facts(event), "registration": registration, "cancel_url": cancel_url(registration)},
        )
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email])
        if with_calendar:
            message.attach(f"{event.slug}.ics", event_ics(event), "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()


def message_texts_for(language, texts):
    """The organiser's text in `language`, else in the first language they wrote (de, cs, en)."""
    return texts.get(language) or next(iter(texts.values()))


@task()
def send_participant_message(event_id, texts, reply_to=""):
    """Organiser → every confirmed participant, one e-mail each (nobody sees another address)."""
    from events.models import EventPage, Registration
    from events.registration import cancel_url

    event = EventPage.objects.get(pk=event_id).canonical
    sent = 0
    for registration in Registration.objects.filter(event=event, status=Registration.CONFIRMED).order_by("pk"):
        subject, body = message_texts_for(registration.language, texts)
        localized = event.localized_for(registration.language)
        with translation.override(registration.language):
            text = render_to_string(
                "events/email/organiser_message.txt",
                {**_event_facts(localized), "body": body, "cancel_url": cancel_url(registration)},
            )
        EmailMessage(
            " ".join(subject.split()),
            text,
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
            reply_to=[reply_to] if reply_to else None,
        ).send()
        sent += 1
    return sent
