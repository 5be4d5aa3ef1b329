"""The terms an article is compared by: folded syllables and adjacent pairs.

Vietnamese words are mostly one or two syllables ("khoa học", "nghiệm thu"), so
a pair of adjacent syllables stands in for a word, and a single syllable for
the rest. Pairs never cross punctuation: "… Ba Chẽ. Hội đồng …" gives no
"che hoi".
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter

from vietnamese import fold, fold_tokens

# Block-level tags end a sentence-like unit; inline tags (<a>, <strong>) do not.
BLOCK_TAG = re.compile(
    r"</?(?:p|li|h[1-6]|div|tr|td|th|br|ul|ol|dl|dt|dd|blockquote|table|figure"
    r"|figcaption|pre|section|hr)\b[^>]*>",
    re.IGNORECASE,
)
ANY_TAG = re.compile(r"<[^>]*>")
# Where a pair of syllables must not be formed.
BREAK = re.compile(r"[.,;:!?…()\[\]{}\"“”‘’«»\n\r\t]+")
MARKER = "zzz"  # no Vietnamese syllable has a "z"
MARKER_SPACED = f" {MARKER} "


def plain_text(markup: str) -> str:
    """Text of rendered HTML, with a line break where a block ends."""
    if "<" not in markup:
        return html.unescape(markup)
    return html.unescape(ANY_TAG.sub(" ", BLOCK_TAG.sub("\n", markup)))


def terms(text: str) -> tuple[list[str], list[str]]:
    """Folded syllables, and "a b" pairs of adjacent syllables."""
    # One fold_tokens call for the whole text (faster than one per
    # sentence): punctuation becomes a marker word that Vietnamese never
    # uses, and no pair is made across it.
    found = fold_tokens(BREAK.sub(MARKER_SPACED, text))
    pairs = [
        a + " " + b for a, b in zip(found, found[1:], strict=False) if a != MARKER != b
    ]
    return [syllable for syllable in found if syllable != MARKER], pairs


def weighted_frequencies(fields: list[tuple[str, int]]) -> Counter:
    """Term frequencies summed over (text, weight) fields: a title word counts
    as often as `weight` body words. Weights are whole numbers, so that one
    Counter (in C) does the counting. Terms are interned: the same term in
    many articles is stored once."""
    found: list[str] = []
    for text, weight in fields:
        if text:
            syllables, pairs = terms(text)
            found += (syllables + pairs) * weight
    return Counter(map(sys.intern, found))


def tag_key(name: str) -> str:
    """Tags match folded: "Chè hoa vàng" and "che hoa vang" are one tag."""
    return " ".join(fold(name).split())
