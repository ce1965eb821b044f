"""python manage.py import_directory FILE [--dry-run] [--format json|csv|xlsx] [--draft]"""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from directory.importing.corpus import load_corpus


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = "Import the JSON corpus or a chamber export (CSV/XLSX) into the directory."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], help="Default: from the file name.")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report; write nothing.")
        parser.add_argument("--draft", action="store_true", help="Create new listings as drafts (not published).")
        parser.add_argument(
            "--shift-events-to-today",
            action="store_true",
            help="Move event dates by (today − the corpus reference date), for the demo.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        file_format = options["format"] or path.suffix.lower().lstrip(".")
        if file_format not in ("json", "csv", "xlsx"):
            raise CommandError("Unknown file format; use --format json, csv or xlsx.")
        try:
            with transaction.atomic():
                if file_format == "json":
                    self.import_json(path, options)
                else:
                    self.import_table(path, file_format, options)
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def import_json(self, path, options):
        try:
            corpus = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path} is not a JSON file: {error}") from error
        if not isinstance(corpus, dict) or "companies" not in corpus:
            raise CommandError(f"{path} is not a directory corpus (no 'companies' list).")
        shift = None
        if options["shift_events_to_today"]:
            reference = dt.date.fromisoformat(corpus["meta"]["reference_date"])
            shift = timezone.localdate() - reference
        report = load_corpus(corpus, event_shift=shift)
        for kind in ("company", "institution", "event"):
            self.stdout.write(f"{kind}: {report.created[kind]} created, {report.skipped[kind]} already there")
        self.stdout.write(f"translations loaded: {report.translations}")

    def import_table(self, path, file_format, options):
        from directory.importing.table_import import import_table

        import_table(path, file_format, stdout=self.stdout, style=self.style, publish=not options["draft"])
