"""Background work: e-mails leave through Django's task framework (immediate in dev and tests)."""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_notification_mail(subject, body, recipient, language):
    EmailMessage(subject, body, to=[recipient], headers={"Content-Language": language}).send()
