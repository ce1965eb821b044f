"""Validation and normalisation of company registry ids: Czech IČO, VAT ids, German register numbers.

Each `normalize_*` function returns the canonical form or raises `RegistryIdError` with a machine
`code` (used by the import as a rejection reason) and a translatable `message` for people.
The `validate_*` wrappers raise Django's `ValidationError` so forms and model fields can use them.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Excel turns an IČO such as 02223953 into the number 2223953; we pad such values back.
# Very short numbers are not padded: "12" padded to 00000012 would pass the check by chance.
_ICO_MIN_DIGITS_TO_PAD = 6

# EU VAT prefixes (Greece uses EL, Northern Ireland XI). Only DE and CZ are checked in depth;
# the others get a format check so a Polish or Austrian partner is not rejected outright.
_EU_VAT_PREFIXES = frozenset(
    "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split()
)

_REGISTER_TYPES = {"HRA": "HRA", "HRB": "HRB", "GNR": "GnR", "PR": "PR", "VR": "VR"}
_REGISTER_RE = re.compile(
    r"^(?P<type>H\s*R\s*[AB]|G\s*n\s*R|P\s*R|V\s*R)\.?\s*(?:Nr\.?\s*)?(?P<number>\d{1,6})"
    r"(?:\s*(?P<suffix>[A-Z]{1,3}))?$",
    re.IGNORECASE,
)
# The court's place is one or more words, up to punctuation or the register type ("AG Dresden HRB 4702").
_COURT_RE = re.compile(
    r"\b(?:Amtsgericht|AG)\s+(?P<place>[^\W\d][\w.\-]*(?:\s+(?!(?:HR\s*[AB]|GnR|PR|VR)\b)[^\W\d][\w.\-]*)*)",
    re.IGNORECASE,
)


class RegistryIdError(ValueError):
    """An id that cannot be accepted; `code` is a stable machine reason, `message` is for people."""

    def __init__(self, code, message):
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class RegisterEntry:
    number: str
    court: str | None = None


def _compact(value):
    """Drop the separators people and spreadsheets put into ids: spaces (incl. no-break), dots, dashes."""
    return re.sub(r"[\s.\-/]", "", str(value or "").replace("\u00a0", " ")).upper()


def ico_check_digit(first_seven):
    total = sum(int(digit) * weight for digit, weight in zip(first_seven, range(8, 1, -1), strict=True))
    return (11 - total % 11) % 10


def normalize_ico(value):
    text = str(value or "").strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]  # a spreadsheet cell read as a float, e.g. 2223953.0
    digits = re.sub(r"^I[ČC]O?:?", "", _compact(text))
    if not digits.isdigit() or not digits.isascii():
        raise RegistryIdError("invalid_ico", _("The IČO must consist of 8 digits."))
    if len(digits) < 8 and len(digits) >= _ICO_MIN_DIGITS_TO_PAD:
        digits = digits.zfill(8)
    if len(digits) != 8:
        raise RegistryIdError("invalid_ico", _("The IČO must consist of 8 digits."))
    if ico_check_digit(digits[:7]) != int(digits[7]):
        raise RegistryIdError(
            "invalid_ico_checksum",
            _("The IČO must have 8 digits; its last digit is a check digit that does not match."),
        )
    return digits


def de_vat_check_digit(first_eight):
    """ISO 7064 MOD 11,10, as the German Federal Central Tax Office uses it for USt-IdNr."""
    product = 10
    for digit in first_eight:
        total = (int(digit) + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10


def _normalize_de_vat(digits):
    if not re.fullmatch(r"[0-9]{9}", digits):
        raise RegistryIdError(
            "invalid_vat_id", _("A German VAT ID is DE followed by exactly 9 digits, for example DE123456788.")
        )
    if de_vat_check_digit(digits[:8]) != int(digits[8]):
        raise RegistryIdError(
            "invalid_vat_id", _("This German VAT ID has a check digit that does not match; please look for a typo.")
        )
    return "DE" + digits


def _normalize_cz_vat(digits):
    if not re.fullmatch(r"[0-9]{8,10}", digits):
        raise RegistryIdError("invalid_vat_id", _("A Czech VAT ID (DIČ) is CZ followed by 8, 9 or 10 digits."))
    if len(digits) == 8 and ico_check_digit(digits[:7]) != int(digits[7]):
        # A company's DIČ is CZ + its IČO, so the IČO check digit applies.
        raise RegistryIdError(
            "invalid_vat_id", _("This Czech VAT ID contains an IČO whose check digit does not match.")
        )
    if len(digits) == 10 and int(digits) % 11 and not (int(digits[:9]) % 11 == 10 and digits[9] == "0"):
        # Ten digits are a birth number, which is divisible by 11 (with a historic exception).
        raise RegistryIdError("invalid_vat_id", _("This Czech VAT ID is not a valid personal number."))
    return "CZ" + digits


def normalize_vat_id(value, default_country=None):
    """Return the VAT id without separators, e.g. "DE 183 821 776" -> "DE183821776".

    `default_country` ("DE"/"CZ") is assumed when the value has digits only.
    """
    compact = _compact(value)
    if compact.isdigit() and default_country:
        compact = default_country.upper() + compact
    prefix, rest = compact[:2], compact[2:]
    if prefix == "DE":
        return _normalize_de_vat(rest)
    if prefix == "CZ":
        return _normalize_cz_vat(rest)
    if prefix in _EU_VAT_PREFIXES and re.fullmatch(r"[0-9A-Z+*]{2,12}", rest):
        return compact
    raise RegistryIdError(
        "invalid_vat_id",
        _("Enter a VAT ID that starts with an EU country code, for example DE123456788 or CZ12345679."),
    )


def parse_register_entry(value):
    """Split "HRB 28367 (Amtsgericht Chemnitz)" into the register number and the court."""
    text = " ".join(str(value or "").split())
    court = None
    court_match = _COURT_RE.search(text)
    if court_match:
        court = "Amtsgericht " + court_match.group("place").strip()
        text = (text[: court_match.start()] + text[court_match.end() :]).strip()
    text = re.sub(r"[(),;]+", " ", text).strip()
    match = _REGISTER_RE.match(text)
    if not match:
        raise RegistryIdError(
            "invalid_register_number",
            _("Enter a German register number such as HRB 12345: HRA, HRB, GnR, PR or VR followed by the number."),
        )
    register_type = _REGISTER_TYPES[re.sub(r"\s", "", match.group("type")).upper()]
    number = f"{register_type} {int(match.group('number'))}"
    if match.group("suffix"):
        number += " " + match.group("suffix").upper()
    return RegisterEntry(number=number, court=court)


def normalize_register_number(value):
    return parse_register_entry(value).number


def looks_like_register_number(value):
    return bool(re.match(r"^\s*(H\s*R\s*[AB]|G\s*n\s*R|P\s*R|V\s*R)\b", str(value or ""), re.IGNORECASE))


def _as_validator(normalize):
    def validate(value):
        try:
            normalize(value)
        except RegistryIdError as error:
            raise ValidationError(error.message, code=error.code) from error

    validate.__name__ = normalize.__name__.replace("normalize_", "validate_")
    validate.__doc__ = f"Django validator: raise ValidationError unless `{normalize.__name__}` accepts the value."
    return validate


validate_ico = _as_validator(normalize_ico)
validate_vat_id = _as_validator(normalize_vat_id)
validate_register_number = _as_validator(normalize_register_number)
