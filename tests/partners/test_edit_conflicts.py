"""Two people editing one listing: the second save never silently overwrites the first.

Wagtail 8 protects edits three ways, each tested here through the admin views: autosave refuses to save
over a newer revision, the editing-session ping tells the second editor who saved a newer version (the
editor then asks before overwriting), and an explicit lock stops everybody else's saves.
"""

from django.test import Client
from django.urls import reverse

from .world import PartnerTestCase, edit_form_data


class EditConflictTests(PartnerTestCase):
    def setUp(self):
        self.first, self.second = Client(), Client()
        self.first.force_login(self.users["editor_in_region"])
        self.second.force_login(self.users["moderator"])
        self.url = reverse("wagtailadmin_pages:edit", args=[self.chemnitz.pk])
        # Both open the editor on the same revision.
        self.form_first = edit_form_data(self.first, self.chemnitz, title="First editor's title")
        self.form_second = edit_form_data(self.second, self.chemnitz, title="Second editor's title")

    def latest_title(self):
        return self.fresh(self.chemnitz).get_latest_revision_as_object().title

    def test_stale_autosave_is_refused(self):
        self.assertEqual(self.first.post(self.url, self.form_first).status_code, 302)
        response = self.second.post(self.url, self.form_second, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error_code"], "invalid_revision")
        self.assertEqual(self.latest_title(), "First editor's title")

    def test_second_editor_is_told_who_saved_a_newer_version(self):
        loaded = self.form_second["loaded_revision_id"]
        self.first.post(self.url, self.form_first)
        session = self.second.post(
            reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", self.chemnitz.pk, 0]),
            {"revision_id": loaded, "revision_created_at": self.form_second["loaded_revision_created_at"]},
        ).json()
        [other] = session["other_sessions"]
        self.assertEqual(other["revision_id"], self.fresh(self.chemnitz).latest_revision_id)
        self.assertIn("editor-in-region", other["user"])

    def test_a_lock_stops_the_second_save(self):
        self.first.post(reverse("wagtailadmin_pages:lock", args=[self.chemnitz.pk]))
        self.assertTrue(self.fresh(self.chemnitz).locked)
        response = self.second.post(self.url, self.form_second)
        self.assertEqual(response.status_code, 200)  # the form comes back with the lock message
        self.assertNotEqual(self.latest_title(), "Second editor's title")
