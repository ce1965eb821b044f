"""Contact messages are kept for the partners' statistics, but their text only for 30 days."""

import datetime as dt

from django.utils import timezone

from .models import ContactMessage

TEXT_RETENTION = dt.timedelta(days=30)


def purge_old_message_texts(now=None):
    now = now or timezone.now()
    return ContactMessage.objects.filter(created_at__lt=now - TEXT_RETENTION, text_purged_at__isnull=True).update(
        text="", text_purged_at=now
    )
