"""Legacy-font Vietnamese inside Unicode text: TCVN3 (ABC) and VNI-Windows.

Text typed in the old .VnTime (TCVN3) or VNI-Times fonts and pasted into a
Unicode file keeps the font's byte values as Latin-1 characters: "Së Khoa häc"
(TCVN3) or "Sôû Khoa hoïc" (VNI) for "Sở Khoa học". This module finds such
text and converts it. JavaScript twin: theme/static/js/vnlegacy.js (beside
vntext.js, not loaded by the search page), held to the "from_tcvn3",
"from_vni" and "legacy_lines" sections of vectors.json.

- TCVN3 is the VN3 subset of TCVN 5712:1993: bytes A1–AE and the lowercase
  letters with tones (glibc's TCVN5712-1 table; a test compares every entry).
  VN3 has no capitals with tones: the ".VnTimeH" fonts draw the lowercase codes
  as capitals, so a converted word whose ASCII letters are all capitals (two or
  more, or one in a line of capitals) is written in capitals.
- VNI-Windows writes a vowel, then one mark character for its tone or for its
  hat and tone together ("aù" á, "aá" ấ, "aé" ắ), and i, ỵ, ơ, ư, đ as one
  character.

A word is **legacy** when it is not a Vietnamese syllable as it stands and its
conversion is one (``is_syllable``), with two letters or more and not the
micro sign's "µm"; **Unicode** when it is a syllable that the conversion
would break (or has letters no legacy font produces). A line is legacy when it
has two legacy words and more of them than Unicode words, or one legacy word
and no Unicode word in a text that has a legacy line of the same encoding.
Normal Vietnamese, English, numbers and code have no legacy words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from .text import _CANDIDATE_RUN, _is_token_char, is_syllable, nfc

TCVN3 = "tcvn3"
VNI = "vni"
ENCODING_NAMES = {
    TCVN3: "TCVN3 (ABC, phông .VnTime)",
    VNI: "VNI-Windows (phông VNI-Times)",
}

# TCVN 5712:1993 VN3, byte values A1–FE shown as Latin-1, and their letters.
TCVN3_TABLE = dict(
    zip(
        "¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        strict=True,
    )
)

# VNI-Windows: mark characters after a vowel, as (lower, upper) pairs.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
VNI_TONE_MARKS = dict(zip("ùøûõï", _TONES, strict=True))
VNI_HAT_MARKS = dict(zip("âáàåãä", ["", *_TONES], strict=True))  # ^ + tone, on a e o
VNI_BREVE_MARKS = dict(zip("êéèúüë", ["", *_TONES], strict=True))  # ˘ + tone, on a
VNI_LETTERS = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
}  # fmt: skip
VNI_VOWELS = frozenset("aeouyôö")

MIN_LEGACY_WORD = 2
_HEADER = re.compile(r"^([ ]{0,3}[A-Za-z0-9_-]+:[ \t]*)(.*)$")
# Codes with Đ converted too: "Q§-UBND" is "QĐ-UBND", "N§-CP" is "NĐ-CP".
_D_CODE = re.compile("[A-Za-z0-9]*[đĐ][A-Za-z0-9đĐ]*")


def _recase(text: str, like: str) -> str:
    return text.upper() if like.isupper() else text


def _from_tcvn3_word(word: str) -> str | None:
    """The word in Unicode, or None if it has a Latin-1 letter TCVN3 lacks."""
    out = []
    for ch in word:
        if ch in TCVN3_TABLE:
            out.append(TCVN3_TABLE[ch])
        elif "\x80" <= ch <= "\xff":
            return None
        else:
            out.append(ch)
    return "".join(out)


def _from_vni_word(word: str) -> str | None:
    """The word in Unicode, or None if a Latin-1 letter is left over."""
    out, i = [], 0
    while i < len(word):
        ch, low = word[i], word[i].lower()
        mark = word[i + 1].lower() if i + 1 < len(word) else ""
        if low in VNI_VOWELS:
            base = _recase(VNI_LETTERS.get(low, low), ch)
            if mark in VNI_TONE_MARKS:
                out.append(nfc(base + VNI_TONE_MARKS[mark]))
            elif mark in VNI_HAT_MARKS and low in "aeo":
                out.append(nfc(base + "\u0302" + VNI_HAT_MARKS[mark]))
            elif mark in VNI_BREVE_MARKS and low == "a":
                out.append(nfc(base + "\u0306" + VNI_BREVE_MARKS[mark]))
            else:
                out.append(base)
                i += 1
                continue
            i += 2
        elif low in VNI_LETTERS:
            out.append(_recase(VNI_LETTERS[low], ch))
            i += 1
        elif "\x80" <= ch <= "\xff":
            return None
        else:
            out.append(ch)
            i += 1
    return "".join(out)


_CONVERTERS = {TCVN3: _from_tcvn3_word, VNI: _from_vni_word}


def _is_word_char(ch: str) -> bool:
    return ch in TCVN3_TABLE or _is_token_char(ch)


def _words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of letters, digits and TCVN3 characters."""
    spans, start = [], None
    for i, ch in enumerate(text):
        if _is_word_char(ch):
            start = i if start is None else start
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=1 << 16)
def _run_counts(run: str) -> tuple[int, int, int, int]:
    """Legacy and Unicode words in TCVN3, then in VNI, of a run of characters
    with no space or ASCII punctuation (mostly one word). ASCII words read the
    same in every encoding and do not count."""
    counts = [0, 0, 0, 0]
    for is_word, chars in groupby(run, _is_word_char):
        word = "".join(chars)
        if is_word and not word.isascii():
            for offset, kind in zip((0, 2), _word_kinds(word), strict=True):
                if kind:
                    counts[offset + (kind == "unicode")] += 1
    return tuple(counts)


def _word_kinds(word: str) -> tuple[str, str]:
    """The word's kind in TCVN3 and in VNI: "legacy", "unicode" or ""."""
    return _word_kind(word, TCVN3), _word_kind(word, VNI)


def _word_kind(word: str, encoding: str) -> str:
    as_is = is_syllable(word)
    converted = _CONVERTERS[encoding](word)
    if converted is None:
        return "unicode" if as_is else ""
    if converted == word:
        return ""
    as_converted = is_syllable(converted)
    if as_converted and not as_is:
        evidence = len(converted) >= MIN_LEGACY_WORD and not word.startswith("µ")
        return "legacy" if evidence else ""
    return "unicode" if as_is and not as_converted else ""


def _line_encoding(line: str) -> tuple[str, bool] | None:
    """(encoding, strong) of a line that looks legacy; None otherwise."""
    runs = _CANDIDATE_RUN.findall(line)
    if line.isascii() or not runs:
        return None
    totals = [sum(column) for column in zip(*map(_run_counts, runs), strict=True)]
    counts = {TCVN3: totals[:2], VNI: totals[2:]}  # legacy words, Unicode words
    best = None
    for encoding, (legacy, unicode) in counts.items():
        if legacy >= 2 and legacy > unicode:
            found = (encoding, True, legacy)
        elif legacy == 1 and unicode == 0:
            found = (encoding, False, legacy)
        else:
            continue
        if best is None or (found[1], found[2]) > (best[1], best[2]):
            best = found
    return best[:2] if best else None


def legacy_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(index, encoding) of every line of a text in a legacy encoding."""
    found = [(i, _line_encoding(nfc(line))) for i, line in enumerate(lines)]
    strong = {hit[0] for _, hit in found if hit and hit[1]}
    return [(i, hit[0]) for i, hit in found if hit and (hit[1] or hit[0] in strong)]


def _capitals(word: str) -> int:
    """ASCII capitals in the word; -1 if it has an ASCII small letter."""
    letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    return -1 if any(ch.islower() for ch in letters) else len(letters)


def from_legacy(text: str, encoding: str) -> str:
    """``text`` with every word that converts to a Vietnamese syllable converted.

    Words that stay as they are: ASCII, and any word whose conversion is no
    syllable (Unicode words, names, symbols) nor a code with Đ ("QĐ", "NĐ").
    TCVN3 words are put in capitals as the ".VnTimeH" fonts showed them (see
    the module docstring).
    """
    text = nfc(text)
    spans = _words(text)
    words = [text[start:end] for start, end in spans]
    capitals = [_capitals(word) for word in words if len(word) > 1]
    all_capitals = bool(capitals) and min(capitals) >= 0 and max(capitals) >= 2
    out, last = [], 0
    for (start, end), word in zip(spans, words, strict=True):
        out.append(text[last:start])
        last = end
        converted = _CONVERTERS[encoding](word)
        if converted is None or not (
            is_syllable(converted) or _D_CODE.fullmatch(converted)
        ):
            out.append(word)
            continue
        upper = _capitals(word)
        if encoding == TCVN3 and (upper >= 2 or (all_capitals and upper >= 0)):
            converted = converted.upper()
        out.append(converted)
    out.append(text[last:])
    return "".join(out)


def convert_line(line: str, encoding: str) -> str:
    """One line converted; a Markdown `Key: value` header line keeps its key."""
    header = _HEADER.match(nfc(line))
    key, value = header.groups() if header else ("", line)
    return key + from_legacy(value, encoding)


def convert_lines(lines: list[str]) -> list[str]:
    """Every legacy line of a text converted (``legacy_lines``), all in NFC."""
    converted = [nfc(line) for line in lines]
    for index, encoding in legacy_lines(lines):
        converted[index] = convert_line(converted[index], encoding)
    return converted
