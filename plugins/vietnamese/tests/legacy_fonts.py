"""Unicode text as the old fonts stored it, for tests: the inverse of the
tables in vietnamese/legacy.py, written from the published layouts."""

import unicodedata

from vietnamese.legacy import TCVN3_TABLE

UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TABLE.items()}
# VNI-Windows as published: a tone mark after the vowel; a hat or breve and tone
# in one mark; i, ỵ, ơ, ư, đ as one character.
VNI_TONE = dict(zip("\u0301\u0300\u0309\u0303\u0323", "ùøûõï", strict=True))
VNI_HAT = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "âáàåãä", strict=True))
VNI_BREVE = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "êéèúüë", strict=True))
VNI_I = dict(zip("\u0301\u0300\u0309\u0303\u0323", "íìæóò", strict=True))


def to_tcvn3(text: str) -> str:
    """As a .VnTime document stores it: capitals with tones take the small code."""
    return "".join(
        UNICODE_TO_TCVN3.get(ch, UNICODE_TO_TCVN3.get(ch.lower(), ch)) for ch in text
    )


def _vni_letter(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(mark for mark in marks if mark in VNI_TONE)
    if ch.lower() == "đ":
        code = "ñ"
    elif base not in "aeiouy":
        return ch  # not a Vietnamese letter: punctuation, symbols
    elif base == "i" and tone:
        code = VNI_I[tone]
    elif base == "y" and tone == "\u0323":
        code = "î"
    elif "\u0302" in marks:
        code = base + VNI_HAT[tone]
    elif "\u0306" in marks:
        code = base + VNI_BREVE[tone]
    elif "\u031b" in marks:
        code = {"o": "ô", "u": "ö"}[base] + VNI_TONE.get(tone, "")
    else:
        code = base + VNI_TONE[tone]
    return code.upper() if ch != ch.lower() else code


def to_vni(text: str) -> str:
    return "".join(ch if ch.isascii() else _vni_letter(ch) for ch in text)
