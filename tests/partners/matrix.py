"""The permission matrix: roles × actions, every cell performed through the admin views.

Each action performs one request (or two) as the role and reports what happened, as one word:
"login" (sent to the admin login), "denied" (Wagtail's permission-denied redirect or a 403), or what the
action achieved ("allowed", "submitted", "published", "draft only", "approved", "unpublished",
"deleted"); "no effect" means the request went through but changed nothing.

Extension point for the SME rows (accounts app): import `ACTIONS`, `build_matrix_tests` and
`MatrixTestCase` from here, add your roles' users in `setUpTestData` (`cls.users["sme_owner"] = ...`),
add actions of your own (e.g. "view another company's messages") to a copy of `ACTIONS`, and decorate your
class with `build_matrix_tests(expected_rows, actions)`. See test_permission_matrix.SME_ROWS.
"""

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail_localize.models import Translation

from partners.services import submit_for_review

from .world import PartnerTestCase, edit_form_data, source_company

PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def denial_texts():
    """Wagtail's permission-denied message in every admin language."""
    texts = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.add(gettext(PERMISSION_DENIED))
    return texts


def verdict(case, response):
    """ "login", "denied", or None when the request was let through."""
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        location = response.headers["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return "login"
        if location == reverse("wagtailadmin_home"):
            messages = [str(m) for m in response.wsgi_request._messages]
            case.assertTrue(any(text in m for text in denial_texts() for m in messages), messages)
            return "denied"
    return None


class MatrixTestCase(PartnerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = cls.chemnitz
        draft = cls.page.get_latest_revision_as_object()
        draft.title = f"{cls.page.title} (draft)"
        draft.save_revision(user=cls.users["administrator"])
        cls.untranslated = source_company("DED41", "de", untranslated_into="en")

    def setUp(self):
        self.admin_client = Client()
        self.admin_client.force_login(self.users["administrator"])

    def perform(self, method, url, data=None):
        with self.captureOnCommitCallbacks(execute=True):
            return getattr(self.client, method)(url, data or {})

    def post_edit_form(self, **changes):
        data = edit_form_data(self.admin_client, self.page, **changes)
        return self.perform("post", reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data)

    def live_title(self):
        return self.fresh(self.page).title


def view_draft(case):
    response = case.perform("get", reverse("wagtailadmin_pages:view_draft", args=[case.page.pk]))
    return verdict(case, response) or ("allowed" if response.status_code == 200 else "no effect")


def edit(case):
    response = case.perform("get", reverse("wagtailadmin_pages:edit", args=[case.page.pk]))
    return verdict(case, response) or ("allowed" if response.status_code == 200 else "no effect")


def submit(case):
    response = case.post_edit_form(**{"action-submit": "1"})
    return verdict(case, response) or ("submitted" if case.fresh(case.page).workflow_in_progress else "no effect")


def publish(case):
    response = case.post_edit_form(title="Published by the matrix", **{"action-publish": "1"})
    if denial := verdict(case, response):
        return denial
    if case.live_title() == "Published by the matrix":
        return "published"
    latest = case.fresh(case.page).get_latest_revision_as_object()
    return "draft only" if latest.title == "Published by the matrix" else "no effect"


def approve(case):
    state = submit_for_review(case.page, case.users["sme"])
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[case.page.pk, "approve", task_state.pk])
    response = case.perform("post", url)
    if denial := verdict(case, response):
        return denial
    task_state.refresh_from_db()
    approved = task_state.status == task_state.STATUS_APPROVED
    return "approved" if approved and case.live_title().endswith("(draft)") else "no effect"


def unpublish(case):
    response = case.perform("post", reverse("wagtailadmin_pages:unpublish", args=[case.page.pk]))
    return verdict(case, response) or ("no effect" if case.fresh(case.page).live else "unpublished")


def delete(case):
    response = case.perform("post", reverse("wagtailadmin_pages:delete", args=[case.page.pk]))
    exists = type(case.page).objects.filter(pk=case.page.pk).exists()
    return verdict(case, response) or ("no effect" if exists else "deleted")


def translate(case):
    english = case.locales["en"]
    url = reverse("wagtail_localize:submit_page_translation", args=[case.untranslated.pk])
    response = case.perform("post", url, {"locales": [english.pk]})
    if denial := verdict(case, response):
        return denial
    if not Translation.objects.filter(source__object_id=case.untranslated.translation_key, target_locale=english):
        return "no effect"
    target = case.untranslated.get_translation(english)
    return "draft only" if target.has_unpublished_changes else "published"


def manage_users(case):
    for url in (reverse("wagtailusers_users:index"), reverse("wagtailusers_groups:index")):
        response = case.perform("get", url)
        if denial := verdict(case, response):
            return denial
    return "allowed"


ACTIONS = {
    "view_draft": view_draft,
    "edit": edit,
    "submit": submit,
    "publish": publish,
    "approve": approve,
    "unpublish": unpublish,
    "delete": delete,
    "translate": translate,
    "manage_users": manage_users,
}


def build_matrix_tests(expected, actions=None):
    """Class decorator: one test method per (role, action) cell of `expected` ({role: {action: outcome}})."""
    actions = actions or ACTIONS

    def decorate(cls):
        for role, row in expected.items():
            for action, outcome in row.items():

                def test(self, role=role, action=action, outcome=outcome):
                    self.login(role)
                    self.assertEqual(actions[action](self), outcome, f"{role} × {action}")

                test.__name__ = f"test_{role}__{action}"
                setattr(cls, test.__name__, test)
        return cls

    return decorate
