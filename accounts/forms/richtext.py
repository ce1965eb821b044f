"""Plain paragraphs ↔ the listing's rich text, so the front-end form needs no JavaScript editor."""

import html
import re

from django.utils.html import escape, strip_tags

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def richtext_to_text(value):
    text = _BLOCK_END.sub("\n\n", str(value or ""))
    paragraphs = [" ".join(html.unescape(strip_tags(part)).split()) for part in text.split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def text_to_richtext(text):
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text or "")]
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs if part)
