"""`make run`'s data step: the site skeleton, the directory corpus and demo accounts. Idempotent."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.site_setup import setup_site

DEMO_PASSWORD = "glokal-demo-2026"  # noqa: S105 - demo mode only; refused when DEBUG is off


class Command(BaseCommand):
    help = "Load the demo data set (site pages, directory corpus, demo accounts). Development only."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--hostname", default="127.0.0.1")

    def handle(self, *args, port, hostname, **options):
        if not settings.DEBUG:
            raise CommandError("load_demo creates demo accounts and only runs with DEBUG on (development).")
        setup_site(hostname=hostname, port=port)
        from directory.data_files import data_file

        call_command("import_directory", str(data_file("directory-corpus.json")), "--shift-events-to-today")
        call_command("setup_partners")
        accounts = self.ensure_accounts()
        self.stdout.write(self.style.SUCCESS(f"Glokal demo ready on http://{hostname}:{port}/"))
        self.stdout.write("Demo accounts (development only):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<22} password: {DEMO_PASSWORD:<18} {role}")

    def ensure_accounts(self):
        from django.contrib.auth import get_user_model

        user_model = get_user_model()
        admin, created = user_model.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@glokal.example"}
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        from accounts.demo import ensure_demo_sme
        from partners.demo import ensure_demo_accounts

        return [
            ("admin", "administrator (/admin/)"),
            *ensure_demo_accounts(DEMO_PASSWORD),
            *ensure_demo_sme(DEMO_PASSWORD),
        ]
