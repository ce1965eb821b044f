"""The v3 API's write endpoints answer to the same page permissions as the admin."""

import json

from wagtail.models import APIToken

from .world import PartnerTestCase


class ApiWriteTests(PartnerTestCase):
    def call(self, method, path, body=None, role=None):
        headers = {}
        if role:
            _token, plaintext = APIToken.create_token(user=self.users[role], name=f"{role} test token")
            headers["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
        with self.captureOnCommitCallbacks(execute=True):
            return getattr(self.client, method)(
                path, json.dumps(body or {}), content_type="application/json", **headers
            )

    def test_anonymous_writes_are_refused(self):
        page = f"/api/v3/pages/{self.chemnitz.pk}/"
        create = {"meta": {"type": "directory.CompanyPage", "parent_id": self.chemnitz.get_parent().pk}, "title": "X"}
        self.assertEqual(self.call("post", "/api/v3/pages/", create).status_code, 401)
        self.assertEqual(self.call("patch", page, {"title": "Anonymous"}).status_code, 401)
        self.assertEqual(self.call("delete", page).status_code, 401)
        self.assertNotEqual(self.fresh(self.chemnitz).get_latest_revision_as_object().title, "Anonymous")

    def test_partner_writes_only_within_its_region(self):
        page = f"/api/v3/pages/{self.chemnitz.pk}/"
        response = self.call("patch", page, {"title": "From MAS"}, role="editor_out_of_region")
        self.assertEqual(response.status_code, 403)
        response = self.call("patch", page, {"title": "From IHK"}, role="editor_in_region")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(self.fresh(self.chemnitz).get_latest_revision_as_object().title, "From IHK")

    def test_translator_cannot_publish_through_the_api(self):
        page = f"/api/v3/pages/{self.chemnitz.pk}/"
        response = self.call("patch", page, {"meta": {"action": "publish"}, "title": "Live?"}, role="translator")
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(self.fresh(self.chemnitz).title, "Live?")
