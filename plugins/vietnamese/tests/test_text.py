"""Rules of text.py beyond the golden vectors."""

import math
from decimal import Decimal

import pytest
from pelican.utils import slugify as pelican_slugify

from vietnamese.text import (
    SLUG_REGEX_SUBSTITUTIONS,
    canonical,
    collation_key,
    fold,
    fold_tokens,
    format_number,
    slugify,
    tokenize,
    vn_sorted,
)

from .helpers import load_vectors

VECTORS = load_vectors()
SLUG_CASES = VECTORS["slugify"]
TEXT_INPUTS = [c["input"] for s in ("nfc", "canonical", "fold") for c in VECTORS[s]]


@pytest.mark.parametrize("case", SLUG_CASES, ids=[c["input"] for c in SLUG_CASES])
def test_pelican_slugify_with_our_substitutions_matches(case):
    ours = slugify(case["input"])
    theirs = pelican_slugify(case["input"], regex_subs=SLUG_REGEX_SUBSTITUTIONS)
    assert theirs == ours == case["output"]


def test_pelican_default_slug_is_what_we_fix():
    # The reason for the plugin: Pelican's default subs glue the numbers together.
    assert pelican_slugify("42/2022/NĐ-CP", regex_subs=[(r"[^\w\s-]", "")]) == (
        "422022nd-cp"
    )


@pytest.mark.parametrize("value", TEXT_INPUTS)
def test_canonical_is_idempotent_and_fold_ignores_it(value):
    once = canonical(value)
    assert canonical(once) == once
    assert fold(once) == fold(value)


@pytest.mark.parametrize("value", TEXT_INPUTS)
def test_fold_tokens_align_with_tokenize(value):
    assert fold_tokens(value) == [fold(token) for token in tokenize(value)]


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa Bình", "Hoà Bình")],
)
def test_old_and_new_tone_styles_compare_equal(old, new):
    assert canonical(old) == canonical(new) == new
    assert collation_key(old) == collation_key(new)
    assert slugify(old) == slugify(new)


def test_brief_collation_example():
    words = [
        *("anh", "ăn", "ân", "bà", "ba", "bả", "đá"),
        *("da", "ơn", "ôn", "on", "ưa", "ua"),
    ]
    expected = [
        *("anh", "ăn", "ân", "ba", "bà", "bả", "da"),
        *("đá", "on", "ôn", "ơn", "ua", "ưa"),
    ]
    assert vn_sorted(words) == expected
    assert sorted(words) != expected  # code-point order is wrong


def test_da_nang_sorts_between_duong_and_gia_lai():
    assert vn_sorted(["Gia Lai", "Đà Nẵng", "Dương"]) == ["Dương", "Đà Nẵng", "Gia Lai"]


def test_vn_sorted_with_key_and_reverse():
    items = [{"name": "Đồng Nai"}, {"name": "Bắc Ninh"}, {"name": "An Giang"}]
    result = vn_sorted(items, key=lambda item: item["name"], reverse=True)
    assert [item["name"] for item in result] == ["Đồng Nai", "Bắc Ninh", "An Giang"]


def test_format_number_accepts_decimal():
    assert format_number(Decimal("1234567.50")) == "1.234.567,50"


@pytest.mark.parametrize("value", [None, True, "abc", "1,5", [], "1e5"])
def test_format_number_rejects_non_numbers(value):
    with pytest.raises(TypeError, match="cần một số"):
        format_number(value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_format_number_rejects_non_finite(value):
    with pytest.raises(ValueError):
        format_number(value)
