"""Read chamber exports (CSV or XLSX with German column names) into plain row dicts.

Each row is a dict with the canonical field names of `COLUMNS` (values as text, untrimmed, "" when
empty) and `row`, the 1-based record number with the header excluded. A file that cannot be read
as such an export raises `ImportFileError` with a message for the person who uploaded it.
"""

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .normalize import fold

# Canonical field -> (column label used in messages, accepted column names).
COLUMNS = {
    "name": ("Firma", ["Firma", "Firmenname", "Name", "Unternehmen", "Firma/Name", "Název", "Název firmy"]),
    "legal_form": ("Rechtsform", ["Rechtsform", "Právní forma", "Legal form"]),
    "street": (
        "Straße",
        ["Straße", "Strasse", "Str.", "Straße/Hausnr.", "Straße und Hausnummer", "Anschrift", "Adresse", "Ulice"],
    ),
    "postcode": ("PLZ", ["PLZ", "Postleitzahl", "PSČ", "Postcode", "Zip"]),
    "city": ("Ort", ["Ort", "Stadt", "Ort/Stadt", "Gemeinde", "Obec", "Město", "City"]),
    "country": ("Land", ["Land", "Staat", "Stát", "Country"]),
    "phone": ("Telefon", ["Telefon", "Tel.", "Tel", "Telefonnummer", "Phone"]),
    "email": ("E-Mail", ["E-Mail", "Email", "E-Mail-Adresse", "Mail"]),
    "website": ("Web", ["Web", "Website", "Webseite", "Internet", "Homepage", "URL", "Www"]),
    "nace": ("WZ-Code", ["WZ-Code", "WZ", "WZ 2008", "WZ2008", "NACE", "CZ-NACE", "NACE-Code", "Branche (WZ)"]),
    "employees": (
        "Mitarbeiter",
        [
            "Mitarbeiter",
            "Mitarbeiterzahl",
            "Anzahl Mitarbeiter",
            "Beschäftigte",
            "Zaměstnanci",
            "Počet zaměstnanců",
            "Employees",
        ],
    ),
    "description": ("Beschreibung", ["Beschreibung", "Tätigkeit", "Tätigkeitsbeschreibung", "Popis", "Description"]),
    # One column holds the IČO of Czech and the register number of German companies; some files split it.
    "registry_id": ("IČO/HRB", ["IČO/HRB", "HRB/IČO", "IČO/HR-Nr.", "Registrierung"]),
    "ico": ("IČO", ["IČO", "IČ", "ICO"]),
    "register": ("HRB", ["HRB", "Registernummer", "Handelsregister", "Handelsregisternummer", "HR-Nummer"]),
    "register_court": ("Registergericht", ["Registergericht", "Amtsgericht", "Registergericht/Amtsgericht"]),
    "vat_id": (
        "USt-IdNr.",
        ["USt-IdNr.", "USt-ID", "UStIdNr", "USt-Id-Nr.", "Umsatzsteuer-ID", "DIČ", "VAT", "VAT ID"],
    ),
}
REQUIRED_COLUMNS = ("name", "city")

_DELIMITERS = (";", ",", "\t")


class ImportFileError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _column_key(label):
    return re.sub(r"[^a-z0-9]", "", fold(label))


_FIELD_BY_COLUMN = {_column_key(name): field for field, (_label, names) in COLUMNS.items() for name in names}


def map_columns(header):
    """Canonical field for each header cell (None for columns we do not import)."""
    mapping, seen = [], set()
    for cell in header:
        field = _FIELD_BY_COLUMN.get(_column_key(cell or ""))
        mapping.append(field if field not in seen else None)  # a repeated column: the first one counts
        seen.add(field)
    missing = [COLUMNS[field][0] for field in REQUIRED_COLUMNS if field not in seen]
    if missing:
        raise ImportFileError(
            format_lazy(
                _("The file lacks the required columns: {columns}. The first row must hold the column names."),
                columns=", ".join(missing),
            )
        )
    return mapping


def _decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # Excel's "CSV" on German Windows
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data):
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    return controls > len(sample) // 20


def _rows_from_cells(header, records):
    mapping = map_columns(header)
    rows = []
    for number, cells in enumerate(records, start=1):
        cells = ["" if cell is None else cell for cell in cells]
        if not any(str(cell).strip() for cell in cells):
            continue  # blank lines keep their number so messages point at the right record
        row = {field: "" for field in COLUMNS}
        for field, cell in zip(mapping, cells, strict=False):  # short rows leave fields empty
            if field:
                row[field] = cell
        row["row"] = number
        rows.append(row)
    if not rows:
        raise ImportFileError(_("The file has column names but no company rows."))
    return rows


def read_csv(data):
    if _looks_binary(data):
        raise ImportFileError(_("This file is not a CSV or Excel export: it contains binary data."))
    text = _decode(data)
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    if not first_line.count(delimiter):
        raise ImportFileError(
            _("The file has a single column. Save it as CSV separated by semicolons or commas, or as XLSX.")
        )
    try:
        records = list(csv.reader(io.StringIO(text.lstrip("\r\n"), newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(format_lazy(_("The CSV file is malformed: {error}"), error=error)) from error
    return _rows_from_cells(records[0], records[1:])


def _cell_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else str(value)


def read_xlsx(data):
    from openpyxl import load_workbook  # only needed for spreadsheets

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, XML and key errors for broken files
        raise ImportFileError(_("The Excel file cannot be opened; it may be damaged.")) from error
    try:
        sheet = workbook.worksheets[0]
        records = [[_cell_text(value) for value in values] for values in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    while records and not any(cell.strip() for cell in records[0]):
        records.pop(0)  # spreadsheets often start with an empty row
    if not records:
        raise ImportFileError(_("The file is empty."))
    return _rows_from_cells(records[0], records[1:])


def read_import_file(source, filename=None):
    """Rows of a chamber export given as a path, bytes or a binary file object."""
    if isinstance(source, str | Path):
        filename = filename or str(source)
        data = Path(source).read_bytes()
    elif isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        data = source.read()
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(_("Old Excel files (.xls) are not supported. Save the file as .xlsx or CSV."))
    if filename and Path(filename).suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportFileError(_("The Excel file cannot be opened; it may be damaged."))
    return read_csv(data)
