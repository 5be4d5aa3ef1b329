"""The terms an article is compared by: folded syllables and adjacent pairs
(from the text stage, article_text), and tags.

Vietnamese words are mostly one or two syllables ("khoa học", "nghiệm thu"), so
a pair of adjacent syllables stands in for a word, and a single syllable for
the rest.
"""

from __future__ import annotations

import sys
from collections import Counter

from article_text import Terms
from vietnamese import fold


def weighted_frequencies(fields: list[tuple[Terms, int, int | None]]) -> Counter:
    """Term frequencies summed over (terms, weight, at most this many
    syllables) fields: a title word counts as often as `weight` body words.
    Weights are whole numbers, so that one Counter (in C) does the counting.
    Terms are interned: the same term in many articles is stored once."""
    found: list[str] = []
    for terms, weight, most in fields:
        if most is not None:
            terms = Terms(folded=" ".join(terms.folded.split()[:most]))
        syllables, pairs, _ = terms.keys()
        found += (syllables + pairs) * weight
    return Counter(map(sys.intern, found))


def tag_key(name: str) -> str:
    """Tags match folded: "Chè hoa vàng" and "che hoa vang" are one tag."""
    return " ".join(fold(name).split())
