"""Field-level clean-up of imported company data: text, contact data, codes, names and sizes.

Every function is pure and returns the normalised value (or None when nothing usable is left);
the import plan compares input and output to report which fixes were applied.
"""

import html
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

import ftfy
import nh3
import phonenumbers

# Only undo mojibake; leave quotes, ligatures and widths as the author typed them.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False
)


# --- Text ---------------------------------------------------------------------------------------


def collapse_whitespace(value):
    return " ".join(str(value or "").replace("\u00a0", " ").split())


def repair_mojibake(value):
    """Undo UTF-8 text that was decoded as Windows-1252 ("PrÃ¤zision" -> "Präzision")."""
    return ftfy.fix_text(str(value or ""), _FTFY_CONFIG)


def clean_text(value):
    return collapse_whitespace(repair_mojibake(value))


def fold(value):
    """Case- and diacritics-insensitive form for comparisons: "Ústí nad Labem" -> "usti nad labem"."""
    text = str(value or "").casefold().replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def fold_german(value):
    """Like `fold`, but with the German spelling of umlauts people type without them (ä -> ae)."""
    text = str(value or "").casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    return fold(text)


# --- HTML descriptions --------------------------------------------------------------------------

_ACTIVE_CONTENT_RE = re.compile(r"<\s*(script|style|iframe|object|embed)\b|\son\w+\s*=|javascript:", re.I)
_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_BREAK_RE = re.compile(r"<\s*(br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6])\b[^>]*>", re.I)


def contains_html(value):
    return bool(_TAG_RE.search(str(value or "")))


def contains_active_content(value):
    return bool(_ACTIVE_CONTENT_RE.search(str(value or "")))


def html_to_text(value):
    """Plain text paragraphs (separated by a blank line) from untrusted HTML; scripts are dropped whole."""
    marked = _BREAK_RE.sub("\n", repair_mojibake(value))
    # nh3 (ammonia) removes every tag and the content of script/style; what remains is escaped text.
    text = html.unescape(nh3.clean(marked, tags=set()))
    paragraphs = [collapse_whitespace(line) for line in text.splitlines()]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


# --- Contact data -------------------------------------------------------------------------------


def phone_number(value, country=None):
    """Parse a phone number typed in any local or international style; None if it is not one."""
    text = collapse_whitespace(value)
    if not text:
        return None
    text = re.sub(r"\(\s*0\s*\)", "", text)  # "+49 (0)351 ..." - the trunk zero must go
    try:
        number = phonenumbers.parse(text, (country or "DE").upper())
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def normalize_phone(value, country=None):
    """ "037360 71234" (DE) -> "+49 37360 71234"; None if the value is not a phone number."""
    number = phone_number(value, country)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_key(value, country=None):
    number = phone_number(value, country)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z0-9-]{2,}$")

# Free mail providers: a shared domain says nothing about which company an address belongs to.
GENERIC_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com outlook.de hotmail.com hotmail.de live.com live.de msn.com
    yahoo.com yahoo.de icloud.com me.com aol.com aol.de proton.me protonmail.com gmx.de gmx.net gmx.at
    gmx.com web.de t-online.de freenet.de arcor.de online.de mail.de email.de posteo.de vodafone.de
    seznam.cz email.cz centrum.cz atlas.cz volny.cz post.cz tiscali.cz quick.cz o2active.cz
    wp.pl o2.pl onet.pl interia.pl
    """.split()
)


def normalize_email(value):
    text = collapse_whitespace(value).strip("<>").casefold()
    text = re.sub(r"^mailto:", "", text).split("?")[0].strip()
    return text if _EMAIL_RE.match(text) else None


def email_domain(email):
    return email.rsplit("@", 1)[1] if email and "@" in email else None


def is_generic_mail_domain(domain):
    return (domain or "").casefold() in GENERIC_MAIL_DOMAINS


def normalize_website(value):
    """Add a scheme, lowercase the host, drop a trailing slash: "www.Firma.example/" -> "https://www.firma.example"."""
    text = collapse_whitespace(value)
    if not text or " " in text or "@" in text:
        return None
    if not re.match(r"^https?://", text, re.I):
        text = "https://" + text.lstrip("/")
    parts = urlsplit(text)
    host = (parts.hostname or "").rstrip(".")
    if "." not in host:
        return None
    netloc = host + (f":{parts.port}" if parts.port else "")
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def website_host(value):
    """The host without "www.", used to compare sites and e-mail domains."""
    url = normalize_website(value)
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def website_key(value):
    url = normalize_website(value)
    return website_host(url) + urlsplit(url).path if url else None


# --- Countries, postcodes, streets -------------------------------------------------------------

_COUNTRY_BY_NAME = {
    fold(name): code
    for code, names in {
        "DE": ["DE", "D", "DEU", "BRD", "Germany", "Deutschland", "Bundesrepublik Deutschland", "Německo"],
        "CZ": [
            "CZ",
            "CZE",
            "ČR",
            "CR",
            "Czech Republic",
            "Czechia",
            "Tschechien",
            "Tschechische Republik",
            "Česko",
            "Česká republika",
        ],
        "PL": ["PL", "POL", "Poland", "Polen", "Polska", "Polsko"],
        "AT": ["AT", "AUT", "Austria", "Österreich", "Rakousko"],
        "SK": ["SK", "SVK", "Slovakia", "Slowakei", "Slovensko"],
    }.items()
    for name in names
}


def normalize_country(value):
    """ISO 3166 alpha-2 code from a code or a German, Czech or English country name."""
    key = fold(collapse_whitespace(value)).strip(". ")
    return _COUNTRY_BY_NAME.get(key) or _COUNTRY_BY_NAME.get(key.replace(".", ""))


def normalize_postcode(value, country=None):
    """German PLZ as 5 digits ("1796" -> "01796"); Czech PSČ as "412 01"; other values trimmed."""
    text = collapse_whitespace(value)
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"\d+\.0", text):
        digits = digits[:-1]  # a spreadsheet number cell
    if country == "DE" and len(digits) in (4, 5) and re.fullmatch(r"[\d\s.]+", text):
        return digits.zfill(5)  # Excel drops the leading zero of PLZ 0xxxx
    if country == "CZ" and len(digits) == 5 and re.fullmatch(r"(CZ-?)?[\d\s]+", text, re.I):
        return f"{digits[:3]} {digits[3:]}"
    return text or None


def expand_street_abbreviation(street):
    """German "Feldstr. 99" -> "Feldstraße 99", "Dresdner Str. 5" -> "Dresdner Straße 5"."""
    text = re.sub(r"(?<=\w)str\.(?=\s|\d|$)", "straße", street)
    return re.sub(r"\bStr\.(?=\s|\d|$)", "Straße", text)


# --- Industry codes, sizes ---------------------------------------------------------------------

# NACE Rev. 2 divisions; codes outside this set are typos or another classification.
NACE_DIVISIONS = frozenset(
    f"{number:02d}"
    for number in [
        *range(1, 4),
        *range(5, 10),
        *range(10, 34),
        *range(35, 40),
        *range(41, 44),
        *range(45, 48),
        *range(49, 54),
        55,
        56,
        *range(58, 67),
        *range(68, 76),
        *range(77, 83),
        84,
        85,
        *range(86, 89),
        *range(90, 94),
        *range(94, 97),
        97,
        98,
        99,
    ]
)


def nace_division(value):
    """The NACE division (2 digits) of a WZ 2008 / CZ-NACE / NACE code with or without dots.

    "25.11" and "2511" -> "25"; CZ-NACE adds a fifth digit ("28990" -> "28"); a leading section
    letter ("C 25.62") is ignored.
    """
    text = collapse_whitespace(value).upper()
    text = re.sub(r"^[A-U]\s*(?=\d)", "", text)
    if re.fullmatch(r"\d+\.0", text) and len(text) <= 4:
        text = text[:-2]  # a spreadsheet number such as 25.0
    match = re.match(r"^(\d{1,2})(?:[.\s]\d{1,2}){0,3}$|^(\d{2})\d{0,4}$", text)
    if not match:
        return None
    division = (match.group(1) or match.group(2)).zfill(2)
    return division if division in NACE_DIVISIONS else None


SIZE_LIMITS = (("micro", 10), ("small", 50), ("medium", 250))


def size_class(employees):
    """EU SME size class by headcount: micro < 10, small < 50, medium < 250, else large."""
    if employees is None:
        return None
    for size, limit in SIZE_LIMITS:
        if employees < limit:
            return size
    return "large"


def _parse_count(text):
    if re.fullmatch(r"\d{1,3}([.\s']\d{3})+", text):
        return int(re.sub(r"\D", "", text))  # German/Czech thousands separators: "1.200", "1 200"
    if re.fullmatch(r"\d+(,0+|\.0+)?", text):
        return int(re.split(r"[.,]", text)[0])
    return None


def parse_employees(value):
    """Return (employees, size): "ca. 190" -> (190, "medium"), "10-49" -> (None, "small")."""
    text = collapse_whitespace(value).casefold()
    text = re.sub(r"^(ca\.?|circa|cca\.?|ungefähr|etwa|approx\.?|~)\s*", "", text)
    text = re.sub(r"\s*(mitarbeiter(innen)?|ma|beschäftigte|zaměstnanců|zaměstnanci|employees)$", "", text)
    if not text:
        return None, None
    count = _parse_count(text)
    if count is not None:
        return count, size_class(count)
    range_match = re.fullmatch(r"(\d[\d.\s]*?)\s*(?:-|–|bis|až|to)\s*(\d[\d.\s]*)", text)
    if range_match:
        low, high = (_parse_count(part.strip()) for part in range_match.groups())
        if low is not None and high is not None and size_class(low) == size_class(high):
            return None, size_class(low)
        return None, None
    open_match = re.fullmatch(r"(?:>|über|mehr als|více než|nad|over)\s*(\d[\d.\s]*)|(\d[\d.\s]*?)\s*\+", text)
    if open_match:
        low = _parse_count((open_match.group(1) or open_match.group(2)).strip())
        return None, (size_class(low + 1) if low is not None else None)
    return None, None


def uses_thousands_separator(value):
    return bool(re.search(r"\d[.\s']\d{3}\b", collapse_whitespace(value)))


# --- Company names and legal forms ------------------------------------------------------------

_LEGAL_FORMS = {
    "GmbH": ["GmbH", "Gesellschaft mit beschränkter Haftung", "G.m.b.H."],
    "gGmbH": ["gGmbH"],
    "GmbH & Co. KG": ["GmbH & Co. KG", "GmbH & Co KG", "GmbH u. Co. KG", "GmbH und Co. KG"],
    "UG (haftungsbeschränkt) & Co. KG": ["UG (haftungsbeschränkt) & Co. KG", "UG & Co. KG"],
    "UG (haftungsbeschränkt)": ["UG (haftungsbeschränkt)", "UG", "UG haftungsbeschränkt", "UG (hb)"],
    "AG": ["AG", "Aktiengesellschaft"],
    "KG": ["KG", "Kommanditgesellschaft"],
    "KGaA": ["KGaA"],
    "OHG": ["OHG", "oHG"],
    "e.K.": ["e.K.", "e. K.", "e.Kfm.", "e.Kfr.", "eingetragener Kaufmann", "eingetragene Kauffrau"],
    "e.V.": ["e.V.", "eingetragener Verein"],
    "eG": ["eG", "eingetragene Genossenschaft"],
    "GbR": ["GbR", "Gesellschaft bürgerlichen Rechts"],
    "PartG mbB": ["PartG mbB", "PartGmbB"],
    "PartG": ["PartG", "Partnerschaftsgesellschaft"],
    "SE": ["SE"],
    "s.r.o.": ["s.r.o.", "spol. s r.o.", "spol. s r. o.", "společnost s ručením omezeným"],
    "a.s.": ["a.s.", "akciová společnost"],
    "v.o.s.": ["v.o.s.", "veř. obch. spol.", "veřejná obchodní společnost"],
    "k.s.": ["k.s.", "komanditní společnost"],
    "z.s.": ["z.s.", "zapsaný spolek"],
    "z.ú.": ["z.ú.", "zapsaný ústav"],
    "o.p.s.": ["o.p.s.", "obecně prospěšná společnost"],
    "s.p.": ["s.p.", "státní podnik"],
    "družstvo": ["družstvo"],
}


def _legal_form_key(value, folded=False):
    text = f" {str(value).casefold()} ".replace(" und ", "&").replace(" u. ", "&")
    # Diacritics count in abbreviations: the town "Aš" in "Montáže Aš" is not "a.s.".
    return re.sub(r"[^\w&]|_", "", fold(text) if folded else text)


_LEGAL_FORM_BY_KEY = {_legal_form_key(variant): form for form, variants in _LEGAL_FORMS.items() for variant in variants}
# Spelled-out forms are also recognised when typed without diacritics ("akciova spolecnost").
_LEGAL_FORM_BY_KEY.update(
    {
        _legal_form_key(variant, folded=True): form
        for form, variants in _LEGAL_FORMS.items()
        for variant in variants
        if len(variant.split()) > 1 and _legal_form_key(variant, folded=True) not in _LEGAL_FORM_BY_KEY
    }
)
_LEGAL_FORM_MAX_WORDS = max(len(variant.split()) for variants in _LEGAL_FORMS.values() for variant in variants) + 2


def normalize_legal_form(value):
    """Canonical abbreviation ("spol. s r.o." -> "s.r.o.", "GMBH" -> "GmbH"); unknown forms as typed."""
    text = clean_text(value)
    if not text:
        return None
    return _LEGAL_FORM_BY_KEY.get(_legal_form_key(text), text)


def split_legal_form(name):
    """Split "Chomutovské výlisky, spol. s r.o." into ("Chomutovské výlisky", "s.r.o.")."""
    words = clean_text(name).split(" ")
    for count in range(min(_LEGAL_FORM_MAX_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-count:])
        form = _LEGAL_FORM_BY_KEY.get(_legal_form_key(tail))
        # In a name, "Sp" or "As" without dots is a word, not "s.p." or "a.s.".
        if form and not ("." in form and "." not in tail and len(_legal_form_key(tail)) <= 2):
            return " ".join(words[:-count]).rstrip(" ,;-"), form
    return " ".join(words), None


def compose_legal_name(name, legal_form=None):
    """ "Metallbau Krause" + "GmbH" -> "Metallbau Krause GmbH"; a form already in the name is not repeated.

    When the name and the column disagree, the longer (more specific) form wins: a name ending in
    "GmbH & Co. KG" keeps it even if the column says "KG".
    """
    base, embedded = split_legal_form(name)
    given = normalize_legal_form(legal_form)
    form = embedded or given
    if embedded and given and embedded != given and len(given) > len(embedded):
        form = given
    return f"{base} {form}".strip() if form else base


_LOWERCASE_WORDS = frozenset("und für im am an der die das von zu a i v u s se ve na nad pod pro".split())


def fix_shouting(value):
    """ "KUNSTSTOFFSPRITZEREI NEUMANN" -> "Kunststoffspritzerei Neumann"; mixed-case text is kept."""
    letters = [char for char in value if char.isalpha()]
    if len(letters) < 4 or any(char.islower() for char in letters):
        return value
    words = []
    for index, word in enumerate(value.split(" ")):
        lower = word.lower()
        words.append(lower if index and lower in _LOWERCASE_WORDS else lower[:1].upper() + lower[1:])
    return " ".join(words)


_NAME_FILLER_RE = re.compile(r"\b(und|and|a|the)\b|&")


def name_key(name):
    """Key for spotting the same company under different spellings.

    Legal form, case, diacritics, punctuation and the ae/ä spelling are ignored, so
    "ERZGEBIRGISCHE PRAEZISIONSTEILE" and "Erzgebirgische Präzisionsteile GmbH" share a key.
    """
    base, _form = split_legal_form(name)
    text = fold(base)
    for spelled, plain in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        text = text.replace(spelled, plain)
    text = _NAME_FILLER_RE.sub(" ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
