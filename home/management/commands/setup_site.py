from django.core.management.base import BaseCommand

from home.site_setup import setup_site


class Command(BaseCommand):
    help = "Create (or complete) the site skeleton in every language; safe to run repeatedly."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, hostname, port, **options):
        setup_site(hostname=hostname, port=port)
        self.stdout.write(self.style.SUCCESS(f"Site ready at http://{hostname}:{port}/"))
