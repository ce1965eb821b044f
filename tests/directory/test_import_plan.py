"""The import plan on the chamber's messy export, and reading export files."""

import io
import json
from functools import cache

import pytest
from django.utils import translation

from directory.importing.csv_reader import ImportFileError, read_import_file
from directory.importing.plan import CompanyRecord, apply_plan, plan_import, summarize

from .shared_data import data_file, ensure_settings

ensure_settings()

HEADER = "Firma;Rechtsform;Straße;PLZ;Ort;Land;Telefon;E-Mail;Web;WZ-Code;Mitarbeiter;Beschreibung;IČO/HRB;USt-IdNr."


@cache
def corpus_companies():
    corpus = json.loads(data_file("directory-corpus.json").read_text(encoding="utf-8"))
    return tuple(CompanyRecord.from_corpus(company) for company in corpus["companies"])


@cache
def expected():
    return json.loads(data_file("import-messy.expected.json").read_text(encoding="utf-8"))


@cache
def messy_rows():
    return tuple(read_import_file(data_file("import-messy.csv")))


@cache
def messy_plan():
    return tuple(plan_import(messy_rows(), corpus_companies()))


def outcome(row):
    return messy_plan()[row - 1]


def csv_bytes(*lines, encoding="utf-8-sig"):
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode(encoding)


def plan_for(lines, existing=()):
    return plan_import(read_import_file(csv_bytes(*lines)), list(existing))


# --- The chamber's export against the corpus ----------------------------------------------------


def test_the_file_has_sixty_numbered_rows():
    assert [row["row"] for row in messy_rows()] == list(range(1, 61))
    assert messy_rows()[0]["name"] == "Metallbau Krause"
    assert messy_rows()[1]["registry_id"] == "42298903"


@pytest.mark.parametrize("row", range(1, 61))
def test_every_row_gets_the_expected_action(row):
    assert outcome(row).row == row
    assert outcome(row).action == expected()["actions"][str(row)]


@pytest.mark.parametrize("case", expected()["rows"], ids=lambda case: f"row{case['row']}")
def test_expected_normalised_values_match_fixes_and_match_keys(case):
    result = outcome(case["row"])
    assert result.action == case["action"]
    for name, value in case.get("normalized", {}).items():
        assert result.normalized[name] == value, name
    # The expected file names the notable fixes and match keys; the plan reports all it applied.
    assert set(case.get("fixes", [])) <= set(result.fixes)
    assert set(case.get("match_on", [])) <= set(result.match_on)


def test_summary_matches_the_expected_counts():
    assert summarize(messy_plan()) == expected()["summary"]


def test_rejected_rows_carry_their_reason_and_a_message():
    for result in messy_plan():
        if result.kind == "reject":
            assert result.errors[0].code == result.action.split(":", 1)[1]
            assert result.slug is None
            with translation.override("en"):
                assert str(result.errors[0].message)
        else:
            assert not result.errors


def test_created_rows_get_unique_corpus_style_slugs():
    slugs = [result.slug for result in messy_plan() if result.kind == "create"]
    corpus_slugs = {record.slug for record in corpus_companies()}
    assert len(set(slugs)) == len(slugs) == 37
    assert not corpus_slugs & set(slugs)
    assert outcome(1).slug == "metallbau-krause"
    assert outcome(8).slug == "montaze-as"
    assert outcome(30).slug == "holzwerkstaetten-mueglitztal"
    assert outcome(31).slug == outcome(5).slug  # a duplicate points at its first row's page


def test_update_restores_diacritics_from_the_existing_company():
    result = outcome(2)
    assert result.normalized["name"] == "Strojírna Kadaň s.r.o."
    assert result.normalized["city"] == "Kadaň"
    assert "name" not in result.differences and "city" not in result.differences
    assert outcome(50).normalized["name"] == "Tanvaldské pružiny s.r.o."
    assert outcome(42).normalized["name"] == "Přesné trubky Chomutov a.s."


def test_updates_report_differences_and_never_overwrite():
    result = outcome(2)
    assert result.differences["employees"] == {"existing": 128, "incoming": 130}
    assert result.differences["street"] == {"existing": "Pražská 420/36", "incoming": "Prumyslova 1180/7"}
    assert not set(result.fill) & set(result.differences)
    abbreviated = outcome(35)
    assert abbreviated.differences["name"]["existing"] == "Westerzgebirgische Gesenkschmiede GmbH"
    assert abbreviated.normalized["city"] == "Aue-Bad Schlema"  # "Aue" merged with Bad Schlema in 2019


def test_update_fills_only_empty_fields():
    kadan = next(record for record in corpus_companies() if record.slug == "strojirna-kadan")
    sparse = CompanyRecord(slug=kadan.slug, name=kadan.name, ico=kadan.ico, city=kadan.city, employees=128)
    result = plan_import([messy_rows()[1]], [sparse])[0]
    assert result.action == "update:strojirna-kadan"
    assert result.fill["website"] == "https://strojirna-kadan.example"
    assert result.fill["vat_id"] == "CZ42298903"
    assert result.fill["nace_division"] == "25"
    assert "employees" not in result.fill and result.differences["employees"]["existing"] == 128


def test_regions_come_from_the_gazetteer():
    assert outcome(1).normalized["region"] == "DED42"  # Olbernhau
    assert outcome(4).normalized["region"] == "DED44"  # Auerbach/Vogtl.
    assert outcome(34).normalized["region"] == "DED51"  # Leipzig, outside the programme area but valid
    assert outcome(57).normalized["region"] == "CZ051"  # Kamenický Šenov
    assert all(not result.warnings for result in messy_plan() if result.kind != "reject")


def test_a_second_run_after_applying_the_plan_changes_nothing():
    records = apply_plan(list(corpus_companies()), messy_plan())
    assert len(records) == 240 + 37
    second = plan_import(messy_rows(), records)
    for first, again in zip(messy_plan(), second, strict=True):
        if first.kind == "reject":
            assert again.action == first.action
        else:
            assert again.action == f"update:{first.slug}"
            assert again.fill == {}


# --- Matching rules on small files ---------------------------------------------------------------


def test_generic_mail_domains_do_not_make_companies_the_same():
    result = plan_for(
        [
            "Schlosserei Lange;e.K.;Am Bach 1;08209;Auerbach/Vogtl.;DE;;lange.schlosserei@gmail.com;;25.11;3;;;",
            "Malerei Berger;e.K.;Am Berg 2;09456;Annaberg-Buchholz;DE;;malerei.berger@gmail.com;;43.34;2;;;",
        ]
    )
    assert [r.action for r in result] == ["create", "create"]


def test_same_name_and_town_without_diacritics_is_the_same_company():
    result = plan_for(["Zittauer Gehaeusebau;GmbH;;;ZITTAU;Deutschland;;;;;;;;"], corpus_companies())
    assert result[0].action == "update:zittauer-gehaeusebau"
    assert result[0].match_on == ["name_city"]
    assert result[0].normalized["name"] == "Zittauer Gehäusebau GmbH"


def test_contradicting_ids_prevent_a_match_on_the_website():
    # Same web site as Strojírna Kadaň, but another (valid) IČO: a different company of a group.
    result = plan_for(
        ["Strojírna Kadaň Servis;s.r.o.;;432 01;Kadaň;CZ;;;strojirna-kadan.example;33.12;12;;26538288;"],
        corpus_companies(),
    )
    assert result[0].action == "create"


def test_later_rows_match_earlier_rows_by_phone():
    result = plan_for(
        [
            "Holzbau Pech;GmbH;;01744;Dippoldiswalde;DE;03504 61 99 1;;;16.23;9;;;",
            "Zimmerei Pech;GmbH;;01744;Dippoldiswalde;DE;+49 3504 61991;;;16.23;9;;;",
        ]
    )
    assert [r.action for r in result] == ["create", "duplicate_of_row:1"]
    assert result[1].match_on == ["phone"]


def test_unknown_town_is_imported_without_region_and_flagged():
    result = plan_for(["Metallbau Nord;GmbH;;20095;Hamburg;DE;;;;25.11;12;;;"])
    assert result[0].action == "create"
    assert result[0].normalized["region"] is None
    assert [warning.code for warning in result[0].warnings] == ["unknown_region"]


def test_bad_optional_values_are_dropped_with_a_warning_not_rejected():
    result = plan_for(["Metallbau Ost;GmbH;;02763;Zittau;DE;kein Telefon;nicht@;;99.99.9;viele;;HRC 1;"])
    assert result[0].action == "create"
    codes = {warning.code for warning in result[0].warnings}
    assert {"invalid_phone", "invalid_email", "invalid_employees"} <= codes
    assert result[0].normalized["phone"] is None


def test_czech_row_with_a_mistyped_ico_is_rejected():
    result = plan_for(["Kovo Test;s.r.o.;;436 01;Litvínov;CZ;;;;25.62;5;;4064O278;"])
    assert result[0].action == "reject:invalid_ico"


# --- Reading files ----------------------------------------------------------------------------------


def test_csv_in_windows_1252_with_commas_is_read():
    data = "Firma,Ort,PLZ,Mitarbeiter\r\nBäckerei Groß,Löbau,02708,12\r\n".encode("cp1252")
    [row] = read_import_file(data)
    assert (row["row"], row["name"], row["city"], row["postcode"], row["employees"]) == (
        1, "Bäckerei Groß", "Löbau", "02708", "12",
    )  # fmt: skip
    assert row["street"] == ""  # columns the file lacks are empty


def test_column_names_are_matched_loosely_and_unknown_columns_ignored():
    data = b" firma ; ORT ;Ust-IdNr;Bemerkung;Ico/HRB\nFirma A;Pirna;DE280729902;egal;HRB 1\n"
    row = read_import_file(data)[0]
    assert (row["name"], row["city"], row["vat_id"], row["registry_id"]) == ("Firma A", "Pirna", "DE280729902", "HRB 1")
    assert "Bemerkung" not in row


def test_blank_lines_are_skipped_but_keep_their_number():
    rows = read_import_file(b"Firma;Ort\nA;Pirna\n;\nB;Most\n")
    assert [(row["row"], row["name"]) for row in rows] == [(1, "A"), (3, "B")]


def test_xlsx_export_is_read_with_numbers_as_text():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append(HEADER.split(";"))
    sheet.append(["Montáže Aš", "s.r.o.", "Chebská 1422/9", 35201, "Aš", "CZ", None, None, None, 33.2, 20,
                  None, 2223953, "CZ02223953"])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_import_file(buffer.getvalue(), filename="export.xlsx")
    assert rows[0]["registry_id"] == "2223953" and rows[0]["postcode"] == "35201" and rows[0]["row"] == 1
    result = plan_import(rows, [])[0]
    assert result.action == "create"
    assert (result.normalized["ico"], result.normalized["postcode"]) == ("02223953", "352 01")


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        (b"PK\x03\x04broken zip", "damaged"),
        (b"Name;Street;Town\nA;B;C\n", "Ort"),
        (b"Firma;Stadt\n", "no company rows"),
        (b"just some text\nwithout columns\n", "single column"),
    ],
)
def test_malformed_files_raise_a_clear_error(data, words):
    with pytest.raises(ImportFileError) as caught:
        read_import_file(data)
    with translation.override("en"):
        assert words in str(caught.value.message)


def test_missing_columns_are_all_named():
    with pytest.raises(ImportFileError) as caught:
        read_import_file("Bezeichnung;Straße;Telefon\nA;B;C\n".encode())
    with translation.override("en"):
        message = str(caught.value.message)
    assert "Firma" in message and "Ort" in message
