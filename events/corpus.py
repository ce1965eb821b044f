"""Events of the JSON corpus → EventPages (dates shifted for the demo, DESIGN.md §4)."""

import datetime as dt
from zoneinfo import ZoneInfo

from directory.importing.corpus import _translate_others, html_paragraphs
from directory.models import InstitutionPage, Language
from events.models import EventIndexPage, EventPage

# The corpus has no kind of event; these are read from each event's title and description.
KIND_BY_SLUG = {
    "kooperationsboerse-zulieferindustrie-2026": "cooperation_exchange",
    "zuliefertag-erzgebirge-2026": "supplier_day",
    "workshop-entsendung-liberec-2026": "workshop",
    "netzwerktreffen-kunststofftechnik-2026": "networking",
    "glasdialog-lausitz-nordboehmen-2026": "conference",
    "kooperacni-burza-povrchove-upravy-2026": "cooperation_exchange",
    "workshop-umsatzsteuer-zoll-2027": "workshop",
    "unternehmerreise-karlsbader-region-2027": "trade_mission",
    "fachtagung-additive-fertigung-2027": "conference",
    "b2b-speeddating-automotive-2027": "cooperation_exchange",
    "sommerforum-energie-vogtland-egerland-2027": "conference",
    "infoveranstaltung-interreg-pirna-2026": "information",
}
# For events added to the corpus later: words in the German or Czech title.
KIND_BY_WORD = [
    (("kooperationsbörse", "burza", "speeddating", "speed dating"), "cooperation_exchange"),
    (("zuliefertag", "den dodavatelů"), "supplier_day"),
    (("workshop", "seminar"), "workshop"),
    (("fachtagung", "konferenz", "konference", "forum", "fórum"), "conference"),
    (("unternehmerreise", "delegation", "mise"), "trade_mission"),
    (("netzwerk", "treffen", "setkání"), "networking"),
]


def kind_of(item):
    if item["slug"] in KIND_BY_SLUG:
        return KIND_BY_SLUG[item["slug"]]
    title = " ".join(item["title"].values()).lower()
    for words, kind in KIND_BY_WORD:
        if any(word in title for word in words):
            return kind
    return "information"


def shifted(iso, shift, zone):
    """The corpus time moved by `shift` days on the local wall clock, so 09:00 stays 09:00 across DST."""
    local = dt.datetime.fromisoformat(iso).astimezone(zone)
    return (local.replace(tzinfo=None) + shift).replace(tzinfo=zone)


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
        time_zone = "Europe/Prague" if item.get("country") == "CZ" else "Europe/Berlin"
        zone = ZoneInfo(time_zone)
        page = EventPage(
            title=item["title"][source_language],
            slug=item["slug"],
            kind=kind_of(item),
            description=html_paragraphs(item["description"].get(source_language, "")),
            start=shifted(item["start"], shift, zone),
            end=shifted(item["end"], shift, zone),
            time_zone=time_zone,
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
            registration_deadline=shifted(deadline, shift, zone) if deadline else None,
        )
        page.languages = [languages[c] for c in item.get("languages", []) if c in languages]
        page.partners = [institutions[slug] for slug in item.get("partners", []) if slug in institutions]
        EventIndexPage.objects.get(locale=locale).add_child(instance=page)
        page.save_revision().publish()
        _translate_others(page, item, {"title": item["title"], "description": item["description"]}, locales, report)
        report.created["event"] += 1
