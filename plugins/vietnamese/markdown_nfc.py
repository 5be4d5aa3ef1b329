"""Python-Markdown extension that NFC-normalises the source before anything else.

About one page in ten arrives decomposed (NFD); normalising before the ``meta``
preprocessor (priority 27) makes titles, categories, tags and body all NFC.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .text import nfc

# Above normalize_whitespace (30) and meta (27), so this runs first.
PRIORITY = 40


class NfcPreprocessor(Preprocessor):
    """Normalise every source line to Unicode NFC."""

    def run(self, lines: list[str]) -> list[str]:
        return [nfc(line) for line in lines]


class NfcExtension(Extension):
    """Register :class:`NfcPreprocessor` as ``vietnamese_nfc``."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(NfcPreprocessor(md), "vietnamese_nfc", PRIORITY)


def makeExtension(**kwargs: Any) -> NfcExtension:
    return NfcExtension(**kwargs)
