"""The work calendar in the project's theme: week pages by day and session,
the list of weeks, the sidebar's widget (plugins/work_calendar/tests builds
with the plugin alone)."""

from __future__ import annotations

import pytest

import pelicanconf
from work_calendar.tests.helpers import SCHEDULE_FILES

# What the lead adds to pelicanconf.py, passed here as make_site overrides.
SITE_SETTINGS = {
    "PLUGINS": [*pelicanconf.PLUGINS, "work_calendar", "date_archives"],
    "LINKED_WEBSITES_FILE": "",
    "SCHEDULE_PATH": "schedule",
    "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_URL": "luu-tru/{date:%Y}/{date:%m}/{date:%d}/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One build for the read-only checks, as if built on 16/11/2017."""
    from conftest import Site, build, write_files

    root = tmp_path_factory.mktemp("work_calendar")
    write_files(root / "content", SCHEDULE_FILES)
    settings = {**SITE_SETTINGS, "CACHE_PATH": str(root / "cache")}
    return Site(
        build(
            root / "content", root / "output", SCHEDULE_TODAY="16/11/2017", **settings
        )
    )


def test_week_page_by_day_and_session(site):
    page = site.soup("lich-cong-tac/2017/tuan-46/")
    title = "Lịch công tác tuần 46 (13/11/2017 – 19/11/2017)"
    assert page.h1.get_text() == title
    assert page.title.get_text().startswith(title)
    days = page.select(".schedule-day")
    assert [d.h2.get_text() for d in days] == [
        "Thứ Hai, 13/11/2017",
        "Thứ Ba, 14/11/2017",
        "Thứ Tư, 15/11/2017",
        "Thứ Năm, 16/11/2017",
        "Thứ Sáu, 17/11/2017",
    ]
    assert days[1].select_one(".schedule-day__empty").get_text() == "Không có lịch."
    monday = days[0]
    assert [h.get_text() for h in monday.select("h3")] == ["Sáng", "Chiều"]
    first = monday.select_one(".schedule-item")
    assert first.select_one(".schedule-item__when time")["datetime"] == (
        "2017-11-13T08:30"
    )
    details = {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(first.select("dt"), first.select("dd"), strict=True)
    }
    assert details == {
        "Chủ trì:": "Giám đốc Sở",
        "Thành phần:": "Các Phó Giám đốc Sở; Chánh Văn phòng",
        "Địa điểm:": "Phòng họp tầng 5",
        "Chuẩn bị:": "Văn phòng Sở",
    }
    marked = page.select(".schedule-item--marked")
    assert [m.select_one(".schedule-item__mark").get_text() for m in marked] == [
        "Bổ sung",
        "Thay đổi",
    ]
    assert "14:00 – 16:30" in marked[0].get_text()
    assert page.select_one(".schedule__note").get_text() == "Lịch có thể thay đổi."
    # An item without a time sits under its session's heading: no "Sáng | Sáng".
    for session in page.select(".schedule-session"):
        name = session.h3.get_text()
        for when in session.select(".schedule-item__when"):
            assert when.get_text(strip=True) != name, name
    wednesday = days[2].select_one(".schedule-item")
    assert wednesday.select_one(".schedule-item__when").get_text(strip=True) == ""
    assert "Kiểm tra đề tài tại Đầm Hà" in wednesday.get_text()


def test_week_pages_link_previous_and_next_weeks_and_files(site):
    page = site.soup("lich-cong-tac/2017/tuan-46/")
    nav = page.select_one("nav.schedule-nav")
    assert nav.select_one("[rel=prev]") is None
    assert nav.select_one("[rel=next]")["href"] == "/lich-cong-tac/2017/tuan-47/"
    later = site.soup("lich-cong-tac/2017/tuan-47/").select_one("nav.schedule-nav")
    assert later.select_one("[rel=prev]")["href"] == "/lich-cong-tac/2017/tuan-46/"
    assert later.select_one("[rel=next]")["href"] == "/lich-cong-tac/2026/tuan-48/"
    download = page.select_one("a[download]")
    assert download["href"] == "/lich-cong-tac/2017/tuan-46/lich-tuan-46-2017.ics"
    assert site.exists(download["href"])
    assert page.select_one("button[data-print]").get_text() == "In lịch tuần"
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumb__item")]
    assert crumbs == ["Trang chủ", "Lịch công tác", "Tuần 46 (13/11/2017 – 19/11/2017)"]


def test_weeks_listed_by_year_newest_first(site):
    page = site.soup("lich-cong-tac/")
    years = [h.get_text() for h in page.select(".schedule-year h2")]
    assert years == ["Năm 2026", "Năm 2017"]
    weeks = [a.get_text() for a in page.select(".schedule-year a")]
    assert weeks == [
        "Tuần 48 (23/11/2026 – 29/11/2026)",
        "Tuần 47 (20/11/2017 – 26/11/2017)",
        "Tuần 46 (13/11/2017 – 19/11/2017)",
    ]
    assert "(7 mục)" in page.select(".schedule-year li")[-1].get_text()


def widget(site, url=""):
    return site.soup(url).select_one("aside .work-calendar")


def test_widget_shows_today_and_the_rest_of_the_build_week(site):
    box = widget(site)
    assert box["data-work-calendar-week"] == "2017-W46"
    assert box["data-work-calendar-today"] == "2017-11-16"
    assert box["data-work-calendar-weeks"] == "/lich-cong-tac/cac-tuan.json"
    assert box.select_one(".work-calendar__week a")["href"] == (
        "/lich-cong-tac/2017/tuan-46/"
    )
    assert box.h3.get_text() == "Hôm nay, Thứ Năm, 16/11/2017"
    today = box.select_one(".work-calendar__items")
    assert [li.select_one(".work-calendar__when").get_text() for li in today("li")] == [
        "Sáng",
        "08:00",
        "14:30",
    ]
    assert today.select_one(".work-calendar__mark").get_text() == "Thay đổi"
    others = box.select_one("details.work-calendar__more")
    assert others.summary.get_text() == "Các ngày khác trong tuần (4 mục)"
    assert [h.get_text() for h in others("h4")] == [
        "Thứ Hai, 13/11/2017",
        "Thứ Tư, 15/11/2017",
    ]
    assert box.select_one(".widget__empty") is None
    script = box.select_one("script")
    assert script["src"] == "/theme/js/work-calendar.js" and script.has_attr("defer")
    assert not script.get_text().strip()
    # The same widget on every page, not only the home page.
    assert (
        widget(site, "lich-cong-tac/2017/tuan-47/")["data-work-calendar-week"]
        == "2017-W46"
    )


def test_widget_empty_state_and_link_to_the_weeks(make_site):
    site = make_site(SCHEDULE_FILES, SCHEDULE_TODAY="01/12/2026", **SITE_SETTINGS)
    box = widget(site)
    assert box.select_one(".widget__empty").get_text() == "Lịch công tác trống"
    assert box.select_one(".work-calendar__week").get_text(strip=True) == (
        "Tuần 49 (30/11/2026 – 06/12/2026)"
    )
    assert box.select_one("[data-work-calendar-week-link]").has_attr("hidden")
    assert box.select_one(".work-calendar__links a[href='/lich-cong-tac/']")


def test_widget_without_any_schedule(make_site):
    site = make_site(
        {"articles/tin.md": SCHEDULE_FILES["articles/tin.md"]}, **SITE_SETTINGS
    )
    assert widget(site).select_one(".widget__empty").get_text() == "Lịch công tác trống"
    assert site.soup("lich-cong-tac/").select_one("main .widget__empty")
