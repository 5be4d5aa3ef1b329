"""Every case of vectors.json against the Python implementation."""

import random
import unicodedata
from datetime import datetime

import pytest

import vietnamese
from vietnamese import dates, input_methods, legacy, text

from .helpers import VECTORS_PATH, load_vectors

VECTORS = load_vectors()
SECTIONS = {
    "nfc": text.nfc,
    "canonical": text.canonical,
    "fold": text.fold,
    "tokenize": text.tokenize,
    "fold_tokens": text.fold_tokens,
    "slugify": text.slugify,
    "format_number": text.format_number,
    "is_syllable": text.is_syllable,
    "from_tcvn3": lambda s: legacy.from_legacy(s, legacy.TCVN3),
    "from_vni": lambda s: legacy.from_legacy(s, legacy.VNI),
    "legacy_lines": lambda lines: [list(hit) for hit in legacy.legacy_lines(lines)],
    "read_typed": input_methods.read_typed,
}
MAIN_SECTIONS = [*SECTIONS, "collation", "format_date", "parse_date"]


def cases(section: str) -> list:
    return [
        pytest.param(c, id=f"{section}-{i}") for i, c in enumerate(VECTORS[section])
    ]


def test_every_main_section_has_at_least_15_cases():
    for section in MAIN_SECTIONS:
        assert len(VECTORS[section]) >= 15, section


def test_vectors_file_is_nfc_except_escaped_inputs():
    raw = VECTORS_PATH.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw


@pytest.mark.parametrize(
    ("section", "case"),
    [(s, c) for s in SECTIONS for c in VECTORS[s]],
    ids=[f"{s}-{i}" for s in SECTIONS for i in range(len(VECTORS[s]))],
)
def test_text_vector(section, case):
    assert SECTIONS[section](case["input"]) == case["output"]


def test_public_names_are_re_exported():
    for name in SECTIONS:
        if hasattr(text, name):
            assert getattr(vietnamese, name) is getattr(text, name)
    assert vietnamese.read_typed is input_methods.read_typed
    assert vietnamese.legacy_lines is legacy.legacy_lines


@pytest.mark.parametrize("case", cases("collation"))
def test_collation_vector(case):
    if "equal" in case:
        keys = {text.collation_key(s) for s in case["equal"]}
        assert len(keys) == 1
        return
    expected = case["sorted"]
    shuffled = list(expected)
    random.Random(len(expected)).shuffle(shuffled)
    assert text.vn_sorted(shuffled) == expected
    assert text.vn_sorted(list(reversed(expected))) == expected


@pytest.mark.parametrize("case", cases("format_date"))
def test_format_date_vector(case):
    value = datetime.fromisoformat(case["input"])
    assert dates.format_date(value, case["style"]) == case["output"]


@pytest.mark.parametrize("case", cases("parse_date"))
def test_parse_date_vector(case):
    if case["output"] == {"error": True}:
        with pytest.raises(ValueError, match="không hợp lệ"):
            dates.parse_date(case["input"])
    else:
        parsed = dates.parse_date(case["input"])
        assert parsed.tzinfo is None
        assert parsed.isoformat() == case["output"]
