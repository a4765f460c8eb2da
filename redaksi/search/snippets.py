"""Highlighted headlines and snippets for the few results shown, from the stories' original text."""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from .analysis import words

LEAD_WORDS = 8  # words shown before the first match
SNIPPET_WORDS = 32
ELLIPSIS = "…"
TRAILING_PUNCTUATION = re.compile(r"\S*")  # keep "berita." and "(kata)" whole


def mark(text, terms, start=0, end=None):
    """Escape text[start:end], wrapping each word whose term is in `terms` in <mark>."""
    end = len(text) if end is None else end
    html, last = SafeString(""), start
    for word_start, word_end, found in words(text[start:end]):
        if found in terms:
            html += conditional_escape(text[last : start + word_start])
            html += format_html("<mark>{}</mark>", text[start + word_start : start + word_end])
            last = start + word_end
    return html + conditional_escape(text[last:end])


def snippet_bounds(text, terms):
    """Character range of SNIPPET_WORDS words from LEAD_WORDS before the first match (the start if none)."""
    spans, first = [], None
    for start, end, found in words(text):
        spans.append((start, end))
        if first is None and found in terms:
            first = max(len(spans) - 1 - LEAD_WORDS, 0)
        if first is not None and len(spans) >= first + SNIPPET_WORDS:
            break
    window = spans[first or 0 :][:SNIPPET_WORDS]
    if not window:
        return 0, 0
    end = window[-1][1]
    return window[0][0], end + len(TRAILING_PUNCTUATION.match(text, end).group())


def snippet(text, terms):
    """A short highlighted passage of `text` around the first word matching `terms`."""
    start, end = snippet_bounds(text, terms)
    html = mark(text, terms, start, end)
    if start > 0:
        html = SafeString(ELLIPSIS) + html
    if any(char.isalnum() for char in text[end:]):
        html += SafeString(ELLIPSIS)
    return html
