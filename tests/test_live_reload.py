"""Preview with LIVE_RELOAD: an open page reloads itself when a rebuild changes
its content, and stays put when the rebuild changed other pages only."""

from __future__ import annotations

import time

import pytest

from conftest import Site, build, serving, write_files

ARTICLE = """
    Title: {title}
    Date: 16/11/2017 10:00
    Category: Tin hoạt động
    Author: Trương Thế Bình - Văn phòng

    Sở Khoa học và Công nghệ họp giao ban tháng 11.
    """
OTHER = """
    Title: Thông báo lịch tiếp công dân
    Date: 15/11/2017 09:00
    Category: Thông báo
    Summary: Lịch tiếp công dân tháng 11.

    {title}
    """
SETTINGS = {"LIVE_RELOAD": True, "LINKED_WEBSITES_FILE": ""}
URL = "tin-tuc/2017/hop-giao-ban/"


def write(content, article_title: str, other_body: str) -> None:
    write_files(
        content,
        {
            "articles/2017/hop-giao-ban.md": ARTICLE.format(title=article_title),
            "articles/2017/thong-bao.md": OTHER.format(title=other_body),
        },
    )


def wait_for_polls(page, polls: list, count: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while len(polls) < count:
        assert time.monotonic() < deadline, f"only {len(polls)} polls"
        page.wait_for_timeout(200)


@pytest.mark.browser
def test_the_open_page_follows_its_content(browser, tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write(content, "Họp giao ban tháng 11", "Lãnh đạo Sở tiếp công dân.")
    build(content, output, **SETTINGS)
    assert Site(output).soup(URL).find("script", src="/theme/js/live-reload.js")
    with serving(output) as base:
        page = browser.new_page()
        polls = []
        page.on("request", lambda r: r.url.endswith(URL) and polls.append(r.url))
        page.goto(f"{base}/{URL}")
        page.evaluate("window.loadedBefore = true")
        wait_for_polls(page, polls, 2)  # the script has its first copy

        # Another article's body changes: nothing of it is on this page.
        write(content, "Họp giao ban tháng 11", "Giám đốc Sở tiếp công dân.")
        build(content, output, **SETTINGS)
        wait_for_polls(page, polls, len(polls) + 2)  # it compared the new page
        assert page.evaluate("window.loadedBefore === true")

        # This article changes: the page reloads and shows it.
        write(
            content,
            "Họp giao ban tháng 11 (đã sửa)",
            "Thông báo lịch tiếp công dân mới",
        )
        build(content, output, **SETTINGS)
        page.wait_for_function(
            "document.querySelector('h1').textContent.includes('đã sửa')",
            timeout=15000,
        )
        assert page.evaluate("window.loadedBefore === undefined")
        page.close()


def test_pages_have_no_live_reload_unless_asked(make_site):
    site = make_site(
        {"articles/2017/hop-giao-ban.md": ARTICLE.format(title="Họp giao ban")},
        LINKED_WEBSITES_FILE="",
    )
    assert site.soup(URL).find("script", src="/theme/js/live-reload.js") is None


@pytest.mark.browser
def test_an_open_article_that_stops_building_shows_its_problem(browser, tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write(content, "Họp giao ban tháng 11", "Lãnh đạo Sở tiếp công dân.")
    build(content, output, **SETTINGS)
    with serving(output) as base:
        page = browser.new_page()
        page.goto(f"{base}/{URL}")
        article = content / "articles/2017/hop-giao-ban.md"
        article.write_text(
            article.read_text("utf-8").replace("16/11/2017", "31/02/2017"), "utf-8"
        )
        build(content, output, **SETTINGS)
        assert not (output / URL / "index.html").exists()
        banner = page.locator(".problems-banner--page")
        banner.wait_for(timeout=15000)
        text = banner.inner_text()
        assert "Bài này đang có lỗi nên chưa được dựng lại" in text
        assert 'Dòng 2: Date: Ngày "31/02/2017 10:00" không hợp lệ' in text
        assert "tháng 2 năm 2017 chỉ có 28 ngày" in text
        # Fixed: the page is built again and reloads without the banner.
        write(content, "Họp giao ban tháng 11 (đã sửa)", "Lãnh đạo Sở tiếp công dân.")
        build(content, output, **SETTINGS)
        page.wait_for_function(
            "document.querySelector('h1').textContent.includes('đã sửa')",
            timeout=15000,
        )
        assert page.locator(".problems-banner--page").count() == 0
        page.close()
