"""Checks of the curated search vocabulary: `directory/data/glossary.json` and `directory/data/region_aliases.json`.

Plain data checks (no database, no Django): run with `pytest tests/directory/test_vocabulary_data.py -p no:django`.
"""

import json
import re
import unicodedata
from pathlib import Path

import pytest

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPOSITORY_ROOT / "directory" / "data"
GLOSSARY = DATA_DIR / "glossary.json"
REGION_ALIASES = DATA_DIR / "region_aliases.json"
LANGUAGES = ("de", "cs", "en")
MIN_CONCEPTS = 400

# Czech written in UTF-8 and read back as Latin-1/Windows-1252 or Windows-1250 gives these tell-tale sequences
# (č → "Ä\x8d"/"ÄŤ", š → "Å¡"/"Ĺˇ", ř → "Å™"/"Ĺ™", á → "Ã¡"/"Ăˇ", quotes → "â€"), plus the replacement character.
MOJIBAKE = re.compile("[ÃÅÂĂĹ]|Ä[\u0080-\u00bf\u0152-\u0178\u02c6-\u02dd\u2013-\u203a]|â€|\ufffd|[\u0080-\u009f]")
CZECH_LETTERS = "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
CZECH_TERM = re.compile(rf"^[A-Za-z{CZECH_LETTERS}0-9 .,/()%&+'’-]+$")
CONCEPT_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def corpus_path():
    """The shared corpus next to the repository (`../shared/data`), else the project's copy."""
    shared = REPOSITORY_ROOT.parent / "shared" / "data" / "directory-corpus.json"
    return shared if shared.is_file() else DATA_DIR / "directory-corpus.json"


@pytest.fixture(scope="module")
def corpus():
    path = corpus_path()
    if not path.is_file():
        pytest.skip(f"corpus not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def glossary():
    return json.loads(GLOSSARY.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regions():
    return json.loads(REGION_ALIASES.read_text(encoding="utf-8"))


def _region_codes_by_name(regions):
    result = {}
    for entry in regions:
        for names in entry["names"].values():
            for name in names:
                result.setdefault(name.casefold(), set()).update(entry["codes"])
    return result


def _all_terms(glossary, language):
    return {term.casefold() for concept in glossary for term in concept["terms"][language]}


# ------------------------------------------------------------------ glossary
def test_glossary_is_a_list_of_concepts(glossary):
    assert isinstance(glossary, list)
    for concept in glossary:
        assert isinstance(concept, dict), concept
        assert set(concept) <= {"key", "industry", "terms"}, concept
        assert isinstance(concept["terms"], dict), concept


def test_glossary_has_enough_concepts(glossary):
    assert len(glossary) >= MIN_CONCEPTS


def test_glossary_keys_are_unique_slugs(glossary):
    keys = [concept["key"] for concept in glossary]
    assert all(CONCEPT_KEY.match(key) for key in keys), [key for key in keys if not CONCEPT_KEY.match(key)]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, duplicates


def test_every_concept_has_terms_in_all_languages(glossary):
    for concept in glossary:
        assert set(concept["terms"]) == set(LANGUAGES), concept["key"]
        for language in LANGUAGES:
            terms = concept["terms"][language]
            assert isinstance(terms, list) and terms, (concept["key"], language)
            for term in terms:
                assert isinstance(term, str), (concept["key"], language, term)
                assert term.strip(), (concept["key"], language, "empty term")
                assert term == term.strip() and "  " not in term, (concept["key"], language, term)
                # the loader stores one term per line
                assert "\n" not in term and "\r" not in term and ";" not in term, (concept["key"], language, term)


def test_no_duplicate_terms_within_a_concept_language(glossary):
    for concept in glossary:
        for language in LANGUAGES:
            folded = [term.casefold() for term in concept["terms"][language]]
            duplicates = sorted({term for term in folded if folded.count(term) > 1})
            assert not duplicates, (concept["key"], language, duplicates)


def test_industry_codes_exist_in_corpus(glossary, corpus):
    codes = {industry["code"] for industry in corpus["industries"]}
    unknown = [
        (concept["key"], concept["industry"])
        for concept in glossary
        if "industry" in concept and concept["industry"] not in codes
    ]
    assert not unknown, unknown


def test_terms_are_nfc_and_free_of_mojibake(glossary):
    for concept in glossary:
        for language in LANGUAGES:
            for term in concept["terms"][language]:
                assert unicodedata.normalize("NFC", term) == term, (concept["key"], term)
                assert not MOJIBAKE.search(term), (concept["key"], language, term)


def test_czech_terms_use_only_czech_letters(glossary):
    bad = [
        (concept["key"], term) for concept in glossary for term in concept["terms"]["cs"] if not CZECH_TERM.match(term)
    ]
    assert not bad, bad


def test_czech_terms_carry_diacritics(glossary):
    """A Czech list written without háčky/čárky would be a sign of a broken encoding or a careless copy."""
    with_diacritics = sum(any(ch in CZECH_LETTERS for term in c["terms"]["cs"] for ch in term) for c in glossary)
    assert with_diacritics >= 0.6 * len(glossary)


def test_glossary_covers_the_trade_abbreviations_of_the_region(glossary):
    de, cs, en = (_all_terms(glossary, language) for language in LANGUAGES)
    for abbreviation in ("ktl", "cnc-drehen", "edm", "smt", "sps", "emv", "cfk", "wig", "esg"):
        assert abbreviation in de, abbreviation
    for abbreviation in ("ktl", "dps", "smt", "edm", "fve", "čov", "bozp"):
        assert abbreviation in cs, abbreviation
    for abbreviation in ("pcb", "smt", "edm", "cfrp", "tig welding", "hvac"):
        assert abbreviation in en, abbreviation


def test_preferred_terms_of_the_example_concept(glossary):
    concept = next(c for c in glossary if c["key"] == "turned-parts")
    assert concept["terms"]["de"][0] == "Drehteile"
    assert concept["terms"]["cs"][0] == "soustružené díly"
    assert concept["terms"]["en"][0] == "turned parts"


# ------------------------------------------------------------------ region aliases
def test_region_aliases_structure(regions):
    assert isinstance(regions, list) and regions
    for entry in regions:
        assert set(entry) <= {"codes", "group", "names", "note"}, entry
        assert isinstance(entry["codes"], list) and entry["codes"], entry
        assert len(set(entry["codes"])) == len(entry["codes"]), entry
        assert set(entry["names"]) == set(LANGUAGES), entry
        for language in LANGUAGES:
            names = entry["names"][language]
            assert isinstance(names, list) and names, (entry["codes"], language)
            for name in names:
                assert isinstance(name, str) and name.strip() and name == name.strip(), (entry["codes"], name)
                assert "\n" not in name, name
                assert unicodedata.normalize("NFC", name) == name, name
                assert not MOJIBAKE.search(name), (entry["codes"], language, name)


def test_region_codes_exist_in_corpus(regions, corpus):
    known = {region["code"] for region in corpus["regions"]}
    unknown = sorted({code for entry in regions for code in entry["codes"]} - known)
    assert not unknown, unknown


def test_every_corpus_region_has_aliases(regions, corpus):
    covered = {code for entry in regions if not entry.get("group") for code in entry["codes"]}
    missing = sorted({region["code"] for region in corpus["regions"]} - covered)
    assert not missing, missing


def test_country_groupings(regions, corpus):
    by_name = _region_codes_by_name(regions)
    german = {region["code"] for region in corpus["regions"] if region["country"] == "DE"}
    czech = {region["code"] for region in corpus["regions"] if region["country"] == "CZ"}
    for name in ("Sachsen", "Saxony", "Sasko"):
        assert by_name[name.casefold()] == german, name
    for name in ("Tschechien", "Česko", "Czechia", "Czech Republic", "Böhmen", "Čechy", "Bohemia"):
        assert by_name[name.casefold()] == czech, name


def test_landscape_names(regions):
    by_name = _region_codes_by_name(regions)
    assert "DED42" in by_name["erzgebirge"]
    assert "DED42" in by_name["krušné hory"]
    assert "DED42" in by_name["ore mountains"]
    assert by_name["vogtland"] == {"DED44"}
    assert by_name["fojtsko"] == {"DED44"}
    for name in ("Oberlausitz", "Lausitz", "Horní Lužice", "Lužice", "Upper Lusatia"):
        assert by_name[name.casefold()] == {"DED2C", "DED2D"}, name
    for name in ("Sächsische Schweiz", "Saské Švýcarsko", "Saxon Switzerland", "Osterzgebirge"):
        assert by_name[name.casefold()] == {"DED2F"}, name
    for name in ("Nordböhmen", "severní Čechy", "North Bohemia"):
        assert by_name[name.casefold()] == {"CZ042", "CZ051"}, name
    for name in ("Westböhmen", "západní Čechy", "Egerland", "Chebsko"):
        assert by_name[name.casefold()] == {"CZ041"}, name


def test_city_exonyms(regions):
    by_name = _region_codes_by_name(regions)
    expected = {
        "DED21": ("Dresden", "Drážďany"),
        "DED41": ("Chemnitz", "Saská Kamenice"),
        "DED51": ("Leipzig", "Lipsko"),
        "DED2E": ("Meißen", "Míšeň"),
        "DED2D": ("Görlitz", "Zhořelec"),
        "DED2C": ("Bautzen", "Budyšín"),
        "DED45": ("Zwickau",),
        "CZ051": ("Liberec", "Reichenberg"),
        "CZ042": ("Ústí nad Labem", "Aussig"),
        "CZ041": ("Karlovy Vary", "Karlsbad"),
        "CZ010": ("Praha", "Prag", "Prague"),
    }
    for code, names in expected.items():
        for name in names:
            assert by_name.get(name.casefold()) == {code}, (name, by_name.get(name.casefold()))


def test_ambiguous_cvikov_is_not_an_alias_of_zwickau(regions):
    """Cvikov is the old Czech name of Zwickau and also a town in the Liberec Region."""
    by_name = _region_codes_by_name(regions)
    assert "DED45" not in by_name.get("cvikov", set())
