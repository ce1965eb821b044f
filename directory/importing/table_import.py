"""Write a chamber export (CSV/XLSX) into the directory, following the pure plan in plan.py."""

import sys

from django.core.management.base import CommandError
from django.utils.html import escape
from wagtail.models import Locale

from directory.models import CompanyPage, ContactPerson, DirectoryIndexPage, Industry, Region

from .csv_reader import ImportFileError, read_import_file
from .plan import CompanyRecord, plan_import, summarize
from .translations import paragraphs

SOURCE_LOCALE_BY_COUNTRY = {"DE": "de", "CZ": "cs"}
PAGE_FIELDS = ("legal_form", "street", "postcode", "city", "country", "website", "employees", "size", "ico", "vat_id",
               "register_number", "register_court")  # fmt: skip


def source_pages():
    """The companies as written in their source locale (not aliases, not translations)."""
    pages = CompanyPage.objects.filter(alias_of__isnull=True).select_related("locale", "region")
    return [
        page
        for page in pages.prefetch_related("contact_persons", "industries")
        if page.locale.language_code == page.source_language
    ]


def record_for(page):
    contact = next(iter(page.contact_persons.all()), None)
    return CompanyRecord(
        slug=page.slug,
        name=page.title,
        legal_form=page.legal_form or None,
        street=page.street or None,
        postcode=page.postcode or None,
        city=page.city or None,
        country=page.country or None,
        region=page.region.code if page.region else None,
        phone=(contact.phone if contact and contact.phone else page.phone) or None,
        email=(contact.email if contact else "") or None,
        website=page.website or None,
        industries=tuple(i.code for i in page.industries.all()),
        employees=page.employees,
        size=page.size or None,
        description=page.description or None,
        ico=page.ico or None,
        vat_id=page.vat_id or None,
        register_number=page.register_number or None,
        register_court=page.register_court or None,
    )


def _description_html(text):
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs(text or ""))


def create_page(values, slug, warnings, publish):
    values = dict(values)
    if not values.get("country"):
        # A chamber export without a country column: the region tells, else the exporting chamber's country.
        values["country"] = (values.get("region") or "DE")[:2]
    language = SOURCE_LOCALE_BY_COUNTRY.get(values.get("country"), "de")
    locale = Locale.objects.get(language_code=language)
    page = CompanyPage(
        title=values["name"],
        slug=slug,
        legal_name=values["name"],
        source_language=language,
        phone=values.get("phone") or "",
        description=_description_html(values.get("description")),
        region=Region.objects.filter(code=values.get("region") or "").first(),
        editor_notes="\n".join(str(w.message) for w in warnings),
        **{name: values.get(name) or ("" if name not in ("employees",) else None) for name in PAGE_FIELDS},
    )
    if values.get("nace_division"):
        page.industries = list(Industry.objects.filter(code=values["nace_division"]))
    if values.get("email"):
        page.contact_persons = [
            ContactPerson(name=values["name"], email=values["email"], phone=values.get("phone") or "")
        ]
    DirectoryIndexPage.objects.get(locale=locale).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def update_page(slug, fill):
    """Fill empty fields only; a revision (and publish, if live) only when something changed."""
    page = next(p for p in source_pages() if p.slug == slug)
    changed = []
    for name, value in fill.items():
        if name == "nace_division":
            industries = list(Industry.objects.filter(code=value))
            if industries and not page.industries.exists():
                page.industries = industries
                changed.append(name)
        elif name == "region":
            page.region = Region.objects.filter(code=value).first()
            changed.append(name)
        elif name == "description":
            page.description = _description_html(value)
            changed.append(name)
        elif name == "phone" and not page.phone:
            page.phone = value
            changed.append(name)
        elif name in PAGE_FIELDS and not getattr(page, name):
            setattr(page, name, value)
            changed.append(name)
    if changed:
        revision = page.save_revision()
        if page.live:
            revision.publish()
    return changed


def import_table(path, file_format, stdout=None, style=None, publish=True):
    stdout = stdout or sys.stdout
    try:
        rows = read_import_file(path)
    except ImportFileError as error:
        raise CommandError(str(error.message if hasattr(error, "message") else error)) from error
    outcomes = plan_import(rows, [record_for(page) for page in source_pages()])
    total = len(outcomes)
    for number, outcome in enumerate(outcomes, start=1):
        line = f"row {outcome.row:>4}: {outcome.action}"
        if outcome.kind == "create":
            create_page(outcome.normalized, outcome.slug, outcome.warnings, publish)
        elif outcome.kind == "update":
            changed = update_page(outcome.slug, outcome.fill)
            line += f" (filled: {', '.join(changed)})" if changed else " (nothing to fill)"
            for name, diff in outcome.differences.items():
                line += f"\n           differs: {name}: existing {diff['existing']!r} ≠ file {diff['incoming']!r}"
        elif outcome.kind == "reject":
            line += "".join(f" – {issue.message}" for issue in outcome.errors)
        for warning in outcome.warnings:
            line += f"\n           note: {warning.message}"
        stdout.write(line)
        if total >= 200 and number % 100 == 0:
            sys.stderr.write(f"\r{number}/{total} rows")
    counts = summarize(outcomes)
    stdout.write(
        "summary: "
        + ", ".join(f"{counts.get(kind, 0)} {kind}" for kind in ("create", "update", "duplicate_of_row", "reject"))
    )
    return outcomes
