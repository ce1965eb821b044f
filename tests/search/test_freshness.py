"""Publishing, unpublishing, drafts, private pages, translations and glossary edits — on every engine."""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from directory.models import CompanyPage, DirectoryIndexPage, GlossaryConcept
from home.models import HomePage, StandardPage
from search.service import SearchParams, search

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def found(q, lang="de"):
    return {hit.page.slug for hit in search(SearchParams(q=q, lang=lang, limit=50)).hits}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()  # publish() saves the revision's copy; this instance is stale


def _new_company(slug, text, language="de"):
    index = DirectoryIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
    page = index.add_child(
        instance=CompanyPage(
            title=f"Firma {slug}", slug=slug, description=f"<p>{text}</p>", source_language=language, live=False
        )
    )
    return page


def test_publish_unpublish_and_aliases():
    page = _new_company("quarzwerk", "Wir schleifen Quarzglasröhren")
    assert "quarzwerk" not in found("Quarzglasröhren")  # a draft never appears
    _publish(page)
    assert "quarzwerk" in found("Quarzglasröhren")
    assert "quarzwerk" in found("Quarzglasröhren", "cs")  # the alias in cs shows the source text
    page.unpublish()
    assert "quarzwerk" not in found("Quarzglasröhren")
    assert "quarzwerk" not in found("Quarzglasröhren", "cs")


def test_draft_changes_stay_invisible_until_published():
    page = CompanyPage.objects.get(slug="chemnitzer-fraestechnik", locale__language_code="de")
    page.description = "<p>Neuerdings auch Zirkoniumschmuck</p>"
    page.save_revision()  # draft only
    assert "chemnitzer-fraestechnik" not in found("Zirkoniumschmuck")


def test_private_pages_never_appear():
    page = _new_company("geheimwerk", "Titanfedern")
    _publish(page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "geheimwerk" not in found("Titanfedern")


def test_unpublishing_removes_the_listing_in_every_locale():
    page = _new_company("umzugswerk", "Magnesiumdruckguss")
    _publish(page)
    assert "umzugswerk" in found("Magnesiumdruckguss", "en")
    page.unpublish()
    for language in ("de", "cs", "en"):
        assert "umzugswerk" not in found("Magnesiumdruckguss", language)


def test_moving_a_page_under_a_private_section_hides_it():
    home = HomePage.objects.get(locale=Locale.get_default())
    members = home.add_child(instance=StandardPage(title="Members", slug="members"))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    notes = home.add_child(
        instance=StandardPage(title="Notes", slug="notes", body=[("paragraph", "<p>Quetschventile</p>")])
    )

    def site_search():
        return [p.pk for p in Page.objects.live().public().search("Quetschventile")]

    assert notes.pk in site_search()
    notes.move(members, pos="last-child")
    assert notes.pk not in site_search()


def test_glossary_edit_changes_what_matches():
    page = _new_company("tiegelwerk", "Wir fertigen Schmelztiegel")
    _publish(page)
    assert "tiegelwerk" not in found("kelímky", "cs")
    GlossaryConcept.objects.create(key="crucibles", terms_de="Schmelztiegel", terms_cs="kelímky", terms_en="crucibles")
    assert "tiegelwerk" in found("kelímky", "cs")


def test_taxonomy_label_edit_changes_what_matches():
    company = CompanyPage.objects.get(slug="chemnitzer-fraestechnik", locale__language_code="de")
    industry = company.industries.first()
    industry.label_cs = "Zvláštnívýroba"
    industry.save()
    assert "chemnitzer-fraestechnik" in found("Zvláštnívýroba", "cs")
