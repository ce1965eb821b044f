"""Permission matrix, SME rows (issue 5): {SME owner, other SME} × {view draft, edit, submit, approve/publish,
unpublish, delete, translate, manage users, view another company's messages}, each cell through the front-end
forms, the Wagtail admin and the v3 API.

SMEs act through the front-end forms only: there the owner may view its draft, edit and submit; nobody else
may do anything, and nobody may publish, unpublish, delete or translate. SMEs are not staff: the admin turns
them away, and the v3 API answers 401 to their session and 403 to a bearer token of theirs.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, Page, WorkflowState

from accounts import services
from directory.models import CompanyPage, ContactMessage

from .form_html import form_data

pytestmark = pytest.mark.django_db

DRAFT_MARKER = "Koncept-7f3a: nová pětiosá linka"
ROLES = ("owner", "other_sme")
ACTIONS = (
    "view_draft", "edit", "submit", "publish", "unpublish", "delete", "translate", "manage_users",
    "view_other_company_messages",
)  # fmt: skip
FRONT_END_ALLOWED = {("owner", "view_draft"), ("owner", "edit"), ("owner", "submit")}


class World:
    def __init__(self, owner, other_sme, page):
        self.users = {"owner": owner, "other_sme": other_sme}
        self.page = page
        self.key = page.translation_key
        owner_client = Client()
        owner_client.force_login(owner)
        self.form = form_data(owner_client.get(self.url("edit")).content.decode())
        draft = page.get_latest_revision_as_object()
        draft.description = f"<p>{DRAFT_MARKER}</p>"
        services.submit_for_review(draft, owner)
        self.form["base_revision"] = str(self.fresh().latest_revision_id)
        self.elsewhere = CompanyPage.objects.live().filter(alias_of__isnull=True).exclude(translation_key=self.key)[0]
        ContactMessage.objects.create(page=page, sender_name="A", sender_email="a@buyer.example", text="MSG-MINE")
        ContactMessage.objects.create(
            page=self.elsewhere, sender_name="B", sender_email="b@buyer.example", text="MSG-ELSE"
        )

    def url(self, name, key=None):
        return f"/cs/account/companies/{key or self.key}/{name}/"

    def fresh(self):
        return CompanyPage.objects.get(pk=self.page.pk)

    def snapshot(self):
        page = self.fresh()
        state = page.current_workflow_state
        return {
            "live": page.live,
            "live_revision": page.live_revision_id,
            "latest_revision": page.latest_revision_id,
            "workflow": (state.pk, state.status) if state else None,
            "pages": Page.objects.filter(translation_key=self.key).count(),
            "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        }


@pytest.fixture
def world(sme, other_sme, owned):
    return World(sme, other_sme, owned)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


# ------------------------------------------------------------------ front end
def front_end(world, role, action):
    """True if the front end let `role` do `action`; asserts the refusal is a plain 404 that changes nothing."""
    user = world.users[role]
    client = client_for(user)
    before = world.snapshot()
    if action == "view_draft":
        response = client.get(world.url("preview"))
        edit_form = client.get(world.url("edit"))
        allowed = response.status_code == 200 and DRAFT_MARKER in response.content.decode()
        assert (edit_form.status_code == 200) == allowed and (DRAFT_MARKER in edit_form.content.decode()) == allowed
        assert DRAFT_MARKER not in client.get(world.page.url).content.decode()  # never on the public page
    elif action in ("edit", "submit"):
        if action == "submit":  # from a page not in review: saving must start the review
            world.fresh().current_workflow_state.cancel(user=None)
            before = world.snapshot()
        response = client.post(world.url("edit"), {**world.form, "profile-legal_form": f"s.r.o. ({role})"})
        after = world.snapshot()
        allowed = response.status_code == 302
        if allowed:
            draft = world.fresh().get_latest_revision_as_object()
            assert draft.legal_form == f"s.r.o. ({role})" and world.fresh().get_latest_revision().user == user
            state = world.fresh().current_workflow_state
            assert state.status == WorkflowState.STATUS_IN_PROGRESS
            assert after["live_revision"] == before["live_revision"]  # in review, not published
            if action == "submit":
                assert state.requested_by == user
            return True
    else:
        paths = {
            "publish": world.url("publish"),
            "unpublish": world.url("unpublish"),
            "delete": world.url("delete"),
            "translate": world.url("translate"),
            "manage_users": "/cs/account/users/",
            "view_other_company_messages": world.url(
                "messages", key=world.elsewhere.translation_key if role == "owner" else None
            ),
        }
        response = client.post(paths[action]) if action != "view_other_company_messages" else client.get(paths[action])
        allowed = response.status_code == 200
        if action == "manage_users":
            dashboard = client.get("/cs/account/").content.decode()
            other = world.users["other_sme" if role == "owner" else "owner"]
            assert other.email not in dashboard
        if action == "view_other_company_messages":
            assert "MSG-ELSE" not in response.content.decode() and "MSG-MINE" not in response.content.decode()
    if not allowed:
        assert response.status_code == 404, (role, action, response.status_code)
        assert world.snapshot() == before
    return allowed


# ------------------------------------------------------------------ admin
def admin(world, role, action):
    client = client_for(world.users[role])
    page = world.fresh()
    before = world.snapshot()
    state = page.current_workflow_state
    task_state_id = state.current_task_state_id if state else 1
    requests = {
        "view_draft": [("get", reverse("wagtailadmin_pages:view_draft", args=[page.pk]), {})],
        "edit": [
            ("get", reverse("wagtailadmin_pages:edit", args=[page.pk]), {}),
            ("post", reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": "Přepsáno", "slug": page.slug}),
        ],
        "submit": [
            ("post", reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": page.title, "action-submit": "1"})
        ],
        "publish": [
            ("post", reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state_id]), {}),
            ("post", reverse("wagtailadmin_pages:edit", args=[page.pk]), {"title": page.title, "action-publish": "1"}),
        ],
        "unpublish": [("post", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})],
        "delete": [("post", reverse("wagtailadmin_pages:delete", args=[page.pk]), {})],
        "translate": [
            ("post", reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": ["1", "3"]})
        ],
        "manage_users": [
            ("get", reverse("wagtailusers_users:index"), {}),
            ("post", reverse("wagtailusers_groups:add"), {"name": "SME power"}),
            ("get", "/django-admin/", {}),
        ],
        "view_other_company_messages": [("get", "/admin/", {}), ("get", "/admin/reports/site-history/", {})],
    }
    for method, url, data in requests[action]:
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (role, action, url, response.status_code)
        assert response["Location"].split("?")[0] in ("/admin/login/", "/django-admin/login/"), response["Location"]
    assert world.snapshot() == before
    return False


# ------------------------------------------------------------------ v3 API
def api(world, role, action):
    """Every write endpoint: 401 for the SME's session (the API trusts bearer tokens only), 403 for its token."""
    page = world.fresh()
    detail = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    _token, plaintext = APIToken.create_token(user=world.users[role], name="sme token")
    session = client_for(world.users[role])
    bearer = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    before = world.snapshot()
    if action in ("view_draft", "view_other_company_messages"):
        other = world.elsewhere if role == "owner" else page
        for client in (session, bearer, Client()):
            for target in (page, other):
                url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": target.pk})
                response = client.get(url, {"version": "draft"})
                body = response.content.decode()
                assert DRAFT_MARKER not in body and "MSG-" not in body and "@buyer.example" not in body
                # A 404 from the API comes back as LocaleMiddleware's redirect to /de/api/… (which 404s too).
                assert response.status_code in (200, 404) or response["Location"].startswith("/de/api/v3/")
        return False
    write = {
        "edit": ("patch", detail, {"meta": {"type": "directory.CompanyPage"}, "title": "API"}),
        "submit": ("patch", detail, {"meta": {"type": "directory.CompanyPage", "action": "publish"}, "title": "API"}),
        "publish": ("post", reverse("wagtailapi_v3:pages_actions_publish", kwargs={"page_id": page.pk}), {}),
        "unpublish": ("post", reverse("wagtailapi_v3:pages_actions_unpublish", kwargs={"page_id": page.pk}), {}),
        "delete": ("delete", detail, None),
        "translate": (
            "post",
            reverse("wagtailapi_v3:pages_actions_copy_for_translation", kwargs={"page_id": page.pk}),
            {"locale": "en"},
        ),
        "manage_users": (
            "post",
            reverse("wagtailapi_v3:create_page"),
            {"meta": {"type": "directory.CompanyPage", "parent_id": page.get_parent().pk}, "title": "X"},
        ),
    }
    method, url, data = write[action]
    for client, expected in ((session, 401), (bearer, 403)):
        body = json.dumps(data) if data is not None else None
        response = getattr(client, method)(url, body, content_type="application/json")
        assert response.status_code == expected, (role, action, response.status_code, response.content[:200])
    assert world.snapshot() == before
    return False


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_sme_permission_matrix(world, role, action):
    expected = (role, action) in FRONT_END_ALLOWED
    assert front_end(world, role, action) is expected
    assert admin(world, role, action) is False
    assert api(world, role, action) is False


def test_the_owner_reads_its_own_messages_only(world):
    client = client_for(world.users["owner"])
    html = client.get(world.url("messages")).content.decode()
    assert "MSG-MINE" in html and "MSG-ELSE" not in html
