"""Spelling correction against the index vocabulary (SymSpell-style symmetric-delete index)."""

import importlib.util
import os
import pickle
import random
import string
import time

import pytest

from search.analysis import analyze_query, query_terms, vocabulary_terms
from search.vocabulary import Vocabulary, max_distance_for, osa_distance

WORDS = {
    "spritzguss": 40,
    "spritzgussteile": 12,
    "gehause": 30,
    "gehausen": 2,
    "obrabeni": 25,
    "obrabene": 3,
    "accordion": 4,
    "accordions": 1,
    "strojirna": 18,
    "strojirny": 9,
    "drehteile": 22,
    "drehteil": 5,
    "lackieren": 7,
    "blechbearbeitung": 11,
}


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary(WORDS)


def test_distance():
    assert osa_distance("spritzgus", "spritzguss") == 1
    assert osa_distance("accordian", "accordion") == 1
    assert osa_distance("gehuase", "gehause") == 1  # transposition counts once
    assert osa_distance("blechbaerbeitunk", "blechbearbeitung") == 2
    assert osa_distance("abc", "xyz", limit=2) == 3  # capped at limit + 1
    assert max_distance_for("gehuse") == 1 and max_distance_for("accordian") == 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Spritzgus", "spritzguss"),
        ("Gehuse", "gehause"),
        ("gehuase", "gehause"),
        ("obrábní", "obrabeni"),
        ("accordian", "accordion"),
        ("strojrna", "strojirna"),
        ("Blechbaerbeitunk", "blechbearbeitung"),  # two typos in a long word
    ],
)
def test_corrections(vocabulary, typed, expected):
    assert vocabulary.correct(typed)[0] == expected


def test_known_word_is_its_own_correction(vocabulary):
    assert vocabulary.correct("obrabeni") == ["obrabeni"]
    assert vocabulary.correct("Obrábění") == ["obrabeni"]
    assert "gehause" in vocabulary and "Gehäuse" in vocabulary and "gehaus" not in vocabulary


def test_no_correction_too_far(vocabulary):
    assert vocabulary.correct("xylophon") == []
    assert vocabulary.correct("gehxxe") == []  # two typos in a short word are not corrected


def test_ranking_closest_then_most_frequent(vocabulary):
    # "strojirnx" is one edit from strojirna (18 documents) and strojirny (9)
    assert vocabulary.correct("strojirnx")[:2] == ["strojirna", "strojirny"]
    suggestions = vocabulary.suggestions("drehteilx")
    assert suggestions[0].term == "drehteile" and suggestions[0].distance == 1
    assert [s.distance for s in suggestions] == sorted(s.distance for s in suggestions)


def test_document_frequencies():
    documents = [
        vocabulary_terms("Spritzgussteile und Gehäuse", "de"),
        vocabulary_terms("Gehäuse aus Aluminium", "de"),
        vocabulary_terms("Obrábění a svařování", "cs"),
    ]
    vocabulary = Vocabulary.from_documents(documents)
    assert vocabulary.frequency("gehause") == 2
    assert vocabulary.frequency("obrabeni") == 1
    assert vocabulary.frequency("und") == 0  # stop words are not suggested
    if importlib.util.find_spec("wordfreq"):  # compound parts are words to suggest
        assert vocabulary.correct("Spritzgus") == ["spritzguss"]


def test_serialisation_round_trips(vocabulary):
    for restored in (
        Vocabulary.from_bytes(vocabulary.to_bytes()),
        pickle.loads(pickle.dumps(vocabulary)),  # noqa: S301 - our own data
        Vocabulary.from_json(vocabulary.to_json()),
    ):
        assert len(restored) == len(vocabulary)
        assert restored.correct("Spritzgus") == ["spritzguss"]
        assert restored.frequency("gehause") == 30


def test_save_and_load(tmp_path, vocabulary):
    path = tmp_path / "vocabulary.pickle"
    vocabulary.save(path)
    assert Vocabulary.load(path).correct("accordian")[0] == "accordion"


def test_query_expansion_with_vocabulary(vocabulary):
    (term,) = query_terms("Spritzgus", "de", vocabulary=vocabulary)
    assert term.corrections == ("spritzguss",)
    assert term.weights["spritzgus"] == 1.0 and term.weights["spritzguss"] < 1.0
    # a known word is not expanded
    assert query_terms("Gehäuse", "de", vocabulary=vocabulary)[0].corrections == ()
    assert "gehause" in analyze_query("Gehuse", "de", vocabulary=vocabulary)[0]


def _random_words(count, seed=7):
    rng = random.Random(seed)
    words = set()
    while len(words) < count:
        length = rng.choice([4, 5, 6, 7, 8, 8, 9, 10, 11, 12, 14, 16])
        words.add("".join(rng.choice(string.ascii_lowercase[:20]) for _ in range(length)))
    return sorted(words)


def test_scales_to_a_large_vocabulary(capsys):
    """Build and lookup times for 50,000 words (set GLOKAL_BENCH=1 for 300,000); printed, not asserted."""
    size = 300_000 if os.environ.get("GLOKAL_BENCH") else 50_000
    words = _random_words(size)
    rng = random.Random(1)
    start = time.perf_counter()
    vocabulary = Vocabulary({w: rng.randint(1, 500) for w in words})
    built = time.perf_counter() - start
    queries = []
    for word in rng.sample(words, 500):
        i = rng.randrange(len(word))
        queries.append(word[:i] + word[i + 1 :])  # one deletion
    start = time.perf_counter()
    found = sum(1 for q, w in zip(queries, queries, strict=True) if vocabulary.correct(q))
    lookup = (time.perf_counter() - start) / len(queries)
    assert found == len(queries)
    with capsys.disabled():
        print(
            f"\nvocabulary: {size:,} words built in {built:.1f} s, {len(vocabulary._index):,} index entries "
            f"({len(vocabulary.to_bytes()) / 1e6:.0f} MB pickled); lookup {lookup * 1e3:.2f} ms"
        )
