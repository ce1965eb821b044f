"""Per-language normalised keys of a word: stems that grammatical variants share, independent of diacritics."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import simplemma
import snowballstemmer

from .compounds import _VALID, compound_parts, german_lexicon
from .czech import stem_folded as czech_stem_folded
from .czech import verb_root as czech_verb_root
from .text import fold

__all__ = ["LANGUAGES", "word_keys", "stem"]

LANGUAGES = ("de", "cs", "en")
_SNOWBALL_NAMES = {"de": "german", "cs": "czech", "en": "english"}
MIN_KEY_LENGTH = 2

_local = threading.local()  # Snowball stemmer objects keep state while stemming: one per thread


def _stemmer(language: str):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(_SNOWBALL_NAMES[language])
    return stemmers[language]


@lru_cache(maxsize=300_000)
def stem(word: str, language: str) -> str:
    """Snowball stem of a lowercase word, folded (``strojírně`` → ``strojirn``)."""
    return fold(_stemmer(language).stemWord(word))


_IERT = re.compile(r"^([a-z]{3,}?)iert(?:e|en|er|es|em)?$")
_PARTICIPLE = re.compile(
    r"^(ab|an|auf|aus|bei|ein|fest|her|mit|nach|vor|weg|zu|zuruck|zusammen|um|durch)?ge([a-z]{3,}?)e?t(?:e|en|er|es|em)?$"
)


@lru_cache(maxsize=100_000)
def german_verb_key(folded: str) -> str | None:
    """Stem of the infinitive of a German participle, which Snowball leaves apart from it:
    ``informiert`` → informi (as ``informieren``), ``geprägt`` → prag (as ``prägen``), ``ausgestanzt`` →
    ausstanz (as ``ausstanzen``). A ``ge-…-t`` word counts only if its infinitive is a known German word."""
    match = _IERT.match(folded)
    if match:
        return stem(match.group(1) + "ieren", "de")
    match = _PARTICIPLE.match(folded)
    if match:
        prefix, core = match.group(1) or "", match.group(2)
        lexicon = german_lexicon()
        for candidate in (prefix + core + "en", core + "en"):
            code = lexicon.get(candidate)
            if code is not None and code & _VALID:
                return stem(prefix + core + "en", "de")
    return None


@lru_cache(maxsize=100_000)
def _czech_lemma(lower: str) -> str:
    lemma = simplemma.lemmatize(lower, lang="cs")
    return lemma.lower()


@lru_cache(maxsize=300_000)
def word_keys(lower: str, folded: str, language: str, compounds: bool = True) -> tuple[str, ...]:
    """Keys of one word in one language, besides its folded surface form (which is not repeated here).

    - German: Snowball stem of the folded word (Snowball German itself maps ä→a, ae→a, ß→ss), the stem of
      the infinitive for participles (``geprägt`` → as ``prägen``, ``kaschiert`` → as ``kaschieren``), then each
      compound part (``spritzguss``, ``teile``) with its stem (``teil``) when ``compounds`` is true;
    - Czech: the folded-text stem (the same for ``strojírně`` and ``strojirne``), the folded Snowball stem
      of the accented form (Snowball knows more endings with their accents: ``-ám``, ``-eň``), and the stem
      of simplemma's lemma (irregular forms: ``forem`` → forma, ``skla`` → sklo), and for the ``-ovat``
      verb family a root shared by the activity and the verb (``svařování``, ``svařujeme`` → ``svar``);
    - English: Snowball (Porter 2) stem.
    """
    keys: list[str] = []

    def add(key: str) -> None:
        if key != folded and len(key) >= MIN_KEY_LENGTH and key not in keys:
            keys.append(key)

    if folded.isdigit():
        return ()
    if language == "de":
        add(stem(folded, "de"))
        verb = german_verb_key(folded)
        if verb:
            add(verb)
        if compounds:
            for part in compound_parts(folded):
                add(part)
                add(stem(part, "de"))
    elif language == "cs":
        add(czech_stem_folded(folded))
        if lower != folded:
            add(stem(lower, "cs"))
        lemma = _czech_lemma(lower)
        if lemma != lower:
            add(czech_stem_folded(fold(lemma)))
        root = czech_verb_root(folded)
        if root:
            add(root)
    elif language == "en":
        add(stem(folded, "en"))
    else:
        raise ValueError(f"unsupported language {language!r}")
    return tuple(keys)
