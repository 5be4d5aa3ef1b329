"""The pages' scripts in Debian's Chromium: no errors, the visitor's clock decides."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlparse

import pytest

from conftest import serving

pytestmark = pytest.mark.browser
SEED_URL = (
    "tin-tuc/2017/so-khoa-hoc-va-cong-nghe-hop-danh-gia-ket-qua-hoat-dong-thang-10/"
)


class PageWatch:
    """Collects console errors, failed requests and requests to other hosts."""

    def __init__(self, page, base: str):
        self.problems: list[str] = []
        host = urlparse(base).netloc
        page.on(
            "console",
            lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"),
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on(
            "request",
            lambda r: (
                urlparse(r.url).netloc not in (host, "")
                and self.problems.append(f"other host: {r.url}")
            ),
        )
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"),
        )


@pytest.mark.parametrize("url", ["", SEED_URL, "chuyen-muc/thong-bao/", "en/about-us/"])
def test_pages_render_without_errors(browser, served_project, url):
    page = browser.new_page()
    watch = PageWatch(page, served_project)
    page.goto(f"{served_project}/{url}", wait_until="networkidle")
    assert page.locator("main h1").first.inner_text().strip()
    assert page.locator("aside.sidebar .search-box").is_visible()
    assert watch.problems == []
    page.close()


def test_date_line_follows_the_visitors_clock(browser, served_project):
    page = browser.new_page()
    # 23:30 on Sunday in UTC is already Monday morning in Vietnam.
    page.clock.set_fixed_time(datetime.fromisoformat("2030-01-06T23:30:00+00:00"))
    page.goto(f"{served_project}/")
    date_line = page.locator("[data-today]")
    assert date_line.inner_text() == "Thứ Hai, 07/01/2030"
    assert date_line.get_attribute("datetime") == "2030-01-07"
    page.close()


def test_print_button_appears_with_javascript(browser, served_project):
    page = browser.new_page()
    page.goto(f"{served_project}/{SEED_URL}")
    button = page.get_by_role("button", name="In bài viết")
    assert button.is_visible()
    page.close()


def hot_article(number: int, until: str) -> str:
    return f"""
        Title: Tin nóng số {number}
        Date: 0{number}/01/2024 08:00
        Category: Thông báo
        Hot: yes
        HotUntil: {until}

        Nội dung.
        """


def test_hot_news_expire_on_the_visitors_date(browser, make_site):
    site = make_site(
        {
            "articles/1.md": hot_article(1, "31/12/2098"),
            "articles/2.md": hot_article(2, "31/12/2099"),
            "articles/3.md": hot_article(3, "15/01/2100"),
        },
        LINKED_WEBSITES_FILE="",
        HOT_NEWS_COUNT=2,
    )
    with serving(site.output) as base:
        visible = []
        for moment in (
            "2098-06-01T05:00:00+07:00",
            "2100-01-02T05:00:00+07:00",
            "2100-02-01T05:00:00+07:00",
        ):
            page = browser.new_page()
            page.clock.set_fixed_time(datetime.fromisoformat(moment))
            page.goto(f"{base}/")
            items = page.locator(".hot-news li:visible a")
            visible.append(items.all_inner_texts())
            empty_shown = page.locator("[data-hot-empty]").is_visible()
            page.close()
        assert visible == [
            ["Tin nóng số 3", "Tin nóng số 2"],
            ["Tin nóng số 3"],
            [],
        ]
        assert empty_shown


@pytest.mark.parametrize("url", ["", SEED_URL, "lanh-dao-so/"])
def test_no_horizontal_scrolling_at_320px(browser, served_project, url):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(f"{served_project}/{url}", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_reading_works_without_javascript(browser, served_project):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_project}/{SEED_URL}")
    assert page.locator(".article__body p").first.is_visible()
    assert page.locator(".byline").inner_text() == "Trương Thế Bình - Văn phòng"
    assert not page.get_by_role("button", name="In bài viết").is_visible()
    page.get_by_role("link", name="Thông báo").first.click()
    assert page.locator("main h1").inner_text() == "Thông báo"
    context.close()
