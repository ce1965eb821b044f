"""Resolve a town name or postcode to its NUTS 3 region, from `directory/data/gazetteer.json`.

Town names are matched case- and diacritics-insensitively, with former names ("Karl-Marx-Stadt",
"Aue"), German names of Czech towns ("Reichenberg") and the forms people add to a town name:
"Auerbach/Vogtl.", "Oelsnitz (Vogtl.)", "Chemnitz-Altendorf", "Praha 4", "Ústí n. L.-Střekov".
A name shared by several places ("Oelsnitz", "Neukirchen") is decided by the postcode. Unknown
places give None: the caller imports the row without a region and flags it.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import collapse_whitespace, fold, fold_german

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"

# Qualifiers that follow a town's name: "/Vogtl.", "(Sachsen)", "im Vogtland", "nad Labem".
_QUALIFIER_RE = re.compile(
    r"^(?P<bare>.+?)(?:\s*/.*|\s*\(.*\)|\s+(?:im|in|i\.|a\.\s*d\.|an der|auf dem|am|bei|b\.|nad|pod|v|ve|u)\s+.+)$",
    re.IGNORECASE,
)
# A district number after the town: "Praha 4", "Liberec 1", "Děčín IV".
_DISTRICT_NUMBER_RE = re.compile(r"^(?P<town>.+?)\s+(?:\d{1,2}|[IVX]{1,5})$")
# Where a district or locality name starts: "Dresden OT Klotzsche", "Chemnitz, Röhrsdorf", "Praha 4 - Chodov".
_DISTRICT_SEPARATOR_RE = re.compile(r"\s*(?:,|\s-\s|\s–\s|\bOT\b|\bOrtsteil\b)\s*")


@dataclass(frozen=True)
class Place:
    name: str
    nuts3: str
    country: str


@dataclass(frozen=True)
class Location:
    """Where a row is: `place` is None when only the postcode was recognised.

    `exact` tells that the town's name or one of its aliases matched as a whole, so the
    canonical name can replace what was typed (not so for "Chemnitz-Altendorf").
    """

    nuts3: str
    country: str
    place: Place | None = None
    exact: bool = False


def _keys(name):
    """Lookup keys of a name: plain folding and the German ae/oe/ue spelling, punctuation as spaces."""
    keys = set()
    for folded in (fold(name), fold_german(name)):
        text = folded.replace("sankt ", "st ")
        keys.add(" ".join(re.sub(r"[^\w]+", " ", text).split()))
    return keys - {""}


def _abbreviated_keys(name):
    """Czech names are often abbreviated: "Ústí nad Labem" -> "Ústí n. Labem", "Ústí n. L."."""
    words = name.split()
    if "nad" not in words and "pod" not in words:
        return set()
    index = words.index("nad") if "nad" in words else words.index("pod")
    head, tail = words[:index], words[index + 1 :]
    short = "n" if words[index] == "nad" else "p"
    return _keys(" ".join([*head, short, *tail])) | _keys(" ".join([*head, short, *(w[0] for w in tail)]))


class Gazetteer:
    def __init__(self, data):
        self._by_key = {}
        self._bare = {}
        for entry in data["places"]:
            place = Place(entry["name"], entry["nuts3"], entry["country"])
            for name in [entry["name"], *entry.get("aliases", [])]:
                for key in _keys(name) | _abbreviated_keys(name):
                    self._by_key.setdefault(key, []).append(place)
            bare = _QUALIFIER_RE.match(entry["name"])
            if bare:
                for key in _keys(bare.group("bare")):
                    self._bare.setdefault(key, []).append(place)
        self._ranges = sorted(
            ((entry["country"], entry["from"], entry["to"], entry["nuts3"]) for entry in data["postcode_ranges"]),
            key=lambda item: int(item[2]) - int(item[1]),
        )

    @classmethod
    def from_file(cls, path=GAZETTEER_PATH):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def region_for_postcode(self, postcode, country=None):
        digits = re.sub(r"\D", "", str(postcode or ""))
        if len(digits) == 4 and country in (None, "DE"):
            digits = "0" + digits  # a PLZ that lost its leading zero
        if len(digits) != 5:
            return None
        if country is None:
            country = "CZ" if re.fullmatch(r"\d{3}\s\d{2}", str(postcode).strip()) else "DE"
        for range_country, start, end, nuts3 in self._ranges:
            if range_country != country:
                continue
            value = digits if country == "DE" else digits[: len(start)]
            if start <= value <= end:
                return nuts3
        return None

    def _candidates(self, name, index):
        found = []
        for key in _keys(name):
            for place in index.get(key, []):
                if place not in found:
                    found.append(place)
        return found

    def _choose(self, candidates, country, postcode_region):
        if country:
            candidates = [place for place in candidates if place.country == country]
        if len(candidates) > 1 and postcode_region:
            candidates = [place for place in candidates if place.nuts3 == postcode_region]
        if len({(place.name, place.nuts3) for place in candidates}) == 1:
            return candidates[0]
        return None

    def _name_variants(self, city):
        """Ever shorter forms of what was typed, from the whole name down to the town's core."""
        yield city, True
        qualified = _QUALIFIER_RE.match(city)
        if qualified:
            yield qualified.group("bare"), False
        head = _DISTRICT_SEPARATOR_RE.split(city)[0]
        numbered = _DISTRICT_NUMBER_RE.match(head)
        if numbered:
            head = numbered.group("town")
        if head != city:
            yield head, False
        parts = head.split("-")
        for count in range(len(parts) - 1, 0, -1):
            shorter = "-".join(parts[:count]).strip()
            yield shorter, False
            numbered = _DISTRICT_NUMBER_RE.match(shorter)
            if numbered:
                yield numbered.group("town"), False

    def find_place(self, city, postcode=None, country=None):
        """The place a typed town name denotes, and whether the name matched as a whole."""
        city = collapse_whitespace(city)
        if not city:
            return None, False
        postcode_region = self.region_for_postcode(postcode, country) if postcode else None
        for variant, whole in self._name_variants(city):
            named = self._candidates(variant, self._by_key)
            # "Auerbach" may be the Erzgebirge village or Auerbach/Vogtl.: offer both, the postcode decides.
            candidates = named + [place for place in self._candidates(variant, self._bare) if place not in named]
            if not candidates:
                continue
            place = self._choose(candidates, country, postcode_region)
            if place:
                return place, whole and place in named
            if country is None or any(candidate.country == country for candidate in candidates):
                return None, False  # ambiguous: a shorter form of the name would not make it less so
        return None, False

    def locate(self, city=None, postcode=None, country=None):
        """Location of a row by its town, else by its postcode; None when neither is known."""
        place, exact = self.find_place(city, postcode, country)
        if place:
            return Location(place.nuts3, place.country, place, exact)
        nuts3 = self.region_for_postcode(postcode, country) if postcode else None
        if nuts3:
            return Location(nuts3, country or ("CZ" if nuts3.startswith("CZ") else "DE"))
        return None

    def region(self, city=None, postcode=None, country=None):
        location = self.locate(city, postcode, country)
        return location.nuts3 if location else None


@lru_cache(maxsize=1)
def default_gazetteer():
    return Gazetteer.from_file()


def resolve_region(city=None, postcode=None, country=None):
    """NUTS 3 code for a town and/or postcode, e.g. ("Reichenberg",) -> "CZ051"; None if unknown."""
    return default_gazetteer().region(city, postcode, country)
