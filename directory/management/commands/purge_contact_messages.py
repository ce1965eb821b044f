from django.core.management.base import BaseCommand

from directory.retention import purge_old_message_texts


class Command(BaseCommand):
    help = "Delete the text of contact messages older than 30 days (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_old_message_texts()} message texts deleted")
