"""setup_partners: exact groups, the regional assignment, no site-wide rights, the review workflow."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from directory.models import DirectoryIndexPage, InstitutionIndexPage, Region
from events.models import EventIndexPage, EventPage
from partners.models import Partner, RegionalReviewTask
from partners.setup import enforces_partner_scope, setup_partners

GROUPS = {
    "WFS",
    "DTIHK",
    "IHK Dresden",
    "IHK Chemnitz",
    "KHK Karlovy Vary",
    "MAS Český sever",
    "Moderators",
    "Translators",
}
REGIONS = {
    "WFS": {"DED51", "DED52", "DED53", "CZ010"},
    "DTIHK": set(),
    "IHK Dresden": {"DED21", "DED2C", "DED2D", "DED2E", "DED2F"},
    "IHK Chemnitz": {"DED41", "DED42", "DED43", "DED44", "DED45"},
    "KHK Karlovy Vary": {"CZ041"},
    "MAS Český sever": {"CZ042", "CZ051"},
}
INSTITUTIONS = {
    "WFS": "wirtschaftsfoerderung-sachsen",
    "DTIHK": "dtihk",
    "IHK Dresden": "ihk-dresden-zittau",
    "IHK Chemnitz": "ihk-chemnitz",
    "KHK Karlovy Vary": "khk-karlovarsky-kraj",
    "MAS Český sever": "mas-cesky-sever",
}


def assignment():
    return {p.name: {r.code for r in p.regions.all()} for p in Partner.objects.prefetch_related("regions")}


class SetupPartnersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = StringIO()
        call_command("setup_partners", stdout=cls.output)

    def test_groups_are_named_exactly(self):
        self.assertTrue(GROUPS <= set(Group.objects.values_list("name", flat=True)))
        self.assertEqual(
            {p.group.name for p in Partner.objects.select_related("group")}, GROUPS - {"Moderators", "Translators"}
        )

    def test_partners_cover_their_nuts3_regions(self):
        self.assertEqual(assignment(), REGIONS)
        self.assertEqual(set(Partner.objects.filter(everywhere=True).values_list("name", flat=True)), {"WFS", "DTIHK"})

    def test_every_region_has_a_responsible_partner(self):
        self.assertFalse(Region.objects.filter(partners__isnull=True).exists())

    def test_partner_institution_is_the_source_page(self):
        for partner in Partner.objects.select_related("institution__locale"):
            self.assertEqual(partner.institution.slug, INSTITUTIONS[partner.name])
            self.assertIsNone(partner.institution.alias_of_id)
            self.assertEqual(partner.institution.locale.language_code, partner.institution.source_language)

    def test_no_site_wide_page_rights_remain(self):
        self.assertFalse(GroupPagePermission.objects.filter(page__depth__lte=2).exists())
        self.assertTrue(Group.objects.filter(name="Moderators").exists())
        default = Workflow.objects.get(name="Moderators approval")
        self.assertFalse(default.active)
        self.assertFalse(WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists())

    def test_rights_are_granted_on_the_index_pages_of_every_locale(self):
        for index_model in (DirectoryIndexPage, InstitutionIndexPage):
            for index in index_model.objects.all():
                codenames = set(
                    GroupPagePermission.objects.filter(page=index, group__name="IHK Chemnitz").values_list(
                        "permission__codename", flat=True
                    )
                )
                self.assertEqual(codenames, {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"})
                translator = GroupPagePermission.objects.filter(page=index, group__name="Translators")
                self.assertEqual(set(translator.values_list("permission__codename", flat=True)), {"change_page"})
        self.assertEqual(DirectoryIndexPage.objects.count(), 3)

    def test_event_rights_only_once_event_pages_narrow_them(self):
        granted = GroupPagePermission.objects.filter(page__in=EventIndexPage.objects.all()).exists()
        self.assertEqual(granted, enforces_partner_scope(EventPage))

    def test_regional_review_workflow_on_every_section_index(self):
        workflow = Workflow.objects.get(name="Regional review", active=True)
        self.assertEqual([type(t.specific) for t in workflow.tasks], [RegionalReviewTask])
        indexes = [
            *DirectoryIndexPage.objects.all(),
            *InstitutionIndexPage.objects.all(),
            *EventIndexPage.objects.all(),
        ]
        self.assertEqual(len(indexes), 9)
        for index in indexes:
            self.assertEqual(index.get_workflow(), workflow)

    def test_nobody_but_administrators_manages_users_groups_or_partners(self):
        forbidden = Permission.objects.filter(content_type__app_label__in=["auth", "core", "partners"])
        self.assertFalse(Group.objects.filter(permissions__in=forbidden).exists())

    def test_running_again_changes_nothing_and_keeps_admin_changes(self):
        chemnitz = Partner.objects.get(name="IHK Chemnitz")
        chemnitz.regions.add(Region.objects.get(code="CZ041"))
        permissions = GroupPagePermission.objects.count()
        report = setup_partners()
        self.assertEqual(report.page_permissions_added, 0)
        self.assertEqual(GroupPagePermission.objects.count(), permissions)
        self.assertEqual(Partner.objects.count(), 6)
        self.assertIn("CZ041", assignment()["IHK Chemnitz"])

    def test_a_region_nobody_covers_goes_to_wfs(self):
        Partner.objects.get(name="IHK Dresden").regions.remove(Region.objects.get(code="DED2E"))
        setup_partners()
        self.assertIn("DED2E", assignment()["WFS"])

    def test_command_reports_what_it_did(self):
        self.assertIn("Partners: 6 created", self.output.getvalue())
