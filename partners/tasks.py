"""Background work: e-mails leave through Django's task framework (immediate in dev and tests)."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_notification_mail(subject, body, recipient):
    send_mail(subject, body, None, [recipient])
