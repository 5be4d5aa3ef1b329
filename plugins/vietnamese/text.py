"""Vietnamese text rules: normalisation, tone placement, folding, slugs, collation.

Pure functions, no Pelican import. theme/static/js/vntext.js is the JavaScript twin
and both are held to the cases in vectors.json, so change the two together.

Definitions shared with the JavaScript twin:

- token character: a Unicode letter (category L*), a combining mark (category M*)
  or an ASCII digit 0-9. In JavaScript: /[\\p{L}\\p{M}0-9]/u.
- mark: a character of Unicode category M* (what fold() removes). JS: /\\p{M}/u.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import groupby
from typing import Any, TypeVar

T = TypeVar("T")

# Combining tone marks and their collation rank:
# ngang (none) < huyền < hỏi < ngã < sắc < nặng.
TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Breve, circumflex and horn make new letters (ă â ê ô ơ ư), they are not tones.
LETTER_MARKS = frozenset("\u0306\u0302\u031b")

VOWELS = frozenset("aăâeêioôơuưy")
MODIFIED_VOWELS = frozenset("ăâêôơư")
CONSONANTS = frozenset("bcdđghklmnpqrstvx")
ONSETS = frozenset(
    ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"]
    + list("bcdđghklmnprstvx")
)
# Vowel clusters that form a syllable nucleus (glides included).
NUCLEI = frozenset(
    ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    + ("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê")
    + ("iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ")
    + ("uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê")
    + ("iêu", "yêu", "oai", "oao", "oay", "oeo", "uây")
    + ("uôi", "uya", "uyê", "uyu", "ươi", "ươu")
)
CODAS = frozenset(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"])
# Open syllables whose tone goes on the second vowel in the new style: hoà thuỷ khoẻ.
NEW_STYLE_CLUSTERS = frozenset(["oa", "oe", "uy"])

# Primary collation order; letters Vietnamese lacks (f j w z) slot in alphabetically.
ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_WEIGHTS = {ch: i for i, ch in enumerate(ALPHABET)}

# NFD/NFKD do not decompose đ; ð/Ð (eth) are a common look-alike typo for đ/Đ.
_D_LIKE = re.compile("[đĐðÐ]")
# Fast path for fold(): the marks Vietnamese uses; _strip_marks() catches the rest.
_COMMON_MARKS = re.compile("[\u0300-\u036f]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Pelican's slugify() runs NFKC, unidecode, then these subs (IGNORECASE), then lower.
# After unidecode the text is ASCII, so this equals slugify() below for Vietnamese.
SLUG_REGEX_SUBSTITUTIONS = [
    (r"[^a-z0-9]+", "-"),
    (r"\A-+|-+\Z", ""),
]


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC."""
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=4096)
def _is_token_char(ch: str) -> bool:
    return "0" <= ch <= "9" or unicodedata.category(ch)[0] in "LM"


# Speed: a C-level regex finds runs of "maybe token" characters (all but whitespace
# and ASCII non-alphanumerics); only non-ASCII runs are classified char by char, and
# those results are memoised because a text reuses a few thousand syllables.
_CANDIDATE_RUN = re.compile(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def _chunks(run: str) -> tuple[tuple[bool, str], ...]:
    """Split a candidate run into (is_token, text) chunks."""
    return tuple(
        (is_token, "".join(chars)) for is_token, chars in groupby(run, _is_token_char)
    )


def _runs(text: str) -> Iterator[str]:
    """Yield the maximal runs of token characters in ``text``."""
    for run in _CANDIDATE_RUN.findall(text):
        if run.isascii():
            yield run
        else:
            yield from (chunk for is_token, chunk in _chunks(run) if is_token)


@lru_cache(maxsize=_CACHE_SIZE)
def _strip_marks(run: str) -> str:
    return "".join(ch for ch in run if unicodedata.category(ch)[0] != "M")


def _split_letter(ch: str) -> tuple[str, int] | None:
    """Split one NFC character into (lower-case Vietnamese letter, tone rank).

    Return None when ``ch`` is not a Vietnamese letter.
    """
    base, *marks = unicodedata.normalize("NFD", ch)
    tone = 0
    modifiers = ""
    for mark in marks:
        if mark in TONE_MARKS and not tone:
            tone = TONE_MARKS[mark]
        elif mark in LETTER_MARKS:
            modifiers += mark
        else:
            return None
    letter = nfc(base.lower() + modifiers)
    if letter in VOWELS or letter in CONSONANTS:
        return letter, tone
    return None


def _onset(letters: str) -> str:
    """Return the initial consonant(s); the u of "qu" and i of "gi" belong to it."""
    for size in (3, 2, 1):
        head = letters[:size]
        if head not in ONSETS:
            continue
        if head in ("gi", "qu") and letters[size : size + 1] not in VOWELS:
            continue  # "gìn" is g + i + n; a lone "qu" is no syllable
        return head
    return ""


def _tone_position(letters: str) -> int | None:
    """Index in ``letters`` (tone-less, lower-case) where the tone belongs."""
    onset = _onset(letters)
    rest = letters[len(onset) :]
    size = 0
    while size < len(rest) and rest[size] in VOWELS:
        size += 1
    nucleus, coda = rest[:size], rest[size:]
    if nucleus not in NUCLEI or coda not in CODAS:
        return None
    return len(onset) + _nucleus_tone_index(nucleus, has_coda=bool(coda))


def _nucleus_tone_index(nucleus: str, has_coda: bool) -> int:
    modified = [i for i, v in enumerate(nucleus) if v in MODIFIED_VOWELS]
    if modified:
        return modified[-1]  # ươ → ơ; ưa → ư; uyê → ê
    if len(nucleus) == 1:
        return 0
    if has_coda:
        return len(nucleus) - 1  # hoàng, huỳnh, khoẻn
    if nucleus in NEW_STYLE_CLUSTERS or len(nucleus) == 3:
        return 1  # hoà, thuỷ, khoẻ, ngoài, khuỷu
    return 0  # mùa, kìa, hài


def _recase(letter: str, like: str) -> str:
    return letter.upper() if like != like.lower() else letter


def _parse_letters(word: str) -> tuple[str, list[int]] | None:
    """(lower-case letters without tones, tone rank per letter), or None."""
    letters, tones = [], []
    for ch in word:
        split = _split_letter(ch)
        if split is None:
            return None
        letters.append(split[0])
        tones.append(split[1])
    return "".join(letters), tones


# Spelling rules beyond onset + nucleus + coda, for is_syllable(): which nuclei
# need a coda, which take none, and which vowels a coda or onset may go with.
NEEDS_CODA = frozenset(["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"])
TAKES_CODA = NEEDS_CODA | frozenset(
    ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"]
)
STOP_CODAS = frozenset(["c", "ch", "p", "t"])  # only sắc or nặng before them
FRONT_VOWELS = frozenset("ieêy")
# Onsets written only before a front vowel (k, gh, ngh) and never before one.
FRONT_ONSETS = frozenset(["k", "gh", "ngh"])
BACK_ONSETS = frozenset(["c", "ng"])
CODA_AFTER = {"ch": frozenset("aêi"), "nh": frozenset("aêiy")}


def is_syllable(word: str) -> bool:
    """True when ``word`` is spelt as one Vietnamese syllable, in either case.

    Stricter than what canonical() accepts: at most one tone, on a vowel; a
    nucleus that needs a coda has one (ăn, tiên) and a gliding one has none
    (tai, mưa); c/ch/p/t come only after sắc or nặng; k, gh, ngh only before
    i e ê y, and c, g, ng never before e ê; ch and nh only after a ê i (y).
    """
    parsed = _parse_letters(nfc(word))
    if parsed is None:
        return False
    letters, tones = parsed
    toned = [i for i, tone in enumerate(tones) if tone]
    if len(toned) > 1 or (toned and letters[toned[0]] not in VOWELS):
        return False
    onset = _onset(letters)
    rest = letters[len(onset) :]
    size = 0
    while size < len(rest) and rest[size] in VOWELS:
        size += 1
    nucleus, coda = rest[:size], rest[size:]
    if nucleus not in NUCLEI or coda not in CODAS:
        return False
    if (nucleus in NEEDS_CODA and not coda) or (coda and nucleus not in TAKES_CODA):
        return False
    tone = tones[toned[0]] if toned else 0
    if coda in STOP_CODAS and tone not in (4, 5):
        return False
    if coda in CODA_AFTER and nucleus[-1] not in CODA_AFTER[coda]:
        return False
    first = nucleus[0]
    if onset in FRONT_ONSETS and first not in FRONT_VOWELS:
        return False
    return not (
        (onset in BACK_ONSETS and first in FRONT_VOWELS)
        or (onset == "g" and first in "eê")
    )


def _canonical_syllable(word: str) -> str:
    parsed = _parse_letters(word)
    if parsed is None:
        return word
    letters, tones = parsed
    toned = [i for i, tone in enumerate(tones) if tone]
    if len(toned) != 1:
        return word
    source = toned[0]
    target = _tone_position(letters)
    if target is None or target == source:
        return word
    mark = next(m for m, rank in TONE_MARKS.items() if rank == tones[source])
    chars = list(word)
    chars[source] = _recase(letters[source], word[source])
    chars[target] = _recase(nfc(letters[target] + mark), word[target])
    return "".join(chars)


def canonical(s: str) -> str:
    """NFC plus new-style tone placement per syllable ("hòa" → "hoà").

    Also repairs tones misplaced on the onset ("qúy" → "quý"). Words that are not
    Vietnamese syllables are returned unchanged.
    """
    text = nfc(s)
    if text.isascii():
        return text
    return _CANDIDATE_RUN.sub(_canonical_match, text)


def _canonical_match(match: re.Match[str]) -> str:
    run = match.group()
    return run if run.isascii() else _canonical_run(run)


@lru_cache(maxsize=_CACHE_SIZE)
def _canonical_run(run: str) -> str:
    return "".join(
        _canonical_syllable(chunk) if is_token else chunk
        for is_token, chunk in _chunks(run)
    )


def fold(s: str) -> str:
    """Canonical, lower-cased, without tones or letter marks, đ → d: "Đồng" → "dong"."""
    text = unicodedata.normalize("NFKD", canonical(s).lower())
    text = _COMMON_MARKS.sub("", _D_LIKE.sub("d", text))
    if not text.isascii():
        text = _NON_ASCII_RUN.sub(_strip_marks_match, text)
    # Lower again: NFKD can yield capitals ("ℌ" → "H").
    return nfc(text.lower())


def _strip_marks_match(match: re.Match[str]) -> str:
    return _strip_marks(match.group())


def tokenize(s: str) -> list[str]:
    """Lower-case canonical syllables: runs of letters, marks and ASCII digits.

    Same as splitting canonical(s), which keeps run boundaries, but run by run.
    """
    tokens: list[str] = []
    for run in _CANDIDATE_RUN.findall(nfc(s)):
        if run.isascii():
            tokens.append(run.lower())
        else:
            tokens.extend(_run_tokens(run))
    return tokens


def fold_tokens(s: str) -> list[str]:
    """Folded syllables; ``fold_tokens(s)[i] == fold(tokenize(s)[i])``."""
    tokens: list[str] = []
    for run in _CANDIDATE_RUN.findall(nfc(s)):
        if run.isascii():
            tokens.append(run.lower())
        else:
            tokens.extend(_run_fold_tokens(run))
    return tokens


@lru_cache(maxsize=_CACHE_SIZE)
def _run_tokens(run: str) -> tuple[str, ...]:
    chunks = _chunks(run)
    return tuple(_canonical_syllable(c).lower() for is_token, c in chunks if is_token)


@lru_cache(maxsize=_CACHE_SIZE)
def _run_fold_tokens(run: str) -> tuple[str, ...]:
    return tuple(fold(token) for token in _run_tokens(run))


def slugify(s: str) -> str:
    """URL slug: "Nghị định 42/2022/NĐ-CP" → "nghi-dinh-42-2022-nd-cp"."""
    return _NOT_SLUG.sub("-", fold(s)).strip("-")


def _collation_char(ch: str) -> tuple[int, int]:
    """(primary weight, tone rank) of one character."""
    base, *marks = unicodedata.normalize("NFD", ch)
    base = base.lower()[:1]
    modifiers = "".join(m for m in marks if m in LETTER_MARKS)
    tone = next((TONE_MARKS[m] for m in marks if m in TONE_MARKS), 0)
    letter = nfc(base + modifiers)
    weight = _WEIGHTS.get(letter, _WEIGHTS.get(base, len(ALPHABET) + ord(base)))
    return weight, tone


def _syllable_key(syllable: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    weights = [_collation_char(ch) for ch in _strip_marks(syllable)]
    primary = tuple(w for w, _ in weights)
    tones = tuple(t for _, t in weights if t)
    return primary, tones


def collation_key(s: str) -> tuple[Any, ...]:
    """Sort key for Vietnamese order.

    Syllable by syllable: letters first (a < ă < â ... d < đ ... u < ư), then tone
    (ngang < huyền < hỏi < ngã < sắc < nặng); then lower case before upper case.
    """
    text = canonical(s)
    syllables = tuple(_syllable_key(run) for run in _runs(text))
    case = tuple(ch != ch.lower() for ch in text if _is_token_char(ch))
    return syllables, case, text


def vn_sorted(
    items: Iterable[T], key: Callable[[T], str] | None = None, reverse: bool = False
) -> list[T]:
    """Sort ``items`` in Vietnamese order; ``key`` maps an item to its text."""
    text_of = key or str
    return sorted(items, key=lambda item: collation_key(text_of(item)), reverse=reverse)


_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _plain_decimal(n: Any) -> str:
    """Write a number in plain positional notation with a "." decimal point."""
    if isinstance(n, bool):
        raise TypeError(f"Không định dạng được giá trị {n!r}: cần một số")
    if isinstance(n, int):
        return str(n)
    if isinstance(n, float):
        if not math.isfinite(n):
            raise ValueError(f"Không định dạng được số {n!r}")
        # repr() gives the shortest round-trip digits, as JavaScript's String() does.
        text = format(Decimal(repr(n)), "f")
        return text.removesuffix(".0")
    if isinstance(n, Decimal):
        return format(n, "f")
    if isinstance(n, str) and _PLAIN_NUMBER.fullmatch(n.strip()):
        return n.strip()
    raise TypeError(f"Không định dạng được giá trị {n!r}: cần một số")


def format_number(n: int | float | Decimal | str) -> str:
    """Vietnamese number format: 18663365 → "18.663.365", 3.5 → "3,5"."""
    text = _plain_decimal(n)
    digits = text.lstrip("+-")
    whole, _, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups) + ("," + fraction if fraction else "")
    is_zero = not digits.strip("0.")
    return "-" + result if text.startswith("-") and not is_zero else result
