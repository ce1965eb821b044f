"""Script in any text field or StreamField block comes out escaped: on the page, in listings and search, in the
admin (edit form, draft preview, explorer) and in the v3 API.

Rich-text fields hold what Wagtail's editor stores for typed text (the payload HTML-escaped inside <p>); every
other field holds the payload itself, as an import, an SME form or the API could store it.
"""

import json

import pytest
from wagtail.images import get_image_model

from directory.models import CompanyPage, InstitutionPage
from events.models import EventPage
from home.models import StandardPage

from .builders import create_page, png_file, stream_fields, text_fields

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
SHORT = '"><svg/onload=1>'  # 16 characters: postcodes
TINY = "<b>x</b>"  # 8 characters: IČO
# What must never reach a browser unescaped; each payload contains one of these.
RAW = ["<script>alert(1)", "<img src=x onerror", "<svg/onload", "<b>x</b>"]
ESCAPED_EVIDENCE = "&lt;script&gt;alert(1)&lt;/script&gt;"
SEARCH_WORD = "Xsswortprobe"


def payload(max_length):
    """Both payloads where they fit, else the longest one that does; a search word where there is room."""
    for candidate in (f"{SCRIPT} {ATTRIBUTE} {SEARCH_WORD}", f"{SCRIPT}{ATTRIBUTE}", ATTRIBUTE, SCRIPT, SHORT, TINY):
        if max_length is None or len(candidate) <= max_length:
            return candidate
    return TINY[:max_length]


def assert_no_raw_payload(html, where):
    found = [marker for marker in RAW if marker.lower() in html.lower()]
    assert not found, f"{where}: unescaped {found}"


PAGE_MODELS = [CompanyPage, InstitutionPage, EventPage, StandardPage]


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return get_image_model().objects.create(title=payload(255), alt_text=payload(255), file=png_file())


@pytest.fixture
def xss_page(request, image):
    model = request.param
    page = create_page(model, f"xss-{model.__name__.lower()}", payload, image=image)
    return page


@pytest.mark.parametrize("xss_page", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_every_field_is_filled(xss_page):
    """The fixture itself: every text field and block holds a payload (so the other tests are not vacuous)."""
    model = type(xss_page)
    for field in text_fields(model):
        value = str(getattr(xss_page, field.attname))
        assert any(marker.split("(")[0].lower() in value.lower() for marker in ["&lt;", *RAW]), field.name
    for field in stream_fields(model):
        stream = getattr(xss_page, field.attname)
        assert len(stream) == len(field.stream_block.child_blocks), field.name


@pytest.mark.parametrize("xss_page", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_page_listing_and_search_escape_the_payload(client, xss_page):
    response = client.get(xss_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_no_raw_payload(html, xss_page.url)
    assert ESCAPED_EVIDENCE in html, "the page does not show its title at all"

    parent = xss_page.get_parent().specific
    listing = client.get(parent.url).content.decode()
    assert_no_raw_payload(listing, parent.url)

    results = client.get("/de/search/", {"q": SEARCH_WORD}).content.decode()
    assert_no_raw_payload(results, "search results")


@pytest.mark.parametrize("xss_page", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_admin_edit_preview_and_explorer_escape_the_payload(admin_client, xss_page):
    xss_page.save_revision()  # a draft on top, as an editor would leave it
    for url in (
        f"/admin/pages/{xss_page.pk}/edit/",
        f"/admin/pages/{xss_page.pk}/view_draft/",
        f"/admin/pages/{xss_page.get_parent().pk}/",
        f"/admin/pages/search/?q={SEARCH_WORD}",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_payload(response.content.decode(), url)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


@pytest.mark.parametrize("xss_page", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_api_returns_the_payload_as_data_never_as_markup(client, xss_page):
    """JSON with nosniff; a raw payload may only be a stored plain-text value itself, never inside built HTML."""
    stored = {str(getattr(xss_page, field.attname)) for field in text_fields(type(xss_page))}
    for url in (f"/api/v3/pages/{xss_page.pk}/", f"/api/v3/pages/?search={SEARCH_WORD}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        for value in _strings(json.loads(response.content)):
            if any(marker.lower() in value.lower() for marker in RAW):
                assert value in stored or value.startswith("https://xss.example/"), f"{url}: markup {value[:120]!r}"


@pytest.mark.parametrize(
    "path",
    [
        "/de/search/?q={p}",
        "/de/directory/?q={p}&region={p}&industry={p}&sort={p}",
        "/cs/no-such-page-{p}/",
    ],
)
def test_reflected_input_is_escaped(client, path):
    for value in (SCRIPT, ATTRIBUTE):
        response = client.get(path.format(p=value))
        assert response.status_code in (200, 404)
        assert_no_raw_payload(response.content.decode(), path)


def test_contact_form_echo_is_escaped(client):
    response = client.post(
        "/de/directory/elbflorenz-reinraumtechnik/contact/",
        {"name": ATTRIBUTE, "email": SCRIPT, "company": ATTRIBUTE, "message": SCRIPT, "token": "x"},
    )
    assert response.status_code == 200  # the form comes back with errors and what was typed
    assert_no_raw_payload(response.content.decode(), "contact form")
