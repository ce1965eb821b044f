import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource

from accounts import services
from accounts.models import Claim, CompanyOwner, Consent
from directory.models import CompanyPage, ContactMessage, ContactPerson

from .conftest import PASSWORD, make_sme

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(sme, owned, superuser):
    """The SME is a contact person of its listing, changed it (a revision in review), claimed it, and wrote
    to another company through the contact form."""
    Consent.record_current(sme)
    draft = owned.get_latest_revision_as_object()
    draft.contact_persons.add(ContactPerson(name="Jana Nová", role="obchod", email=sme.email, phone="+420 1"))
    services.submit_for_review(draft, sme)
    claim = Claim.objects.create(user=sme, page=owned, message="jednatelka", status=Claim.APPROVED)
    other = CompanyPage.objects.live().exclude(translation_key=owned.translation_key).first()
    ContactMessage.objects.create(
        page=other, sender_name="Jana Nová", sender_email=sme.email.upper(), text="Poptávka", language="cs"
    )
    ContactMessage.objects.create(page=other, sender_name="Někdo jiný", sender_email="x@y.example", text="Jiná")
    return {"claim": claim, "other": other}


def test_the_download_holds_account_consents_listings_and_sent_messages(client, sme, owned, history):
    client.force_login(sme)
    response = client.get("/cs/account/data/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="glokal-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == sme.email
    assert data["account"]["email_addresses"] == [{"email": sme.email, "verified": True, "primary": True}]
    assert {c["kind"] for c in data["consents"]} == {"terms", "privacy"}
    assert [(item["translation_key"], item["status"]) for item in data["listings"]] == [
        (str(owned.translation_key), "in_review")
    ]
    assert data["claims"][0]["message"] == "jednatelka"
    assert [m["text"] for m in data["contact_messages"]] == ["Poptávka"]


def test_deleting_needs_the_password(client, sme, owned):
    client.force_login(sme)
    response = client.post("/cs/account/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert get_user_model().objects.filter(pk=sme.pk).exists()
    response = client.post("/cs/account/delete/", {"password": PASSWORD})
    assert get_user_model().objects.filter(pk=sme.pk).exists()


def test_deleting_erases_personal_data_and_keeps_the_partners_listing(client, sme, owned, history):
    page_ids = list(services.listing_pages(owned.translation_key).values_list("pk", flat=True))
    client.force_login(sme)
    response = client.post("/cs/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/cs/account/deleted/"
    assert "_auth_user_id" not in client.session

    assert not get_user_model().objects.filter(pk=sme.pk).exists()
    assert not CompanyOwner.objects.exists() and not Consent.objects.exists() and not Claim.objects.exists()
    # The listing stays, live, in every locale.
    assert Page.objects.filter(pk__in=page_ids, live=True).count() == len(page_ids) > 1
    # Nobody manages it any more: its contact persons are gone from live rows, revisions and localize's copy.
    for person in ContactPerson.objects.filter(page_id__in=page_ids):
        assert (person.name, person.email, person.phone) == ("", "", "")
    revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids])
    assert revisions.exists()
    dumped = json.dumps([revision.content for revision in revisions], ensure_ascii=False)
    assert "Jana Nová" not in dumped and sme.email not in dumped and "jelinek@" not in dumped
    for source in TranslationSource.objects.filter(object_id=owned.translation_key):
        assert "jelinek@" not in source.content_json
    # Messages the user sent lose what identifies them; others' stay.
    mine = ContactMessage.objects.get(text_purged_at__isnull=False)
    assert (mine.sender_name, mine.sender_email, mine.text) == ("", "", "")
    assert ContactMessage.objects.filter(sender_email="x@y.example", text="Jiná").exists()


def test_a_colleague_keeps_managing_and_only_my_own_contact_entry_goes(client, sme, owned, history):
    colleague = make_sme("kolega@presne-obrabeni.example")
    CompanyOwner.objects.create(user=colleague, translation_key=owned.translation_key)
    client.force_login(sme)
    client.post("/cs/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert services.is_owner(colleague, owned.translation_key)
    draft = CompanyPage.objects.get(pk=owned.pk).get_latest_revision_as_object()
    people = [(p.name, p.email) for p in draft.contact_persons.all()]
    assert ("Jaroslav Jelínek", "jelinek@presne-obrabeni-liberec.example") in people
    assert ("", "") in people and all(email != "jana@presne-obrabeni.example" for _name, email in people)


def test_a_listing_i_started_and_nobody_published_goes_with_my_account(client, sme):
    from directory.models import Region

    page = services.create_listing(
        sme,
        language="cs",
        title="Jen Návrh s.r.o.",
        region=Region.objects.get(code="CZ051"),
        country="CZ",
        city="Liberec",
    )
    client.force_login(sme)
    client.post("/cs/account/delete/", {"password": PASSWORD, "confirm": "on"})
    assert not Page.objects.filter(pk=page.pk).exists()
