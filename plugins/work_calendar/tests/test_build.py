"""Real builds: week pages, the list of weeks, the widget, iCalendar and JSON."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from .helpers import SCHEDULE_FILES, SITE_SETTINGS

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


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


def read_calendar(site, url):
    return Calendar.from_ical((site.output / url).read_bytes())


def test_ics_feed_parses_back_with_times_and_zone(site):
    cal = read_calendar(site, "lich-cong-tac/lich-cong-tac.ics")
    events = cal.walk("VEVENT")
    assert len(events) == 7 + 1 + 2
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Ho_Chi_Minh"]
    assert cal.get_missing_tzids() == set()
    by_summary = {str(e["SUMMARY"]): e for e in events}
    meeting = by_summary["Giao ban Lãnh đạo Sở"]
    assert meeting.start == datetime(2017, 11, 13, 8, 30, tzinfo=ZONE)
    assert meeting.start.tzinfo.key == "Asia/Ho_Chi_Minh"
    assert meeting.to_ical().count(b"DTSTART;TZID=Asia/Ho_Chi_Minh:20171113T083000")
    assert str(meeting["LOCATION"]) == "Phòng họp tầng 5"
    assert "Chủ trì: Giám đốc Sở" in str(meeting["DESCRIPTION"])
    assert str(meeting["URL"]).endswith("/lich-cong-tac/2017/tuan-46/")
    added = by_summary["[Bổ sung] Làm việc với Trung tâm Thông tin"]
    assert (added.start.hour, added.end.hour, added.end.minute) == (14, 16, 30)
    whole_day = by_summary["Kiểm tra đề tài tại Đầm Hà"]
    assert str(whole_day.start) == "2017-11-15"  # an all-day date
    assert "Sáng: Tiếp khách" in by_summary
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_week_ics_holds_only_its_week(site):
    cal = read_calendar(site, "lich-cong-tac/2026/tuan-48/lich-tuan-48-2026.ics")
    events = cal.walk("VEVENT")
    assert [e.start for e in events] == [
        datetime(2026, 11, 23, 8, 0, tzinfo=ZONE),
        datetime(2026, 11, 26, 14, 0, tzinfo=ZONE),
    ]
    assert cal.timezones[0].tz_name == "Asia/Ho_Chi_Minh"


def test_uids_stay_the_same_from_build_to_build(make_site, tmp_path):
    first = make_site(SCHEDULE_FILES, **SITE_SETTINGS)
    uids = [
        str(e["UID"])
        for e in read_calendar(first, "lich-cong-tac/lich-cong-tac.ics").walk("VEVENT")
    ]
    again = make_site(SCHEDULE_FILES, **SITE_SETTINGS)
    assert uids == [
        str(e["UID"])
        for e in read_calendar(again, "lich-cong-tac/lich-cong-tac.ics").walk("VEVENT")
    ]


def test_widget_data_files(site):
    index = json.loads(site.text("lich-cong-tac/cac-tuan.json"))
    assert index == {
        "weeks": {
            "2017-W46": "2017/tuan-46/lich.json",
            "2017-W47": "2017/tuan-47/lich.json",
            "2026-W48": "2026/tuan-48/lich.json",
        }
    }
    week = json.loads(site.text("lich-cong-tac/2026/tuan-48/lich.json"))
    assert week["title"] == "Tuần 48 (23/11/2026 – 29/11/2026)"
    assert week["page"] == "./"
    assert week["days"][1] == {
        "date": "2026-11-26",
        "title": "Thứ Năm, 26/11/2026",
        "items": [
            {
                "session": "Chiều",
                "time": "14:00",
                "content": "Họp chuẩn bị Techmart",
                "location": "Cung Quy hoạch",
                "chair": "",
                "mark": "",
            }
        ],
    }


def test_bad_input_is_logged_with_file_line_and_fix(make_site, caplog):
    files = {
        **SCHEDULE_FILES,
        "schedule/2017/2017-W46.md": SCHEDULE_FILES["schedule/2017/2017-W46.md"]
        + "- Chiều 14h3: Giờ sai\n  - Chủ tọa: Ai đó\n",
        "schedule/2017/trung/2017-w46.md": "## Thứ Hai, 13/11/2017\n- 8h: Trùng\n",
        "schedule/lich-tuan.md": "## Thứ Hai, 13/11/2017\n",
    }
    with caplog.at_level(logging.ERROR):
        site = make_site(files, **SITE_SETTINGS)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    week_file = "schedule/2017/2017-W46.md"
    assert any(
        f"{week_file}:24: không đọc được giờ" in m and "8h30" in m for m in errors
    ), errors
    assert any(f'{week_file}:25: nhãn "Chủ tọa" không rõ' in m for m in errors)
    assert any("2017-w46.md:1: tuần 2017-W46 đã có trong tệp" in m for m in errors)
    assert any("lich-tuan.md:1: tên tệp" in m for m in errors)
    assert len(errors) == 4, "\n".join(errors)
    # The item with a bad time is still shown, in its day.
    assert "Giờ sai" in site.soup("lich-cong-tac/2017/tuan-46/").get_text()


def test_a_file_not_in_utf8_is_an_error(tmp_path, caplog):
    from work_calendar import read_schedule

    folder = tmp_path / "schedule"
    folder.mkdir()
    legacy = b"## Th\xef Hai, 13/11/2017\n"  # an 8-bit code page, not UTF-8
    (folder / "2017-W46.md").write_bytes(legacy)
    with caplog.at_level(logging.ERROR):
        weeks = read_schedule({"PATH": str(tmp_path), "SCHEDULE_PATH": "schedule"})
    assert weeks == []
    assert "2017-W46.md:1: tệp không phải mã UTF-8" in caplog.text


def test_check_schedule_returns_problems_for_a_checking_command(tmp_path):
    from work_calendar import check_schedule

    folder = tmp_path / "schedule" / "2017"
    folder.mkdir(parents=True)
    (folder / "2017-W46.md").write_text("## Thứ Hai, 13/11/2017\n- 8.30: A\n")
    weeks, problems = check_schedule({"PATH": str(tmp_path)})
    assert [week.key for week in weeks] == ["2017-W46"]
    assert [(p.line, p.message) for p in problems] == [(2, 'không đọc được giờ "8.30"')]
    assert str(problems[0]).endswith(
        '2017-W46.md:2: không đọc được giờ "8.30" (viết giờ theo một trong các '
        "dạng 8h30, 08h30, 8 giờ 30, 8:30 hoặc (8h))"
    )
