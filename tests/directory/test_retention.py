import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import ContactMessage

pytestmark = pytest.mark.django_db


def test_texts_older_than_30_days_are_deleted_but_the_message_is_counted():
    old = ContactMessage.objects.create(sender_name="A", sender_email="a@example.org", text="alt", language="de")
    new = ContactMessage.objects.create(sender_name="B", sender_email="b@example.org", text="neu", language="cs")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    call_command("purge_contact_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.text == "" and old.text_purged_at is not None
    assert new.text == "neu" and new.text_purged_at is None
    assert ContactMessage.objects.count() == 2
