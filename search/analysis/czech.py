"""A Czech stemmer that works on accent-folded text.

It follows the Snowball Czech algorithm (snowballstem.org, BSD licence: R1 region, case suffixes with
palatalisation, possessive suffixes) but matches endings written without diacritics, so that ``strojírně``
and ``strojirne``, ``odlitků`` and ``odlitku``, ``obráběním`` and ``obrabenim`` all get one stem: the
stem is a function of the folded word only. Endings that become ambiguous once folded are left out
(``-ám`` → ``am`` would cut ``program``; ``-eň`` → ``en``), and ``-ím`` → ``im`` is only cut after ``n``/``t``
(the instrumental of verbal nouns: ``obráběním``), so that ``režim`` keeps its ``m``.

Measured on simplemma's Czech form→lemma pairs for the words of the directory corpus, the folded stem of
an unaccented form equals the stem of its lemma for 80 % of pairs, as often as Snowball does on accented
input (81 %) and far more often than Snowball on unaccented input (62 %).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["stem_folded", "verb_root"]

_VOWELS = frozenset("aeiouy")
_VOWELS_OR_SYLLABIC = frozenset("aeiouylr")
_EV_ENDING = frozenset("hknrtz")

# Folded case suffix → Snowball action: 1 delete, 2 delete + palatalise (e), 3 "-ete/-eti/-etem",
# 4 "-eb", 5 "-ec", 6 "-ek", 9 "-et", 10 "-ev", 12 delete + palatalise (i).
_SUFFIXES = {
    "a": 1, "ama": 1, "ata": 1, "eb": 4, "ec": 5, "e": 2, "ete": 3, "ech": 2, "atech": 1,
    "ach": 1, "ich": 12, "ych": 1, "i": 12, "mi": 1, "ami": 1, "emi": 2, "imi": 12, "ymi": 1,
    "eti": 3, "ovi": 1, "ek": 6, "em": 2, "etem": 3, "im": 12, "ym": 1, "um": 1, "atum": 1,
    "o": 1, "eho": 1, "iho": 12, "us": 1, "at": 1, "et": 9, "u": 1, "emu": 1, "imu": 12, "ou": 1,
    "ev": 10, "y": 1, "aty": 1, "ove": 1,
}  # fmt: skip
# Suffixes cut only after one of these endings.
_GUARDED = {"im": ("n", "t")}
_MAX_SUFFIX = max(map(len, _SUFFIXES))


def _r1(word: str) -> int:
    """Start of Snowball's R1 region (at least 3): after the first vowel (or syllabic l/r) and consonant."""
    n = len(word)
    if n < 3:
        return n
    pos = 1
    if word[0] not in _VOWELS:
        while pos < n and word[pos] not in _VOWELS_OR_SYLLABIC:
            pos += 1
        if pos >= n:
            return n
        pos += 1
    while pos < n and word[pos] in _VOWELS:
        pos += 1
    if pos >= n:
        return n
    return max(pos + 1, 3)


def _palatalise_e(word: str) -> str:
    if word.endswith("c") and not word.endswith(("nc", "avc", "ovc")) or word.endswith("inc"):
        return word[:-1] + "k"
    return word


def _palatalise_i(word: str) -> str:
    if word.endswith("ct"):
        return word[:-2] + "ck"
    return _palatalise_e(word)


def _case_suffix(word: str, r1: int) -> str:
    n = len(word)
    for length in range(min(_MAX_SUFFIX, n - r1), 0, -1):
        suffix = word[n - length :]
        action = _SUFFIXES.get(suffix)
        if action is None:
            continue
        base = word[: n - length]
        guard = _GUARDED.get(suffix)
        if guard and not base.endswith(guard):
            continue
        last = base[-1:]
        if action == 1:
            return base
        if action == 2:
            return _palatalise_e(base)
        if action == 3:
            if base.endswith(("tl", "es", "ec")) or not base.endswith(("l", "s", "c", "r", "z")):
                return base + "et"
            return base
        if action == 4:
            return base + "b" if last and last not in _VOWELS and not base.endswith("tr") else word
        if action == 5:
            return _palatalise_e(base + "c") if last and last not in _VOWELS else word
        if action == 6:
            ok = last and last not in _VOWELS and not base.endswith(("obl", "sn", "dot"))
            return base + "k" if ok else word
        if action == 9:
            return base + "t" if base.endswith(("uc", "h", "ok", "kar", "c")) else word
        if action == 10:
            return base + "v" if last in _EV_ENDING else word
        return _palatalise_i(base)  # action 12
    return word


@lru_cache(maxsize=200_000)
def stem_folded(word: str) -> str:
    """Stem a lowercase, accent-folded Czech word (``strojirne`` → ``strojirn``, ``odlitku`` → ``odlitk``)."""
    r1 = _r1(word)
    word = _case_suffix(word, r1)
    if len(word) - 2 >= r1:
        if word.endswith(("ov", "uv")):
            word = word[:-2]
        elif word.endswith("in"):
            word = _palatalise_i(word[:-2])
    return word


# The "-ovat" verb family: -ování (verbal noun), -ovat, -uje/-ujeme (present), -ovaný (participle),
# -ovací (adjective), -ovna (workshop): svařování, svařujeme, svařovací, svařovna → svar.
_OVAT_FAMILY = re.compile(
    r"^([a-z]{3,}?)(?:ovani|ovanim|ovanimi|ovat|ovany|ovana|ovane|ovanych|ovanym|ovanymi|ovanou|ovanu|ovaneho"
    r"|ovaci|ovaciho|ovacich|ovacim|ovacimi|ovna|ovny|ovne|ovnu|ovnou|oven|ovnach|ovnam|ovnami"
    r"|uje|ujeme|ujete|uji|ujes|ujici|ujiciho|ujicich|ujicim|ujicimi|ovava|ovavame|ovavaji|ovavat)$"
)


@lru_cache(maxsize=200_000)
def verb_root(word: str) -> str | None:
    """Root shared by a folded Czech word of the ``-ovat`` verb family, else None: ``svarovani``,
    ``svarujeme``, ``svarovaci``, ``svarovna`` → ``svar``; ``lisovna``, ``lisujeme`` → ``lis``. It lets a
    search for the activity (``lisování``) find a firm that writes what it does (``lisujeme``)."""
    match = _OVAT_FAMILY.match(word)
    return match.group(1) if match else None
