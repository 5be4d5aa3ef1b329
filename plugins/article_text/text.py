"""Plain text and search terms of an article, from its sanitised HTML."""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass

from vietnamese import fold, nfc, tokenize

# Block elements end a sentence-like unit; inline ones (a, em, strong) do not.
BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption"
    r"|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table"
    r"|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>",
    re.IGNORECASE,
)
HEADING = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
ANY_TAG = re.compile(r"<[^>]*>")
# Where two syllables are not a pair: punctuation and the end of a block.
BREAK = re.compile(r"[.,;:!?…()\[\]{}\"“”‘’«»\n\r\t|]+")
SEPARATOR = " | "  # between the units of Terms; no syllable holds "|"


@dataclass(frozen=True, slots=True)
class Terms:
    """A text's syllables: ``exact`` (canonical, lower case) and ``folded``
    ("Đầu tư" → "dau tu"), space-separated, with " | " where a sentence-like
    unit ends, so that no pair spans two of them."""

    exact: str = ""
    folded: str = ""

    def keys(self) -> tuple[list[str], list[str], set[str]]:
        """The folded syllables in order; each two adjacent ones of one unit,
        as "a b"; and the exact syllables that folding changes ("đầu", not
        "tin"). One split of each text: splitting makes a string per word."""
        words = self.folded.split()
        adjacent = zip(words, words[1:], strict=False)
        pairs = [a + " " + b for a, b in adjacent if a != "|" != b]
        # fold() of a fold is itself: an exact word that is some folded word
        # is its own fold, so no form.
        forms = set(self.exact.split()).difference(words)
        return list(filter(_NOT_SEPARATOR, words)), pairs, forms


_NOT_SEPARATOR = "|".__ne__


def terms_of(text: str) -> Terms:
    exact, folded = [], []
    for unit in BREAK.split(text):
        words = tokenize(unit)
        if words:
            exact.append(" ".join(words))
            folded.append(" ".join(map(_fold, words)))
    return Terms(SEPARATOR.join(exact), SEPARATOR.join(folded))


_folded: dict[str, str] = {}


def _fold(word: str) -> str:
    """fold() once per distinct syllable: a text reuses a few thousand."""
    found = _folded.get(word)
    if found is None:
        found = _folded[word] = sys.intern(fold(word))
    return found


def collapse(text: str) -> str:
    """NFC, runs of whitespace as one space."""
    return " ".join(nfc(text).split())


def blocks_text(markup: str) -> str:
    """The text of HTML with a line break where a block ends."""
    if "<" not in markup:
        return nfc(html.unescape(markup))
    return nfc(html.unescape(ANY_TAG.sub("", BLOCK_TAG.sub("\n", markup))))


def headings_of(markup: str) -> tuple[str, ...]:
    return tuple(collapse(blocks_text(m.group(2))) for m in HEADING.finditer(markup))
