"""A short excerpt of a hit's text with the words that matched the query in <mark>."""

import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.analysis import analyze_words

WINDOW_WORDS = 28


def _text_of(page):
    description = strip_tags(str(getattr(page, "description", "") or "")).strip()
    if description:
        return description
    for name in ("offers", "services", "agenda"):
        for block in getattr(page, name, None) or []:
            return f"{block.value.get('title', '')}: {block.value.get('text', '')}"
    return ""


def snippet(page, terms):
    text = unicodedata.normalize("NFC", _text_of(page))
    if not text:
        return ""
    wanted = {token for term in terms for token in term.tokens}
    words = analyze_words(text, page.content_language, stop_words=False)
    matches = [i for i, word in enumerate(words) if wanted & set(word.tokens)] if wanted else []
    first = max(matches[0] - 6, 0) if matches else 0
    window = words[first : first + WINDOW_WORDS]
    if not window:
        return ""
    start, end = window[0].word.start, window[-1].word.end
    marked = {id(words[i].word) for i in matches}
    pieces, cursor = [], start
    for item in window:
        word = item.word
        pieces.append(escape(text[cursor : word.start]))
        chunk = escape(text[word.start : word.end])
        pieces.append(f"<mark>{chunk}</mark>" if id(word) in marked else chunk)
        cursor = word.end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped above
