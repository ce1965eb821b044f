"""Publish a page, find it by a word of its body; unpublish it, no longer find it — on the configured engine."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.search]


def _search(word):
    return list(Page.objects.live().search(word).results())


def test_publish_then_unpublish_updates_search():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    print(f"search smoke test on {backend}")
    home = HomePage.objects.get(locale=Locale.get_default())
    page = home.add_child(
        instance=StandardPage(
            title="Smoke test", slug="smoke", body=[("paragraph", "<p>Quarzglasschleiferei xylophonquader</p>")]
        )
    )
    page.save_revision().publish()
    assert page.pk in [p.pk for p in _search("xylophonquader")]

    page.unpublish()
    assert page.pk not in [p.pk for p in _search("xylophonquader")]
