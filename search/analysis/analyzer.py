"""Document and query analysis: the tokens every search engine stores and matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .stemming import LANGUAGES, word_keys
from .stopwords import CROSS_LANGUAGE_CONTENT, STOP_WORDS, stop_words_for
from .text import Word, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from search.vocabulary import Vocabulary

__all__ = [
    "AnalyzedWord",
    "QueryTerm",
    "analyze",
    "analyze_words",
    "analyze_query",
    "query_terms",
    "vocabulary_terms",
    "normalize_language",
]

# Weights of the alternatives of one query word, for engines that can weight terms (OpenSearch, PostgreSQL).
WEIGHT_SURFACE = 1.0  # the word as typed (folded)
WEIGHT_KEY = 0.8  # a stem / lemma / joined form in the query's language
WEIGHT_OTHER_LANGUAGE = 0.5  # a stem in another language
WEIGHT_CORRECTION = 0.6  # a known word one or two typos away, when the typed word is unknown
WEIGHT_CORRECTION_KEY = 0.45

_QUERY_STOP_WORDS = frozenset().union(*STOP_WORDS.values()) - CROSS_LANGUAGE_CONTENT


def normalize_language(language: str | None) -> str | None:
    """``"de"``, ``"de-DE"``, ``"cs_CZ"``, ``"EN"`` → the language code; None, ``"mixed"`` or unknown → None."""
    if not language:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def _is_stop(word: Word, stop_words: frozenset[str]) -> bool:
    folded = word.folded
    return folded in stop_words or (len(folded) == 1 and not folded.isdigit())


@dataclass(frozen=True, slots=True)
class AnalyzedWord:
    """A word of a document and its tokens: ``tokens[0]`` is the folded surface form, then its keys."""

    word: Word
    tokens: tuple[str, ...]


def analyze_words(
    text: str, language: str | None = None, *, stop_words: bool = True, compounds: bool = True
) -> list[AnalyzedWord]:
    """Like ``analyze`` but per word, with its position in the (NFC-normalised) text: for highlighting."""
    lang = normalize_language(language)
    languages = (lang,) if lang else LANGUAGES
    stops = stop_words_for(lang) if stop_words else frozenset()
    out: list[AnalyzedWord] = []
    for word in tokenize(text):
        if stop_words and _is_stop(word, stops):
            continue
        tokens = [word.folded]
        if not word.joined:
            for code in languages:
                for key in word_keys(word.lower, word.folded, code, compounds):
                    if key not in tokens:
                        tokens.append(key)
        out.append(AnalyzedWord(word, tuple(tokens)))
    return out


def analyze(text: str, language: str | None = None, *, stop_words: bool = True, compounds: bool = True) -> list[str]:
    """Tokens of a document text, in text order, repeated as often as they occur (for term frequencies).

    ``language`` is the language of the text ("de", "cs", "en"; "de-DE" is accepted); None or "mixed" applies
    all three languages. For each word that is not a stop word of that language: its folded surface form
    (``strojírně`` → ``strojirne``), then its keys — stems shared by its grammatical variants (``strojirn``),
    for German also its compound parts (``Spritzgussteile`` → ``spritzguss``, ``teil``, …). Numbers are kept
    (``16949``); ``ISO 9001`` and ``ISO9001`` both give ``iso``, ``9001`` and ``iso9001``.

    ``stop_words=False`` keeps function words (for names and titles: "Die Werkstatt", "PRO s.r.o.").
    Every token is lowercase and without diacritics; Latin-script input gives tokens of ``[a-z0-9]`` only,
    so no engine tokenizer splits them again.
    """
    if len(text) <= SHORT_TEXT:  # labels, names, glossary terms: the same few thousand strings again and again
        return list(_analyze_short(text, language, stop_words, compounds))
    return _analyze(text, language, stop_words, compounds)


SHORT_TEXT = 120


def _analyze(text, language, stop_words, compounds):
    return [
        token
        for analyzed in analyze_words(text, language, stop_words=stop_words, compounds=compounds)
        for token in analyzed.tokens
    ]


@lru_cache(maxsize=20_000)
def _analyze_short(text, language, stop_words, compounds):
    return tuple(_analyze(text, language, stop_words, compounds))


def vocabulary_terms(text: str, language: str | None = None) -> set[str]:
    """The words of a document worth suggesting as spelling corrections: folded surface forms and
    German compound parts (``spritzguss`` from ``Spritzgussteile``) — no stems, which are not words."""
    lang = normalize_language(language)
    terms: set[str] = set()
    for word in tokenize(text):
        if word.joined or _is_stop(word, stop_words_for(lang)) or word.folded.isdigit():
            continue
        terms.add(word.folded)
        if lang in (None, "de"):
            from .compounds import compound_parts

            terms.update(compound_parts(word.folded))
    return terms


@dataclass(slots=True)
class QueryTerm:
    """One word of a query with its alternatives.

    ``weights`` maps every alternative token to a weight (the typed form 1.0, its stems and joined forms 0.8,
    stems under the other languages 0.5, spelling corrections 0.6/0.45); an engine ORs the alternatives of
    one term and ANDs (or ranks by) the terms. ``parts`` is an optional second reading as several terms that
    all have to match (``ISO9001`` → iso AND 9001; ``Kunststoffteile`` → kunststoff AND teile): an engine
    may use ``tokens OR (all parts)``. ``corrections`` lists the known words that replaced an unknown one.
    """

    text: str
    surface: str
    weights: dict[str, float] = field(default_factory=dict)
    parts: tuple[frozenset[str], ...] = ()
    corrections: tuple[str, ...] = ()
    stop_word: bool = False

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(self.weights)

    def add(self, token: str, weight: float) -> None:
        if weight > self.weights.get(token, 0.0):
            self.weights[token] = weight


def _alternatives(term: QueryTerm, lower: str, folded: str, lang: str | None, base: float, other: float) -> None:
    for code in LANGUAGES:
        weight = base if lang in (None, code) else other
        for key in word_keys(lower, folded, code, False):
            term.add(key, weight)


def query_terms(text: str, language: str | None = None, *, vocabulary: Vocabulary | None = None) -> list[QueryTerm]:
    """Analyse a query into terms (see ``QueryTerm``).

    The query's language is a hint only: every word also gets the stems of the other languages, with a lower
    weight. Stop words of any language (German "für", Czech "pro", English "the"; but not words that are
    content words elsewhere, like "die" unless the query is German) are dropped — unless the query has
    nothing else, then all words are kept. With a ``vocabulary`` (see ``search.vocabulary``), a word that
    is not in it gets the known words within one typo (two for words of 9+ letters) as alternatives.
    """
    lang = normalize_language(language)
    stops = _QUERY_STOP_WORDS | (STOP_WORDS[lang] if lang else frozenset())
    words = tokenize(text)
    terms: list[QueryTerm] = []
    for index, word in enumerate(words):
        if word.joined:
            previous = terms[-1] if terms else None
            if previous is None:
                continue
            if word.start == previous_word_start(words, index):  # a part of "ISO9001": a second reading
                previous.parts += (frozenset({word.folded}),)
            else:  # "ISO 9001" → also iso9001, as an alternative of the number
                previous.add(word.folded, WEIGHT_KEY)
            continue
        term = QueryTerm(text=word.text, surface=word.folded, stop_word=_is_stop(word, stops))
        term.add(word.folded, WEIGHT_SURFACE)
        _alternatives(term, word.lower, word.folded, lang, WEIGHT_KEY, WEIGHT_OTHER_LANGUAGE)
        if lang in (None, "de"):
            from .compounds import coarse_parts

            term.parts = tuple(
                frozenset({part, *word_keys(part, part, "de", False)}) for part in coarse_parts(word.folded)
            )
        if vocabulary is not None and not word.folded.isdigit() and word.folded not in vocabulary:
            corrections = tuple(c for c in vocabulary.correct(word.folded)[:3] if c != word.folded)
            term.corrections = corrections
            for correction in corrections:
                term.add(correction, WEIGHT_CORRECTION)
                _alternatives(term, correction, correction, lang, WEIGHT_CORRECTION_KEY, WEIGHT_CORRECTION_KEY)
        terms.append(term)
    content = [term for term in terms if not term.stop_word]
    return content or terms


def previous_word_start(words: list[Word], index: int) -> int:
    """Start offset of the closest non-synthetic word before ``words[index]``."""
    for j in range(index - 1, -1, -1):
        if not words[j].joined:
            return words[j].start
    return -1


def analyze_query(text: str, language: str | None = None, *, vocabulary: Vocabulary | None = None) -> list[set[str]]:
    """Alternative tokens per query word: ``[{"drehteile", "drehteil"}, {"cnc"}]`` — OR within a set, AND (or
    rank) across sets. See ``query_terms`` for weights and the second reading of compounds."""
    return [set(term.tokens) for term in query_terms(text, language, vocabulary=vocabulary)]


def analyze_many(items: Iterable[tuple[str, str | None]]) -> list[str]:
    """Tokens of several (text, language) pieces of one document, concatenated."""
    return [token for text, language in items for token in analyze(text, language)]
