"""Tokenising and accent folding: the language-independent first step of analysis."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Word", "fold", "normalize", "tokenize", "MAX_WORD_LENGTH"]

# Words longer than this (URLs without separators, hashes, base64) are not indexed.
MAX_WORD_LENGTH = 48

# Letters that NFKD does not decompose into base letter + combining mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ŀ": "l",
        "µ": "u",  # micro sign: µm
        "μ": "u",
    }
)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lowercase and strip diacritics: ``Žluťoučký`` → ``zlutoucky``, ``Gehäuse`` → ``gehause``, ``ß`` → ``ss``.

    German umlauts fold to the base letter (ä → a), matching what people type on a keyboard without
    umlauts; the German stemmer also maps the ``ae``/``oe``/``ue`` spellings (``Gehaeuse``) to the same stem.
    """
    word = word.lower().translate(_SPECIAL)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalize(text: str) -> str:
    """Unicode NFC (so ``e`` + combining acute equals ``é``) — tokens are cut from this form."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the input: ``text`` as written (``text == source[start:end]`` for NFC input), ``lower``
    its lowercase form with diacritics, ``folded`` its lowercase form without them. ``joined`` is set on a
    synthetic word made of an acronym and the number after it (``ISO 9001`` → ``iso9001``)."""

    text: str
    start: int
    end: int
    lower: str
    folded: str
    joined: bool = False

    @property
    def is_number(self) -> bool:
        return self.folded.isdigit()


# Letters and digits; "_" is a word character for \w but a separator here.
_WORD_RE = re.compile(r"[^\W_]+")
# Digit groups joined by a thousands separator: 5.000, 12,500, 5 000 (no-break/thin space), 1'000.
_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,'\u00a0\u202f\u2009]\d{3})+(?![\w]|[.,]\d)")
# "ISO9001", "en1090": letters then digits (or the reverse) in one token.
_ALNUM_RE = re.compile(r"^([a-z]{2,})(\d{2,})$|^(\d{2,})([a-z]{2,})$")
# Between an acronym and its number: spaces, a hyphen, a colon ("ISO 9001", "EN-1090", "ISO/TS 16949").
_ACRONYM_GAP_RE = re.compile(r"^[\s\-–:/]*$")


def _make(text: str, start: int, end: int, joined: bool = False) -> Word:
    lower = text.lower()
    return Word(text, start, end, lower, fold(lower), joined)


def tokenize(text: str) -> list[Word]:
    """Cut ``text`` into words, in order.

    - unicode letters and digits form words; everything else separates them (``CNC-Fräsen`` → CNC, Fräsen);
    - digit groups with thousands separators are one number (``5.000`` / ``5 000`` → ``5000``);
    - a token of letters and digits (``ISO9001``) is kept and also yields its parts (``iso``, ``9001``);
    - an acronym written in capitals followed by a number (``ISO 9001``, ``IATF 16949``) also yields the
      joined word ``iso9001`` right after the number, so both spellings match each other;
    - words longer than MAX_WORD_LENGTH characters are dropped.
    """
    text = normalize(text)
    words: list[Word] = []
    numbers = {m.start(): m for m in _NUMBER_RE.finditer(text)} if any(c.isdigit() for c in text) else {}
    pos = 0
    previous: Word | None = None
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        if start < pos:  # inside a number already consumed
            continue
        number = numbers.get(start)
        if number is not None:
            start, end = number.span()
            digits = "".join(c for c in number.group() if c.isdigit())
            word = Word(number.group(), start, end, digits, digits)
        else:
            word = _make(match.group(), start, end)
        pos = end
        if len(word.folded) > MAX_WORD_LENGTH:
            previous = None
            continue
        words.append(word)
        alnum = _ALNUM_RE.match(word.folded) if not word.folded.isalpha() else None
        if alnum:
            letters, digits = (alnum.group(1), alnum.group(2)) if alnum.group(1) else (alnum.group(4), alnum.group(3))
            words.append(Word(word.text, start, end, letters, letters, True))
            words.append(Word(word.text, start, end, digits, digits, True))
        elif (
            previous is not None
            and word.folded.isdigit()
            and len(word.folded) >= 2
            and previous.text.isalpha()
            and previous.text.isupper()
            and 2 <= len(previous.text) <= 6
            and _ACRONYM_GAP_RE.match(text[previous.end : start])
        ):
            joined = previous.folded + word.folded
            words.append(Word(text[previous.start : end], previous.start, end, joined, joined, True))
        previous = word
    return words
