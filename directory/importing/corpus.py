"""Load the JSON corpus (taxonomies, institutions, companies, events) into Wagtail pages.

Listings are created in their source locale and published; translations present in the corpus are loaded
through wagtail-localize; every other locale gets an alias (DESIGN.md §2). Existing pages (same slug) are
left as they are, so loading twice creates nothing twice.
"""

import datetime as dt
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from directory.models import (
    Certification,
    CompanyPage,
    ContactPerson,
    DirectoryIndexPage,
    GlossaryConcept,
    Industry,
    InstitutionIndexPage,
    InstitutionPage,
    Language,
    Region,
)
from directory.models.institutions import InstitutionContact

from .translations import paragraphs, translate_page

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

LANGUAGE_LABELS = {
    "de": ("Deutsch", "němčina", "German"),
    "cs": ("Tschechisch", "čeština", "Czech"),
    "en": ("Englisch", "angličtina", "English"),
    "pl": ("Polnisch", "polština", "Polish"),
    "sk": ("Slowakisch", "slovenština", "Slovak"),
    "fr": ("Französisch", "francouzština", "French"),
    "ru": ("Russisch", "ruština", "Russian"),
    "uk": ("Ukrainisch", "ukrajinština", "Ukrainian"),
    "it": ("Italienisch", "italština", "Italian"),
    "es": ("Spanisch", "španělština", "Spanish"),
    "vi": ("Vietnamesisch", "vietnamština", "Vietnamese"),
}

# The corpus says "verified" without naming who verified: the partner institution of the listing's region.
VERIFYING_INSTITUTION_BY_REGION = {
    "DED41": "ihk-chemnitz", "DED42": "ihk-chemnitz", "DED43": "ihk-chemnitz", "DED44": "ihk-chemnitz",
    "DED45": "ihk-chemnitz", "DED21": "ihk-dresden-zittau", "DED2C": "ihk-dresden-zittau",
    "DED2D": "ihk-dresden-zittau", "DED2E": "ihk-dresden-zittau", "DED2F": "ihk-dresden-zittau",
    "CZ041": "khk-karlovarsky-kraj", "CZ042": "mas-cesky-sever", "CZ051": "mas-cesky-sever",
    "CZ010": "dtihk",
}  # fmt: skip
DEFAULT_VERIFIER = "wirtschaftsfoerderung-sachsen"


@dataclass
class LoadReport:
    created: dict = field(default_factory=lambda: {"company": 0, "institution": 0, "event": 0})
    skipped: dict = field(default_factory=lambda: {"company": 0, "institution": 0, "event": 0})
    translations: int = 0


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def html_paragraphs(text):
    from django.utils.html import escape

    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs(text))


def _days_before(reference, slug, salt, spread):
    return reference - dt.timedelta(days=zlib.crc32(f"{salt}:{slug}".encode()) % spread)


# ---------------------------------------------------------------- taxonomies
def load_taxonomies(corpus):
    labels = lambda item: {f"label_{code}": item["labels"][code] for code in ("de", "cs", "en")}  # noqa: E731
    for item in sorted(corpus["industries"], key=lambda i: i["level"] != "section"):
        parent = Industry.objects.filter(code=item["parent"]).first() if item.get("parent") else None
        Industry.objects.update_or_create(
            code=item["code"], defaults={"level": item["level"], "parent": parent, **labels(item)}
        )
    aliases = _region_aliases()
    for item in corpus["regions"]:
        region, created = Region.objects.get_or_create(
            code=item["code"],
            defaults={"country": item["country"], "in_programme_area": item["in_programme_area"], **labels(item)},
        )
        if created or not region.aliases:
            region.aliases = "\n".join(aliases.get(item["code"], []))
            region.save(update_fields=["aliases"])
    for item in corpus["certifications"]:
        Certification.objects.update_or_create(code=item["code"], defaults=labels(item))
    for code, (de, cs, en) in LANGUAGE_LABELS.items():
        Language.objects.get_or_create(code=code, defaults={"label_de": de, "label_cs": cs, "label_en": en})
    load_glossary()


def _region_aliases():
    path = DATA_DIR / "region_aliases.json"
    if not path.exists():
        return {}
    result = {}
    for entry in read_json(path):
        names = [name for language in ("de", "cs", "en") for name in entry["names"].get(language, [])]
        for code in entry["codes"]:
            result.setdefault(code, [])
            result[code].extend(name for name in names if name not in result[code])
    return result


def load_glossary():
    path = DATA_DIR / "glossary.json"
    if not path.exists():
        return 0
    industries = {i.code: i for i in Industry.objects.all()}
    count = 0
    for entry in read_json(path):
        _concept, created = GlossaryConcept.objects.get_or_create(
            key=entry["key"],
            defaults={
                "industry": industries.get(entry.get("industry") or ""),
                **{f"terms_{lang}": "\n".join(entry["terms"].get(lang, [])) for lang in ("de", "cs", "en")},
            },
        )
        count += created
    return count


# ---------------------------------------------------------------- pages
def _locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _index(model, locale):
    return model.objects.get(locale=locale)


def _existing(model, slug, locale):
    return model.objects.filter(slug=slug, locale=locale).first()


def _translate_others(page, item, text_fields, locales, report):
    """Corpus translations → wagtail-localize translations, published."""
    source_language = page.locale.language_code
    for language, locale in locales.items():
        if language == source_language:
            continue
        texts = {}
        for path, values in text_fields.items():
            if isinstance(values, dict) and values.get(language):
                texts[path] = paragraphs(values[language]) if path == "description" else values[language]
        if texts:
            translate_page(page, locale, texts)
            report.translations += 1


def _address(item):
    venue = item.get("venue") or {}
    return {
        "street": item.get("street") or venue.get("street") or "",
        "postcode": item.get("postcode") or venue.get("postcode") or "",
        "city": item.get("city") or "",
        "country": item.get("country") or "DE",
        "latitude": item.get("lat"),
        "longitude": item.get("lon"),
    }


def load_institutions(corpus, regions, locales, report):
    for item in corpus["institutions"]:
        locale = locales[item["source_language"]]
        if _existing(InstitutionPage, item["slug"], locale):
            report.skipped["institution"] += 1
            continue
        description = item["description"].get(item["source_language"], "")
        page = InstitutionPage(
            title=item["name"],
            slug=item["slug"],
            legal_name=item["name"],
            kind=item["kind"],
            public_partner=bool(item.get("public_partner")),
            description=html_paragraphs(description),
            services=[("service", {"title": s["title"], "text": s.get("text", "")}) for s in item.get("services", [])],
            region=regions.get(item.get("region")),
            phone=(item.get("contact") or {}).get("phone", "") if item.get("public_partner") else "",
            website=item.get("website") or "",
            source_language=item["source_language"],
            **_address(item),
        )
        contact = item.get("contact")
        if contact:
            page.contact_persons = [
                InstitutionContact(
                    name=contact.get("name", ""), role=contact.get("role", ""),
                    email=contact.get("email", ""), phone=contact.get("phone", ""),
                )
            ]  # fmt: skip
        _index(InstitutionIndexPage, locale).add_child(instance=page)
        page.save_revision().publish()
        _translate_others(page, item, {"description": item["description"]}, locales, report)
        report.created["institution"] += 1


def load_companies(corpus, regions, locales, report, reference_date):
    industries = {i.code: i for i in Industry.objects.all()}
    certifications = {c.code: c for c in Certification.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    institutions = {p.slug: p for p in InstitutionPage.objects.filter(alias_of__isnull=True)}
    for item in corpus["companies"]:
        locale = locales[item["source_language"]]
        if _existing(CompanyPage, item["slug"], locale):
            report.skipped["company"] += 1
            continue
        registration = item.get("registration") or {}
        verifier = None
        if item.get("verified"):
            verifier = institutions.get(VERIFYING_INSTITUTION_BY_REGION.get(item.get("region"), DEFAULT_VERIFIER))
        page = CompanyPage(
            title=item["name"],
            slug=item["slug"],
            legal_name=item["name"],
            legal_form=item.get("legal_form") or "",
            ico=registration.get("ico") or "",
            vat_id=registration.get("vat_id") or "",
            register_court=registration.get("register_court") or "",
            register_number=registration.get("register") or "",
            founded=item.get("founded"),
            employees=item.get("employees"),
            size=item.get("size") or "",
            description=html_paragraphs(item["description"].get(item["source_language"], "")),
            offers=[
                ("offer", {"kind": o.get("kind", "product"), "title": o["title"], "text": o.get("text", "")})
                for o in item.get("offers", [])
            ],
            needs=[
                ("need", {"kind": n["kind"], "title": n["title"], "text": n.get("text", "")})
                for n in item.get("needs", [])
            ],
            region=regions.get(item.get("region")),
            phone=_switchboard(item),
            website=item.get("website") or "",
            source_language=item["source_language"],
            verified_by=verifier,
            verified_on=_days_before(reference_date, item["slug"], "verified", 400) if verifier else None,
            last_confirmed=_days_before(reference_date, item["slug"], "confirmed", 200),
            **_address(item),
        )
        page.industries = [industries[code] for code in item.get("industries", []) if code in industries]
        page.certifications = [certifications[c] for c in item.get("certifications", []) if c in certifications]
        page.languages = [languages[c] for c in item.get("languages", []) if c in languages]
        contact = item.get("contact")
        if contact:
            page.contact_persons = [
                ContactPerson(
                    name=contact.get("name", ""), role=contact.get("role", ""),
                    email=contact.get("email", ""), phone=contact.get("phone", ""),
                )
            ]  # fmt: skip
        _index(DirectoryIndexPage, locale).add_child(instance=page)
        page.save_revision().publish()
        _translate_others(page, item, {"description": item["description"]}, locales, report)
        report.created["company"] += 1


def _switchboard(item):
    """The corpus gives a contact person's phone only: that is private, so no public number is invented."""
    return item.get("phone") or ""


@transaction.atomic
def load_corpus(corpus, *, reference_date=None, event_shift=None):
    from events.corpus import load_events

    reference_date = reference_date or dt.date.fromisoformat(corpus["meta"]["reference_date"])
    from search.signals import bulk_changes

    report = LoadReport()
    locales = _locales()
    missing = [code for code, _name in settings.LANGUAGES if code not in locales]
    if missing:
        raise RuntimeError(f"Locales missing: {missing}; run setup_site first")
    with bulk_changes():
        load_taxonomies(corpus)
    regions = {r.code: r for r in Region.objects.all()}
    with bulk_changes():
        load_institutions(corpus, regions, locales, report)
        load_companies(corpus, regions, locales, report, reference_date)
        load_events(corpus, regions, locales, report, shift=event_shift or dt.timedelta(0))
    return report
