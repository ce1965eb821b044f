"""The pure-Python analysis layer of directory search (no database, no Django)."""

import importlib.util
import json
import time

import pytest

from search.analysis import (
    analyze,
    analyze_query,
    analyze_words,
    compound_parts,
    fold,
    normalize_language,
    query_terms,
    tokenize,
    vocabulary_terms,
)
from search.analysis.czech import stem_folded
from tests.directory.shared_data import data_file

needs_wordfreq = pytest.mark.skipif(
    importlib.util.find_spec("wordfreq") is None, reason="German compound splitting needs wordfreq"
)


def shared(a, b, language):
    """Tokens that two single words have in common."""
    return set(analyze(a, language)) & set(analyze(b, language))


def same_key(words, language):
    """All words share at least one token (a stem) with the first."""
    first = set(analyze(words[0], language))
    return all(first & set(analyze(w, language)) for w in words[1:])


# -- folding and tokenising ----------------------------------------------------------------------------


def test_fold_czech_and_german_letters():
    assert fold("Žluťoučký kůň úpěl ďábelské ódy") == "zlutoucky kun upel dabelske ody"
    assert fold("Gehäuse Größe Übergröße Straße") == "gehause grosse ubergrosse strasse"
    assert fold("ŘÍZENÍ") == "rizeni"
    assert fold("Łódź Øresund") == "lodz oresund"


def test_tokens_are_plain_ascii_for_latin_text():
    text = "Přesné obrábění – Präzisions-Drehteile (CNC), 3D-Druck; ISO 9001:2015, m², 5.000 Stück!"
    for language in ("de", "cs", "en", None):
        for token in analyze(text, language):
            assert token.isascii() and token.isalnum() and token == token.lower(), token


def test_digits_codes_and_acronyms_are_kept():
    tokens = analyze("Zertifiziert nach IATF 16949 und DIN EN ISO 9001, CNC-Fräsen, 3D-Druck", "de")
    for token in ("16949", "iatf16949", "iso", "9001", "iso9001", "cnc", "3d", "din"):
        assert token in tokens


def test_iso_written_together_or_apart_match():
    assert "iso9001" in analyze("ISO 9001", "en")
    assert {"iso", "9001", "iso9001"} <= set(analyze("ISO9001-zertifiziert", "de"))
    # a query for the joined form finds the separate form, and the reverse
    assert analyze_query("iso9001", "en")[0] & set(analyze("certified to ISO 9001", "en"))
    assert all(group & set(analyze("zertifiziert nach ISO9001", "de")) for group in analyze_query("ISO 9001", "de"))


def test_thousands_separators_make_one_number():
    assert "5000" in analyze("bis 5.000 m²", "de")
    assert "12500" in analyze("12,500 parts", "en")


def test_word_positions_for_highlighting():
    text = "Gießerei Česká Lípa"
    words = tokenize(text)
    assert [text[w.start : w.end] for w in words] == ["Gießerei", "Česká", "Lípa"]
    analysed = analyze_words(text, "cs")
    assert analysed[0].tokens[0] == "giesserei"


def test_language_codes():
    assert normalize_language("de-DE") == "de"
    assert normalize_language("cs_CZ") == "cs"
    assert normalize_language("EN") == "en"
    assert normalize_language("mixed") is None
    assert normalize_language(None) is None


# -- grammatical variants, across diacritics ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "variants"),
    [
        ("de", ["Drehteil", "Drehteile", "Drehteilen", "Drehteils"]),
        ("de", ["Gehäuse", "Gehause", "Gehäusen", "Gehaeuse", "Gehäuses"]),
        ("de", ["Schweißen", "Schweissen", "Schweißens"]),
        ("de", ["Fräsen", "Frasen", "Fraesen"]),
        ("cs", ["odlitek", "odlitky", "odlitků", "odlitku", "odlitkům", "odlitcích", "odlitkem"]),
        ("cs", ["strojírna", "strojírny", "strojirny", "strojírně", "strojirne", "strojírnu", "strojírnou"]),
        ("cs", ["obrábění", "obrabeni", "obráběním", "obrabenim"]),
        ("cs", ["plast", "plasty", "plastů", "plastu", "plastech"]),
        ("cs", ["vstřikování", "vstrikovani", "vstřikováním"]),
        ("cs", ["forma", "formy", "forem", "formách"]),
        ("en", ["casting", "castings", "cast"]),
        ("en", ["accordion", "accordions"]),
        ("en", ["machining", "machined"]),
    ],
)
def test_variants_share_a_key(language, variants):
    first = set(analyze(variants[0], language))
    for variant in variants[1:]:
        assert first & set(analyze(variant, language)), (variants[0], variant)


@pytest.mark.parametrize(
    ("accented", "plain"),
    [("strojírně", "strojirne"), ("odlitků", "odlitku"), ("obráběním", "obrabenim"), ("svařování", "svarovani"),
     ("výlisků", "vylisku"), ("kovárně", "kovarne"), ("nástrojárnách", "nastrojarnach"), ("Gehäusen", "Gehausen")],
)  # fmt: skip
def test_key_does_not_depend_on_diacritics(accented, plain):
    language = "de" if accented[0].isupper() else "cs"
    # the folded-text stem is a function of the folded word only
    assert shared(accented, plain, language)
    if language == "cs":
        assert stem_folded(fold(accented)) == stem_folded(plain)


def test_stem_key_equal_for_the_named_variants():
    """One literal key is among the tokens of every variant, not just some overlap."""

    def common(words, language):
        return set.intersection(*(set(analyze(w, language)) for w in words))

    assert "drehteil" in common(["Drehteil", "Drehteile", "Drehteilen"], "de")
    assert "odlitk" in common(["odlitek", "odlitky", "odlitků", "odlitku"], "cs")
    assert "strojirn" in common(["strojírna", "strojírny", "strojirny", "strojírně"], "cs")
    assert "gehaus" in common(["Gehäuse", "Gehause", "Gehäusen"], "de")
    assert "obraben" in common(["obrábění", "obrabeni"], "cs")


def test_czech_activity_finds_what_a_firm_says_it_does():
    document = set(analyze("Svařujeme ocelové konstrukce a lisujeme plechové díly ve vlastní lisovně.", "cs"))
    for query in ("svařování", "svarovani", "lisování", "lisovna"):
        assert analyze_query(query, "cs")[0] & document, query


@needs_wordfreq
def test_german_participles_meet_their_infinitive():
    assert shared("geprägt", "Prägen", "de")
    assert shared("gestanzt", "Stanzen", "de")
    assert shared("ausgestanzt", "ausstanzen", "de")
    assert shared("pulverbeschichtet", "Pulverbeschichten", "de") or shared("lackiert", "Lackieren", "de")
    assert shared("kaschierte", "kaschieren", "de")


def test_unrelated_words_stay_apart():
    assert not shared("Drehteile", "Dreharbeiten", "de") - {"dreh"}
    assert not shared("odlitek", "odpad", "cs")
    assert not shared("režim", "řez", "cs")
    assert not shared("program", "progrese", "cs")


def test_unknown_language_applies_all_stemmers():
    tokens = set(analyze("odlitků Drehteilen castings", None))
    assert {"odlitk", "drehteil", "cast"} <= tokens


# -- German compounds ---------------------------------------------------------------------------------


@needs_wordfreq
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Spritzgussteile", {"spritzguss", "teil"}),
        ("Kunststoffspritzguss", {"kunststoff", "spritzguss"}),
        ("Drehteile", {"dreh", "teil"}),
        ("Aluminiumdruckguss", {"aluminium", "druckguss"}),
        ("Blechbearbeitung", {"blech", "bearbeitung"}),
        ("Korrosionsschutz", {"korrosion", "schutz"}),
        ("Maschinenbau", {"maschin", "bau"}),
        ("Reinraumtechnik", {"reinraum", "technik"}),
    ],
)
def test_compounds_yield_their_parts(word, expected):
    assert expected <= set(analyze(word, "de"))


@needs_wordfreq
@pytest.mark.parametrize("word", ["Gehäuse", "Millionen", "Lieferung", "Unternehmen", "Mitarbeiter", "Tradition"])
def test_non_compounds_are_not_split(word):
    assert compound_parts(fold(word)) == []


@needs_wordfreq
def test_query_for_a_part_finds_the_compound():
    document = set(analyze("Wir fertigen Kunststoffspritzgussteile für die Automobilindustrie.", "de"))
    for query in ("Spritzguss", "Kunststoff", "Spritzgussteil", "Automobilindustrie"):
        assert all(group & document for group in analyze_query(query, "de")), query


@needs_wordfreq
def test_query_compound_has_a_parts_reading():
    (term,) = query_terms("Kunststoffteile", "de")
    assert [sorted(p) for p in term.parts] == [["kunststoff"], ["teil", "teile"]]
    document = set(analyze("Teile aus Kunststoff", "de"))
    assert not term.tokens & document
    assert all(part & document for part in term.parts)


def test_compounds_are_only_split_for_german():
    assert "teil" not in analyze("Drehteile", "en")


# -- queries --------------------------------------------------------------------------------------------


def test_query_groups_per_word():
    groups = analyze_query("Drehteile Stahl", "de")
    assert len(groups) == 2
    assert {"drehteile", "drehteil"} <= groups[0]
    assert "stahl" in groups[1]


def test_query_matches_documents_across_inflection_and_diacritics():
    document = set(analyze("Naše strojírna vyrábí přesné odlitky a zajišťuje obrábění na CNC strojích.", "cs"))
    for query in ("strojirny", "odlitek", "odlitku", "obrabeni", "Strojírna", "CNC"):
        assert all(group & document for group in analyze_query(query, "cs")), query


def test_query_language_may_be_wrong():
    document = set(analyze("Dodáváme odlitky z hliníku.", "cs"))
    # a Czech word typed in a query marked as German still gets the Czech stems
    assert analyze_query("odlitků", "de")[0] & document
    weights = query_terms("odlitků", "de")[0].weights
    assert weights["odlitku"] == 1.0 and weights["odlitk"] < 1.0


def test_stop_words_are_dropped_but_not_the_only_word():
    assert analyze_query("Drehteile für die Automobilindustrie", "de")[1:] == [
        {"automobilindustrie", "automobilindustri"}
    ]
    assert [g for g in analyze_query("odlitky a výlisky pro automobily", "cs") if "pro" in g or "a" in g] == []
    assert analyze_query("the", "en") == [{"the"}]
    assert analyze_query("und", "de") == [{"und"}]
    assert analyze_query("für die", "de") == [{"fur"}, {"die"}]


def test_stop_words_of_other_languages_are_dropped_from_queries():
    # the query's language is a hint; "für" is not English but must not be required to match
    assert len(analyze_query("Drehteile für Autos", "en")) == 2


def test_content_words_of_another_language_are_kept():
    assert analyze_query("die casting", "en") == [{"die"}, {"casting", "cast"}]
    assert "die" in analyze("die casting and stamping", "en")
    assert "die" not in analyze("die Firma", "de")


def test_document_stop_words():
    assert analyze("der die das und für mit", "de") == []
    assert analyze("a v na pro se z", "cs") == []
    assert analyze("Die Werkstatt", "de", stop_words=False)[0] == "die"


def test_vocabulary_terms_are_words_not_stems():
    terms = vocabulary_terms("Wir liefern Spritzgussteile und Gehäuse.", "de")
    assert {"liefern", "gehause", "spritzgussteile"} <= terms
    assert "gehaus" not in terms and "und" not in terms


# -- real descriptions ------------------------------------------------------------------------------------


def _corpus_texts():
    corpus = data_file("directory-corpus.json")
    if not corpus.is_file():
        pytest.skip("directory corpus not available")
    data = json.loads(corpus.read_text(encoding="utf-8"))
    texts = []
    for company in data["companies"]:
        for language, text in company["description"].items():
            texts.append((text, language))
    return texts


def test_speed_of_typical_descriptions(capsys):
    texts = _corpus_texts()
    # 1,000 descriptions of ~80 words, in their languages (first calls fill the caches, as in a long indexing run)
    sample = [(" ".join(text.split()[:80]), language) for text, language in texts]
    sample = (sample * (1000 // len(sample) + 1))[:1000]
    analyze(sample[0][0], sample[0][1])
    start = time.perf_counter()
    count = sum(len(analyze(text, language)) for text, language in sample)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f"\nanalyze: 1,000 descriptions of ≤80 words in {elapsed:.2f} s ({count:,} tokens)")


def test_every_corpus_description_analyses_cleanly():
    for text, language in _corpus_texts():
        tokens = analyze(text, language)
        assert tokens
        assert all(token.isascii() and token.isalnum() for token in tokens)
