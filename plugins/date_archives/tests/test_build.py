"""Real builds: year, month and day pages, their neighbours, pagination (the
project's theme with month calendars: tests/test_date_archives_site.py)."""

from __future__ import annotations

import logging

import pytest

SETTINGS = {
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_URL": "{date:%Y}/{date:%m}/{date:%d}/",
    "DEFAULT_PAGINATION": 10,
    "PAGINATED_TEMPLATES": {"period_archives": None},
}


def article(title: str, when: str) -> str:
    return f"Title: {title}\nDate: {when}\nCategory: Thông báo\n\nNội dung.\n"


FILES = {
    f"articles/2017/hop-{n:02d}.md": article(
        f"Họp số {n:02d}", f"2017-11-16 08:{n:02d}"
    )
    for n in range(23)
}
FILES["articles/2017/thang-9.md"] = article("Tin tháng 9", "2017-09-12 11:20")
FILES["articles/2017/ngay-20.md"] = article("Tin ngày 20", "2017-11-20 09:00")
FILES["articles/2016/cu.md"] = article("Tin năm 2016", "2016-04-03 08:00")


@pytest.fixture
def site(plugin_site):
    return plugin_site("date_archives", FILES, **SETTINGS)


def titles(page) -> list[str]:
    return [a.get_text() for a in page.select("main li a")]


def links(page) -> dict[str, str]:
    """The period's own links: its months or days, the previous and the next."""
    return {a.get_text(): a["href"] for a in page.select_one("main nav").select("a")}


def test_year_month_and_day_pages(site):
    year = site.soup("2017/")
    assert year.h1.get_text() == "Lưu trữ năm 2017"
    assert links(year) == {
        "Tháng 11/2017": "/2017/11/",
        "Tháng 9/2017": "/2017/09/",
        "Năm 2016": "/2016/",
    }
    month = site.soup("2017/09/")
    assert month.h1.get_text() == "Lưu trữ tháng 9/2017"
    assert titles(month) == ["Tin tháng 9"]
    day = site.soup("2017/11/20/")
    assert day.h1.get_text() == "Lưu trữ ngày 20/11/2017"
    assert titles(day) == ["Tin ngày 20"]
    assert links(day) == {"16/11/2017": "/2017/11/16/"}
    assert not site.exists("2017/10/")


def test_day_pages_are_paginated_like_other_listings(site):
    first = site.soup("2017/11/16/")
    second = site.soup("2017/11/16/index2.html")
    third = site.soup("2017/11/16/index3.html")
    assert [len(titles(p)) for p in (first, second, third)] == [10, 10, 3]
    assert titles(first)[0] == "Họp số 22"  # newest first
    pages = second.select_one('nav[aria-label="Trang"]')
    assert pages.select_one("[rel=prev]")["href"] == "/2017/11/16/index.html"
    assert pages.select_one("[rel=next]")["href"] == "/2017/11/16/index3.html"
    assert site.exists("2017/index3.html")
    assert not site.exists("2017/index4.html")


def test_the_archive_is_in_the_context_with_month_calendars(site):
    archive = site.context["date_archive"]
    november = archive.find(2017, 11)
    assert archive.latest_month is november
    grid = november.month_calendar()
    days = {
        cell.day.day: cell.count for week in grid.weeks for cell in week if cell.period
    }
    assert days == {16: 23, 20: 1}
    assert november.previous.url == "2017/09/" and november.next is None


def test_pelicans_own_archives_left_on_are_reported(plugin_site, caplog):
    settings = {**SETTINGS, "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html"}
    with caplog.at_level(logging.ERROR):
        site = plugin_site(
            "date_archives", {"a.md": FILES["articles/2016/cu.md"]}, **settings
        )
    assert 'YEAR_ARCHIVE_SAVE_AS = ""' in caplog.text
    # Pelican still writes its year page; the month and day pages are ours.
    assert site.exists("2016/")
    assert site.soup("2016/04/03/").h1.get_text() == "Lưu trữ ngày 03/04/2016"
