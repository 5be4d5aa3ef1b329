"""The real client (search.js, run by node) over the index of a real fixture build.

Matching, ranking, filters and dates; the browser tests cover the page itself.
"""

from __future__ import annotations

import pytest

from .fixture_site import (
    NODE,
    build_site,
    query,
    url,
)

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("search-client"))


def urls_for(site, text, **request):
    return query(site, {"text": text, **request})[0]["urls"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dau tu", {"thu-hut-dau-tu", "phan-mem-moi"}),  # "bắt đầu từ" folds alike
        ("dong trieu", {"gom-su-dong-trieu"}),
        ("Đông Triều", {"gom-su-dong-trieu"}),
        ("hoa nhap", {"hoa-nhap-cong-dong", "giao-duc-hoa-nhap"}),
        ("hòa nhập", {"hoa-nhap-cong-dong", "giao-duc-hoa-nhap"}),
        ("hoà nhập", {"hoa-nhap-cong-dong", "giao-duc-hoa-nhap"}),
        ("ho\u0300a nha\u0323\u0302p", {"hoa-nhap-cong-dong", "giao-duc-hoa-nhap"}),
        ("HOA NHAP", {"hoa-nhap-cong-dong", "giao-duc-hoa-nhap"}),
    ],
)
def test_folded_and_accented_queries_find_every_form(site, text, expected):
    # Pages with the phrase come first; pages with the syllables apart may follow
    # ("hai triệu đồng, đồng thời" has both "dong" and "trieu").
    found = urls_for(site, text)
    assert set(found[: len(expected)]) == {url(slug) for slug in expected}


@pytest.mark.parametrize("text", ["thuy san", "thủy sản", "thuỷ sản", "THỦY SẢN"])
def test_thuy_san_finds_old_and_new_tone_and_the_nfd_page(site, text):
    found = set(urls_for(site, text + " "))
    assert found == {
        url("nuoi-trong-thuy-san"),
        url("che-bien-thuy-san"),
        url("kiem-dinh-phuong-tien-do"),  # its Markdown file is NFD
    }


def test_accented_query_ranks_the_exact_form_first(site):
    assert urls_for(site, "đầu tư")[0] == url("thu-hut-dau-tu")
    assert urls_for(site, "bắt đầu từ")[0] == url("phan-mem-moi")
    with_ban = {url("van-ban-huong-dan"), url("ban-tin-khoa-hoc"), url("phan-mem-moi")}
    assert set(urls_for(site, "bản ")[:3]) == with_ban
    with_ban = {url("ban-giao-thiet-bi"), url("hop-tac-ban-giao")}
    assert set(urls_for(site, "bàn ")[:2]) == with_ban


@pytest.mark.parametrize("text", ["hop giao ban", "hop giao bản", "họp giao ban"])
def test_phrase_ranks_meeting_articles_first(site, text):
    found = urls_for(site, text)
    assert set(found[:2]) == {url("hop-giao-ban-thang-11"), url("hop-giao-ban-quy-iv")}
    assert url("hop-tac-ban-giao") in found[2:]  # all three syllables, apart


def test_a_finished_word_does_not_match_longer_words(site):
    assert urls_for(site, "tin ") == [url("ban-tin-khoa-hoc")]
    assert urls_for(site, "ban tin ") == [url("ban-tin-khoa-hoc")]
    assert urls_for(site, "tin khoa hoc") == [url("ban-tin-khoa-hoc")]


def test_the_last_syllable_prefix_matches_and_ranks_after_exact(site):
    found = urls_for(site, "tin", typing=True)
    assert found[0] == url("ban-tin-khoa-hoc")
    assert url("tinh-than-doi-moi") in found
    assert urls_for(site, "Đông Tri", typing=True)[0] == url("gom-su-dong-trieu")
    typed = urls_for(site, "gom su dong tri", typing=True)
    assert typed == [url("gom-su-dong-trieu")]
    finished = query(site, {"text": "gom su dong tri ", "typing": True})[0]
    assert finished["fallback"] is True  # no page has "tri"


def test_a_submitted_query_has_no_prefix(site):
    assert urls_for(site, "tin") == [url("ban-tin-khoa-hoc")]
    submitted = query(site, {"text": "gom su dong tri"})[0]
    assert submitted["fallback"] is True


def test_one_category_and_several(site):
    one = urls_for(site, "", categories=["thong-bao"])
    assert one == [url("ban-tin-khoa-hoc"), url("canh-bao-lua-dao")]  # newest first
    several = urls_for(
        site, "thuy san", categories=["de-tai-du-an", "khoa-hoc-va-cong-nghe"]
    )
    assert set(several) == {url("nuoi-trong-thuy-san"), url("che-bien-thuy-san")}
    assert urls_for(site, "dong trieu", categories=["thong-bao"]) == []


def test_date_range_is_inclusive_at_both_ends(site):
    year_2016 = urls_for(site, "", **{"from": "01/01/2016", "to": "31/12/2016"})
    assert year_2016 == [url("che-bien-thuy-san"), url("nuoi-trong-thuy-san")]
    assert urls_for(site, "", **{"from": "02/01/2016", "to": "30/12/2016"}) == []
    only_to = urls_for(site, "thuy san", to="01/01/2016")
    assert only_to == [url("nuoi-trong-thuy-san")]
    only_from = urls_for(site, "thuy san", **{"from": "31/12/2016"})
    assert set(only_from) == {url("che-bien-thuy-san"), url("kiem-dinh-phuong-tien-do")}


def test_dates_are_read_day_first(site):
    # 05/02/2020 is the fifth of February, not the second of May.
    assert urls_for(site, "", **{"from": "05/02/2020", "to": "05/02/2020"}) == [
        url("thu-hut-dau-tu")
    ]


def test_empty_query_with_filters_lists_newest_first(site):
    result = query(site, {"text": "", "categories": ["chi-dao-dieu-hanh"]})[0]
    assert result["urls"] == [
        url("ban-giao-thiet-bi"),
        url("van-ban-huong-dan"),
        url("hop-giao-ban-quy-iv"),
    ]
    assert result["sort"] == "moi-nhat"


def test_newest_first_sort_with_text(site):
    result = query(site, {"text": "hoa nhap", "sort": "moi-nhat"})[0]
    assert result["urls"] == [url("giao-duc-hoa-nhap"), url("hoa-nhap-cong-dong")]


def test_no_results(site):
    result = query(site, {"text": "xyzqwv"})[0]
    assert result == {"urls": [], "kinds": [], "fallback": False, "sort": "lien-quan"}


def test_all_but_one_word_when_no_page_has_all(site):
    result = query(site, {"text": "dong trieu xyzqwv "})[0]
    assert result["fallback"] is True
    assert result["urls"][0] == url("gom-su-dong-trieu")
    assert query(site, {"text": "dong trieu "})[0]["fallback"] is False


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "!!! ??? ... ---",
        "🎉🔥👍",
        "đầu tư " * 2000,
        "\u0000\u200b\ufeff",
    ],
)
def test_bad_input_gives_an_answer(site, text):
    result = query(site, {"text": text})[0]
    assert isinstance(result["urls"], list)


LAYOUT_QUERIES = [
    "dau tu",
    "Đông Triều",
    "hòa nhập",
    "thuy san ",
    "hop giao bản",
    "tin",
    "Đông Tri",
    "gom su dong tri",
    "bản ",
    "dong trieu xyzqwv ",
]


def test_file_layout_does_not_change_results(site, tmp_path):
    # Every key in a file of its own and many small shared files: the client
    # must find keys, completions and accented forms wherever they are.
    spread = build_site(
        tmp_path, SEARCH_INDEX_HEAVY_BYTES=1, SEARCH_INDEX_SHARD_BYTES=64
    )
    requests = [{"text": text, "typing": True} for text in LAYOUT_QUERIES]
    assert query(spread, *requests) == query(site, *requests)
    assert list((spread.output / "tim-kiem/chi-muc").glob("*/k/*.bin"))
