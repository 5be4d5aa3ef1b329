"""Real Pelican builds over a few Markdown files, checking the newsroom model
(the project's theme showing it: tests/test_newsroom_site.py)."""

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
def site(plugin_site):
    return plugin_site(
        "newsroom",
        ARTICLES,
        SLUGIFY_SOURCE="basename",
        STATIC_PATHS=["images", "files"],
    )


def titles(articles) -> list[str]:
    return [article.title for article in articles]


def test_day_first_dates(site):
    time = site.soup("hop-giao-ban.html").select_one("article time")
    assert time["datetime"] == "2020-02-05T08:30:00+07:00"
    oldest = site.soup("cu-nhat.html").select_one("article time")
    assert oldest["datetime"] == "2017-01-01T00:00:00+07:00"


def test_byline_splits_author_and_unit(site):
    page = site.soup("hop-giao-ban.html")
    (author,) = page.select("article a[rel=author]")
    assert (author.get_text(), author["href"]) == (
        "Trương Thế Bình",
        "/author/truong-the-binh.html",
    )
    (article,) = [a for a in site.context["articles"] if a.slug == "hop-giao-ban"]
    assert (article.unit.name, article.unit.url) == ("Văn phòng", "unit/van-phong.html")


def test_unit_pages_list_their_articles(site):
    unit = site.soup("unit/van-phong.html")
    assert [a.get_text() for a in unit.select("main li a")] == [
        "Họp giao ban tháng 2",
        "Tin tiêu điểm có ảnh",
    ]
    index = site.soup("units.html")
    assert {a.get_text(): a["href"] for a in index.select("main li a")} == {
        "Văn phòng": "/unit/van-phong.html",
        "Phòng Quản lý khoa học": "/unit/phong-quan-ly-khoa-hoc.html",
    }


def test_hot_articles_leave_out_the_expired(site):
    (hot,) = site.context["hot_articles"]
    assert hot.title == "Họp giao ban tháng 2"
    assert hot.hot_until.isoformat() == "2099-12-31T23:59:59+07:00"


def test_featured_articles(site):
    (featured,) = site.context["featured_articles"]
    assert featured.title == "Tin tiêu điểm có ảnh"
    assert (featured.image, featured.imagealt) == ("images/anh.svg", "Ảnh minh họa")


def test_attachments_have_their_size(site):
    (article,) = [a for a in site.context["articles"] if a.slug == "tieu-diem"]
    size = len(ARTICLES["files/ke-hoach.pdf"].encode())
    assert article.attachment_files == [
        {"path": "files/ke-hoach.pdf", "name": "ke-hoach.pdf", "size": size}
    ]
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


def test_one_reader_reads_each_file_as_if_it_were_the_first(plugin_site):
    site = plugin_site("newsroom", ONE_READER, SLUGIFY_SOURCE="basename")
    for url, defined, used in (("a", "SKHCN", "UBND"), ("b", "UBND", "SKHCN")):
        page = site.soup(f"{url}.html")
        body = page.select_one("article .content")
        assert {abbr.get_text() for abbr in body.select("abbr")} == {defined}
        assert [a["href"] for a in body.select("a[href^=http]")] == [
            f"https://example.gov.vn/{defined}/"
        ]
        assert f"[{used}][{used}]" in body.get_text()
        assert len(body.select("sup")) == 1
        assert f"Chú thích của {defined}." in body.get_text()
        # The header was read (the meta preprocessor is back)...
        title = page.select_one("article h1").get_text(strip=True)
        assert title == f"Bài {url.upper()}"
    # ...and the Summary, read as Markdown, did not become a header of its own.
    lead = site.soup("b.html").select_one("article .summary").get_text()
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
