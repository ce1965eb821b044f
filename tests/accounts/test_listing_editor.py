import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.models import WorkflowState

from accounts import services
from accounts.models import CompanyOwner
from directory.models import CompanyPage, Region

from .form_html import form_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/cs/account/companies/{page.translation_key}/edit/"


def open_form(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return form_data(response.content.decode())


def png(size=(120, 60), name="logo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fresh(page):
    return CompanyPage.objects.get(pk=page.pk)


def test_saving_makes_a_revision_in_review_and_changes_nothing_public(client, sme, owned):
    client.force_login(sme)
    live_revision = owned.live_revision_id
    data = open_form(client, owned)
    assert data["profile-title"] == owned.title
    assert data["offers-0-title"] == "Obrábění titanu"
    data["profile-description_text"] = "Nově: frézování keramiky.\n\nDruhý odstavec."
    data["offers-0-title"] = "Obrábění titanu a niklu"
    data["needs-0-kind"], data["needs-0-title"] = "capacity", "Volná kapacita lakovny"
    data["contacts-0-phone"] = "+420 485 000 000"

    response = client.post(edit_url(owned), data)
    assert response.status_code == 302 and response["Location"] == "/cs/account/"

    page = fresh(owned)
    assert page.live_revision_id == live_revision and "keramiky" not in page.description
    draft = page.get_latest_revision_as_object()
    assert draft.description == "<p>Nově: frézování keramiky.</p><p>Druhý odstavec.</p>"
    assert [block.value["title"] for block in draft.offers][0] == "Obrábění titanu a niklu"
    assert [(b.value["kind"], b.value["title"]) for b in draft.needs] == [("capacity", "Volná kapacita lakovny")]
    assert draft.contact_persons.first().phone == "+420 485 000 000"
    assert page.contact_persons.first().phone != "+420 485 000 000"  # live rows unchanged until published
    # Unchanged offers keep their block ids, so wagtail-localize keeps their translations.
    assert [b.id for b in draft.offers][1:] == [b.id for b in owned.offers][1:]

    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == sme
    assert page.get_latest_revision().user == sme
    public = client.get(page.url).content.decode()
    assert "keramiky" not in public and "Volná kapacita lakovny" not in public
    assert (
        "Obrábění titanu a niklu"
        in client.get(f"/cs/account/companies/{page.translation_key}/preview/").content.decode()
    )
    assert services.listing_status(page).code == "in_review"


def test_a_logo_needs_its_text_alternative(client, sme, owned):
    client.force_login(sme)
    data = open_form(client, owned)
    response = client.post(edit_url(owned), {**data, "logo-file": png()})
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert 'aria-invalid="true"' in html and 'id="id_logo-alt_text_error"' in html
    assert fresh(owned).get_latest_revision_as_object().logo is None

    response = client.post(edit_url(owned), {**data, "logo-file": png(), "logo-alt_text": "Logo Přesné obrábění"})
    assert response.status_code == 302
    logo = fresh(owned).get_latest_revision_as_object().logo
    assert logo.alt_text == "Logo Přesné obrábění" and logo.uploaded_by_user == sme
    assert fresh(owned).logo is None  # not live before review


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml"),
        SimpleUploadedFile("logo.png", SVG, content_type="image/png"),  # SVG in disguise
    ],
)
def test_svg_logos_are_refused(client, sme, owned, upload):
    client.force_login(sme)
    data = open_form(client, owned)
    response = client.post(edit_url(owned), {**data, "logo-file": upload, "logo-alt_text": "Logo"})
    assert response.status_code == 200 and 'id="id_logo-file_error"' in response.content.decode()
    assert fresh(owned).latest_revision_id == owned.latest_revision_id


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000, WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000)
@pytest.mark.parametrize("size", [(400, 400), (2000, 2000)])
def test_oversized_logos_are_refused(client, sme, owned, size):
    client.force_login(sme)
    data = open_form(client, owned)
    response = client.post(edit_url(owned), {**data, "logo-file": png(size), "logo-alt_text": "Logo"})
    assert response.status_code == 200 and 'id="id_logo-file_error"' in response.content.decode()


def test_a_second_save_does_not_silently_overwrite_the_first(client, sme, owned, other_sme):
    CompanyOwner.objects.create(user=other_sme, translation_key=owned.translation_key)
    from django.test import Client

    colleague = Client()
    colleague.force_login(other_sme)
    client.force_login(sme)
    mine, theirs = open_form(client, owned), open_form(colleague, owned)
    theirs["profile-legal_form"] = "a.s."
    assert colleague.post(edit_url(owned), theirs).status_code == 302
    mine["profile-employees"] = "90"
    response = client.post(edit_url(owned), mine)
    assert response.status_code == 302 and response["Location"] == edit_url(owned)
    draft = fresh(owned).get_latest_revision_as_object()
    assert draft.legal_form == "a.s." and draft.employees == 86
    assert "a.s." in client.get(edit_url(owned)).content.decode()


def test_changes_requested_show_the_comment_and_the_next_save_resumes_review(client, sme, owned, superuser):
    client.force_login(sme)
    assert client.post(edit_url(owned), open_form(client, owned)).status_code == 302
    state = fresh(owned).current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, superuser, "reject", comment="Doplňte prosím IČO dceřiné firmy.")
    page = fresh(owned)
    status = services.listing_status(page)
    assert status.code == "changes_requested" and status.comment == "Doplňte prosím IČO dceřiné firmy."
    assert "Doplňte prosím IČO dceřiné firmy." in client.get("/cs/account/").content.decode()

    assert client.post(edit_url(owned), open_form(client, owned)).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert services.listing_status(fresh(owned)).code == "in_review"


def test_a_new_listing_is_a_draft_in_the_chosen_locale_and_in_review(client, sme):
    client.force_login(sme)
    region = Region.objects.get(code="CZ051")
    response = client.post(
        "/de/account/companies/new/",
        {
            "title": "Nová Dílna Liberec s.r.o.",
            "language": "cs",
            "country": "CZ",
            "region": region.pk,
            "city": "Liberec",
        },
    )
    page = CompanyPage.objects.get(title="Nová Dílna Liberec s.r.o.")
    assert response.status_code == 302 and response["Location"] == f"/de/account/companies/{page.translation_key}/edit/"
    assert page.locale.language_code == "cs" and page.source_language == "cs"
    assert page.get_parent().specific_class.__name__ == "DirectoryIndexPage"
    assert page.get_parent().locale == page.locale
    assert page.slug == "nova-dilna-liberec-sro" and not page.live and page.owner == sme
    assert services.is_owner(sme, page.translation_key)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/cs/directory/nova-dilna-liberec-sro/").status_code == 404
    assert client.get(response["Location"]).status_code == 200
    assert "Nová Dílna Liberec" in client.get(f"/de/account/companies/{page.translation_key}/preview/").content.decode()


def test_a_region_must_lie_in_the_chosen_country(client, sme):
    client.force_login(sme)
    region = Region.objects.get(code="DED41")
    response = client.post(
        "/cs/account/companies/new/",
        {"title": "Omyl s.r.o.", "language": "cs", "country": "CZ", "region": region.pk, "city": "Liberec"},
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not CompanyPage.objects.filter(title="Omyl s.r.o.").exists()


def test_workflow_mails_link_owners_to_their_front_end_form_in_their_language(sme, other_sme, owned):
    from wagtail import hooks

    [hook] = [fn for fn in hooks.get_hooks("partners_front_end_edit_url") if fn.__module__ == "accounts.wagtail_hooks"]
    german = owned.get_translations().filter(locale__language_code="de").first()
    expected = f"http://testserver/cs/account/companies/{owned.translation_key}/edit/"
    assert hook(owned, sme) == hook(german, sme) == expected
    assert hook(owned, other_sme) is None


def test_saving_during_a_review_restarts_it_so_only_reviewed_text_goes_live(client, sme, owned, superuser):
    client.force_login(sme)
    data = open_form(client, owned)
    client.post(edit_url(owned), {**data, "profile-description_text": "První verze."})
    first = fresh(owned).current_workflow_state
    seen_by_reviewer = first.current_task_state
    data = open_form(client, owned)
    client.post(edit_url(owned), {**data, "profile-description_text": "Druhá verze, kterou nikdo neviděl."})

    first.refresh_from_db()
    second = fresh(owned).current_workflow_state
    assert first.status == WorkflowState.STATUS_CANCELLED and second.pk != first.pk
    assert second.current_task_state.revision_id == fresh(owned).latest_revision_id
    # Approving what the reviewer had opened publishes nothing.
    seen_by_reviewer.refresh_from_db()
    client.force_login(superuser)
    client.post(f"/admin/pages/workflow/action/{owned.pk}/approve/{seen_by_reviewer.pk}/", {})
    assert "Druhá verze" not in fresh(owned).description
