"""Translations follow the review workflow; out-of-date translations are shown with the way to update them."""

from django.core import mail
from django.urls import resolve, reverse

from partners.services import submit_for_review
from partners.translations import is_out_of_date, translation_of
from partners.views.translations import ReviewedSubmitPageTranslationView, ReviewedUpdateTranslationsView

from .matrix import verdict
from .world import PartnerTestCase


class TranslationTestCase(PartnerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.german = cls.liberec.get_translation(cls.locales["de"])  # wagtail-localize translation of a Czech listing

    def as_user(self, role, method, url, data=None):
        self.client.force_login(self.users[role])
        with self.captureOnCommitCallbacks(execute=True):
            return getattr(self.client, method)(url, data or {})

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def change_source(self, title):
        revision = self.fresh(self.liberec).get_latest_revision_as_object()
        revision.title = title
        with self.captureOnCommitCallbacks(execute=True):
            revision.save_revision(user=self.users["editor_out_of_region"]).publish(
                user=self.users["editor_out_of_region"]
            )

    def messages(self, response, level):
        return [str(message) for message in response.context["messages"] if message.level_tag == level]


class TranslationEditorTests(TranslationTestCase):
    def test_the_german_page_is_a_wagtail_localize_translation(self):
        self.assertIsNotNone(translation_of(self.german))
        self.assertIsNone(self.german.alias_of_id)

    def test_translator_cannot_publish_from_the_translation_editor(self):
        live_revision = self.german.live_revision_id
        response = self.as_user("translator", "post", self.edit_url(self.german), {"action": "publish"})
        self.assertEqual(verdict(self, response), "denied")
        self.assertEqual(self.fresh(self.german).live_revision_id, live_revision)

    def test_partner_of_the_region_publishes_from_the_translation_editor(self):
        live_revision = self.german.live_revision_id
        response = self.as_user("editor_out_of_region", "post", self.edit_url(self.german), {"action": "publish"})
        self.assertIsNone(verdict(self, response))
        self.assertNotEqual(self.fresh(self.german).live_revision_id, live_revision)

    def test_translator_is_offered_submit_for_review_instead(self):
        translation = translation_of(self.german)
        submit_url = reverse("partners_submit_translation_for_review", args=[translation.pk])
        response = self.as_user("translator", "get", self.edit_url(self.german))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(any(submit_url in message for message in self.messages(response, "info")))
        response = self.as_user("editor_out_of_region", "get", self.edit_url(self.german))
        self.assertFalse(any(submit_url in message for message in self.messages(response, "info")))

    def test_submitted_translation_goes_live_only_after_approval(self):
        translation = translation_of(self.german)
        live_revision = self.german.live_revision_id
        url = reverse("partners_submit_translation_for_review", args=[translation.pk])
        self.as_user("translator", "post", url)
        german = self.fresh(self.german)
        self.assertTrue(german.workflow_in_progress)
        self.assertEqual(german.live_revision_id, live_revision)
        self.assertTrue(any(m.to == [self.users["editor_out_of_region"].email] for m in mail.outbox))
        task_state = german.current_workflow_task_state
        approve = reverse("wagtailadmin_pages:workflow_action", args=[german.pk, "approve", task_state.pk])
        self.as_user("editor_out_of_region", "post", approve)
        self.assertNotEqual(self.fresh(self.german).live_revision_id, live_revision)

    def test_partner_out_of_region_cannot_submit_a_translation(self):
        url = reverse("partners_submit_translation_for_review", args=[translation_of(self.german).pk])
        self.assertEqual(verdict(self, self.as_user("editor_in_region", "post", url)), "denied")


class OutOfDateTests(TranslationTestCase):
    def sync_url(self):
        return reverse("wagtail_localize:update_translations", args=[translation_of(self.german).source_id])

    def test_translation_is_out_of_date_after_the_source_changes(self):
        translation = translation_of(self.german)
        self.assertFalse(is_out_of_date(translation))
        self.change_source("Nový název firmy")
        self.assertTrue(is_out_of_date(translation))

    def test_approving_a_change_to_the_czech_listing_marks_the_german_translation_out_of_date(self):
        draft = self.liberec.get_latest_revision_as_object()
        draft.title = "Nový název po kontrole"
        with self.captureOnCommitCallbacks(execute=True):
            draft.save_revision(user=self.users["sme"])
            submit_for_review(self.liberec, self.users["sme"])
        task_state = self.fresh(self.liberec).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[self.liberec.pk, "approve", task_state.pk])
        self.as_user("editor_out_of_region", "post", url)  # the MAS Český sever editor approves
        self.assertEqual(self.fresh(self.liberec).title, "Nový název po kontrole")  # live in Czech
        self.assertTrue(is_out_of_date(translation_of(self.german)))

    def test_editors_show_the_state_and_offer_the_sync(self):
        self.change_source("Nový název firmy")
        response = self.as_user("editor_out_of_region", "get", self.edit_url(self.german))
        self.assertTrue(any(self.sync_url() in message for message in self.messages(response, "warning")))
        response = self.as_user("editor_out_of_region", "get", self.edit_url(self.liberec))
        self.assertTrue(any(self.sync_url() in message for message in self.messages(response, "warning")))

    def test_report_lists_out_of_date_translations_the_user_can_edit(self):
        self.change_source("Nový název firmy")
        marker = f'data-out-of-date-page="{self.german.pk}"'
        response = self.as_user("editor_out_of_region", "get", reverse("partners_out_of_date_translations"))
        self.assertIn(marker, response.content.decode())
        response = self.as_user("editor_in_region", "get", reverse("partners_out_of_date_translations"))
        self.assertNotIn(marker, response.content.decode())

    def test_sync_by_the_regional_partner_publishes_the_update(self):
        self.change_source("Nový název firmy")
        self.as_user("editor_out_of_region", "post", self.sync_url(), {"publish_translations": "on"})
        self.assertFalse(is_out_of_date(translation_of(self.german)))
        self.assertFalse(self.fresh(self.german).has_unpublished_changes)
        self.assertFalse(self.fresh(self.german).workflow_in_progress)

    def test_sync_by_a_translator_goes_to_review_instead_of_live(self):
        self.change_source("Nový název firmy")
        live_revision = self.german.live_revision_id
        self.as_user("translator", "post", self.sync_url(), {"publish_translations": "on"})
        german = self.fresh(self.german)
        self.assertFalse(is_out_of_date(translation_of(german)))
        self.assertEqual(german.live_revision_id, live_revision)
        self.assertTrue(german.workflow_in_progress)

    def test_partner_out_of_region_cannot_sync(self):
        self.change_source("Nový název firmy")
        response = self.as_user("editor_in_region", "post", self.sync_url(), {"publish_translations": "on"})
        self.assertEqual(verdict(self, response), "denied")
        self.assertTrue(is_out_of_date(translation_of(self.german)))

    def test_wagtail_localize_urls_lead_to_the_reviewed_views(self):
        update = resolve(reverse("wagtail_localize:update_translations", args=[1]))
        submit = resolve(reverse("wagtail_localize:submit_page_translation", args=[1]))
        self.assertIs(update.func.view_class, ReviewedUpdateTranslationsView)
        self.assertIs(submit.func.view_class, ReviewedSubmitPageTranslationView)
