"""Create the partner groups, partners, page rights and the regional review workflow. Idempotent."""

from django.core.management.base import BaseCommand

from partners.setup import setup_partners


class Command(BaseCommand):
    help = "Set up partner groups, their regions, page permissions and the 'Regional review' workflow."

    def handle(self, *args, **options):
        report = setup_partners()
        self.stdout.write(
            f"Partners: {len(report.partners_created)} created; groups: {len(report.groups_created)} created; "
            f"root page permissions removed: {report.root_permissions_removed}; "
            f"page permissions added: {report.page_permissions_added} on {report.index_pages} index pages."
        )
        for name in report.skipped_indexes:
            self.stdout.write(
                self.style.WARNING(f"No partner rights on '{name}': its pages do not narrow permissions to a partner.")
            )
