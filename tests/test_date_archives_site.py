"""Archives by year, month and day in the project's theme: titles, breadcrumbs,
pagination, month calendars and the archive index (plugins/date_archives/tests
builds with the plugin alone)."""

from __future__ import annotations

import pytest

import pelicanconf
from date_archives.tests.test_build import FILES

SETTINGS = {
    "PLUGINS": [*pelicanconf.PLUGINS, "work_calendar", "date_archives"],
    "LINKED_WEBSITES_FILE": "",
    "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_URL": "luu-tru/{date:%Y}/{date:%m}/{date:%d}/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import Site, build, write_files

    root = tmp_path_factory.mktemp("date_archives")
    write_files(root / "content", FILES)
    return Site(build(root / "content", root / "output", **SETTINGS))


def titles(page) -> list[str]:
    return [a.get_text() for a in page.select(".teaser__title a")]


def test_year_month_and_day_pages(site):
    year = site.soup("luu-tru/2017/")
    assert year.h1.get_text() == "Lưu trữ năm 2017"
    months = [a.get_text() for a in year.select(".archive-period__months a")]
    assert months == ["Tháng 11/2017", "Tháng 9/2017"]
    month = site.soup("luu-tru/2017/09/")
    assert month.h1.get_text() == "Lưu trữ tháng 9/2017"
    assert titles(month) == ["Tin tháng 9"]
    day = site.soup("luu-tru/2017/11/20/")
    assert day.h1.get_text() == "Lưu trữ ngày 20/11/2017"
    assert titles(day) == ["Tin ngày 20"]
    crumbs = [li.get_text(strip=True) for li in day.select(".breadcrumb__item")]
    assert crumbs == ["Trang chủ", "Lưu trữ", "Năm 2017", "Tháng 11/2017", "20/11/2017"]
    assert not site.exists("luu-tru/2017/10/")


def test_day_pages_are_paginated_like_other_listings(site):
    first = site.soup("luu-tru/2017/11/16/")
    second = site.soup("luu-tru/2017/11/16/trang/2/")
    third = site.soup("luu-tru/2017/11/16/trang/3/")
    assert [len(titles(p)) for p in (first, second, third)] == [10, 10, 3]
    assert titles(first)[0] == "Họp số 22"  # newest first
    nav = second.select_one("nav.pagination")
    assert nav.select_one("[rel=prev]")["href"] == "/luu-tru/2017/11/16/"
    assert nav.select_one("[rel=next]")["href"] == "/luu-tru/2017/11/16/trang/3/"
    assert site.exists("luu-tru/2017/trang/3/")
    assert not site.exists("luu-tru/2017/trang/4/")


def test_month_calendar_links_days_with_articles_and_steps_months(site):
    calendar = site.soup("luu-tru/2017/11/").select_one("main nav.month-calendar")
    assert calendar.select_one(".month-calendar__title").get_text() == "Tháng 11/2017"
    days = {
        a.get_text(" ", strip=True): a["href"]
        for a in calendar.select(".month-calendar__day--news a")
    }
    assert days == {
        "16 tháng 11/2017: 23 tin": "/luu-tru/2017/11/16/",
        "20 tháng 11/2017: 1 tin": "/luu-tru/2017/11/20/",
    }
    cells = calendar.select("tbody td")
    assert len(cells) == 35 and cells[2].get_text(strip=True) == "1"
    assert [th.abbr["title"] for th in calendar.select("thead th")][0] == "Thứ Hai"
    previous = calendar.select_one("[rel=prev]")
    assert previous["href"] == "/luu-tru/2017/09/"
    assert previous.get_text(strip=True) == "‹Tháng trước có tin: tháng 9/2017"
    assert calendar.select_one("[rel=next]") is None


def test_a_day_page_marks_its_day_in_the_calendar(site):
    page = site.soup("luu-tru/2017/11/20/")
    current = page.select_one(".month-calendar [aria-current=date]")
    assert current["href"] == "/luu-tru/2017/11/20/"
    steps = page.select_one(".archive-period__steps")
    assert steps.select_one("[rel=prev]")["href"] == "/luu-tru/2017/11/16/"
    assert steps.select_one("[rel=next]") is None


def test_archive_index_lists_years_months_and_the_latest_calendar(site):
    page = site.soup("luu-tru/")
    years = [h.a.get_text() for h in page.select(".archive-year h2")]
    assert years == ["Năm 2017", "Năm 2016"]
    months = [a.get_text() for a in page.select(".archive-year__months a")]
    assert months == ["Tháng 11/2017", "Tháng 9/2017", "Tháng 4/2016"]
    assert "(24 tin)" in page.select_one(".archive-year__months li").get_text()
    title = page.select_one(".month-calendar__title a")
    assert (title.get_text(), title["href"]) == ("Tháng 11/2017", "/luu-tru/2017/11/")
