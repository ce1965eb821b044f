"""Spelling correction against the words of the index ("did you mean", and expanding unknown query words).

``Vocabulary`` holds the index's words (folded surface forms, see ``search.analysis.vocabulary_terms``) with
their document frequencies, and finds the known words within a Damerau–Levenshtein distance (optimal string
alignment: insertion, deletion, substitution, transposition of neighbours) of 1, or 2 for words of 9 letters
or more. Lookups use a symmetric-delete index (SymSpell, Wolf Garbe 2012): every known word is stored under
the strings made by deleting up to 2 letters from its first ``prefix_length`` letters (words sharing that
prefix are stored once, as a group); a query generates the same deletes of its own prefix, so candidates are
found by exact lookups instead of comparing against every word. The index is a sorted array of 64-bit numbers
(CRC-32 of the delete string, group id), compact enough for the vocabulary of 100,000 documents; hash
collisions only add candidates, which are all verified.

A vocabulary pickles (``to_bytes``/``from_bytes``, ``save``/``load``), or exports to JSON without the index
(``to_json``/``from_json`` rebuild it).
"""

from __future__ import annotations

import json
import pickle
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from search.analysis.text import fold

__all__ = ["Suggestion", "Vocabulary", "max_distance_for", "osa_distance"]

FORMAT_VERSION = 2
LONG_WORD = 9  # words of this length or more may have two typos
MAX_DISTANCE = 2
_ID_BITS = 32
_ID_MASK = (1 << _ID_BITS) - 1


def max_distance_for(word: str) -> int:
    """How many typos a word may have: 1, or 2 from LONG_WORD letters on."""
    return 2 if len(word) >= LONG_WORD else 1


def osa_distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), or ``limit + 1``
    as soon as it is known to exceed ``limit``."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    # strip the common prefix and suffix
    start = 0
    while start < la and start < lb and a[start] == b[start]:
        start += 1
    while la > start and lb > start and a[la - 1] == b[lb - 1]:
        la -= 1
        lb -= 1
    a, b = a[start:la], b[start:lb]
    la, lb = len(a), len(b)
    if not la or not lb:
        return max(la, lb) if max(la, lb) <= limit else limit + 1
    before = None
    previous = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [i] + [0] * lb
        ca = a[i - 1]
        row_min = i
        for j in range(1, lb + 1):
            cost = 0 if ca == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
            if value < row_min:
                row_min = value
        if row_min > limit:
            return limit + 1
        before, previous = previous, current
    return previous[lb] if previous[lb] <= limit else limit + 1


def _deletes(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))} - found
        found |= frontier
    return found


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Suggestion:
    term: str
    distance: int
    frequency: int


class Vocabulary:
    """Known words with document frequencies, and their spelling neighbours.

    >>> vocabulary = Vocabulary({"spritzguss": 12, "gehause": 30})
    >>> vocabulary.correct("Spritzgus")
    ['spritzguss']
    """

    def __init__(self, frequencies: Mapping[str, int] | Iterable[tuple[str, int]] = (), *, prefix_length: int = 7):
        if prefix_length < MAX_DISTANCE + 1:
            raise ValueError("prefix_length must be at least 3")
        self.prefix_length = prefix_length
        items = frequencies.items() if isinstance(frequencies, Mapping) else frequencies
        merged: dict[str, int] = {}
        for term, frequency in items:
            term = fold(term)
            if term:
                merged[term] = merged.get(term, 0) + int(frequency)
        self._terms: list[str] = sorted(merged)
        self._ids: dict[str, int] = {term: i for i, term in enumerate(self._terms)}
        self._frequencies = array("I", (min(merged[term], 0xFFFFFFFF) for term in self._terms))
        self._index, self._starts = self._build_index()

    # -- construction -----------------------------------------------------------------------------------

    @classmethod
    def from_documents(cls, documents: Iterable[Iterable[str]], **kwargs) -> Vocabulary:
        """From the terms of each document (e.g. ``vocabulary_terms(text, language)``): document frequencies."""
        counts: Counter[str] = Counter()
        for terms in documents:
            counts.update({fold(term) for term in terms})
        return cls(counts, **kwargs)

    def _build_index(self) -> tuple[array, array]:
        """(index, group starts). Sorted words that share their first ``prefix_length`` letters form a group
        (``starts[g]`` to ``starts[g + 1]``); the index maps each delete of a group's prefix to the group."""
        p = self.prefix_length
        # A query of LONG_WORD letters may be two edits away from a word of LONG_WORD - 2 letters.
        long_enough = LONG_WORD - MAX_DISTANCE
        starts = array("I")
        # Bucket by the top hash byte, so that sorting never needs all entries as Python ints at once.
        buckets = [array("Q") for _ in range(256)]
        previous = None
        for term_id, term in enumerate(self._terms):
            prefix = term[:p]
            if prefix == previous:
                continue
            previous = prefix
            group = len(starts)
            starts.append(term_id)
            depth = MAX_DISTANCE if len(prefix) >= long_enough else 1
            for delete in _deletes(prefix, depth):
                h = _hash(delete)
                buckets[h >> 24].append((h << _ID_BITS) | group)
        starts.append(len(self._terms))
        index = array("Q")
        for bucket in buckets:
            index.extend(sorted(bucket))
        return index, starts

    # -- lookups ----------------------------------------------------------------------------------------

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and fold(term) in self._ids

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self):
        return iter(self._terms)

    def frequency(self, term: str) -> int:
        """Number of documents with ``term`` (0 if unknown)."""
        term_id = self._ids.get(fold(term))
        return 0 if term_id is None else self._frequencies[term_id]

    def _candidates(self, word: str, depth: int) -> set[int]:
        """Groups (see ``_build_index``) with a prefix within ``depth`` deletes of ``word``'s prefix."""
        index = self._index
        size = len(index)
        found: set[int] = set()
        for delete in _deletes(word[: self.prefix_length], depth):
            h = _hash(delete)
            i = bisect_left(index, h << _ID_BITS)
            while i < size:
                entry = index[i]
                if entry >> _ID_BITS != h:
                    break
                found.add(entry & _ID_MASK)
                i += 1
        return found

    def suggestions(self, word: str, max_distance: int | None = None) -> list[Suggestion]:
        """All known words within ``max_distance`` (default: 1, or 2 for words of 9+ letters) of ``word``,
        closest first, then by document frequency (highest first), then alphabetically. ``word`` itself is
        included (distance 0) when known."""
        word = fold(word)
        if not word:
            return []
        limit = max_distance_for(word) if max_distance is None else min(max_distance, MAX_DISTANCE)
        out: list[Suggestion] = []
        terms, starts, length = self._terms, self._starts, len(word)
        for group in self._candidates(word, limit):
            for term_id in range(starts[group], starts[group + 1]):
                term = terms[term_id]
                if abs(len(term) - length) > limit:
                    continue
                distance = osa_distance(word, term, limit)
                if distance <= limit:
                    out.append(Suggestion(term, distance, self._frequencies[term_id]))
        out.sort(key=lambda s: (s.distance, -s.frequency, s.term))
        return out

    def correct(self, word: str, limit: int = 5) -> list[str]:
        """Known words for ``word``: itself if known, else its nearest known neighbours (see ``suggestions``),
        at most ``limit``. ``correct("Spritzgus")`` → ``["spritzguss"]``; unknown and no neighbour → ``[]``."""
        folded = fold(word)
        if folded in self._ids:
            return [folded]
        return [s.term for s in self.suggestions(folded)[:limit]]

    # -- serialisation ----------------------------------------------------------------------------------

    def __getstate__(self):
        return {
            "version": FORMAT_VERSION,
            "prefix_length": self.prefix_length,
            "terms": "\n".join(self._terms),
            "frequencies": self._frequencies,
            "index": self._index,
            "starts": self._starts,
        }

    def __setstate__(self, state):
        if state.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported vocabulary format {state.get('version')!r}")
        self.prefix_length = state["prefix_length"]
        self._terms = state["terms"].split("\n") if state["terms"] else []
        self._ids = {term: i for i, term in enumerate(self._terms)}
        self._frequencies = state["frequencies"]
        self._index = state["index"]
        self._starts = state["starts"]

    def to_bytes(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Vocabulary:
        """Only for data this application wrote itself (it is a pickle)."""
        vocabulary = pickle.loads(data)  # noqa: S301 - our own cache, never user input
        if not isinstance(vocabulary, cls):
            raise TypeError("not a Vocabulary")
        return vocabulary

    def save(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def load(cls, path: str | Path) -> Vocabulary:
        return cls.from_bytes(Path(path).read_bytes())

    def to_json(self) -> str:
        """Words and frequencies only; ``from_json`` rebuilds the index."""
        return json.dumps(
            {"version": FORMAT_VERSION, "prefix_length": self.prefix_length,
             "frequencies": dict(zip(self._terms, self._frequencies, strict=True))},
            ensure_ascii=False, separators=(",", ":"),
        )  # fmt: skip

    @classmethod
    def from_json(cls, data: str) -> Vocabulary:
        payload = json.loads(data)
        return cls(payload["frequencies"], prefix_length=payload.get("prefix_length", 7))
