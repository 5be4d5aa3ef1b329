"""Real Pelican builds over a few Markdown files, checking the newsroom model."""

from __future__ import annotations

import pytest

from conftest import write_files
from newsroom.metadata import parse_flag, split_byline

ARTICLES = {
    "articles/2020/hop-giao-ban.md": """
        Title: Họp giao ban tháng 2
        Date: 05/02/2020 08:30
        Category: Tin hoạt động
        Tags: họp giao ban
        Author: Trương Thế Bình - Văn phòng
        Hot: yes
        HotUntil: 31/12/2099

        Nội dung cuộc họp giao ban.
        """,
    "articles/2019/het-han.md": """
        Title: Tin nóng đã hết hạn
        Date: 2019-03-01 09:00
        Category: Tin hoạt động
        Author: Nguyễn Thị Hương - Phòng Quản lý khoa học
        Hot: yes
        HotUntil: 30/06/2019

        Tin này không còn nóng.
        """,
    "articles/2018/tieu-diem.md": """
        Title: Tin tiêu điểm có ảnh
        Date: 12/03/2018 14:00
        Category: Thông báo
        Author: Trương Thế Bình - Văn phòng
        Featured: yes
        Image: images/anh.svg
        ImageAlt: Ảnh minh họa
        Attachments: files/ke-hoach.pdf

        Đoạn đầu tiên là lời dẫn.

        Đoạn thứ hai.
        """,
    "articles/2017/cu-nhat.md": """
        Title: Tin cũ nhất
        Date: 01/01/2017
        Category: Tin hoạt động

        Tin không có tác giả.
        """,
    "images/anh.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"/>',
    "files/ke-hoach.pdf": "%PDF-1.4 tệp thử\n" * 100,
}


@pytest.fixture
def site(make_site):
    return make_site(ARTICLES, LINKED_WEBSITES_FILE="")


def test_day_first_dates(site):
    page = site.soup("tin-tuc/2020/hop-giao-ban/")
    time = page.select_one(".article__date time")
    assert time.get_text() == "05/02/2020 08:30"
    assert time["datetime"].startswith("2020-02-05T08:30:00+07:00")


def test_byline_splits_author_and_unit(site):
    page = site.soup("tin-tuc/2020/hop-giao-ban/")
    byline = page.select_one(".byline")
    assert byline.get_text(" ", strip=True) == "Trương Thế Bình - Văn phòng"
    links = [a["href"] for a in byline.find_all("a")]
    assert links == ["/tac-gia/truong-the-binh/", "/don-vi/van-phong/"]


def test_unit_pages_list_their_articles(site):
    unit = site.soup("don-vi/van-phong/")
    titles = [a.get_text() for a in unit.select(".teaser__title a")]
    assert titles == ["Họp giao ban tháng 2", "Tin tiêu điểm có ảnh"]
    index = site.soup("don-vi/")
    names = [a.get_text() for a in index.select(".directory a")]
    assert names == ["Phòng Quản lý khoa học", "Văn phòng"]


def test_hot_box_leaves_out_expired_articles(site):
    box = site.soup("").select_one(".hot-news")
    titles = [a.get_text() for a in box.select("li a")]
    assert titles == ["Họp giao ban tháng 2"]
    item = box.select_one("li")
    assert item["data-hot-until"].startswith("2099-12-31T23:59:59")


def test_featured_box_and_home_spotlight(site):
    home = site.soup("")
    featured = home.select(".featured-news li a")
    assert [a.get_text() for a in featured] == ["Tin tiêu điểm có ảnh"]
    lead = home.select_one(".spotlight__lead")
    assert lead.img["alt"] == "Ảnh minh họa"
    assert (
        lead.select_one(".spotlight__summary").get_text() == "Đoạn đầu tiên là lời dẫn."
    )


def test_attachments_are_listed_with_size(site):
    page = site.soup("tin-tuc/2018/tieu-diem/")
    item = page.select_one(".attachments li")
    assert item.a["href"] == "/files/ke-hoach.pdf"
    assert "KB" in item.get_text()
    assert site.exists("files/ke-hoach.pdf")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Trương Thế Bình - Văn phòng", ("Trương Thế Bình", "Văn phòng")),
        ("Lê Minh Tuấn – Trung tâm Thông tin", ("Lê Minh Tuấn", "Trung tâm Thông tin")),
        ("Phạm Văn Đức", ("Phạm Văn Đức", None)),
        ("A - B - Chi cục TĐC", ("A - B", "Chi cục TĐC")),
    ],
)
def test_split_byline(byline, expected):
    assert split_byline(byline) == expected


def test_parse_flag_rejects_unknown_words():
    assert parse_flag("yes") and parse_flag("Có") and not parse_flag("no")
    with pytest.raises(ValueError, match="yes"):
        parse_flag("maybe")


# Read one after the other by one reader, which keeps its Markdown instance:
# nothing one file defines may reach the other, whichever is read first.
def defines_and_uses(title, day, defined, used, summary=""):
    return f"""
        Title: {title}
        Date: {day}/03/2021
        Category: Thông báo
        {summary}

        Đơn vị [{defined}][{defined}] có chú thích[^1]. Còn [{used}][{used}] thì không.

        *[{defined}]: Tên đầy đủ của {defined}
        [{defined}]: https://example.gov.vn/{defined}/

        [^1]: Chú thích của {defined}.
        """


ONE_READER = {
    "articles/a.md": defines_and_uses("Bài A", "01", "SKHCN", "UBND"),
    "articles/b.md": defines_and_uses(
        "Bài B", "02", "UBND", "SKHCN", "Summary: Ghi chú: lời dẫn có dấu hai chấm."
    ),
}


def test_one_reader_reads_each_file_as_if_it_were_the_first(make_site):
    site = make_site(ONE_READER, LINKED_WEBSITES_FILE="")
    for url, defined, used in (("a", "SKHCN", "UBND"), ("b", "UBND", "SKHCN")):
        page = site.soup(f"tin-tuc/2021/{url}/")
        body = page.select_one(".article__body")
        assert {abbr.get_text() for abbr in body.select("abbr")} == {defined}
        assert [a["href"] for a in body.select("a[href^=http]")] == [
            f"https://example.gov.vn/{defined}/"
        ]
        assert f"[{used}][{used}]" in body.get_text()
        assert len(body.select("sup")) == 1
        assert f"Chú thích của {defined}." in body.get_text()
        # The header was read (the meta preprocessor is back)...
        title = page.select_one(".article__title").get_text(strip=True)
        assert title == f"Bài {url.upper()}"
    # ...and the Summary, read as Markdown, did not become a header of its own.
    lead = site.soup("tin-tuc/2021/b/").select_one(".article__lead").get_text()
    assert "Ghi chú: lời dẫn có dấu hai chấm." in lead


def test_one_reader_keeps_its_markdown_as_a_new_one_would_be(tmp_path):
    from markdown import Markdown
    from pelican.settings import read_settings

    from newsroom.metadata import NewsroomMarkdownReader

    write_files(tmp_path, ONE_READER)
    reader = NewsroomMarkdownReader(read_settings(None))
    _content, first = reader.read(str(tmp_path / "articles/a.md"))
    kept = reader._md
    _content, second = reader.read(str(tmp_path / "articles/b.md"))
    assert reader._md is kept
    assert (str(first["title"]), str(second["title"])) == ("Bài A", "Bài B")
    # Reading a header removes the meta preprocessor; the next file gets it
    # back where the extension puts it.
    assert "meta" not in kept.preprocessors
    fresh = Markdown(**reader.settings["MARKDOWN"])
    assert [type(p).__name__ for p in reader._reset_markdown().preprocessors] == [
        type(p).__name__ for p in fresh.preprocessors
    ]
