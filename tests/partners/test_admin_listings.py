"""The explorer, admin search and dashboard keep working for partner editors, with buttons only where allowed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .world import PartnerTestCase


class AdminListingTests(PartnerTestCase):
    def explore(self, role, page):
        self.client.force_login(self.users[role])
        url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
        return self.client.get(url, {"q": page.title})

    def test_explorer_offers_edit_only_for_own_regions(self):
        liberec_de = self.liberec.get_translation(self.locales["de"])
        response = self.explore("editor_in_region", self.chemnitz)
        self.assertEqual(response.status_code, 200)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[self.chemnitz.pk]), response.content.decode())
        response = self.explore("editor_in_region", liberec_de)
        self.assertEqual(response.status_code, 200)
        self.assertIn(liberec_de.title, response.content.decode())
        self.assertNotIn(reverse("wagtailadmin_pages:edit", args=[liberec_de.pk]), response.content.decode())

    def test_admin_search_finds_listings(self):
        self.client.force_login(self.users["editor_in_region"])
        response = self.client.get(reverse("wagtailadmin_pages:search"), {"q": self.chemnitz.title})
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.chemnitz.title, response.content.decode())

    def test_explorer_costs_a_partner_about_what_it_costs_a_moderator(self):
        def queries(role):
            self.client.force_login(self.users[role])
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("wagtailadmin_explore", args=[self.chemnitz.get_parent().pk]))
            return len(captured)

        self.assertLess(queries("editor_in_region"), queries("moderator") + 25)
