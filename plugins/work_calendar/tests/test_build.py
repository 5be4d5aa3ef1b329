"""Real builds: week pages, the list of weeks, the widget's data, iCalendar and
JSON (the project's theme and its widget: tests/test_work_calendar_site.py)."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from .helpers import ARTICLE, SCHEDULE_FILES

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ORIGIN = "https://sokhcn.example.gov.vn"


# Pelican's default ARTICLE_PATHS would read the week files as articles too.
ARTICLES = {"ARTICLE_PATHS": ["articles"]}
SETTINGS = {**ARTICLES, "SCHEDULE_TODAY": "16/11/2017", "SITE_ORIGIN": ORIGIN}


@pytest.fixture
def site(plugin_site):
    """The read-only checks' site, as if built on 16/11/2017."""
    return plugin_site("work_calendar", SCHEDULE_FILES, **SETTINGS)


def test_week_page_by_day(site):
    page = site.soup("lich-cong-tac/2017/tuan-46/")
    assert page.h1.get_text() == "Lịch công tác tuần 46 (13/11/2017 – 19/11/2017)"
    assert page.select_one("main p").get_text() == "Lịch có thể thay đổi."
    assert [h2.get_text() for h2 in page.select("h2")] == [
        "Thứ Hai, 13/11/2017",
        "Thứ Ba, 14/11/2017",
        "Thứ Tư, 15/11/2017",
        "Thứ Năm, 16/11/2017",
        "Thứ Sáu, 17/11/2017",
    ]
    monday, tuesday, _, thursday, _ = page.select("h2 + ul")
    assert [" ".join(li.get_text().split()) for li in monday("li")] == [
        "08:30 Giao ban Lãnh đạo Sở",
        "14:00 – 16:30 Bổ sung Làm việc với Trung tâm Thông tin",
        "15:00 Tiếp công dân",
    ]
    assert tuesday("li") == []
    assert [" ".join(li.get_text().split()) for li in thursday("li")] == [
        "Sáng Tiếp khách",
        "08:00 Họp phiên thường kỳ tháng 11",
        "14:30 Thay đổi Làm việc với Chi cục TĐC",
    ]


def test_each_items_details_and_session(site):
    week = site.context["schedule_weeks"][0]
    first = week.days()[0].items[0]
    assert (first.session, first.start_text) == ("Sáng", "08:30")
    assert dict(first.details()) == {
        "Chủ trì": "Giám đốc Sở",
        "Thành phần": "Các Phó Giám đốc Sở; Chánh Văn phòng",
        "Địa điểm": "Phòng họp tầng 5",
        "Chuẩn bị": "Văn phòng Sở",
    }
    assert [s.name for s in week.days()[0].sessions] == ["Sáng", "Chiều"]


def test_week_pages_link_previous_and_next_weeks_and_files(site):
    page = site.soup("lich-cong-tac/2017/tuan-46/")
    assert page.select_one("[rel=prev]") is None
    assert page.select_one("[rel=next]")["href"] == "/lich-cong-tac/2017/tuan-47/"
    later = site.soup("lich-cong-tac/2017/tuan-47/")
    assert later.select_one("[rel=prev]")["href"] == "/lich-cong-tac/2017/tuan-46/"
    assert later.select_one("[rel=next]")["href"] == "/lich-cong-tac/2026/tuan-48/"
    download = page.select_one("a[download]")
    assert download["href"] == "/lich-cong-tac/2017/tuan-46/lich-tuan-46-2017.ics"
    assert site.exists(download["href"])


def test_weeks_listed_by_year_newest_first(site):
    page = site.soup("lich-cong-tac/")
    assert [h.get_text() for h in page.select("h2")] == ["Năm 2026", "Năm 2017"]
    assert [a.get_text() for a in page.select("li a")] == [
        "Tuần 48 (23/11/2026 – 29/11/2026)",
        "Tuần 47 (20/11/2017 – 26/11/2017)",
        "Tuần 46 (13/11/2017 – 19/11/2017)",
    ]
    assert "(7 mục)" in page.select("li")[-1].get_text()


def test_the_widget_has_today_and_the_rest_of_the_build_week(site):
    widget = site.context["work_calendar_widget"]
    assert (widget.week_key, widget.today.isoformat()) == ("2017-W46", "2017-11-16")
    assert widget.week.url == "lich-cong-tac/2017/tuan-46/"
    assert widget.weeks_json_url == "lich-cong-tac/cac-tuan.json"
    assert [item.time_text for item in widget.today_items] == ["", "08:00", "14:30"]
    assert [item.mark for item in widget.today_items] == ["", "", "Thay đổi"]
    assert widget.other_items_count == 4
    assert [day.title for day in widget.other_days] == [
        "Thứ Hai, 13/11/2017",
        "Thứ Tư, 15/11/2017",
    ]


def test_the_widget_of_a_week_without_schedule_is_empty(plugin_site):
    settings = {**SETTINGS, "SCHEDULE_TODAY": "01/12/2026"}
    site = plugin_site("work_calendar", SCHEDULE_FILES, **settings)
    widget = site.context["work_calendar_widget"]
    assert widget.is_empty and widget.week is None
    assert widget.week_title == "Tuần 49 (30/11/2026 – 06/12/2026)"


def test_a_site_without_any_schedule(plugin_site):
    site = plugin_site("work_calendar", {"articles/tin.md": ARTICLE}, **ARTICLES)
    assert site.context["work_calendar_widget"].is_empty
    assert site.soup("lich-cong-tac/").select("main li") == []


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


def test_uids_stay_the_same_from_build_to_build(plugin_site):
    first = plugin_site("work_calendar", SCHEDULE_FILES, **ARTICLES)
    uids = [
        str(e["UID"])
        for e in read_calendar(first, "lich-cong-tac/lich-cong-tac.ics").walk("VEVENT")
    ]
    again = plugin_site("work_calendar", SCHEDULE_FILES, **ARTICLES)
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


def test_bad_input_is_logged_with_file_line_and_fix(plugin_site, caplog):
    files = {
        **SCHEDULE_FILES,
        "schedule/2017/2017-W46.md": SCHEDULE_FILES["schedule/2017/2017-W46.md"]
        + "- Chiều 14h3: Giờ sai\n  - Chủ tọa: Ai đó\n",
        "schedule/2017/trung/2017-w46.md": "## Thứ Hai, 13/11/2017\n- 8h: Trùng\n",
        "schedule/lich-tuan.md": "## Thứ Hai, 13/11/2017\n",
    }
    with caplog.at_level(logging.ERROR):
        site = plugin_site("work_calendar", files, **ARTICLES)
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
