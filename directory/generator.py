"""Synthetic companies for the speed benchmark (`manage.py generate_companies`).

Companies are written in German (Saxon towns, locale de) or Czech (Czech towns, locale cs) from the glossary
terms and the corpus's own offers and sentences, and are created as valid Wagtail pages under the
DirectoryIndexPage of their source locale. Rows are inserted in bulk: treebeard paths are allocated after the
index page's last child, the Page rows and the CompanyPage rows are inserted with bulk inserts, the
parent's numchild is fixed, and the many-to-many rows go straight into the through tables.

Not created for generated companies: aliases in the other locales (they are listed in their source locale
only), revisions (latest_revision stays empty, as for a page created without the editor) and contact persons.
"""

import datetime as dt
import json
import multiprocessing
import os
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from directory.data_files import data_file
from directory.importing.corpus import DATA_DIR, html_paragraphs
from directory.models import Certification, CompanyPage, DirectoryIndexPage, Industry, Language, Region

TRADES = {
    "de": [
        "Metallbau", "Zerspanung", "Präzisionstechnik", "Kunststofftechnik", "Blechbearbeitung", "Maschinenbau",
        "Gießerei", "Oberflächentechnik", "Elektrotechnik", "Holzbau", "Glastechnik", "Automation",
        "Werkzeugbau", "Textiltechnik", "Logistik", "Stahlbau", "Feinmechanik", "Anlagenbau",
    ],
    "cs": [
        "Strojírna", "Kovovýroba", "Plasty", "Slévárna", "Nástrojárna", "Elektro", "Dřevovýroba", "Sklárna",
        "Automatizace", "Lakovna", "Ocelové konstrukce", "Textil", "Logistika", "Přesné obrábění", "Montáže",
    ],
}  # fmt: skip
SIZES = [("micro", 2, 9), ("small", 10, 49), ("medium", 50, 249), ("large", 250, 900)]
SIZE_WEIGHTS = [35, 40, 20, 5]
NEED_KINDS = ["supplier", "cooperation", "capacity", "rnd"]

OPENINGS = {
    "de": [
        "Die {name} ist ein {adj} Familienunternehmen aus {town} mit {employees} Mitarbeitern.",
        "Seit {founded} steht die {name} in {town} für {term1} und {term2}.",
        "Wir sind ein {adj} Unternehmen in {town} und fertigen seit {founded} für Kunden in Sachsen und Tschechien.",
    ],
    "cs": [
        "Společnost {name} je {adj} rodinná firma z města {town} s {employees} zaměstnanci.",
        "Od roku {founded} se {name} v {town} zabývá oborem {term1} a {term2}.",
        "Jsme {adj} podnik v {town} a od roku {founded} vyrábíme pro zákazníky v Česku i v Sasku.",
    ],
}
ADJECTIVES = {
    "de": ["mittelständisches", "inhabergeführtes", "traditionsreiches", "junges", "wachsendes"],
    "cs": ["tradiční", "dynamická", "stabilní", "mladá", "rostoucí"],
}
BODY = {
    "de": [
        "Unser Schwerpunkt liegt auf {term1}, ergänzt durch {term2} und {term3}.",
        "Zu unseren Leistungen gehören {term1} sowie {term2} in Einzel- und Serienfertigung.",
        "Für Kunden aus dem Maschinenbau, der Automobilzulieferung und der Medizintechnik übernehmen wir {term1}.",
        "Moderne Anlagen und erfahrene Fachkräfte sichern kurze Lieferzeiten und gleichbleibende Qualität.",
        "Die Qualitätssicherung erfolgt mit eigener Messtechnik und lückenloser Dokumentation.",
        "Wir liefern termingerecht in die gesamte Grenzregion und beraten bereits in der Entwicklungsphase.",
        "Gemeinsam mit Partnern aus Tschechien bieten wir auch {term2} und {term3} aus einer Hand an.",
    ],
    "cs": [
        "Naším hlavním zaměřením je {term1}, doplněné o {term2} a {term3}.",
        "K našim službám patří {term1} a také {term2} v kusové i sériové výrobě.",
        "Pro zákazníky ze strojírenství, automobilového průmyslu a zdravotnictví zajišťujeme {term1}.",
        "Moderní strojní vybavení a zkušení pracovníci zaručují krátké dodací lhůty a stálou kvalitu.",
        "Kontrola kvality probíhá na vlastní měřicí technice s úplnou dokumentací.",
        "Dodáváme včas do celého příhraničního regionu a radíme již ve fázi vývoje.",
        "Společně s partnery ze Saska nabízíme také {term2} a {term3} z jedné ruky.",
    ],
}
NEED_TITLES = {
    "de": ["Lieferant für {term} gesucht", "Kooperationspartner für {term}", "Kapazität für {term} gesucht"],
    "cs": ["Hledáme dodavatele: {term}", "Partner pro spolupráci: {term}", "Hledáme kapacitu: {term}"],
}
NEED_TEXTS = {
    "de": "Wir suchen zuverlässige Partner in der Grenzregion, gern auch aus Tschechien.",
    "cs": "Hledáme spolehlivé partnery v příhraničním regionu, rádi i ze Saska.",
}


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


class Vocabulary:
    """Words the generator draws from: glossary terms per language and industry, towns, corpus offers."""

    def __init__(self):
        self.industries = list(Industry.objects.filter(level=Industry.DIVISION).order_by("code"))
        by_code = {industry.code: industry for industry in self.industries}
        self.concepts = []  # (industry or None, {lang: [terms]})
        for entry in _read(DATA_DIR / "glossary.json"):
            terms = {lang: entry["terms"].get(lang) or [] for lang in ("de", "cs")}
            if terms["de"] and terms["cs"]:
                self.concepts.append((by_code.get(entry.get("industry") or ""), terms))
        regions = {region.code: region for region in Region.objects.all()}
        self.regions = regions
        self.towns = {"de": [], "cs": []}
        for place in _read(DATA_DIR / "gazetteer.json")["places"]:
            region = regions.get(place.get("nuts3"))
            if region is not None:
                self.towns["de" if place["country"] == "DE" else "cs"].append((place["name"], region))
        corpus = _read(data_file("directory-corpus.json"))
        self.offers = {"de": [], "cs": []}
        self.sentences = {"de": [], "cs": []}
        for company in corpus["companies"]:
            lang = company["source_language"]
            if lang not in self.offers:
                continue
            self.offers[lang].extend(company.get("offers") or [])
            text = (company.get("description") or {}).get(lang) or ""
            self.sentences[lang].extend(s.strip() + "." for s in text.split(". ") if 6 <= len(s.split()) <= 25)
        self.certifications = list(Certification.objects.order_by("code"))
        self.languages = {language.code: language for language in Language.objects.all()}


def _sentence(rng, template, **values):
    return template.format(**values)


def _description(rng, vocab, lang, name, town, founded, employees, terms):
    values = {
        "name": name, "town": town, "founded": founded, "employees": employees,
        "adj": rng.choice(ADJECTIVES[lang]), "term1": terms[0], "term2": terms[1], "term3": terms[2],
    }  # fmt: skip
    sentences = [rng.choice(OPENINGS[lang]).format(**values)]
    body = BODY[lang][:]
    rng.shuffle(body)
    words = len(sentences[0].split())
    target = rng.randint(60, 100)
    pool = body + rng.sample(vocab.sentences[lang], min(4, len(vocab.sentences[lang])))
    for template in pool:
        if words >= target:
            break
        sentence = template.format(**values) if "{" in template else template
        sentences.append(sentence)
        words += len(sentence.split())
    return " ".join(sentences)


def build_company(rng, vocab, lang, seed, number):
    """One unsaved CompanyPage (and its many-to-many choices) for company number `number`."""
    town, region = rng.choice(vocab.towns[lang])
    concept_industry, terms = rng.choice(vocab.concepts)
    other_industry, other_terms = rng.choice(vocab.concepts)
    words = terms[lang] + other_terms[lang]
    chosen = [words[0]] + rng.sample(words[1:], min(2, len(words) - 1))
    while len(chosen) < 3:
        chosen.append(words[0])
    trade = rng.choice(TRADES[lang])
    legal_form = "GmbH" if lang == "de" else "s.r.o."
    name = f"{town} {trade} {legal_form}" if lang == "de" else f"{trade} {town} {legal_form}"
    size, low, high = rng.choices(SIZES, weights=SIZE_WEIGHTS)[0]
    employees = rng.randint(low, high)
    founded = rng.randint(1950, 2022)
    description = _description(rng, vocab, lang, name, town, founded, employees, chosen)
    offers = [("offer", {"kind": "service", "title": chosen[0][:1].upper() + chosen[0][1:], "text": ""})]
    for offer in rng.sample(vocab.offers[lang], min(rng.randint(1, 3), len(vocab.offers[lang]))):
        offers.append(
            ("offer", {"kind": offer.get("kind", "product"), "title": offer["title"], "text": offer.get("text", "")})
        )
    needs = []
    if rng.random() < 0.5:
        kind = rng.randrange(3)
        needs.append(
            ("need", {"kind": NEED_KINDS[kind], "title": NEED_TITLES[lang][kind].format(term=rng.choice(words)),
                      "text": NEED_TEXTS[lang]})
        )  # fmt: skip
    industries = {ind for ind in (concept_industry, other_industry) if ind is not None}
    if not industries:
        industries.add(rng.choice(vocab.industries))
    certifications = (
        set(rng.sample(vocab.certifications, rng.choice([0, 0, 1, 1, 2]))) if vocab.certifications else set()
    )
    spoken = {lang, "en"} | ({"cs" if lang == "de" else "de"} if rng.random() < 0.6 else set())
    slug = f"gen-{seed}-{number}"
    country = "DE" if lang == "de" else "CZ"
    postcode = f"{rng.randint(1000, 9999):05d}" if lang == "de" else f"{rng.randint(400, 479)} {rng.randint(1, 99):02d}"
    page = CompanyPage(
        title=name, draft_title=name, slug=slug, legal_name=name, legal_form=legal_form,
        founded=founded, employees=employees, size=size, description=html_paragraphs(description),
        offers=offers, needs=needs, region=region, city=town, country=country, postcode=postcode,
        street=("Hauptstraße " if lang == "de" else "Hlavní ") + str(rng.randint(1, 120)),
        website=f"https://{slug}.example", source_language=lang,
        last_confirmed=dt.date(2026, 1, 1) - dt.timedelta(days=rng.randrange(365)),
        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        has_offers=bool(offers), has_needs=bool(needs), is_verified=False,
    )  # fmt: skip
    links = {
        "industries": industries,
        "certifications": certifications,
        "languages": {vocab.languages[code] for code in spoken if code in vocab.languages},
    }
    return page, links, description


def _insert(model, objs, fields):
    batch = max(1, connection.ops.bulk_batch_size(fields, objs) if connection.vendor == "sqlite" else 1000)
    for start in range(0, len(objs), batch):
        model._base_manager._insert(objs[start : start + batch], fields=fields, using=connection.alias)


def _create_under(parent, pages, links, now):
    """Insert `pages` as the next children of `parent` (valid treebeard paths), with their m2m rows."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = CompanyPage._str2int(last.path[-CompanyPage.steplen :]) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(CompanyPage)
    for offset, page in enumerate(pages, start=1):
        page.path = CompanyPage._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
    Page.objects.bulk_create(rows, batch_size=500)
    if rows and rows[0].pk is None:  # a backend that does not return ids: read them back by path
        ids = dict(Page.objects.filter(path__in=[r.path for r in rows]).values_list("path", "pk"))
        for row in rows:
            row.pk = ids[row.path]
    for page, row in zip(pages, rows, strict=True):
        page.page_ptr_id = page.pk = row.pk
    _insert(CompanyPage, pages, list(CompanyPage._meta.local_concrete_fields))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    for name in ("industries", "certifications", "languages"):
        field = CompanyPage._meta.get_field(name)
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
                for page, page_links in zip(pages, links, strict=True)
                for item in page_links[name]
            ],
            batch_size=1000,
        )


def generate(count, seed, *, index=True, chunk=2000, log=None, workers=None):
    """Create `count` companies for `seed`; returns {"created", "pks", "create_seconds", "index_seconds", ...}."""
    log = log or (lambda message: None)
    started = time.perf_counter()
    vocab = Vocabulary()
    if not vocab.towns["de"] or not vocab.towns["cs"] or not vocab.concepts:
        raise RuntimeError("Taxonomies and glossary are missing: load them first (import_directory)")
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=["de", "cs"])}
    parents = {lang: DirectoryIndexPage.objects.get(locale=locale) for lang, locale in locales.items()}
    existing = set(CompanyPage.objects.filter(slug__startswith=f"gen-{seed}-").values_list("slug", flat=True))
    rng = random.Random(seed)
    now = timezone.now()
    pks, by_lang = [], {"de": 0, "cs": 0}
    for first in range(1, count + 1, chunk):
        batch = {"de": ([], []), "cs": ([], [])}
        for number in range(first, min(count, first + chunk - 1) + 1):
            lang = "de" if rng.random() < 0.6 else "cs"
            page, links, _text = build_company(rng, vocab, lang, seed, number)
            if page.slug in existing:
                continue
            batch[lang][0].append(page)
            batch[lang][1].append(links)
        with transaction.atomic():
            for lang, (pages, links) in batch.items():
                if pages:
                    _create_under(parents[lang], pages, links, now)
                    pks.extend(page.pk for page in pages)
                    by_lang[lang] += len(pages)
        log(f"  {min(count, first + chunk - 1)}/{count} built")
    create_seconds = time.perf_counter() - started

    from search.glossary import bump_generation
    from search.spelling import mark_changed

    bump_generation()
    mark_changed()
    index_seconds = 0.0
    if index and pks:
        started = time.perf_counter()
        index_pages(pks, workers=workers, log=log)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh statistics, so the planner knows the new rows
                cursor.execute("ANALYZE")
        index_seconds = time.perf_counter() - started
    return {
        "created": len(pks), "pks": pks, "by_language": by_lang,
        "create_seconds": create_seconds, "index_seconds": index_seconds,
    }  # fmt: skip


INDEX_BATCH = 500


def _index_share(pks, log):
    from search.signals import index_in_batches

    for start in range(0, len(pks), INDEX_BATCH):  # one transaction per batch, not one commit per document
        with transaction.atomic():
            index_in_batches({CompanyPage: set(pks[start : start + INDEX_BATCH])})
        log(f"  {min(len(pks), start + INDEX_BATCH)}/{len(pks)} indexed")


def index_pages(pks, *, workers=None, log=None):
    """Index the companies `pks` in batches, in `workers` forked processes (default: one per CPU core, at most
    4) on a client/server database; SQLite takes one writer at a time, so it indexes in this process."""
    log = log or (lambda message: None)
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    if connection.vendor == "sqlite" or workers <= 1 or len(pks) < 2 * INDEX_BATCH:
        _index_share(pks, log)
        return
    from search.glossary import _index as glossary_index

    glossary_index()  # built once here, shared with the workers (copy-on-write)
    connections.close_all()  # each worker opens its own connection
    context = multiprocessing.get_context("fork")
    shares = [pks[offset::workers] for offset in range(workers)]
    processes = [context.Process(target=_index_worker, args=(share,)) for share in shares]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    failed = [process.exitcode for process in processes if process.exitcode]
    if failed:
        raise RuntimeError(f"{len(failed)} of {workers} index workers failed (exit codes {failed})")


def _index_worker(pks):
    connections.close_all()
    try:
        _index_share(sorted(pks), lambda message: None)
    finally:
        connections.close_all()
