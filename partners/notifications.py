"""Workflow e-mails, each in the recipient's own language.

Replaces Wagtail's default workflow notifications (same signals and dispatch uids, so each event sends
one e-mail, not two): the submitter gets a confirmation, the reviewers of the page's region or
organisation are asked to review, and the submitter hears back on approval or on a request for changes,
with the reviewer's comment. Wagtail's account setting "notifications" is respected.

Links: admin users get the admin edit view; other users (SMEs) get the first URL returned by a
`partners_front_end_edit_url` hook (fn(page, user) -> str | None), else the public page.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from .tasks import send_notification_mail

PREFERENCE = {"review_requested": "submitted", "approved": "approved", "rejected": "rejected"}


def language_for(user):
    return user.preferred_language or settings.LANGUAGE_CODE


def edit_url_for(page, user):
    if user.has_perm("wagtailadmin.access_admin"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
    for hook in hooks.get_hooks("partners_front_end_edit_url"):
        url = hook(page, user)
        if url:
            return url
    return page.get_full_url()


def wants(user, template):
    preference = PREFERENCE.get(template)
    return preference is None or getattr(UserProfile.get_for_user(user), f"{preference}_notifications", True)


def notify(users, template, page, **context):
    """Render `partners/mail/<template>` once per recipient, in their language, and send after commit."""
    for user in users:
        if not (user and user.is_active and user.email and wants(user, template)):
            continue
        language = language_for(user)
        with translation.override(language):
            values = {"user": user, "page": page, "edit_url": edit_url_for(page, user), **context}
            subject = render_to_string(f"partners/mail/{template}_subject.txt", values).strip()
            body = render_to_string(f"partners/mail/{template}.txt", values).strip()
        transaction.on_commit(
            lambda s=subject, b=body, to=user.email, lang=language: send_notification_mail.enqueue(s, b, to, lang)
        )


def _page(workflow_state):
    """The version under review: the latest revision (its region decides who reviews it)."""
    return workflow_state.content_object.get_latest_revision_as_object()


def _partner_names(page):
    from .services import responsible_partners

    return ", ".join(partner.name for partner in responsible_partners(page))


def workflow_submitted_mail(sender, instance, user=None, **kwargs):
    page = _page(instance)
    notify([instance.requested_by], "submitted", page, partners=_partner_names(page))


def task_submitted_mail(sender, instance, user=None, **kwargs):
    from .models import RegionalReviewTask
    from .services import reviewers_for

    if not isinstance(instance.task.specific, RegionalReviewTask):
        return wagtail_mail.task_submission_email_notifier(sender=sender, instance=instance, user=user, **kwargs)
    page = _page(instance.workflow_state)
    requester = instance.workflow_state.requested_by
    reviewers = reviewers_for(page).exclude(pk=getattr(user, "pk", None))
    notify(reviewers, "review_requested", page, requester=requester, partners=_partner_names(page))


def workflow_approved_mail(sender, instance, user=None, **kwargs):
    if instance.requested_by and instance.requested_by != user:
        page = instance.content_object.specific
        notify([instance.requested_by], "approved", page, reviewer=user, live_url=page.get_full_url())


def workflow_rejected_mail(sender, instance, user=None, **kwargs):
    if instance.requested_by and instance.requested_by != user:
        task_state = instance.current_task_state
        notify([instance.requested_by], "rejected", _page(instance), reviewer=user, comment=task_state.comment)


RECEIVERS = (
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", workflow_submitted_mail),
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", task_submitted_mail),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", workflow_approved_mail),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", workflow_rejected_mail),
)


def connect_receivers():
    # Take over Wagtail's slots: whichever app's ready() runs first, only these receivers remain.
    for signal, sender, dispatch_uid, receiver in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
