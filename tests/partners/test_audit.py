"""Permission-relevant changes and claim decisions are in Wagtail's audit log, with who and when."""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, ModelLogEntry, PageLogEntry

from directory.models import Region
from partners.models import Partner
from partners.services import log_claim_decision

from .world import PartnerTestCase


class AuditTests(PartnerTestCase):
    def test_changing_a_partners_regions_in_the_admin_is_logged(self):
        partner = Partner.objects.get(name="IHK Chemnitz")
        regions = [r.pk for r in partner.regions.exclude(code="DED45")] + [Region.objects.get(code="CZ041").pk]
        self.client.force_login(self.users["administrator"])
        response = self.client.post(
            reverse("partners:edit", args=[partner.pk]),
            {
                "name": partner.name,
                "group": partner.group_id,
                "institution": partner.institution_id,
                "regions": regions,
            },
        )
        self.assertEqual(response.status_code, 302)
        entry = ModelLogEntry.objects.filter(action="partners.regions.change").latest("timestamp")
        self.assertEqual(entry.user, self.users["administrator"])
        self.assertEqual(entry.object_id, str(partner.pk))
        entries = ModelLogEntry.objects.filter(
            action="partners.regions.change", object_id=str(partner.pk), user=self.users["administrator"]
        )
        self.assertEqual({code for e in entries for code in e.data["added"]}, {"CZ041"})
        self.assertEqual({code for e in entries for code in e.data["removed"]}, {"DED45"})

    def test_only_administrators_reach_the_partner_screens(self):
        self.client.force_login(self.users["moderator"])
        response = self.client.get(reverse("partners:index"))
        self.assertEqual(response.headers["Location"], reverse("wagtailadmin_home"))

    def test_group_membership_changes_are_logged_with_the_acting_user(self):
        translator = self.users["translator"]
        with LogContext(user=self.users["administrator"]):
            translator.groups.add(Group.objects.get(name="IHK Chemnitz"))
            Group.objects.get(name="Translators").user_set.remove(translator)
        entries = ModelLogEntry.objects.filter(
            action="partners.group_membership.change", object_id=str(translator.pk), user__isnull=False
        )
        self.assertEqual(
            sorted((e.data["added"], e.data["removed"], e.user.username) for e in entries),
            [([], ["Translators"], "administrator"), (["IHK Chemnitz"], [], "administrator")],
        )

    def test_group_membership_changed_in_the_user_admin_is_logged(self):
        sme = self.users["sme"]
        moderators = Group.objects.get(name="Moderators")
        self.client.force_login(self.users["administrator"])
        self.client.post(
            reverse("wagtailusers_users:edit", args=[sme.pk]),
            {
                "username": sme.username,
                "email": sme.email,
                "first_name": "Sme",
                "last_name": "Owner",
                "is_active": "on",
                "groups": [moderators.pk],
            },
        )
        entry = ModelLogEntry.objects.get(
            action="partners.group_membership.change", object_id=str(sme.pk), user__isnull=False
        )
        self.assertEqual((entry.data["added"], entry.user), (["Moderators"], self.users["administrator"]))

    def test_page_permission_changes_are_logged(self):
        index = self.chemnitz.get_parent()
        permission = GroupPagePermission.objects.filter(page=index, group__name="Translators").first()
        with LogContext(user=self.users["administrator"]):
            permission.delete()
        entry = ModelLogEntry.objects.get(action="partners.page_permission.remove", user__isnull=False)
        self.assertEqual((entry.data["permission"], entry.user), ("change_page", self.users["administrator"]))

    def test_claim_decisions_are_logged_and_shown_in_the_page_history(self):
        log_claim_decision(self.chemnitz, self.users["editor_in_region"], approved=True, claimant=self.users["sme"])
        log_claim_decision(self.liberec, self.users["editor_out_of_region"], approved=False, claimant=self.users["sme"])
        entry = PageLogEntry.objects.get(page=self.chemnitz, action="partners.claim.approve")
        self.assertEqual(
            (entry.user, entry.data["claimant"]["username"]), (self.users["editor_in_region"], "sme-owner")
        )
        self.assertTrue(PageLogEntry.objects.filter(page=self.liberec, action="partners.claim.reject").exists())
        self.assertTrue(log_registry.action_exists("partners.claim.approve"))
        self.client.force_login(self.users["editor_in_region"])
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[self.chemnitz.pk]))
        self.assertIn("sme-owner", history.content.decode())
