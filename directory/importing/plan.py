"""Decide, for every row of a chamber export, whether it creates, updates, duplicates or is rejected.

`plan_import(rows, existing)` is pure: rows come from `csv_reader`, existing companies are plain
`CompanyRecord`s, and the result is one `RowOutcome` per row. Writing pages is the caller's job;
`apply_plan` shows the intended effect on records (and lets tests check that a re-run is a no-op).

Rules: a row needs a name (Firma) and a town (Ort), and its IČO and VAT id must pass their checks.
It is the same company as an existing record, or as an earlier row of the file, when ids, web or
mail domain, phone, or name and town agree and no id contradicts. Matches with existing records
become updates that only `fill` empty fields; values that differ are reported in `differences`,
never overwritten.
"""

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..registry_ids import (
    RegistryIdError,
    looks_like_register_number,
    normalize_ico,
    normalize_vat_id,
    parse_register_entry,
)
from .gazetteer import default_gazetteer
from .normalize import (
    collapse_whitespace,
    compose_legal_name,
    contains_active_content,
    contains_html,
    email_domain,
    expand_street_abbreviation,
    fix_shouting,
    fold,
    fold_german,
    html_to_text,
    is_generic_mail_domain,
    nace_division,
    name_key,
    normalize_country,
    normalize_email,
    normalize_legal_form,
    normalize_phone,
    normalize_postcode,
    normalize_website,
    parse_employees,
    phone_key,
    repair_mojibake,
    split_legal_form,
    uses_thousands_separator,
    website_host,
    website_key,
)

FIELDS = (
    "name", "legal_form", "street", "postcode", "city", "country", "region", "phone", "email", "website",
    "nace_division", "employees", "size", "description", "ico", "vat_id", "register_number", "register_court",
)  # fmt: skip

# How much each kind of agreement says about two entries being one company.
MATCH_WEIGHTS = {
    "ico": 10, "vat_id": 10, "register": 6, "email": 4, "website": 4, "phone": 3, "name_city": 3, "email_domain": 2,
}  # fmt: skip

MESSAGES = {
    "missing_name": _("The company name (Firma) is empty."),
    "missing_city": _("The town (Ort) is empty; it is required even when the postcode is given."),
    "unknown_region": _("The town could not be assigned to a region; the company is imported without one."),
    "unknown_country": _("The country is not recognised."),
    "postcode_region_mismatch": _("The postcode belongs to another region than the town; the town was used."),
    "invalid_phone": _("The phone number is not valid and was left out."),
    "invalid_email": _("The e-mail address is not valid and was left out."),
    "invalid_website": _("The web address is not valid and was left out."),
    "invalid_nace_code": _("The WZ/NACE code is not a valid NACE division and was left out."),
    "invalid_employees": _("The number of employees was not understood and was left out."),
    "unrecognised_registry_id": _("The value in the IČO/HRB column is neither an IČO nor a register number."),
    "vat_id_differs_from_ico": _("The Czech VAT ID does not contain the company's IČO."),
    "vat_country_mismatch": _("The VAT ID belongs to another country than the company's address."),
}


@dataclass(frozen=True)
class RowIssue:
    code: str
    message: str


def _issue(code, message=None):
    return RowIssue(code, message or MESSAGES[code])


@dataclass
class CompanyRecord:
    """An existing company as the plan sees it; `email` and `phone` are the contact's."""

    slug: str
    name: str
    legal_form: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None
    region: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    industries: tuple = ()
    employees: int | None = None
    size: str | None = None
    description: str | None = None
    ico: str | None = None
    vat_id: str | None = None
    register_number: str | None = None
    register_court: str | None = None

    @classmethod
    def from_corpus(cls, company):
        registration = company.get("registration") or {}
        contact = company.get("contact") or {}
        descriptions = company.get("description") or {}
        return cls(
            slug=company["slug"],
            name=company["name"],
            legal_form=company.get("legal_form"),
            street=company.get("street"),
            postcode=company.get("postcode"),
            city=company.get("city"),
            country=company.get("country"),
            region=company.get("region"),
            phone=contact.get("phone"),
            email=contact.get("email"),
            website=company.get("website"),
            industries=tuple(company.get("industries") or ()),
            employees=company.get("employees"),
            size=company.get("size"),
            description=descriptions.get(company.get("source_language")) or next(iter(descriptions.values()), None),
            ico=registration.get("ico"),
            vat_id=registration.get("vat_id"),
            register_number=registration.get("register"),
            register_court=registration.get("register_court"),
        )

    @classmethod
    def from_normalized(cls, slug, values):
        record = cls(slug=slug, name=values["name"])
        return record.filled(values)

    def values(self):
        """The record in the shape of a row's `normalized` dict."""
        values = {name: getattr(self, name) for name in FIELDS if name != "nace_division"}
        values["nace_division"] = list(self.industries)
        return values

    def filled(self, fill):
        changes = {name: value for name, value in fill.items() if name != "nace_division"}
        if fill.get("nace_division"):
            changes["industries"] = (*self.industries, fill["nace_division"])
        return dataclasses.replace(self, **changes)


@dataclass
class RowOutcome:
    row: int
    action: str
    slug: str | None = None
    match_on: list = field(default_factory=list)
    fixes: list = field(default_factory=list)
    normalized: dict = field(default_factory=dict)
    fill: dict = field(default_factory=dict)
    differences: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def kind(self):
        return self.action.split(":", 1)[0]

    @property
    def duplicate_of(self):
        return int(self.action.split(":", 1)[1]) if self.kind == "duplicate_of_row" else None


# --- Normalising one row -----------------------------------------------------------------------


class _RowNormalizer:
    def __init__(self, raw, gazetteer):
        self.raw = {key: "" if value is None else str(value) for key, value in raw.items() if key != "row"}
        self.gazetteer = gazetteer
        self.fixes, self.errors, self.warnings = [], [], []
        self.values = dict.fromkeys(FIELDS)

    def fix(self, code):
        if code not in self.fixes:
            self.fixes.append(code)

    def text(self, name):
        """The cleaned text of a column, recording whitespace and mojibake fixes."""
        value = self.raw.get(name, "")
        if value != value.strip() or (name != "description" and "  " in value.strip()):
            self.fix("trim_whitespace")
        repaired = repair_mojibake(value)
        if repaired != value:
            self.fix("repair_mojibake_cp1252")
        return collapse_whitespace(repaired)

    def run(self):
        self._name()
        self._place()
        self._contact()
        self._classification()
        self._registry_ids()
        return self

    def _name(self):
        name, legal_form = self.text("name"), self.text("legal_form")
        if not name:
            self.errors.append(_issue("missing_name"))
            return
        base, embedded = split_legal_form(name)
        calm = fix_shouting(base)
        if calm != base:
            self.fix("normalize_case")
        canonical_form = normalize_legal_form(legal_form)
        if (canonical_form and canonical_form != legal_form) or (embedded and not name.endswith(" " + embedded)):
            self.fix("normalize_legal_form")
        composed = compose_legal_name(f"{calm} {embedded or ''}", canonical_form)
        self.values["name"] = composed
        self.values["legal_form"] = split_legal_form(composed)[1] or canonical_form

    def _place(self):
        city, country_text, postcode_text = self.text("city"), self.text("country"), self.text("postcode")
        if not city:
            self.errors.append(_issue("missing_city"))
        country = normalize_country(country_text)
        if country_text and not country:
            self.warnings.append(_issue("unknown_country"))
        elif country and country != country_text:
            self.fix("normalize_country")
        country = country or self._country_from_vat_id()
        postcode = normalize_postcode(postcode_text, country)
        if postcode and postcode != postcode_text and country in ("DE", "CZ"):
            self.fix("pad_de_postcode" if country == "DE" else "format_cz_postcode")
        location = self.gazetteer.locate(city, postcode, country) if city or postcode else None
        if location and location.place and location.exact and location.place.name != city:
            self.fix("normalize_case" if location.place.name.casefold() == city.casefold() else "normalize_city")
            city = location.place.name
        if location and location.place and postcode:
            postcode_region = self.gazetteer.region_for_postcode(postcode, location.country)
            if postcode_region and postcode_region != location.nuts3:
                self.warnings.append(_issue("postcode_region_mismatch"))
        if not location and city:
            self.warnings.append(_issue("unknown_region"))
        country = country or (location.country if location else None)
        street = self.text("street")
        if street and country == "DE" and expand_street_abbreviation(street) != street:
            street = expand_street_abbreviation(street)
            self.fix("expand_street_abbreviation")
        self.values.update(
            city=city or None, country=country, postcode=postcode, street=street or None,
            region=location.nuts3 if location else None,
        )  # fmt: skip

    def _country_from_vat_id(self):
        prefix = re.sub(r"\W", "", self.raw.get("vat_id", "")).upper()[:2]
        return prefix if prefix in ("DE", "CZ") else None

    def _contact(self):
        country = self.values["country"]
        phone_text = self.text("phone")
        phone = normalize_phone(phone_text, country)
        if phone_text and not phone:
            self.warnings.append(_issue("invalid_phone"))
        elif phone and phone != phone_text:
            self.fix("normalize_phone")
        email_text = self.text("email")
        email = normalize_email(email_text)
        if email_text.casefold().startswith("mailto:"):
            self.fix("strip_mailto")
        if email_text and not email:
            self.warnings.append(_issue("invalid_email"))
        elif email and email_text != email_text.casefold():
            self.fix("lowercase_email")
        website_text = self.text("website")
        website = normalize_website(website_text)
        if website_text and not website:
            self.warnings.append(_issue("invalid_website"))
        elif website and website != website_text:
            self.fix("normalize_website")
        self.values.update(phone=phone, email=email, website=website)

    def _classification(self):
        nace_text = self.text("nace")
        division = nace_division(nace_text)
        if nace_text and not division:
            self.warnings.append(_issue("invalid_nace_code"))
        elif re.fullmatch(r"\d{5}", nace_text):
            self.fix("map_cz_nace_5digit_to_division")
        employees_text = self.text("employees")
        employees, size = parse_employees(employees_text)
        if employees_text and not size:
            self.warnings.append(_issue("invalid_employees"))
        elif employees is None and size:
            self.fix("employees_range_to_size")
        elif employees is not None and uses_thousands_separator(employees_text):
            self.fix("parse_employees_de_thousands")
        description_text = self.raw.get("description", "")
        if contains_html(description_text):
            self.fix("strip_html")
        if contains_active_content(description_text):
            self.fix("remove_script")
        self.text("description")  # records whitespace and mojibake fixes
        self.values.update(
            nace_division=division, employees=employees, size=size, description=html_to_text(description_text) or None
        )

    def _registry_ids(self):
        combined = self.text("registry_id")
        ico_text = self.text("ico") or (combined if re.fullmatch(r"[\d\s.]+", combined) else "")
        register_text = self.text("register") or (combined if combined and combined != ico_text else "")
        if ico_text:
            self._ico(ico_text)
        if register_text:
            self._register(register_text)
        if self.text("register_court"):
            self.values["register_court"] = self.text("register_court")
        vat_text = self.text("vat_id")
        if vat_text:
            try:
                vat_id = normalize_vat_id(vat_text)
            except RegistryIdError as error:
                self.errors.append(RowIssue(error.code, error.message))
            else:
                self.values["vat_id"] = vat_id
                if vat_id != vat_text:
                    self.fix("normalize_vat_id")
                if self.values["country"] and vat_id[:2] != self.values["country"]:
                    self.warnings.append(_issue("vat_country_mismatch"))
                ico = self.values["ico"]
                if ico and vat_id.startswith("CZ") and len(vat_id) == 10 and vat_id[2:] != ico:
                    self.warnings.append(_issue("vat_id_differs_from_ico"))

    def _ico(self, text):
        try:
            self.values["ico"] = normalize_ico(text)
        except RegistryIdError as error:
            self.errors.append(RowIssue(error.code, error.message))
            return
        if text.isdigit() and len(text) < 8:
            self.fix("pad_ico_to_8_digits")
        elif self.values["ico"] != text:
            self.fix("normalize_ico")

    def _register(self, text):
        if looks_like_register_number(text):
            try:
                entry = parse_register_entry(text)
            except RegistryIdError as error:
                self.warnings.append(RowIssue(error.code, error.message))
                return
            self.values["register_number"] = entry.number
            self.values["register_court"] = entry.court
        elif re.fullmatch(r"[A-Z][a-z]?\s*\d{1,6}", text):
            self.values["register_number"] = text  # a Czech court file number such as "C 14661"
        elif self.values["country"] == "CZ":
            self._ico(text)  # a mistyped IČO ("4064O278") must be rejected, not ignored
        else:
            self.warnings.append(_issue("unrecognised_registry_id"))


def normalize_row(raw, gazetteer=None):
    """(normalized values, fixes, errors, warnings) of one row from `csv_reader`."""
    normalizer = _RowNormalizer(raw, gazetteer or default_gazetteer()).run()
    return normalizer.values, normalizer.fixes, normalizer.errors, normalizer.warnings


# --- Matching ----------------------------------------------------------------------------------


def _city_key(city):
    return " ".join(re.sub(r"[^\w]+", " ", fold(city)).split()) if city else None


def _match_keys(values):
    """Index keys of an entry: ids, domains (web site and non-generic mail), phone, name + town."""
    keys = set()
    for kind in ("ico", "vat_id"):
        if values.get(kind):
            keys.add((kind, values[kind]))
    if values.get("register_number"):
        keys.add(("register", values["register_number"]))
    if values.get("email"):
        keys.add(("email", values["email"].casefold()))
    for domain in (website_host(values.get("website")), email_domain(values.get("email"))):
        if domain and not is_generic_mail_domain(domain):
            keys.add(("domain", domain))
    phone = phone_key(values.get("phone"), values.get("country"))
    if phone:
        keys.add(("phone", phone))
    if values.get("name") and values.get("city"):
        keys.add(("name_city", f"{name_key(values['name'])}|{_city_key(values['city'])}"))
    return keys


def _lookups(values):
    """What a row looks up, each labelled with the kind of agreement a hit means."""
    lookups = [(kind, (kind, value)) for kind, value in _match_keys(values) if kind != "domain"]
    host = website_host(values.get("website"))
    if host:
        lookups.append(("website", ("domain", host)))
    mail_domain = email_domain(values.get("email"))
    if mail_domain and mail_domain != host and not is_generic_mail_domain(mail_domain):
        lookups.append(("email_domain", ("domain", mail_domain)))
    return lookups


def _contradicts(row, target):
    """Different ids on both sides mean different companies, whatever else agrees."""
    for name in ("ico", "vat_id", "register_number"):
        if row.get(name) and target.get(name) and row[name] != target[name]:
            return True
    row_court, target_court = row.get("register_court"), target.get("register_court")
    return bool(row_court and target_court and fold(row_court) != fold(target_court))


class _Index:
    def __init__(self):
        self.targets = {}  # ("existing", slug) | ("row", number) -> values
        self.by_key = {}

    def add(self, target, values, keys_from=None):
        self.targets.setdefault(target, values)
        for key in _match_keys(keys_from or values):
            self.by_key.setdefault(key, [])
            if target not in self.by_key[key]:
                self.by_key[key].append(target)

    def best_match(self, values):
        found = {}
        for kind, key in _lookups(values):
            for target in self.by_key.get(key, []):
                found.setdefault(target, set()).add(kind)
        candidates = [
            (sum(MATCH_WEIGHTS[kind] for kind in kinds), target[0] == "existing", target, kinds)
            for target, kinds in found.items()
            if not _contradicts(values, self.targets[target])
        ]
        if not candidates:
            return None, []
        # Highest score; on a tie an existing company wins over a row, then the earliest row.
        candidates.sort(key=lambda item: (-item[0], not item[1], str(item[2][1]).zfill(8)))
        _score, _existing, target, kinds = candidates[0]
        return target, [kind for kind in MATCH_WEIGHTS if kind in kinds]


# --- Comparing with the match ----------------------------------------------------------------


def _loose_name(name):
    base, form = split_legal_form(name)
    return name_key(base), form


def _restore_from_match(values, target, fixes):
    """Take the match's spelling where the row only lost diacritics or case ("Kadan" -> "Kadaň")."""
    for name in ("name", "city", "street"):
        mine, theirs = values.get(name), target.get(name)
        if not mine or not theirs or mine == theirs:
            continue
        if name == "name":
            (my_key, my_form), (their_key, their_form) = _loose_name(mine), _loose_name(theirs)
            same = my_key == their_key and my_form in (None, their_form)
        else:
            same = fold_german(mine) == fold_german(theirs) or fold(mine) == fold(theirs)
        if same:
            values[name] = theirs
            code = "normalize_case" if mine.casefold() == theirs.casefold() else "restore_diacritics_from_match"
            if code not in fixes:
                fixes.append(code)
    if values.get("legal_form") and target.get("legal_form") and values["name"] == target.get("name"):
        values["legal_form"] = target["legal_form"]


def _same(name, mine, theirs, values, target):
    if name == "phone":
        return phone_key(mine, values.get("country")) == phone_key(theirs, target.get("country"))
    if name == "website":
        return website_key(mine) == website_key(theirs)
    if name in ("email", "register_court", "city"):
        return fold(mine) == fold(theirs)
    if name == "description":
        return collapse_whitespace(mine) == collapse_whitespace(theirs)
    if name == "nace_division":
        return mine in theirs
    return mine == theirs


def compare_with_match(values, target):
    """(fill, differences): what the row adds to empty fields, and where both have other values."""
    fill, differences = {}, {}
    for name in FIELDS:
        mine, theirs = values.get(name), target.get(name)
        if mine in (None, "", []):
            continue
        if theirs in (None, "", [], ()):
            fill[name] = mine
        elif not _same(name, mine, theirs, values, target):
            differences[name] = {"existing": theirs, "incoming": mine}
    return fill, differences


# --- The plan ----------------------------------------------------------------------------------


def suggest_slug(name, taken):
    """Slug in the corpus style, without the legal form: "Zittauer Gehäusebau GmbH" -> "zittauer-gehaeusebau"."""
    base = split_legal_form(name)[0] or name
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        base = base.replace(umlaut, spelled)
    slug = slugify(base)[:80].strip("-") or "company"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _row_values_as_target(values):
    target = dict(values)
    target["nace_division"] = [values["nace_division"]] if values.get("nace_division") else []
    return target


def plan_import(rows, existing, gazetteer=None):
    """One `RowOutcome` per row, in file order."""
    gazetteer = gazetteer or default_gazetteer()
    index = _Index()
    for record in existing:
        index.add(("existing", record.slug), record.values())
    taken = {record.slug for record in existing}
    slug_of_row, outcomes = {}, []
    for raw in rows:
        values, fixes, errors, warnings = normalize_row(raw, gazetteer)
        outcome = RowOutcome(raw["row"], "", normalized=values, fixes=fixes, errors=errors, warnings=warnings)
        outcomes.append(outcome)
        if errors:
            outcome.action = f"reject:{errors[0].code}"
            continue
        target, outcome.match_on = index.best_match(values)
        if target is None:
            outcome.slug = suggest_slug(values["name"], taken)
            outcome.action = "create"
            taken.add(outcome.slug)
            slug_of_row[outcome.row] = outcome.slug
            index.add(("row", outcome.row), _row_values_as_target(values), keys_from=values)
            continue
        kind, reference = target
        target_values = index.targets[target]
        _restore_from_match(values, target_values, fixes)
        outcome.fill, outcome.differences = compare_with_match(values, target_values)
        if kind == "existing":
            outcome.action, outcome.slug = f"update:{reference}", reference
        else:
            outcome.action, outcome.slug = f"duplicate_of_row:{reference}", slug_of_row[reference]
        # Later rows may match this one through keys the target lacks (a new phone, say).
        index.add(target, target_values, keys_from=values)
    return outcomes


def summarize(outcomes):
    """Counts per kind of action: create, update, duplicate_of_row, reject."""
    return dict(Counter(outcome.kind for outcome in outcomes))


def apply_plan(existing, outcomes):
    """The records after carrying out `outcomes`: creations added, empty fields filled, nothing overwritten."""
    records = {record.slug: record for record in existing}
    for outcome in outcomes:
        if outcome.kind == "create":
            records[outcome.slug] = CompanyRecord.from_normalized(outcome.slug, outcome.normalized)
        elif outcome.kind in ("update", "duplicate_of_row") and outcome.fill:
            records[outcome.slug] = records[outcome.slug].filled(outcome.fill)
    return list(records.values())
