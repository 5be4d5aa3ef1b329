"""Vietnamese text support for Pelican: NFC, tone placement, folding, slugs,
collation, numbers and dates, plus distinct paths for diacritic-only collisions;
legacy-font text (TCVN3, VNI) found and converted; Telex and VNI typed queries."""

from .dates import format_date, parse_date, weekday_name
from .input_methods import read_typed
from .legacy import (
    ENCODING_NAMES,
    convert_line,
    convert_lines,
    from_legacy,
    legacy_lines,
)
from .pelican_hooks import register
from .text import (
    SLUG_REGEX_SUBSTITUTIONS,
    canonical,
    collation_key,
    fold,
    fold_tokens,
    format_number,
    is_syllable,
    nfc,
    slugify,
    tokenize,
    vn_sorted,
)

REQUIRES: list[str] = []

__all__ = [
    "ENCODING_NAMES",
    "SLUG_REGEX_SUBSTITUTIONS",
    "canonical",
    "collation_key",
    "convert_line",
    "convert_lines",
    "fold",
    "fold_tokens",
    "format_date",
    "format_number",
    "from_legacy",
    "is_syllable",
    "legacy_lines",
    "nfc",
    "parse_date",
    "read_typed",
    "register",
    "slugify",
    "tokenize",
    "vn_sorted",
    "weekday_name",
]
