"""Anonymous visitors' listing and search pages come from the shared cache, and no change outlives it."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from cms.settings.env import cache_from_url, cache_is_shared
from directory.models import CompanyPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def visitor_cache(settings):
    settings.VISITOR_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def _company(slug, language="de"):
    return CompanyPage.objects.get(slug=slug, locale__language_code=language)


def test_second_anonymous_request_is_served_from_the_cache(client):
    first = client.get("/de/directory/?country=CZ")
    second = client.get("/de/directory/?country=CZ")
    assert first["X-Visitor-Cache"] == "miss"
    assert second["X-Visitor-Cache"] == "hit"
    assert first.content == second.content
    assert client.get("/de/directory/?country=DE")["X-Visitor-Cache"] == "miss"  # another query, another page
    assert client.get("/cs/directory/?country=CZ")["X-Visitor-Cache"] == "miss"  # another language


def test_unpublishing_a_company_empties_the_cache(client):
    company = _company("plastika-ceska-lipa")
    assert company.title in client.get("/de/search/?q=Plastika").content.decode()
    assert client.get("/de/search/?q=Plastika")["X-Visitor-Cache"] == "hit"
    company.unpublish()
    response = client.get("/de/search/?q=Plastika")
    assert response["X-Visitor-Cache"] == "miss"
    assert company.title not in response.content.decode()


def test_a_new_view_restriction_empties_the_cache(client):
    company = _company("plastika-ceska-lipa")
    client.get("/de/search/?q=Plastika")
    PageViewRestriction.objects.create(page=company, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/de/search/?q=Plastika")
    assert response["X-Visitor-Cache"] == "miss"
    assert company.title not in response.content.decode()


def test_signed_in_users_and_visitors_with_a_session_bypass_the_cache(client, django_user_model):
    client.get("/de/directory/")
    user = django_user_model.objects.create_user(username="reader", email="reader@example.org", password="x" * 12)
    client.force_login(user)
    response = client.get("/de/directory/")
    assert response.status_code == 200
    assert "X-Visitor-Cache" not in response


def test_pages_with_a_form_token_are_not_cached(client):
    page = client.get("/de/directory/plastika-ceska-lipa/")  # the contact form carries a CSRF token
    assert page.status_code == 200
    assert "X-Visitor-Cache" not in page


def test_cache_switched_off_serves_fresh_pages(client, settings):
    settings.VISITOR_CACHE_SECONDS = 0
    client.get("/de/directory/")
    assert "X-Visitor-Cache" not in client.get("/de/directory/")


def test_only_caches_every_worker_shares_turn_the_cache_on_in_production():
    assert not cache_is_shared("locmem://glokal")
    assert cache_is_shared("redis://cache:6379/0")
    assert cache_is_shared("file:///var/cache/glokal")
    assert cache_from_url("file:///var/cache/glokal")["LOCATION"] == "/var/cache/glokal"
