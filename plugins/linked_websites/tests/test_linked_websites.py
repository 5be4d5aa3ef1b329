"""The linked-websites data file: parsing, problems with line numbers, widget."""

from __future__ import annotations

import logging

from linked_websites.data_file import parse

GOOD = """\
<!-- Danh sách Website liên kết -->
## Trung ương
- [Cổng Thông tin điện tử Chính phủ](https://chinhphu.vn)
- [Bộ Khoa học và Công nghệ](https://mst.gov.vn)

## Tỉnh Quảng Ninh
- [Cổng thông tin điện tử tỉnh](https://www.quangninh.gov.vn/)
"""


def test_parse_groups_in_order():
    groups, problems = parse(GOOD)
    assert problems == []
    assert [group.name for group in groups] == ["Trung ương", "Tỉnh Quảng Ninh"]
    assert [link.url for link in groups[0].links] == [
        "https://chinhphu.vn",
        "https://mst.gov.vn",
    ]
    assert groups[1].links[0].line == 7


def test_every_problem_is_reported_with_its_line():
    text = (
        "- [Trước nhóm](https://a.gov.vn)\n"
        "## Nhóm\n"
        "- [Không tuyệt đối](www.b.gov.vn)\n"
        "- [](https://c.gov.vn)\n"
        "- [Trùng](https://C.gov.vn/)\n"
        "- [Giao thức lạ](javascript:void)\n"
        "Dòng tự do\n"
    )
    _, problems = parse(text)
    found = [(problem.line, problem.message) for problem in problems]
    assert [line for line, _ in found] == [1, 3, 4, 5, 6, 7, 2]
    assert "trước tiêu đề nhóm" in found[0][1]
    assert "http://" in found[1][1]
    assert "chưa có tên" in found[2][1]
    assert "trùng với dòng 4" in found[3][1]
    assert "http://" in found[4][1]
    assert "không đúng dạng" in found[5][1]
    assert 'nhóm "Nhóm" chưa có liên kết hợp lệ' in found[6][1]


def test_groups_and_page_in_a_real_build(plugin_site, caplog):
    files = {
        "articles/a.md": "Title: Tin\nDate: 2020-02-01\nCategory: Thông báo\n\nNội.\n",
        "data/lien-ket.md": GOOD + "- [Sai](ftp://x.gov.vn)\n",
    }
    with caplog.at_level(logging.ERROR):
        site = plugin_site(
            "linked_websites",
            files,
            ARTICLE_PATHS=["articles"],  # not the data file
            LINKED_WEBSITES_FILE="data/lien-ket.md",
            LINKED_WEBSITES_SAVE_AS="website-lien-ket.html",
        )
    groups = site.context["linked_website_groups"]
    assert [group.name for group in groups] == ["Trung ương", "Tỉnh Quảng Ninh"]
    page = site.soup("website-lien-ket.html")
    assert [h2.get_text() for h2 in page.select("main h2")] == [
        "Trung ương",
        "Tỉnh Quảng Ninh",
    ]
    assert [a["href"] for a in page.select("main a")] == [
        "https://chinhphu.vn",
        "https://mst.gov.vn",
        "https://www.quangninh.gov.vn/",
    ]
    (error,) = caplog.messages  # the one bad line, nothing else
    assert "lien-ket.md:8:" in error


def test_duplicate_websites_and_groups_and_empty_groups():
    text = (
        "## Trung ương\n"
        "- [Chính phủ](https://chinhphu.vn)\n"
        "- [Chính phủ (www)](http://www.chinhphu.vn/)\n"
        "## Trống\n"
        "- [Sai](ftp://x.gov.vn)\n"
        "## Trung ương\n"
        "- [Bộ KH&CN](https://mst.gov.vn)\n"
    )
    groups, problems = parse(text)
    found = [(problem.line, problem.message) for problem in problems]
    assert [line for line, _ in found] == [3, 5, 6, 4]
    assert "trùng với dòng 2" in found[0][1]
    assert 'nhóm "Trung ương" trùng với nhóm ở dòng 1' in found[2][1]
    assert 'nhóm "Trống" chưa có liên kết' in found[3][1]
    assert [group.name for group in groups] == ["Trung ương", "Trung ương"]
