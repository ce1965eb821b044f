"""manage.py generate_companies --count N --seed S: synthetic German and Czech companies for the speed benchmark."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create N synthetic companies (valid Wagtail pages in their source locale) and index them in batches."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-index", action="store_true", help="Create the pages only; do not index them.")
        parser.add_argument(
            "--workers", type=int, default=None, help="Index in this many processes (default: one per core, max 4)."
        )

    def handle(self, *args, count, seed, no_index, workers, **options):
        from directory.generator import generate

        verbose = options["verbosity"] > 1
        log = self.stdout.write if verbose else None
        result = generate(count, seed, index=not no_index, log=log, workers=workers)
        created = result["created"]
        self.stdout.write(
            f"Created {created} companies (de {result['by_language']['de']}, cs {result['by_language']['cs']}) "
            f"in {result['create_seconds']:.1f} s ({created / max(result['create_seconds'], 1e-9):.0f}/s)"
        )
        if not no_index:
            rate = created / max(result["index_seconds"], 1e-9)
            self.stdout.write(f"Indexed them in {result['index_seconds']:.1f} s ({rate:.0f}/s)")
        self.stdout.write(
            f"page_create_seconds={result['create_seconds']:.2f} index_seconds={result['index_seconds']:.2f}"
        )
