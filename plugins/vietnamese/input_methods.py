"""Reading text typed in Telex or VNI with the Vietnamese input method off.

"ddoong trieeuf" (Telex) and "d9o6ng trie62u" (VNI) are "đông triều". The
JavaScript twin is ``readTyped`` in theme/static/js/vntext.js; both are held
to the "read_typed" section of vectors.json.

A word is read only when it is not a Vietnamese syllable as typed and its
reading is one (``is_syllable``), so "dau tu", "Quang Ninh", "xoong" and
"ISO" stay as typed. A word that uses Telex or VNI keys but gives no syllable
("offer": two tone keys; "iso"; "are") marks the query as not Telex or VNI at
all, and nothing in it is read: "how are you" stays English.

Telex: s f r x j tones (after a vowel); aa ee oo â ê ô, aw ă, ow ơ, uw ư,
"w" alone ư, dd đ at the start. A vowel key or "w" may also come later in the
word ("nguoiwf" người), as modern input methods allow. VNI: 1–5 tones,
6 â ê ô, 7 ơ ư, 8 ă, 9 đ, after the letter or later; VNI words need two
letters, so codes like "A4" or "B2" are not read.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby

from .text import VOWELS, _is_token_char, _tone_position, is_syllable, nfc

TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc huyền hỏi ngã nặng
TELEX_TONES = dict(zip("sfrxj", TONE_MARKS, strict=True))
VNI_TONES = dict(zip("12345", TONE_MARKS, strict=True))
HAT = {"a": "â", "e": "ê", "o": "ô"}
HORN = {"u": "ư", "o": "ơ"}
MIN_VNI_LETTERS = 2


class NotTyped(Exception):
    """The word uses input-method keys but gives no syllable."""


def _horn_choices(letters: list[str], breve: bool) -> list[list[str]]:
    """Where a horn key (Telex w, VNI 7) typed after the vowels may go."""
    text = "".join(letters)
    choices = []
    at = text.find("uo")
    if at >= 0:
        choices.append([*letters[:at], "ư", "ơ", *letters[at + 2 :]])
        choices.append([*letters[:at], "u", "ơ", *letters[at + 2 :]])  # thuở
    for vowel in "uo":
        at = text.rfind(vowel)
        if at >= 0:
            choices.append([*letters[:at], HORN[vowel], *letters[at + 1 :]])
    at = text.rfind("a")
    if breve and at >= 0:
        choices.append([*letters[:at], "ă", *letters[at + 1 :]])
    return choices


def _with_tone(letters: list[str], tone: str) -> str | None:
    word = "".join(letters)
    if tone:
        at = _tone_position(word)
        if at is None:
            return None
        word = word[:at] + nfc(word[at] + tone) + word[at + 1 :]
    return word if is_syllable(word) else None


def _finish(letters: list[str], tone: str, horn: bool, breve: bool) -> str:
    choices = _horn_choices(letters, breve) if horn else [letters]
    for choice in choices:
        word = _with_tone(choice, tone)
        if word:
            return word
    raise NotTyped


def read_telex(word: str) -> str | None:
    """The syllable a Telex word stands for; None when it uses no Telex key."""
    w = word.lower()
    if not (w.isascii() and w.isalpha()):
        return None
    start = 2 if w.startswith("dd") else 0
    letters: list[str] = ["đ"] if start else []
    tone, horn, used = "", False, bool(start)
    for ch in w[start:]:
        previous = letters[-1] if letters else ""
        after_vowel = any(letter in VOWELS for letter in letters)
        if after_vowel and (ch == "z" or ch in TELEX_TONES and tone):
            raise NotTyped  # "z" clears a tone; a second tone key undoes the first
        if ch in TELEX_TONES and after_vowel:
            tone, used = TELEX_TONES[ch], True
        elif ch == "w" and previous == "u":
            letters[-1], used = "ư", True
        elif ch == "w" and not after_vowel:
            letters.append("ư")
            used = True
        elif ch == "w":
            if horn:
                raise NotTyped
            horn = used = True
        elif ch in HAT and _hat_target(letters, ch) is not None:
            letters[_hat_target(letters, ch)] = HAT[ch]
            used = True
        else:
            letters.append(ch)
    return _finish(letters, tone, horn, breve=True) if used else None


def _hat_target(letters: list[str], vowel: str) -> int | None:
    """Where a doubled vowel key puts its hat: on the same vowel just before
    it, or on the last such vowel when only consonants follow it ("dongo")."""
    if vowel not in letters:
        return None
    at = len(letters) - 1 - letters[::-1].index(vowel)
    after = letters[at + 1 :]
    return at if not any(letter in VOWELS for letter in after) else None


def read_vni(word: str) -> str | None:
    """The syllable a VNI word stands for; None when it is no VNI word.

    Digits that cannot be VNI keys make no VNI word: "covid19", "H5N1" and
    two-character codes such as "A4" are left alone.
    """
    w = word.lower()
    if not (w.isascii() and w.isalnum() and w[0].isalpha()) or w.isalpha():
        return None
    if sum(ch.isalpha() for ch in w) < MIN_VNI_LETTERS:
        return None
    letters: list[str] = []
    tone, horn = "", False
    for ch in w:
        after_vowel = any(letter in VOWELS for letter in letters)
        hats = [i for i, letter in enumerate(letters) if letter in HAT]
        if ch.isalpha():
            letters.append(ch)
        elif ch in VNI_TONES and after_vowel and not tone:
            tone = VNI_TONES[ch]
        elif ch == "6" and hats:
            letters[hats[-1]] = HAT[letters[hats[-1]]]
        elif ch == "7" and letters[-1:] == ["u"]:
            letters[-1] = "ư"
        elif ch == "7" and after_vowel and not horn:
            horn = True
        elif ch == "8" and "a" in letters:
            letters[len(letters) - 1 - letters[::-1].index("a")] = "ă"
        elif ch == "9" and letters[:1] == ["d"]:
            letters[0] = "đ"
        else:
            return None
    try:
        return _finish(letters, tone, horn, breve=False)
    except NotTyped:
        return None


def _read_word(word: str) -> str | None:
    """A word's Telex or VNI reading, None when it uses neither's keys."""
    reading = read_telex(word)
    return reading if reading is not None else read_vni(word)


def _recase(reading: str, typed: str) -> str:
    """ "DDOONG" → "ĐÔNG", "Ddoong" → "Đông", "ddoong" → "đông"."""
    if typed.isupper() and len(typed) > 1:
        return reading.upper()
    return reading[0].upper() + reading[1:] if typed[0].isupper() else reading


def read_typed(text: str, only=None) -> dict | None:
    """How a query typed in Telex or VNI reads, or None when it reads as typed.

    Returns ``{"text": the query with the read words, "words": [[typed word,
    reading], ...]}`` (words in lower case); the text keeps everything else as
    typed, and a read word keeps the typed word's capitals ("DDoong" → "Đông").
    With ``only`` (typed words in lower case), other words stay as typed.
    """
    parts, words = [], []
    for is_token, chars in groupby(nfc(text or ""), _is_token_char):
        chunk = "".join(chars)
        plain = chunk.isascii() and any(ch.isalpha() for ch in chunk)
        if not is_token or not plain or is_syllable(chunk):
            parts.append(chunk)
            continue
        try:
            reading = _read_word(chunk)
        except NotTyped:
            return None
        if reading and (only is None or chunk.lower() in only):
            parts.append(_recase(reading, chunk))
            words.append([chunk.lower(), reading])
        else:
            parts.append(chunk)
    if not words:
        return None
    return {"text": unicodedata.normalize("NFC", "".join(parts)), "words": words}
