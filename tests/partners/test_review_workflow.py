"""The regional review workflow: queues, approve → live, request changes → back with the comment, e-mails."""

from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from partners.models import RegionalReviewTask
from partners.services import submit_for_review

from .world import PartnerTestCase, edit_form_data, make_user


class ReviewTestCase(PartnerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.chemnitz_reviewer_2 = make_user("ihk-chemnitz-colleague", ["IHK Chemnitz"], "cs")

    def submit_draft(self, page, title, user=None):
        """What an SME's front-end form does: save a revision, then submit it for review."""
        draft = page.get_latest_revision_as_object()
        draft.title = title
        with self.captureOnCommitCallbacks(execute=True):
            draft.save_revision(user=user or self.users["sme"])
            return submit_for_review(page, user or self.users["sme"])

    def act(self, role, page, action, **data):
        self.client.force_login(self.users[role])
        task_state = self.fresh(page).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data)

    def mails_to(self, user):
        return [message for message in mail.outbox if message.to == [user.email]]


class QueueTests(ReviewTestCase):
    def queue(self, role):
        self.client.force_login(self.users[role])
        states = TaskState.objects.reviewable_by(self.users[role])
        dashboard = self.client.get(reverse("wagtailadmin_home")).content.decode()
        return {state.workflow_state.object_id for state in states}, dashboard

    def test_each_partner_sees_its_own_queue_on_the_dashboard(self):
        self.submit_draft(self.chemnitz, "Chemnitz listing in review")
        self.submit_draft(self.liberec, "Liberec listing in review")
        ids, dashboard = self.queue("editor_in_region")
        self.assertEqual(ids, {str(self.chemnitz.pk)})
        self.assertIn("Chemnitz listing in review", dashboard)
        self.assertNotIn("Liberec listing in review", dashboard)
        ids, dashboard = self.queue("editor_out_of_region")  # MAS Český sever
        self.assertEqual(ids, {str(self.liberec.pk)})
        self.assertIn("Liberec listing in review", dashboard)
        self.assertNotIn("Chemnitz listing in review", dashboard)
        ids, _dashboard = self.queue("moderator")
        self.assertEqual(ids, {str(self.chemnitz.pk), str(self.liberec.pk)})
        ids, _dashboard = self.queue("translator")
        self.assertEqual(ids, set())

    def test_partners_acting_everywhere_may_step_in_but_are_not_asked(self):
        self.submit_draft(self.chemnitz, "Chemnitz listing in review")
        task = self.fresh(self.chemnitz).current_workflow_task
        self.assertIsInstance(task, RegionalReviewTask)
        self.assertEqual(TaskState.objects.reviewable_by(self.users["wfs_editor"]).count(), 0)
        self.assertIn("approve", [name for name, *_rest in task.get_actions(self.chemnitz, self.users["wfs_editor"])])
        self.assertEqual(task.get_actions(self.chemnitz, self.users["editor_out_of_region"]), [])


class ApprovalTests(ReviewTestCase):
    def test_submission_mails_the_reviewers_of_the_region_in_their_language(self):
        self.submit_draft(self.liberec, "Nový popis")
        reviewers = {self.users["editor_out_of_region"].email, self.users["moderator"].email}
        review_mails = [m for m in mail.outbox if m.to[0] in reviewers]
        self.assertEqual(sorted(m.to[0] for m in review_mails), sorted(reviewers))  # one each, no duplicates
        by_address = {m.to[0]: m for m in review_mails}
        self.assertEqual(by_address[self.users["editor_out_of_region"].email].extra_headers["Content-Language"], "cs")
        self.assertEqual(by_address[self.users["moderator"].email].extra_headers["Content-Language"], "de")
        self.assertIn(f"/admin/pages/{self.liberec.pk}/edit/", review_mails[0].body)
        self.assertEqual(len(self.mails_to(self.users["sme"])), 1)  # the submitter's confirmation
        self.assertFalse(self.mails_to(self.users["editor_in_region"]))  # IHK Chemnitz is not asked
        self.assertFalse(self.mails_to(self.users["administrator"]))  # Wagtail's default mails are replaced

    def test_approve_publishes_and_tells_the_submitter(self):
        self.submit_draft(self.chemnitz, "Chemnitz, reviewed")
        mail.outbox.clear()
        response = self.act("editor_in_region", self.chemnitz, "approve")
        self.assertEqual(response.status_code, 302)
        page = self.fresh(self.chemnitz)
        self.assertEqual(page.title, "Chemnitz, reviewed")
        self.assertFalse(page.workflow_in_progress)
        [notice] = self.mails_to(self.users["sme"])
        self.assertEqual(notice.extra_headers["Content-Language"], "cs")
        self.assertIn(page.get_full_url(), notice.body)
        actions = list(PageLogEntry.objects.filter(page=page).values_list("action", "user__username"))
        self.assertIn(("wagtail.workflow.approve", "editor-in-region"), actions)
        self.assertIn(("wagtail.publish", "editor-in-region"), actions)

    def test_request_changes_returns_the_comment_to_the_submitter(self):
        self.submit_draft(self.liberec, "Bez popisu")
        mail.outbox.clear()
        self.act("editor_out_of_region", self.liberec, "reject", comment="Doplňte prosím popis výroby.")
        state = WorkflowState.objects.for_instance(self.fresh(self.liberec)).get()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertNotEqual(self.fresh(self.liberec).title, "Bez popisu")
        [notice] = self.mails_to(self.users["sme"])
        self.assertIn("Doplňte prosím popis výroby.", notice.body)
        entry = PageLogEntry.objects.get(page=self.liberec, action="wagtail.workflow.reject")
        self.assertEqual(
            (entry.user, entry.data["comment"]), (self.users["editor_out_of_region"], "Doplňte prosím popis výroby.")
        )

    def test_request_changes_needs_a_comment(self):
        self.submit_draft(self.liberec, "Bez popisu")
        self.act("editor_out_of_region", self.liberec, "reject", comment="")
        self.assertTrue(self.fresh(self.liberec).current_workflow_task_state)  # still waiting for review

    def test_a_partner_cannot_decide_on_another_region(self):
        self.submit_draft(self.chemnitz, "Chemnitz listing in review")
        response = self.act("editor_out_of_region", self.chemnitz, "approve")
        self.assertEqual(response.headers["Location"], reverse("wagtailadmin_home"))
        self.assertTrue(self.fresh(self.chemnitz).workflow_in_progress)

    def test_the_page_is_locked_for_non_reviewers_while_in_review(self):
        self.submit_draft(self.chemnitz, "Chemnitz listing in review")
        admin = self.client_class()
        admin.force_login(self.users["administrator"])
        data = edit_form_data(admin, self.chemnitz, title="Translator overwrites the submission")
        self.client.force_login(self.users["translator"])
        self.client.post(reverse("wagtailadmin_pages:edit", args=[self.chemnitz.pk]), data)
        latest = self.fresh(self.chemnitz).get_latest_revision_as_object()
        self.assertEqual(latest.title, "Chemnitz listing in review")

    def test_moving_a_listing_to_another_region_needs_that_regions_review(self):
        admin = self.client_class()
        admin.force_login(self.users["administrator"])
        url = reverse("wagtailadmin_pages:edit", args=[self.chemnitz.pk])
        self.client.force_login(self.users["editor_in_region"])
        self.client.post(url, edit_form_data(admin, self.chemnitz, region=str(self.liberec.region_id)))
        self.assertEqual(self.client.get(url).status_code, 200)  # the moved draft can still be opened and undone
        self.client.post(url, edit_form_data(admin, self.chemnitz, **{"action-publish": "1"}))
        bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        self.client.post(f"{bulk_publish}?id={self.chemnitz.pk}")
        self.assertEqual(self.fresh(self.chemnitz).region.code, "DED41")  # not published into Liberec
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, edit_form_data(admin, self.chemnitz, **{"action-submit": "1"}))
        self.assertTrue(self.fresh(self.chemnitz).workflow_in_progress)
        self.assertTrue(self.mails_to(self.users["editor_out_of_region"]))  # MAS Český sever reviews the move
        self.assertTrue(TaskState.objects.reviewable_by(self.users["editor_out_of_region"]).exists())
        self.assertFalse(TaskState.objects.reviewable_by(self.users["editor_in_region"]).exists())
        task = self.fresh(self.chemnitz).current_workflow_task
        self.assertEqual(task.get_actions(self.fresh(self.chemnitz), self.users["editor_in_region"]), [])

    def test_new_listing_in_another_region_goes_to_that_regions_review(self):
        """Creating a listing: the new page's region decides, not the index page the editor may add to."""
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

        index = self.chemnitz.get_parent()
        data = nested_form_data(
            {
                "title": "Neue Firma in Liberec",
                "slug": "neue-firma-liberec",
                "description": rich_text("<p>Test</p>"),
                "offers": streamfield([]),
                "needs": streamfield([]),
                "country": "CZ",
                "region": str(self.liberec.region_id),
                "source_language": "de",
                "contact_persons": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "1",
            }
        )
        self.client.force_login(self.users["editor_in_region"])
        url = reverse("wagtailadmin_pages:add", args=["directory", "companypage", index.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, data)
        page = type(self.chemnitz).objects.get(slug="neue-firma-liberec", locale=index.locale)
        self.assertFalse(page.live)
        self.assertTrue(page.workflow_in_progress)  # sent to MAS Český sever for review instead
        self.assertTrue(self.mails_to(self.users["editor_out_of_region"]))
