"""Cross-language expansion: a document that uses any term of a glossary concept (or a taxonomy label)
also gets the other languages' terms of that concept, so a German query finds Czech-only text."""

from dataclasses import dataclass

from core.generations import bump, current
from search.analysis import analyze, tokenize, word_keys

LANGUAGES = ("de", "cs", "en")
GENERATION_KEY = "search:glossary-generation"
_local = {"generation": None, "index": None}


@dataclass(frozen=True)
class Concept:
    key: str
    terms: tuple[tuple[frozenset, ...], ...]  # per term, per word: the keys any of which may occur
    tokens: tuple[str, ...]  # tokens of every term in every language


def bump_generation():
    bump(GENERATION_KEY)


def build_index():
    from directory.models import GlossaryConcept

    concepts = []
    by_key = {}
    for concept in GlossaryConcept.objects.all():
        terms, tokens = [], []
        for language in LANGUAGES:
            for term in concept.terms_in(language):
                words = term_words(term, language)
                if words:
                    terms.append(words)
                    tokens.extend(analyze(term, language, stop_words=False))
        item = Concept(concept.key, tuple(terms), tuple(dict.fromkeys(tokens)))
        concepts.append(item)
        for term_index, words in enumerate(item.terms):
            for token in words[0]:
                by_key.setdefault(token, set()).add((len(concepts) - 1, term_index))
    return concepts, by_key


def term_words(term, language):
    """Per word of `term`: its folded form and stems (no compound parts, which would match too widely)."""
    return tuple(
        frozenset({word.folded, *word_keys(word.lower, word.folded, language, False)})
        for word in tokenize(term)
        if not word.joined
    )


def _index():
    generation = current(GENERATION_KEY)
    if _local["index"] is None or _local["generation"] != generation:
        _local["index"] = build_index()
        _local["generation"] = generation
    return _local["index"]


def expand(document_tokens):
    """Tokens of every concept whose terms all occur among `document_tokens`."""
    concepts, by_key = _index()
    present = set(document_tokens)
    candidates = set()  # (concept, term) whose first word occurs
    for token in present & by_key.keys():
        candidates |= by_key[token]
    found = set()
    for position, term_index in candidates:
        if position not in found and all(
            not alternatives.isdisjoint(present) for alternatives in concepts[position].terms[term_index][1:]
        ):
            found.add(position)
    extra = []
    for position in sorted(found):
        extra.extend(concepts[position].tokens)
    return extra
