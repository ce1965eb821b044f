"""import_directory on the messy chamber export: row-by-row outcome, idempotent re-run, bad files."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page, Revision

from directory.data_files import data_file
from directory.models import CompanyPage

pytestmark = pytest.mark.django_db

EXPECTED = json.loads(data_file("import-messy.expected.json").read_text(encoding="utf-8"))


def _run(*args):
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_directory", *args, stdout=out)
    return out.getvalue()


def _actions(output):
    actions = {}
    for line in output.splitlines():
        if line.startswith("row "):
            number, rest = line[4:].split(":", 1)
            actions[number.strip()] = rest.strip().split(" ")[0]
    return actions


def test_messy_export_matches_expected_outcome_row_by_row():
    before = CompanyPage.objects.filter(alias_of__isnull=True).count()
    output = _run(str(data_file("import-messy.csv")))
    assert _actions(output) == EXPECTED["actions"]
    created = EXPECTED["summary"]["create"]
    assert CompanyPage.objects.filter(alias_of__isnull=True).count() == before + created
    # Normalised values of created rows arrive on the pages.
    for row in EXPECTED["rows"]:
        if row["action"] != "create" or "name" not in row.get("normalized", {}):
            continue
        page = CompanyPage.objects.get(title=row["normalized"]["name"], alias_of__isnull=True)
        if "nace_division" in row["normalized"]:
            assert list(page.industries.values_list("code", flat=True)) == [row["normalized"]["nace_division"]]
        if "employees" in row["normalized"]:
            assert page.employees == row["normalized"]["employees"]
        assert page.live
        assert page.locale.language_code == {"DE": "de", "CZ": "cs"}[page.country]


def test_second_run_changes_nothing():
    _run(str(data_file("import-messy.csv")))
    pages, revisions = Page.objects.count(), Revision.objects.count()
    output = _run(str(data_file("import-messy.csv")))
    assert "summary: 0 create, 50 update, 0 duplicate_of_row, 10 reject" in output
    assert "filled:" not in output
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_dry_run_writes_nothing():
    pages, revisions = Page.objects.count(), Revision.objects.count()
    output = _run(str(data_file("import-messy.csv")), "--dry-run")
    assert "Dry run: nothing was written." in output
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_update_fills_empty_fields_and_reports_differences():
    page = CompanyPage.objects.get(slug="strojirna-kadan", locale__language_code="cs")
    page.website = ""
    page.save_revision().publish()
    output = _run(str(data_file("import-messy.csv")))
    page.refresh_from_db()
    assert page.website == "https://strojirna-kadan.example"
    assert "row    2: update:strojirna-kadan (filled: website)" in output
    assert "differs: street" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (bytes(range(256)) * 4, "binary"), (b"Produkt;Preis\nA;B\n", "Firma, Ort")],
)
def test_malformed_files_are_refused_and_write_nothing(tmp_path, content, message):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        _run(str(path))
    assert Page.objects.count() == pages


def test_close_column_names_are_understood(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Name;Stadt\nHolzbau Beispiel;Marienberg\n", encoding="utf-8")
    assert "summary: 1 create" in _run(str(path))
    page = CompanyPage.objects.get(title="Holzbau Beispiel", alias_of__isnull=True)
    assert page.region.code == "DED42" and page.country == "DE"


def test_unknown_format_is_refused(tmp_path):
    path = tmp_path / "export.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(CommandError, match="Unknown file format"):
        _run(str(path))
