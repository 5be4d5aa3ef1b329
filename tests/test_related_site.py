"""Tin liên quan, Các tin khác and Tin trước / Tin sau as the project's theme
shows them, also without JavaScript in Chromium (plugins/related/tests builds
with the plugin and the text stage alone)."""

from __future__ import annotations

import shutil

import pytest

import pelicanconf
from conftest import Site, build, serving
from related.tests.test_related_build import FIXTURE, clear_signals

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


def url(stem: str) -> str:
    """articles/2024/x.md is published at /tin-tuc/2024/x/."""
    return f"/tin-tuc/{stem}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    clear_signals()
    root = tmp_path_factory.mktemp("related")
    shutil.copytree(FIXTURE, root / "content")
    return Site(build(root / "content", root / "output", **SETTINGS))


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
