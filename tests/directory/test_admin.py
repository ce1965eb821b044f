"""Partner editors find companies in the admin by name, IČO, town and region; taxonomies in one group."""

import pytest

from directory.models import CompanyPage, Region

pytestmark = pytest.mark.django_db


def test_company_listing_finds_by_ico_town_and_region(admin_client):
    company = CompanyPage.objects.filter(alias_of__isnull=True).exclude(ico="").select_related("region").first()
    response = admin_client.get("/admin/companies/", {"q": company.ico})
    assert response.status_code == 200
    assert company.title in response.content.decode()
    by_town = admin_client.get("/admin/companies/", {"q": company.city}).content.decode()
    assert company.title in by_town
    region = Region.objects.get(code="CZ051")
    listed = admin_client.get("/admin/companies/", {"region": region.pk}).content.decode()
    inside = CompanyPage.objects.filter(region=region).values_list("title", flat=True)
    outside = CompanyPage.objects.exclude(region=region).values_list("title", flat=True)
    assert any(title in listed for title in inside)
    assert not any(f">{title}<" in listed for title in outside)


@pytest.mark.parametrize("model", ["industry", "region", "certification", "language", "glossaryconcept"])
def test_taxonomies_are_managed_in_the_admin(admin_client, model):
    response = admin_client.get(f"/admin/snippets/directory/{model}/")
    assert response.status_code == 200


def test_glossary_search_in_admin(admin_client):
    response = admin_client.get("/admin/snippets/directory/glossaryconcept/", {"q": "Drehteile"})
    assert response.status_code == 200
