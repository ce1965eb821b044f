import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from accounts import services
from accounts.models import Claim, CompanyOwner

pytestmark = pytest.mark.django_db


def _claim(client, page, message="Jsem jednatelka, tel. +420 485 584 141."):
    return client.post(f"/cs/account/companies/{page.translation_key}/claim/", {"message": message})


def test_sme_finds_its_company_and_claims_it(client, sme, liberec):
    client.force_login(sme)
    html = client.get("/cs/account/companies/find/", {"q": "Přesné obrábění"}).content.decode()
    assert liberec.title in html
    assert f"/cs/account/companies/{liberec.translation_key}/claim/" in html
    # By IČO too, in whatever notation.
    assert liberec.title in client.get("/cs/account/companies/find/", {"q": "259 861 63"}).content.decode()

    response = _claim(client, liberec)
    assert response.status_code == 302 and response["Location"] == "/cs/account/"
    claim = Claim.objects.get(user=sme)
    assert claim.page_id == liberec.pk and claim.status == Claim.PENDING and "jednatelka" in claim.message
    assert not services.is_owner(sme, liberec.translation_key)
    # A second claim while the first waits is refused; the dashboard shows the pending claim.
    _claim(client, liberec)
    assert Claim.objects.filter(user=sme).count() == 1
    dashboard = client.get("/cs/account/").content.decode()
    assert liberec.title in dashboard and str(claim.get_status_display()) in dashboard


def test_anonymous_visitors_are_sent_to_sign_in(client, liberec):
    response = client.get(f"/cs/account/companies/{liberec.translation_key}/claim/")
    assert response.status_code == 302 and response["Location"].startswith("/cs/account/login/")


def test_a_superuser_approves_in_the_admin_and_ownership_covers_every_locale(
    client, sme, liberec, superuser, django_capture_on_commit_callbacks
):
    claim = services.claim_listing(sme, liberec, "Jednatelka")
    client.force_login(superuser)
    listing = client.get("/admin/accounts_claim/")
    assert listing.status_code == 200 and liberec.title in listing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/accounts_claim/edit/{claim.pk}/", {"decision": "approve", "decision_note": ""})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Claim.APPROVED and claim.decided_by == superuser and claim.decided_at
    ownership = CompanyOwner.objects.get(user=sme)
    assert ownership.translation_key == liberec.translation_key and ownership.granted_by == superuser
    for page in services.listing_pages(liberec.translation_key):
        assert services.is_owner(sme, page.translation_key)
    entry = PageLogEntry.objects.filter(page=liberec).order_by("-timestamp").first()
    assert entry.action.endswith("claim.approve") and entry.user == superuser
    # The applicant hears it in Czech, their language.
    assert [m.to for m in mail.outbox] == [[sme.email]]
    assert "Přesné obrábění Liberec" in mail.outbox[0].subject
    # Decided is decided.
    with pytest.raises(services.ClaimError):
        services.decide_claim(claim, superuser, approved=False)


def test_rejection_keeps_the_listing_out_of_reach_and_tells_why(client, sme, liberec, superuser):
    claim = services.claim_listing(sme, liberec)
    services.decide_claim(claim, superuser, approved=False, note="Jednatelem je pan Jelínek.")
    assert not CompanyOwner.objects.exists()
    client.force_login(sme)
    assert "Jednatelem je pan Jelínek." in client.get("/cs/account/").content.decode()
    assert client.get(f"/cs/account/companies/{liberec.translation_key}/edit/").status_code == 404


def test_only_the_responsible_partner_decides(client, sme, liberec, mas_editor, chemnitz_editor):
    claim = services.claim_listing(sme, liberec)
    client.force_login(chemnitz_editor)
    assert liberec.title not in client.get("/admin/accounts_claim/").content.decode()
    response = client.post(f"/admin/accounts_claim/edit/{claim.pk}/", {"decision": "approve"})
    assert response.status_code in (302, 403)
    assert Claim.objects.get(pk=claim.pk).is_pending
    with pytest.raises(services.ClaimError):
        services.decide_claim(claim, chemnitz_editor, approved=True)

    client.force_login(mas_editor)
    assert liberec.title in client.get("/admin/accounts_claim/").content.decode()
    assert client.post(f"/admin/accounts_claim/edit/{claim.pk}/", {"decision": "approve"}).status_code == 302
    assert services.is_owner(sme, liberec.translation_key)


def test_smes_have_no_claims_admin(client, sme, other_sme, liberec):
    claim = services.claim_listing(other_sme, liberec)
    client.force_login(sme)
    for url in ("/admin/accounts_claim/", f"/admin/accounts_claim/edit/{claim.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_claims_are_limited_per_day(client, sme):
    from directory.models import CompanyPage

    client.force_login(sme)
    pages = CompanyPage.objects.live().filter(alias_of__isnull=True, locale__language_code="cs")[:11]
    statuses = [_claim(client, page).status_code for page in pages]
    assert statuses == [302] * 10 + [429]
    assert Claim.objects.filter(user=sme).count() == 10
