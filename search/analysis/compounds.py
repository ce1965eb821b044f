"""Splitting German compounds: ``Spritzgussteile`` → spritz, guss, teile (+ spritzguss, gussteile).

Method (Koehn & Knight 2003, "Empirical methods for compound splitting"): among all ways to cut a folded word
into known words (each modifier optionally followed by a linking element -s, -es, -n, -en, -er, -e, or being
a verb stem: ``dreh`` ← drehen), take the one with the highest mean log frequency, and split only if that mean
beats the frequency of the whole word (``Millionen`` stays whole, ``Maschinenbau`` splits).
The parts are emitted, and so are runs of adjacent parts that are words themselves (``spritzguss`` in
``Kunststoffspritzgussteile``), so that a query for any level of the compound finds the document.

The lexicon is built from two packages' data, lazily on first use: word frequencies from ``wordfreq``
(German "large" list, words with Zipf ≥ 1.5) and, as the test of being a real word rather than a fragment
that happens to occur in web text ("ung", "tion", "hine"), the German form list of ``simplemma``. Building
it takes ~2 s; the result is cached as a small text file (see ``cache_dir``). Without ``wordfreq`` installed,
compounds are not split (a warning is logged once).
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .stopwords import STOP_WORDS
from .text import fold

__all__ = ["split_compound", "compound_parts", "coarse_parts", "german_lexicon", "cache_dir"]

logger = logging.getLogger(__name__)

LEXICON_VERSION = 1
MIN_ZIPF = 1.5  # words rarer than this (about 3 per 100 million words) are not used as parts
MIN_WORD_LENGTH = 7  # shorter words are not split
MIN_PART_LENGTH = 4
# Three-letter words that are common compound parts; other three-letter strings are too often fragments.
SHORT_PARTS = frozenset("bau rad gas tor hof amt eis uhr zug weg tag see bad ost sud ton tee ol hut not kur".split())
# Never parts: function words and bound morphemes that the frequency list knows as words.
NOT_PARTS = STOP_WORDS["de"] | frozenset(
    "ung ungen heit keit schaft lich isch ische ischen ion ionen tion tionen ier ieren iert sche schen ter tern "
    "zusammen ander anders selbst ober unten oben innen aussen hinter vorder neben".split()
)
LINKS = ("s", "es", "n", "en", "er", "e", "")

_lock = threading.Lock()
_lexicon: dict[str, int] | None = None
_VALID = 1  # lowest bit of a lexicon value: the word is in simplemma's German form list


def cache_dir() -> Path:
    """Where the built lexicon is cached: $GLOKAL_ANALYSIS_CACHE or ~/.cache/glokal (else the temp dir)."""
    configured = os.environ.get("GLOKAL_ANALYSIS_CACHE")
    if configured:
        return Path(configured)
    home = Path.home()
    base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") if home.is_dir() else Path(tempfile.gettempdir())
    return base / "glokal"


def _cache_file() -> Path | None:
    try:
        tag = f"wf{version('wordfreq')}-sm{version('simplemma')}-v{LEXICON_VERSION}"
    except PackageNotFoundError:
        return None
    return cache_dir() / f"de-compound-lexicon-{tag}.tsv"


def _build() -> dict[str, int]:
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY
    from wordfreq import get_frequency_list

    forms = DEFAULT_DICTIONARY_FACTORY.get_dictionary("de")
    lexicon: dict[str, int] = {}
    for rank, bucket in enumerate(get_frequency_list("de", "large")):
        zipf = 900 - rank  # bucket n holds words of frequency 10^(-n/100): Zipf = 9 - n/100
        if zipf < MIN_ZIPF * 100:
            break
        for word in bucket:
            if len(word) < 2 or not word.isalpha():
                continue
            folded = fold(word)
            if folded in lexicon or not folded.isascii():
                continue
            valid = forms.get(word) is not None or forms.get(word.capitalize()) is not None
            lexicon[folded] = zipf * 2 + (_VALID if valid else 0)
    return lexicon


def _load() -> dict[str, int]:
    path = _cache_file()
    if path is not None and path.is_file():
        try:
            lexicon = {}
            with path.open(encoding="ascii") as lines:
                for line in lines:
                    word, _, code = line.rstrip("\n").partition("\t")
                    lexicon[word] = int(code)
            if lexicon:
                return lexicon
        except (OSError, ValueError, UnicodeDecodeError):
            logger.warning("Unreadable compound lexicon cache %s; rebuilding", path)
    lexicon = _build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.writelines(f"{word}\t{code}\n" for word, code in lexicon.items())
            os.replace(tmp, path)
        except OSError as exc:  # read-only home, full disk: work without the cache
            logger.info("Could not cache the compound lexicon in %s: %s", path.parent, exc)
    return lexicon


def german_lexicon() -> dict[str, int]:
    """Folded German word → 2 × (Zipf × 100) + 1 if it is a real word form (see module doc). Empty without wordfreq."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                try:
                    _lexicon = _load()
                except ImportError:
                    logger.warning("wordfreq is not installed: German compounds will not be split")
                    _lexicon = {}
    return _lexicon


def _zipf(code: int) -> float:
    return (code >> 1) / 100


def _part_score(part: str, lexicon: dict[str, int]) -> float | None:
    """Zipf frequency of ``part`` if it may be a compound part, else None."""
    if len(part) < MIN_PART_LENGTH and part not in SHORT_PARTS or part in NOT_PARTS:
        return None
    code = lexicon.get(part)
    if code is None or not code & _VALID:
        return None
    return _zipf(code)


def _modifier(piece: str, lexicon: dict[str, int]) -> tuple[float, str] | None:
    """Best reading of a non-final piece: (score, base form) — with a linking element removed, or a verb stem."""
    best: tuple[float, str] | None = None
    for link in LINKS:
        if link and not piece.endswith(link):
            continue
        base = piece[: len(piece) - len(link)]
        score = _part_score(base, lexicon)
        if score is None and not link:
            verb = _part_score(base + "en", lexicon)  # dreh-teil, schweiss-naht
            score = verb - 0.5 if verb is not None else None
        if score is not None and (best is None or score > best[0]):
            best = (score, base)
    return best


@lru_cache(maxsize=100_000)
def split_compound(word: str) -> tuple[tuple[int, int, str], ...]:
    """Split a folded German word: ((start, end, base form), ...) for each part, or () if it is not split.

    ``start:end`` is the part's span in ``word`` including a linking element; the base form is without it.
    """
    n = len(word)
    if n < MIN_WORD_LENGTH or not word.isalpha():
        return ()
    lexicon = german_lexicon()
    if not lexicon:
        return ()
    # best[i][k]: highest score sum for cutting word[:i] into k modifiers, with the parts.
    best: list[dict[int, tuple[float, tuple[tuple[int, int, str], ...]]]] = [dict() for _ in range(n + 1)]
    best[0][0] = (0.0, ())
    for i in range(n):
        if not best[i]:
            continue
        for j in range(i + 3, n - 2):
            reading = _modifier(word[i:j], lexicon)
            if reading is None:
                continue
            for k, (total, parts) in best[i].items():
                candidate = (total + reading[0], parts + ((i, j, reading[1]),))
                if k + 1 not in best[j] or best[j][k + 1][0] < candidate[0]:
                    best[j][k + 1] = candidate
    winner: tuple[float, tuple[tuple[int, int, str], ...]] | None = None
    for j in range(MIN_PART_LENGTH - 1, n - 2):
        if not best[j] or j == 0:
            continue
        head = word[j:]
        score = _part_score(head, lexicon)
        if score is None:
            continue
        for k, (total, parts) in best[j].items():
            if k == 0:
                continue
            mean = (total + score) / (k + 1)
            if winner is None or mean > winner[0]:
                winner = (mean, parts + ((j, n, head),))
    if winner is None:
        return ()
    whole = lexicon.get(word)
    if whole is not None and _zipf(whole) >= winner[0]:
        return ()
    return winner[1]


def compound_parts(word: str) -> list[str]:
    """Folded parts of a German compound, then longer pieces of it that are words themselves: runs of
    adjacent parts found in the lexicon (``spritzguss``), and the endings that start where a coarse part
    starts (``spritzgussteile`` in ``kunststoffspritzgussteile``, a kind of ``teile`` too).

    ``kunststoffspritzgussteile`` → kunst, stoff, spritz, guss, teile, kunststoff, spritzguss, gussteile,
    spritzgussteile; ``[]`` if the word is not split.
    """
    parts = split_compound(word)
    if not parts:
        return []
    lexicon = german_lexicon()
    out = [base for _, _, base in parts]
    last = len(parts) - 1
    for a in range(len(parts)):
        for b in range(a + 1, len(parts)):
            if a == 0 and b == last:
                continue  # the whole word
            span = word[parts[a][0] : parts[b][0]] + parts[b][2]
            if span in lexicon and span not in out:
                out.append(span)
    coarse, starts = _coarse(word, parts)
    for start in starts[1:-1]:
        if word[start:] not in out:
            out.append(word[start:])
    return out


def _coarse(word: str, parts: tuple[tuple[int, int, str], ...]) -> tuple[list[str], list[int]]:
    """Coarse parts (see ``coarse_parts``) and where each starts in ``word``."""
    lexicon = german_lexicon()
    coarse: list[str] = []
    starts: list[int] = []
    a = 0
    while a < len(parts):
        b = a
        for end in range(len(parts) - 1, a, -1):
            if a == 0 and end == len(parts) - 1:
                continue
            if word[parts[a][0] : parts[end][0]] + parts[end][2] in lexicon:
                b = end
                break
        coarse.append(word[parts[a][0] : parts[b][0]] + parts[b][2] if b > a else parts[a][2])
        starts.append(parts[a][0])
        a = b + 1
    return coarse, starts


def coarse_parts(word: str) -> list[str]:
    """The fewest known words that make up a compound, merging fine parts left to right into the longest
    known runs: ``kunststoffteile`` → kunststoff, teile; ``spritzgussteile`` → spritzguss, teile; ``[]`` if
    the word is not split. Used for the "all parts" reading of a query word."""
    parts = split_compound(word)
    if not parts:
        return []
    return _coarse(word, parts)[0]
