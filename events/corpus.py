"""Events of the JSON corpus → EventPages (dates shifted for the demo, DESIGN.md §4)."""

import datetime as dt

from directory.importing.corpus import _translate_others, html_paragraphs
from directory.models import InstitutionPage, Language
from events.models import EventIndexPage, EventPage


def _source_language(item):
    for language in ("de", "cs", "en"):
        if item["title"].get(language):
            return language
    raise ValueError(f"event {item['slug']} has no title")


def load_events(corpus, regions, locales, report, shift=dt.timedelta(0)):
    institutions = {p.slug: p for p in InstitutionPage.objects.filter(alias_of__isnull=True)}
    languages = {language.code: language for language in Language.objects.all()}
    for item in corpus.get("events", []):
        source_language = _source_language(item)
        locale = locales[source_language]
        if EventPage.objects.filter(slug=item["slug"], locale=locale).exists():
            report.skipped["event"] += 1
            continue
        venue = item.get("venue") or {}
        deadline = item.get("registration_deadline")
        page = EventPage(
            title=item["title"][source_language],
            slug=item["slug"],
            description=html_paragraphs(item["description"].get(source_language, "")),
            start=dt.datetime.fromisoformat(item["start"]) + shift,
            end=dt.datetime.fromisoformat(item["end"]) + shift,
            time_zone="Europe/Prague" if item.get("country") == "CZ" else "Europe/Berlin",
            venue_name=venue.get("name", ""),
            street=venue.get("street") or "",
            postcode=venue.get("postcode") or "",
            city=item.get("city") or "",
            country=item.get("country") or "DE",
            region=regions.get(item.get("region")),
            latitude=item.get("lat"),
            longitude=item.get("lon"),
            online_url=item.get("online_url") or "",
            organiser=institutions.get(item.get("organiser")),
            capacity=item.get("capacity"),
            registration_deadline=dt.datetime.fromisoformat(deadline) + shift if deadline else None,
        )
        page.languages = [languages[c] for c in item.get("languages", []) if c in languages]
        EventIndexPage.objects.get(locale=locale).add_child(instance=page)
        page.save_revision().publish()
        _translate_others(page, item, {"title": item["title"], "description": item["description"]}, locales, report)
        report.created["event"] += 1
