"""Who is responsible, who reviews, and what a partner's editors may do with institution and event pages."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import GroupPagePermission

from directory.models import CompanyPage
from events.models import EventPage
from partners.demo import ensure_demo_accounts
from partners.permissions import PartnerPagePermissionTester
from partners.services import responsible_partners, reviewers_for

from .matrix import verdict
from .world import PartnerTestCase, institution, make_user, source_company


def names(partners):
    return [partner.name for partner in partners]


class ResponsibilityTests(PartnerTestCase):
    def test_listings_go_to_the_partner_of_their_region(self):
        self.assertEqual(names(responsible_partners(self.chemnitz)), ["IHK Chemnitz"])
        self.assertEqual(names(responsible_partners(self.liberec)), ["MAS Český sever"])
        self.assertEqual(
            names(responsible_partners(self.liberec.get_translation(self.locales["de"]))), ["MAS Český sever"]
        )
        self.assertEqual(names(responsible_partners(source_company("DED2E", "de"))), ["IHK Dresden"])  # Meißen
        self.assertEqual(names(responsible_partners(source_company("DED51", "de"))), ["WFS"])  # Leipzig

    def test_a_listing_without_region_goes_to_the_partners_acting_everywhere(self):
        page = CompanyPage(title="Ohne Region", region=None)
        self.assertEqual(names(responsible_partners(page)), ["DTIHK", "WFS"])

    def test_institution_and_event_pages_go_to_their_own_organisation(self):
        for language in ("de", "cs", "en"):
            self.assertEqual(names(responsible_partners(institution("ihk-chemnitz", language))), ["IHK Chemnitz"])
        self.assertEqual(responsible_partners(institution("th-neisse-transfer")), [])  # moderators only
        event = EventPage.objects.filter(slug="kooperationsboerse-zulieferindustrie-2026").first()
        self.assertEqual(names(responsible_partners(event)), ["IHK Chemnitz"])

    def test_reviewers_are_the_partners_editors_and_the_moderators(self):
        colleague = make_user("another-mas-editor", ["MAS Český sever"])
        reviewers = set(reviewers_for(self.liberec).values_list("username", flat=True))
        self.assertEqual(reviewers, {"editor-out-of-region", "another-mas-editor", "moderator"})
        colleague.is_active = False
        colleague.save()
        self.assertNotIn("another-mas-editor", reviewers_for(self.liberec).values_list("username", flat=True))


class OrganisationPagesTests(PartnerTestCase):
    def edit(self, role, page):
        self.client.force_login(self.users[role])
        return verdict(self, self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))) or "allowed"

    def test_partner_edits_its_own_institution_page_in_every_locale_only(self):
        for language in ("de", "cs", "en"):
            self.assertEqual(self.edit("editor_in_region", institution("ihk-chemnitz", language)), "allowed")
        self.assertEqual(self.edit("editor_in_region", institution("ihk-dresden-zittau")), "denied")
        self.assertEqual(self.edit("editor_in_region", institution("fh-erzgebirge-transfer")), "denied")
        self.assertEqual(self.edit("moderator", institution("fh-erzgebirge-transfer")), "allowed")

    def test_partner_acts_on_the_events_it_organises(self):
        ihk_event = EventPage.objects.filter(slug="kooperationsboerse-zulieferindustrie-2026").first()
        other_event = EventPage.objects.filter(slug="zuliefertag-erzgebirge-2026").first()
        group = self.users["editor_in_region"].groups.get()
        for action in ("change", "publish"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=ihk_event.get_parent(), permission__codename=f"{action}_page",
                defaults={"permission": GroupPagePermission._meta.get_field("permission").related_model.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page")},
            )  # fmt: skip
        user = get_user_model().objects.get(pk=self.users["editor_in_region"].pk)
        self.assertTrue(PartnerPagePermissionTester(user, ihk_event).can_publish())
        self.assertFalse(PartnerPagePermissionTester(user, other_event).can_edit())


class DemoAccountTests(PartnerTestCase):
    def test_demo_accounts_have_their_roles_and_languages(self):
        shown = dict(ensure_demo_accounts("demo-password-1"))
        self.assertEqual(set(shown), {"ihk-chemnitz-editor", "mas-editor", "moderator", "translator"})
        mas = get_user_model().objects.get(username="mas-editor")
        self.assertEqual((mas.preferred_language, mas.wagtail_userprofile.preferred_language), ("cs", "cs"))
        self.assertEqual(list(mas.groups.values_list("name", flat=True)), ["MAS Český sever"])
        self.assertTrue(mas.check_password("demo-password-1"))
        self.assertEqual(dict(ensure_demo_accounts("other")), shown)  # idempotent; password kept
        self.assertTrue(get_user_model().objects.get(username="mas-editor").check_password("demo-password-1"))
