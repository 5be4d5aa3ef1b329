"""Real builds: Tin liên quan on a corpus with known clusters, Các tin khác,
previous/next links, `Related:` overrides and their errors."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import blinker
import pytest
from pelican.plugins import signals

import pelicanconf
from conftest import Site, build, serving

FIXTURE = Path(__file__).parent / "fixtures" / "corpus"
PLUGINS = [*(name for name in pelicanconf.PLUGINS if name != "related"), "related"]
# Only what this plugin needs: no linked-websites file and no archives (they
# belong to other plugins).
SETTINGS = {
    "PLUGINS": PLUGINS,
    "LINKED_WEBSITES_FILE": "",
    "DIRECT_TEMPLATES": [
        name for name in pelicanconf.DIRECT_TEMPLATES if name != "archives"
    ],
    "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "",
}

# Three clusters: a research project, a conference and an OCOP product. Each
# has members in several categories, and each has a look-alike outside it in
# one member's category (another acceptance meeting, another workshop, another
# product's intellectual property).
CLUSTERS = {
    "lúa chịu mặn": [
        "2021/giao-thuc-hien-de-tai-lua-chiu-man-quang-yen",
        "2022/kiem-tra-tien-do-de-tai-lua-chiu-man",
        "2023/nghiem-thu-de-tai-lua-chiu-man",
        "2024/chuyen-giao-giong-lua-chiu-man-qn-m1",
    ],
    "hội thảo kinh tế biển xanh": [
        "2024/thong-bao-hoi-thao-kinh-te-bien-xanh",
        "2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh",
        "2024/khai-mac-hoi-thao-kinh-te-bien-xanh",
        "2024/kien-nghi-tu-hoi-thao-kinh-te-bien-xanh",
    ],
    "miến dong Bình Liêu": [
        "2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu",
        "2021/tieu-chuan-co-so-mien-dong-binh-lieu",
        "2022/du-an-say-mien-dong-binh-lieu",
        "2023/mien-dong-binh-lieu-dat-5-sao-ocop",
    ],
}
MEMBERS = [(name, member) for name, members in CLUSTERS.items() for member in members]


def url(stem: str) -> str:
    """articles/2024/x.md is published at /tin-tuc/2024/x/."""
    return f"/tin-tuc/{stem}/"


def clear_signals() -> None:
    """What conftest's autouse fixture does, for a build shared by a module."""
    for signal in vars(signals).values():
        if isinstance(signal, blinker.Signal):
            signal._clear_state()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    clear_signals()
    root = tmp_path_factory.mktemp("related")
    shutil.copytree(FIXTURE, root / "content")
    return Site(build(root / "content", root / "output", **SETTINGS))


def related_links(site: Site, stem: str) -> list[str]:
    page = site.soup(url(stem))
    return [a["href"] for a in page.select(".related-articles a")]


# ---------- Tin liên quan ----------


@pytest.mark.parametrize(("cluster", "member"), MEMBERS)
def test_cluster_members_come_first(site, cluster, member):
    others = {url(stem) for stem in CLUSTERS[cluster] if stem != member}
    links = related_links(site, member)
    assert set(links[: len(others)]) == others, cluster
    assert url(member) not in links
    assert len(links) <= 5


def test_fallback_is_the_newest_of_the_category(site):
    # "Thư ngỏ gửi bạn đọc" shares no words, tags or subject with anything.
    assert related_links(site, "2020/thu-ngo-gui-ban-doc") == [
        url("2024/thong-bao-hoi-thao-kinh-te-bien-xanh"),
        url("2022/tuyen-dung-vien-chuc-nam-2022"),
    ]


def test_related_overrides_come_first_in_their_order(site):
    links = related_links(site, "2025/tong-ket-cong-tac-nam-2024")
    assert links[:2] == [
        url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"),
        url("2021/giao-thuc-hien-de-tai-lua-chiu-man-quang-yen"),
    ]
    assert len(links) == len(set(links)) <= 5


def test_every_article_lists_existing_articles(site):
    for path in (site.output / "tin-tuc").rglob("index.html"):
        page = site.soup("/" + path.relative_to(site.output).parent.as_posix() + "/")
        for link in page.select(".related-articles a, .other-news a, .article-pager a"):
            assert site.exists(link["href"]), (path, link["href"])


# ---------- widget HTML ----------


def test_widgets_are_plain_accessible_html(site):
    page = site.soup(url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"))
    main = page.select_one("main")
    sections = main.select("section.related-articles, section.other-news")
    assert [s.h2.get_text() for s in sections] == ["Tin liên quan", "Các tin khác"]
    for section in sections:
        assert section["aria-labelledby"] == section.h2["id"]
        assert section.select("ul > li > a[href]")
        assert section.select("ul > li > time[datetime]")
    pager = main.select_one("nav.article-pager")
    assert pager["aria-label"]
    assert [a["rel"] for a in pager.select("a")] == [["prev"], ["next"]]
    assert not main.select("script, style, [style], [onclick]")


def test_order_under_the_article(site):
    page = site.soup(url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"))
    after = page.select_one("main article.article").find_next_siblings()
    names = [element["class"][0] for element in after]
    assert names == ["article-pager", "related-articles", "other-news"]


# ---------- Các tin khác ----------


def test_other_news_are_the_next_older_of_the_category(site):
    page = site.soup(url("2025/ngay-hoi-khoi-nghiep-doi-moi-sang-tao"))
    links = [a["href"] for a in page.select(".other-news a")]
    assert links == [
        url("2025/tong-ket-cong-tac-nam-2024"),
        url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"),
        url("2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh"),
        url("2023/mien-dong-binh-lieu-dat-5-sao-ocop"),
        url("2023/hoi-cho-ocop-quang-ninh-2023"),
        url("2022/kiem-tra-tien-do-de-tai-lua-chiu-man"),
    ]  # OTHER_NEWS_COUNT = 6
    oldest = site.soup(url("2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu"))
    assert oldest.select_one(".other-news") is None


# Moved from newsroom's tests when "Các tin khác" moved to this plugin.
NEWSROOM_ARTICLES = {
    "articles/2020/hop-giao-ban.md": """
        Title: Họp giao ban tháng 2
        Date: 05/02/2020 08:30
        Category: Tin hoạt động

        Nội dung cuộc họp giao ban.
        """,
    "articles/2019/het-han.md": """
        Title: Tin nóng đã hết hạn
        Date: 2019-03-01 09:00
        Category: Tin hoạt động

        Tin này không còn nóng.
        """,
    "articles/2018/tieu-diem.md": """
        Title: Tin tiêu điểm có ảnh
        Date: 12/03/2018 14:00
        Category: Thông báo

        Đoạn đầu tiên là lời dẫn.
        """,
    "articles/2017/cu-nhat.md": """
        Title: Tin cũ nhất
        Date: 01/01/2017
        Category: Tin hoạt động

        Tin không có tác giả.
        """,
}


def test_other_news_are_older_articles_of_the_same_category(make_site):
    site = make_site(NEWSROOM_ARTICLES, **SETTINGS)
    page = site.soup("tin-tuc/2020/hop-giao-ban/")
    titles = [a.get_text() for a in page.select(".other-news a")]
    assert titles == ["Tin nóng đã hết hạn", "Tin cũ nhất"]
    oldest = site.soup("tin-tuc/2017/cu-nhat/")
    assert oldest.select_one(".other-news") is None
    # Previous/next walk the whole site by date.
    pager = site.soup("tin-tuc/2018/tieu-diem/").select_one(".article-pager")
    assert [a["href"] for a in pager.select("a")] == [
        "/tin-tuc/2017/cu-nhat/",
        "/tin-tuc/2019/het-han/",
    ]
    assert "Tin trước" in pager.get_text() and "Tin sau" in pager.get_text()


# ---------- previous / next ----------


def pager_links(site: Site, stem: str) -> dict[str, str]:
    pager = site.soup(url(stem)).select_one(".article-pager")
    if pager is None:
        return {}
    return {a["rel"][0]: a["href"] for a in pager.select("a")}


def test_previous_and_next_by_date_over_the_whole_site(site):
    assert pager_links(site, "2024/khai-mac-hoi-thao-kinh-te-bien-xanh") == {
        "prev": url("2024/hop-ban-to-chuc-hoi-thao-kinh-te-bien-xanh"),
        "next": url("2024/hoi-thao-chuyen-doi-so-doanh-nghiep"),
    }
    assert pager_links(site, "2019/cap-van-bang-nhan-hieu-mien-dong-binh-lieu") == {
        "next": url("2020/thu-ngo-gui-ban-doc")
    }
    assert pager_links(site, "2025/ngay-hoi-khoi-nghiep-doi-moi-sang-tao") == {
        "prev": url("2025/tong-ket-cong-tac-nam-2024")
    }


def test_previous_and_next_within_the_category(make_site):
    files = {
        "articles/a.md": "Title: A\nDate: 01/01/2024\nCategory: Thông báo\n\nA.\n",
        "articles/b.md": "Title: B\nDate: 02/01/2024\nCategory: Tin hoạt động\n\nB.\n",
        "articles/c.md": "Title: C\nDate: 03/01/2024\nCategory: Thông báo\n\nC.\n",
    }
    site = make_site(files, PREVIOUS_NEXT_SCOPE="category", **SETTINGS)
    pager = site.soup("tin-tuc/2024/c/").select_one(".article-pager")
    assert [a["href"] for a in pager.select("a")] == ["/tin-tuc/2024/a/"]
    assert site.soup("tin-tuc/2024/b/").select_one(".article-pager") is None


# ---------- broken Related: ----------

BROKEN = {
    "articles/2024/dich.md": """
        Title: Bài có tham chiếu hỏng
        Date: 01/03/2024 09:00
        Category: Tin hoạt động
        Tags: thử
        Related: articles/2024/khong-co.md, articles/2024/dung.md,
            pages/gioi-thieu.md, articles/2024/nhap.md, articles/2024/dich.md

        Nội dung.
        """,
    "articles/2024/dung.md": """
        Title: Bài đúng
        Date: 02/03/2024 09:00
        Category: Thông báo

        Nội dung khác hẳn.
        """,
    "articles/2024/nhap.md": """
        Title: Bản nháp
        Date: 03/03/2024 09:00
        Category: Thông báo
        Status: draft

        Chưa đăng.
        """,
    "articles/2024/khong.md": """
        Title: Bài gần giống tên
        Date: 04/03/2024 09:00
        Category: Thông báo

        Nội dung.
        """,
    "pages/gioi-thieu.md": "Title: Giới thiệu\n\nTrang.\n",
}


def test_broken_related_is_an_error_naming_file_and_line(make_site, caplog):
    with caplog.at_level(logging.WARNING, logger="related"):
        site = make_site(BROKEN, **SETTINGS)
    ours = [r for r in caplog.records if r.name.startswith("related")]
    errors = [r.getMessage() for r in ours if r.levelno == logging.ERROR]
    warnings = [r.getMessage() for r in ours if r.levelno == logging.WARNING]
    where = "articles/2024/dich.md:5: Related: "
    assert len(errors) == 2, errors
    missing, page = errors
    assert where in missing and '"articles/2024/khong-co.md"' in missing
    assert "có phải articles/2024/khong.md?" in missing
    assert "ghi đường dẫn tệp tính từ thư mục content" in missing
    assert where in page and "là trang tĩnh, không phải bài viết" in page
    assert any(where in w and "chưa được đăng" in w for w in warnings)
    assert any(where in w and "chính nó" in w for w in warnings)
    # The good reference is still shown, first.
    links = site.soup("tin-tuc/2024/dich/").select(".related-articles a")
    assert links[0]["href"] == "/tin-tuc/2024/dung/"


def test_broken_related_in_a_draft_is_reported_too(make_site, caplog):
    files = {
        "articles/a.md": "Title: A\nDate: 01/01/2024\nCategory: Thông báo\n\nA.\n",
        "articles/b.md": (
            "Title: B\nDate: 02/01/2024\nCategory: Thông báo\nStatus: draft\n"
            "Related: articles/x.md\n\nB.\n"
        ),
    }
    with caplog.at_level(logging.ERROR, logger="related"):
        make_site(files, **SETTINGS)
    assert any("articles/b.md:5: Related:" in m for m in caplog.messages)


# ---------- in a browser, without JavaScript ----------


@pytest.mark.browser
def test_widgets_work_without_javascript_on_a_small_screen(site, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with serving(site.output) as base:
        page.goto(base + url("2024/khai-mac-hoi-thao-kinh-te-bien-xanh"))
        related = page.locator(".related-articles a")
        assert related.count() >= 3 and related.first.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.locator(".article-pager a[rel=next]").click()
        page.wait_for_load_state()
        assert page.url.endswith(url("2024/hoi-thao-chuyen-doi-so-doanh-nghiep"))
        # Close the page while the server still runs: lazy images may still be
        # loading, and a stopped server would reset their connections.
        context.close()
    assert errors == []
