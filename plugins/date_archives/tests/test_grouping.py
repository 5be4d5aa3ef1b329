"""Grouping by year, month and day, neighbours, and the month calendar grid."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from date_archives import group_articles
from date_archives.grouping import place

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def article(text: str):
    return SimpleNamespace(date=datetime.fromisoformat(text).replace(tzinfo=ZONE))


ARTICLES = [
    article("2017-11-16 10:00"),
    article("2016-04-03 08:00"),
    article("2017-11-16 08:00"),
    article("2017-09-12 11:20"),
    article("2017-11-20 09:00"),
    article("2017-12-21 15:00"),
]


@pytest.fixture
def archive():
    grouped = group_articles(ARTICLES)
    place(
        grouped,
        {
            "year": "luu-tru/{date:%Y}/",
            "month": "luu-tru/{date:%Y}/{date:%m}/",
            "day": "luu-tru/{date:%Y}/{date:%m}/{date:%d}/",
        },
    )
    return grouped


def test_years_months_and_days_newest_first(archive):
    assert [p.label for p in archive.years] == ["Năm 2017", "Năm 2016"]
    assert [p.label for p in archive.months] == [
        "Tháng 12/2017",
        "Tháng 11/2017",
        "Tháng 9/2017",
        "Tháng 4/2016",
    ]
    assert [p.label for p in archive.days] == [
        "21/12/2017",
        "20/11/2017",
        "16/11/2017",
        "12/09/2017",
        "03/04/2016",
    ]


def test_every_article_is_in_its_year_month_and_day_newest_first(archive):
    day = archive.find(2017, 11, 16)
    assert [a.date.hour for a in day.articles] == [10, 8]
    assert len(archive.find(2017, 11).articles) == 3
    assert len(archive.find(2017).articles) == 5
    assert sum(len(p.articles) for p in archive.days) == len(ARTICLES)
    assert archive.find(2017, 10) is None


def test_titles_urls_and_trail(archive):
    day = archive.find(2017, 11, 16)
    assert day.title == "Lưu trữ ngày 16/11/2017"
    assert archive.find(2016, 4).title == "Lưu trữ tháng 4/2016"
    assert archive.find(2016).title == "Lưu trữ năm 2016"
    assert day.url == "luu-tru/2017/11/16/"
    assert day.save_as == "luu-tru/2017/11/16/index.html"
    assert [p.label for p in day.trail()] == ["Năm 2017", "Tháng 11/2017", "16/11/2017"]
    assert [c.label for c in archive.find(2017).children] == [
        "Tháng 12/2017",
        "Tháng 11/2017",
        "Tháng 9/2017",
    ]


def test_neighbours_skip_periods_without_articles(archive):
    november = archive.find(2017, 11)
    assert november.previous.label == "Tháng 9/2017"
    assert november.next.label == "Tháng 12/2017"
    assert archive.find(2016, 4).previous is None
    assert archive.find(2017, 12).next is None
    assert archive.find(2017, 9, 12).previous.label == "03/04/2016"
    assert archive.latest_month.label == "Tháng 12/2017"


def test_month_calendar_grid(archive):
    grid = archive.find(2017, 11).month_calendar()
    # November 2017 starts on a Wednesday and has 30 days: 5 weeks, Monday first.
    assert len(grid.weeks) == 5
    assert [cell.day for cell in grid.weeks[0][:2]] == [None, None]
    assert grid.weeks[0][2].day == date(2017, 11, 1)
    linked = [cell for week in grid.weeks for cell in week if cell.period]
    assert [(c.day.day, c.count) for c in linked] == [(16, 2), (20, 1)]
    assert [short for short, _ in grid.weekdays] == [
        "T2",
        "T3",
        "T4",
        "T5",
        "T6",
        "T7",
        "CN",
    ]


def test_a_day_selects_itself_in_its_months_calendar(archive):
    grid = archive.find(2017, 11, 16).month_calendar()
    selected = [cell.day for week in grid.weeks for cell in week if cell.selected]
    assert selected == [date(2017, 11, 16)]
    assert grid.month.label == "Tháng 11/2017"
    with pytest.raises(ValueError):
        archive.find(2017).month_calendar()


def test_grouping_uses_the_local_date_of_each_article():
    # 23:30 on 31/12 in Vietnam stays in that year and day.
    late = SimpleNamespace(date=datetime(2019, 12, 31, 23, 30, tzinfo=ZONE))
    grouped = group_articles([late])
    assert grouped.days[0].label == "31/12/2019"


def test_without_articles_there_is_nothing():
    grouped = group_articles([])
    assert (grouped.years, grouped.months, grouped.days) == ([], [], [])
    assert grouped.latest_month is None
