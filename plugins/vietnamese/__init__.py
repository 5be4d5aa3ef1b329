"""Vietnamese text support for Pelican: NFC, tone placement, folding, slugs,
collation, numbers and dates, plus distinct paths for diacritic-only collisions."""

from .dates import format_date, parse_date, weekday_name
from .pelican_hooks import register
from .text import (
    SLUG_REGEX_SUBSTITUTIONS,
    canonical,
    collation_key,
    fold,
    fold_tokens,
    format_number,
    nfc,
    slugify,
    tokenize,
    vn_sorted,
)

__all__ = [
    "SLUG_REGEX_SUBSTITUTIONS",
    "canonical",
    "collation_key",
    "fold",
    "fold_tokens",
    "format_date",
    "format_number",
    "nfc",
    "parse_date",
    "register",
    "slugify",
    "tokenize",
    "vn_sorted",
    "weekday_name",
]
