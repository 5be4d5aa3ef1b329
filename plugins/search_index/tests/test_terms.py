"""The search sections of vectors.json in Python, and the document keys."""

import json
from pathlib import Path

import pytest

from article_text import terms_of
from search_index.terms import group_of, hash_key, parse_query

VECTORS = json.loads(
    (Path(__file__).parents[2] / "vietnamese" / "vectors.json").read_text("utf-8")
)


def test_sections_have_enough_cases():
    assert len(VECTORS["search_query"]) >= 15
    assert len(VECTORS["search_keys"]) >= 15


@pytest.mark.parametrize(
    "case",
    VECTORS["search_query"],
    ids=[f"search_query-{i}" for i in range(len(VECTORS["search_query"]))],
)
def test_search_query_vector(case):
    assert parse_query(case["input"]).as_vector() == case["output"]


@pytest.mark.parametrize(
    "case",
    VECTORS["search_keys"],
    ids=[f"search_keys-{i}" for i in range(len(VECTORS["search_keys"]))],
)
def test_search_keys_vector(case):
    assert group_of(case["input"]) == case["group"]
    assert hash_key(case["input"]) == case["hash"]


def test_document_keys_are_the_query_keys():
    terms = terms_of("Họp giao ban: Đông Triều, hòa nhập")
    assert terms.exact == "họp giao ban | đông triều | hoà nhập"
    folded, pairs, _ = terms.keys()
    assert folded == ["hop", "giao", "ban", "dong", "trieu", "hoa", "nhap"]
    # No pair across punctuation: "ban dong" is not a phrase of the text.
    assert pairs == ["hop giao", "giao ban", "dong trieu", "hoa nhap"]
    query = parse_query("Đông Triều ")
    assert [t.folded for t in query.terms] == folded[3:5]
    assert query.pairs == ["dong trieu"]


def test_completions_of_a_prefix_share_its_group():
    for prefix, completions in {
        "tin": ["tin", "tinh"],
        "ngh": ["nghe", "nghien", "nghiep"],
        "giao ban": ["giao ban", "giao bang", "giao banh"],
        "dong tri": ["dong trieu", "dong trinh"],
    }.items():
        assert {group_of(key) for key in completions} == {group_of(prefix)}
