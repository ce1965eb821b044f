"""Drafts, private pages and unpublished translations never show up where the public looks.

For each page type four pages share one content word: a public control (it must be found, so the checks are not
vacuous), a draft never published, a published page behind a password, and a live German page whose Czech
translation is still a draft. Each has its own title word; only the control's and the live German page's may
appear on public pages, listings, search, the v3 API, the sitemap and the calendar feeds.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from directory.models import CompanyPage, InstitutionPage
from events.models import EventPage
from home.models import StandardPage

from .builders import create_page, fill

pytestmark = pytest.mark.django_db

CONTENT_WORD = "Leckprobewort"
PAGE_MODELS = [CompanyPage, InstitutionPage, EventPage, StandardPage]
LISTED = {CompanyPage: "directory", InstitutionPage: "institutions", EventPage: "events"}


def words(title_word):
    def text_for(max_length):
        text = f"{title_word} {CONTENT_WORD}"
        return text if max_length is None else text[:max_length]

    return text_for


@pytest.fixture
def pages(request):
    model = request.param
    name = model.__name__.lower()
    tokens = {kind: f"{kind}titel{name}" for kind in ("kontroll", "entwurf", "privat", "quell", "lokal")}
    control = create_page(model, f"leak-control-{name}", words(tokens["kontroll"]))
    draft = create_page(model, f"leak-draft-{name}", words(tokens["entwurf"]), publish=False)
    private = create_page(model, f"leak-private-{name}", words(tokens["privat"]))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    # A German page whose Czech translation exists only as a draft (created before the German page is published,
    # so no Czech alias takes its place).
    source = create_page(model, f"leak-source-{name}", words(tokens["quell"]), publish=False)
    czech = source.copy_for_translation(Locale.objects.get(language_code="cs"))
    fill(czech, words(tokens["lokal"]))
    czech.save_revision()
    source.get_latest_revision().publish()
    source.refresh_from_db()
    czech.refresh_from_db()
    assert source.live and not czech.live and not draft.live and private.live
    return {"model": model, "tokens": tokens, "control": control, "draft": draft, "private": private, "czech": czech}


def calendar_feeds():
    """The events' iCal feeds of upcoming events, one per language."""
    return [f"/{language}/events/feed/" for language in ("de", "cs", "en")]


def public_surfaces(model):
    surfaces = ["/sitemap.xml", f"/api/v3/pages/?search={CONTENT_WORD}&limit=100"]
    for language in ("de", "cs", "en"):
        surfaces += [f"/{language}/", f"/{language}/search/?q={CONTENT_WORD}"]
        if model in LISTED:
            surfaces.append(listing_path(model, language))
        surfaces.append(f"/api/v3/pages/?locale={language}&limit=100&type={model._meta.app_label}.{model.__name__}")
    if model is CompanyPage:
        surfaces += [f"/{language}/directory/?q={CONTENT_WORD}" for language in ("de", "cs", "en")]
    return surfaces


SECRET_KINDS = ("entwurf", "privat", "lokal")


def unfold(response):
    """The body as text; iCalendar's folded lines joined again, so a word split across lines is still found."""
    body = response.content.decode()
    return body.replace("\r\n ", "").replace("\r\n\t", "") if "calendar" in response["Content-Type"] else body


def listing_path(model, language):
    # Newest first: the company listing is paginated, and the pages made here are the newest.
    return f"/{language}/{LISTED[model]}/" + ("?sort=newest" if model is CompanyPage else "")


@pytest.mark.parametrize("pages", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_hidden_pages_never_appear_on_public_surfaces(client, pages):
    tokens = pages["tokens"]
    leaks = []
    for path in public_surfaces(pages["model"]) + calendar_feeds():
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        body = unfold(response)
        leaks += [(path, kind) for kind in SECRET_KINDS if tokens[kind] in body]
        leaks += [(path, f"{kind} URL") for kind in ("draft", "private") if f"/{pages[kind].slug}/" in body]
    assert not leaks, f"hidden content found: {leaks}"


@pytest.mark.parametrize("pages", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_control_page_is_found_where_the_others_are_not(client, pages):
    """The same checks find the public control page, so a missing page above means hidden, not broken search."""
    token = pages["tokens"]["kontroll"]
    expected = ["/sitemap.xml", f"/de/search/?q={CONTENT_WORD}", f"/api/v3/pages/?search={CONTENT_WORD}&limit=100"]
    if pages["model"] is EventPage:
        expected.append("/de/events/feed/")
    if pages["model"] in LISTED:
        expected.append(listing_path(pages["model"], "de"))
    for path in expected:
        body = unfold(client.get(path))
        assert token in body or pages["control"].slug in body, f"the control page is missing from {path}"


@pytest.mark.parametrize("pages", PAGE_MODELS, indirect=True, ids=lambda m: m.__name__)
def test_hidden_pages_answer_without_their_content(client, pages):
    tokens = pages["tokens"]
    draft, private, czech = pages["draft"], pages["private"], pages["czech"]
    draft_path = pages["control"].url.replace(pages["control"].slug, draft.slug)
    czech_path = pages["control"].url.replace(pages["control"].slug, czech.slug).replace("/de/", "/cs/", 1)
    hidden = [(draft_path, "entwurf"), (private.url, "privat"), (czech_path, "lokal")]
    if pages["model"] is EventPage:  # each event's own calendar file
        hidden += [(f"{path}calendar/", kind) for path, kind in list(hidden)]
    for path, kind in hidden:
        response = client.get(path)
        body = response.content.decode()
        assert tokens[kind] not in body, f"{path} shows the hidden page"
        assert response.status_code in (200, 302, 401, 403, 404), path
    # The live German page links no unpublished translation and does not show its text.
    source = client.get(czech.get_translation(Locale.objects.get(language_code="de")).url).content.decode()
    assert tokens["lokal"] not in source
    for page, kind in ((draft, "entwurf"), (private, "privat"), (czech, "lokal")):
        for url in (f"/api/v3/pages/{page.pk}/", f"/api/v3/pages/find/?id={page.pk}"):
            response = client.get(url, follow=True)
            assert response.status_code == 404, f"{url} answered {response.status_code}"
            assert tokens[kind] not in response.content.decode()
