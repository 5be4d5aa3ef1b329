"""Search terms: the rules the indexer shares with the browser.

Twins: ``searchQuery`` in theme/static/js/vntext.js and ``groupOf``/``hashKey`` in
theme/static/js/search.js. The "search_query" and "search_keys" sections of
plugins/vietnamese/vectors.json hold both to the same cases.

- A single key is a folded syllable: "Đầu" → "dau".
- A pair key is two adjacent folded syllables joined by one space: "dau tu".
- A key's group is its first syllable (or the whole single key) cut to
  ``GROUP_LENGTH`` characters for singles, and "first syllable, space, second
  syllable cut to ``GROUP_LENGTH``" for pairs. Every key that a typed prefix of at
  least ``PREFIX_MIN_LENGTH`` characters can complete has the prefix's group, so a
  prefix is looked up in one file. The file is chosen by the FNV-1a hash of the
  group's UTF-8 bytes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from vietnamese import fold, nfc, tokenize

# A query is cut to this many characters (code points) and this many syllables.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 10
# The last syllable prefix-matches only from this many folded characters on.
PREFIX_MIN_LENGTH = 3
GROUP_LENGTH = 3

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193


@dataclass(frozen=True)
class Term:
    exact: str  # canonical, lower case: "bản"
    folded: str  # "ban"

    @property
    def has_marks(self) -> bool:
        return self.exact != self.folded


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    prefix: bool  # the last term is still being typed: it prefix-matches

    @property
    def pairs(self) -> list[str]:
        folded = [term.folded for term in self.terms]
        return [f"{a} {b}" for a, b in zip(folded, folded[1:], strict=False)]

    def as_vector(self) -> dict:
        return {
            "terms": [[term.exact, term.folded] for term in self.terms],
            "prefix": self.prefix,
            "pairs": self.pairs,
        }


def _is_token_char(ch: str) -> bool:
    # Same definition as the vietnamese plugin: letters, marks and ASCII digits.
    return "0" <= ch <= "9" or unicodedata.category(ch)[0] in "LM"


def parse_query(text: str) -> Query:
    """Split what a reader typed into terms.

    The text is cut to ``MAX_QUERY_LENGTH`` characters, then to
    ``MAX_QUERY_TERMS`` syllables. The last syllable prefix-matches only when
    nothing follows it (no space, no punctuation, no cut-off syllable) and it has
    at least ``PREFIX_MIN_LENGTH`` folded characters: "tin" is a prefix of "tinh",
    "tin " is a finished word.
    """
    cut = nfc(text or "")[:MAX_QUERY_LENGTH]
    exact = tokenize(cut)
    truncated = len(exact) > MAX_QUERY_TERMS
    terms = tuple(Term(token, fold(token)) for token in exact[:MAX_QUERY_TERMS])
    prefix = (
        bool(terms)
        and not truncated
        and _is_token_char(cut[-1])
        and len(terms[-1].folded) >= PREFIX_MIN_LENGTH
    )
    return Query(terms, prefix)


def group_of(key: str) -> str:
    """The group of a key: which keys share a file (see the module docstring)."""
    first, space, second = key.partition(" ")
    if space:
        return f"{first} {second[:GROUP_LENGTH]}"
    return first[:GROUP_LENGTH]


def hash_key(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes; JavaScript computes the same number."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return value
