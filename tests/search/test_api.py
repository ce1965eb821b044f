"""The directory search API contract (DESIGN.md §3)."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.search]

URL = "/api/v3/directory/search/"


def test_answer_shape(client):
    response = client.get(URL, {"q": "vstřikování plastů", "lang": "de", "limit": 5})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"count", "items", "facets"}
    assert set(data["facets"]) == {"industry", "region", "country", "size", "certification", "language", "verified"}
    item = data["items"][0]
    assert set(item) == {"type", "slug", "title", "url", "locale", "source_locale", "snippet", "score"}
    assert item["url"].startswith("http://testserver/de/") and item["url"].endswith(f"/{item['slug']}/")
    assert item["locale"] == "de"
    assert any(i["source_locale"] == "cs" for i in data["items"])  # untranslated listings come in Czech
    assert any("<mark>" in i["snippet"] for i in data["items"])
    assert len(data["items"]) <= 5


def test_filters_alone_and_labels_in_the_answer_language(client):
    data = client.get(URL, {"lang": "cs", "type": "company", "industry": "22", "country": "CZ"}).json()
    assert data["count"] > 0
    industry = {o["value"]: o["label"] for o in data["facets"]["industry"]}
    assert industry["22"] == "Výroba pryžových a plastových výrobků"
    for item in data["items"]:
        assert item["type"] == "company"


def test_or_within_and_across_filters(client):
    one = client.get(URL, {"lang": "de", "region": "CZ051"}).json()["count"]
    two = client.get(URL, {"lang": "de", "region": "CZ051", "region": "CZ042"}).json()["count"]  # noqa: F601
    both = client.get(URL + "?lang=de&region=CZ051&region=CZ042").json()["count"]
    narrowed = client.get(URL + "?lang=de&region=CZ051&region=CZ042&size=large").json()["count"]
    assert both > one and narrowed < both and two > 0


@pytest.mark.parametrize(
    "query",
    [
        "limit=0", "limit=101", "offset=-1", "type=shop", "size=huge", "country=PL", "verified=maybe",
        "lang=fr", "region=XX999", "industry=99", "certification=ISO0000", "limit=abc",
    ],
)  # fmt: skip
def test_bad_parameters_give_422_with_a_message(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422, query
    assert response.json().get("detail")


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/directory/search/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names >= {"q", "lang", "limit", "offset", "type", "industry", "region", "country", "size",
                     "certification", "language", "verified"}  # fmt: skip
