"""Reading week files: items, fields, marks, order, UIDs, and every error case."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from work_calendar import read_week

from .helpers import WEEK_46

DOMAIN = "sokhcn.quangninh.gov.vn"


def read(text: str, name: str = "2017-W46.md"):
    return read_week(Path(name), text, DOMAIN)


def test_a_good_week():
    week, problems = read(WEEK_46)
    assert problems == []
    assert week.key == "2017-W46"
    assert week.title == "Lịch công tác tuần 46 (13/11/2017 – 19/11/2017)"
    assert week.note == "Lịch có thể thay đổi."
    first = week.items[0]
    assert (first.day, first.session, first.time_text) == (
        date(2017, 11, 13),
        "Sáng",
        "08:30",
    )
    assert first.content == "Giao ban Lãnh đạo Sở"
    assert first.details() == [
        ("Chủ trì", "Giám đốc Sở"),
        ("Thành phần", "Các Phó Giám đốc Sở; Chánh Văn phòng"),
        ("Địa điểm", "Phòng họp tầng 5"),
        ("Chuẩn bị", "Văn phòng Sở"),
    ]


def test_items_are_grouped_by_day_and_session_in_time_order():
    week, _ = read(WEEK_46)
    days = week.days()
    # Monday to Friday always, the weekend only with items.
    assert [d.day.day for d in days] == [13, 14, 15, 16, 17]
    assert days[1].sessions == []
    monday = days[0]
    assert [s.name for s in monday.sessions] == ["Sáng", "Chiều"]
    assert [i.time_text for i in monday.sessions[1].items] == [
        "14:00 – 16:30",
        "15:00",
    ]
    thursday = days[3]
    assert [(s.name, [i.content for i in s.items]) for s in thursday.sessions] == [
        ("Sáng", ["Tiếp khách", "Họp phiên thường kỳ tháng 11"]),
        ("Chiều", ["Làm việc với Chi cục TĐC"]),
    ]
    assert thursday.title == "Thứ Năm, 16/11/2017"


def test_sessions_marks_and_content_from_fields():
    week, _ = read(WEEK_46)
    by_content = {item.content: item for item in week.items}
    assert by_content["Làm việc với Trung tâm Thông tin"].mark == "Bổ sung"
    assert by_content["Làm việc với Trung tâm Thông tin"].session == "Chiều"
    assert by_content["Làm việc với Chi cục TĐC"].mark == "Thay đổi"
    assert by_content["Tiếp công dân"].start == time(15, 0)
    whole_day = by_content["Kiểm tra đề tài tại Đầm Hà"]
    assert (whole_day.session, whole_day.start) == ("Cả ngày", None)
    assert by_content["Họp phiên thường kỳ tháng 11"].session == "Sáng"  # inferred
    assert by_content["Tiếp khách"].time_text == ""


def test_uids_are_stable_when_items_move_or_change_time():
    week, _ = read(WEEK_46)
    moved = WEEK_46.replace("- 8 giờ 00: Họp phiên", "- 9h00: Họp phiên")
    later, _ = read(moved)
    assert [i.uid for i in week.items] == [i.uid for i in later.items]
    assert all(i.uid.endswith("@" + DOMAIN) for i in week.items)
    assert len({i.uid for i in week.items}) == len(week.items)


def test_same_content_twice_a_day_gets_distinct_uids():
    text = "## Thứ Hai, 13/11/2017\n- 8h: Tiếp công dân\n- 14h: Tiếp công dân\n"
    week, _ = read(text)
    first, second = (item.uid for item in week.items)
    assert second == first.replace("@", "-2@")


def test_numbered_weekdays_and_heading_forms():
    text = "## Thứ 2, 13/11/2017\n- 8h: A\n## Chủ Nhật 19/11/2017\n- 8h: B\n"
    week, problems = read(text)
    assert problems == []
    assert [d.day.day for d in week.days(with_empty_workdays=False)] == [13, 19]


def problems_of(text: str, name: str = "2017-W46.md"):
    _, problems = read(text, name)
    return [(p.line, p.message, p.fix) for p in problems]


ERROR_CASES = {
    "unknown time format": (
        "## Thứ Hai, 13/11/2017\n- Sáng 8.30: Giao ban\n",
        2,
        'không đọc được giờ "8.30"',
        "8h30, 08h30, 8 giờ 30, 8:30 hoặc (8h)",
    ),
    "impossible time": (
        "## Thứ Hai, 13/11/2017\n- 25h00: Giao ban\n",
        2,
        "không có thật",
        "phút từ 00 đến 59",
    ),
    "end before start": (
        "## Thứ Hai, 13/11/2017\n- 16h - 14h: Giao ban\n",
        2,
        "không sau giờ bắt đầu",
        "giờ bắt đầu trước",
    ),
    "colon missing after the time": (
        "## Thứ Hai, 13/11/2017\n- 8h30 Giao ban\n",
        2,
        "thiếu dấu hai chấm",
        '"8h30: Giao ban"',
    ),
    "session that cannot hold the time": (
        "## Thứ Hai, 13/11/2017\n- Sáng 14h00: Giao ban\n",
        2,
        "giờ 14:00 không thuộc buổi sáng",
        "sửa buổi hoặc giờ",
    ),
    "item without session or time": (
        "## Thứ Hai, 13/11/2017\n- Giao ban\n",
        2,
        'mục "Giao ban" chưa có buổi hoặc giờ',
        "Sáng, Chiều, Tối, Cả ngày",
    ),
    "item without content": (
        "## Thứ Hai, 13/11/2017\n- Sáng 8h30\n  - Chủ trì: Giám đốc Sở\n",
        2,
        "mục lịch chưa có nội dung",
        "Nội dung:",
    ),
    "unknown label": (
        "## Thứ Hai, 13/11/2017\n- 8h: Giao ban\n  - Chủ tọa: Giám đốc Sở\n",
        3,
        'nhãn "Chủ tọa" không rõ',
        "Chủ trì:, Thành phần:, Địa điểm:, Chuẩn bị:, Ghi chú:",
    ),
    "field line without a label": (
        "## Thứ Hai, 13/11/2017\n- 8h: Giao ban\n  - Giám đốc Sở\n",
        3,
        'dòng "Giám đốc Sở" không có nhãn',
        "bắt đầu dòng bằng một nhãn",
    ),
    "label given twice": (
        "## Thứ Hai, 13/11/2017\n- 8h: A\n  - Chủ trì: B\n  - Chủ trì: C\n",
        4,
        "Chủ trì đã có ở dòng 3",
        "gộp hai dòng",
    ),
    "unknown mark": (
        "## Thứ Hai, 13/11/2017\n- [Hoãn] 8h: Giao ban\n",
        2,
        'dấu "[Hoãn]" không rõ',
        "[Bổ sung] hoặc [Thay đổi]",
    ),
    "unreadable day heading": (
        "## Thứ Hai\n- 8h: Giao ban\n",
        1,
        'không đọc được ngày trong tiêu đề "Thứ Hai"',
        "## Thứ Hai, 13/11/2017",
    ),
    "impossible date": (
        "## Thứ Hai, 31/11/2017\n",
        1,
        "không đọc được ngày",
        "ngày/tháng/năm",
    ),
    "weekday that does not match the date": (
        "## Thứ Ba, 13/11/2017\n- 8h: Giao ban\n",
        1,
        'ngày 13/11/2017 là Thứ Hai, không phải "Thứ Ba"',
        "sửa thứ hoặc ngày",
    ),
    "date outside the file's week": (
        "## Thứ Hai, 20/11/2017\n- 8h: Giao ban\n",
        1,
        "ngày 20/11/2017 không thuộc tuần 46 (13/11/2017 – 19/11/2017)",
        "chuyển ngày này sang tệp của tuần chứa nó",
    ),
    "day given twice": (
        "## Thứ Hai, 13/11/2017\n- 8h: A\n## Thứ Hai, 13/11/2017\n- 9h: B\n",
        3,
        "ngày 13/11/2017 đã có tiêu đề ở dòng 1",
        "gộp các mục",
    ),
    "item before the first day": (
        "- 8h: Giao ban\n## Thứ Hai, 13/11/2017\n",
        1,
        "mục lịch nằm trước tiêu đề ngày đầu tiên",
        "## Thứ Hai, 13/11/2017",
    ),
    "free text before the first day": (
        "Tuần này có nhiều việc\n## Thứ Hai, 13/11/2017\n",
        1,
        'dòng "Tuần này có nhiều việc" nằm trước ngày đầu tiên',
        "Ghi chú: ...",
    ),
    "free text among the items": (
        "## Thứ Hai, 13/11/2017\n- 8h: A\nChủ trì: B\n",
        3,
        'dòng "Chủ trì: B" không thuộc mục lịch nào',
        "lùi vào 2 dấu cách",
    ),
    "week note given twice": (
        "Ghi chú: A\nGhi chú: B\n",
        2,
        "Ghi chú của tuần đã có ở dòng 1",
        "gộp hai dòng Ghi chú",
    ),
    "title in the middle": (
        "## Thứ Hai, 13/11/2017\n# Tuần 46\n",
        2,
        "tiêu đề # nằm giữa các ngày",
        "chỉ một tiêu đề # ở đầu tệp",
    ),
    "title with another week": (
        "# Lịch công tác tuần 47 năm 2017\n",
        1,
        "tiêu đề ghi tuần 47 nhưng tên tệp là tuần 46 (2017-W46)",
        "đổi tên tệp",
    ),
}


@pytest.mark.parametrize("case", ERROR_CASES)
def test_every_error_names_its_line_and_a_fix(case):
    text, line, message, fix = ERROR_CASES[case]
    found = problems_of(text)
    assert len(found) == 1, found
    assert found[0][0] == line
    assert message in found[0][1]
    assert fix in found[0][2]


@pytest.mark.parametrize("name", ["tuan-46.md", "2017-W54.md", "2017-46.md"])
def test_a_file_name_without_its_week_is_an_error(name):
    week, problems = read("## Thứ Hai, 13/11/2017\n- 8h: A\n", name)
    assert week is None
    assert problems[0].line == 1
    assert "không cho biết tuần" in problems[0].message
    assert "2017-W46.md" in problems[0].fix


def test_nothing_is_dropped_quietly():
    text = (
        "## Thứ Hai, 13/11/2017\n"
        "- 8h30 Giao ban đầu tuần\n"  # colon missing: time and text are kept
        "- Tiếp khách\n"  # no session: kept as a whole-day item
        "- Sáng 8h\n"  # no content: shown with a placeholder
        "## Thứ Hai, 20/11/2017\n"  # outside the week: the heading is reported
        "- 8h: Ngoài tuần\n"
        "  - Chủ trì: A\n"
    )
    week, problems = read(text)
    assert [(i.time_text, i.content) for i in week.items] == [
        ("", "Tiếp khách"),
        ("08:00", "(Chưa có nội dung)"),
        ("08:30", "Giao ban đầu tuần"),
    ]
    assert [p.line for p in problems] == [2, 3, 4, 5]


def test_comments_blank_lines_and_wrapped_values():
    text = (
        "<!-- Văn phòng cập nhật thứ Sáu -->\n"
        "## Thứ Hai, 13/11/2017\n\n"
        "- 8h: Giao ban\n"
        "  - Thành phần: Lãnh đạo Sở,\n"
        "    các phòng chuyên môn\n"
    )
    week, problems = read(text)
    assert problems == []
    assert week.items[0].participants == "Lãnh đạo Sở, các phòng chuyên môn"


def test_lines_after_a_bad_day_heading_are_not_taken_for_the_preamble():
    found = problems_of("## Thứ Hai\nGhi chú: A\n- 8h: B\n")
    assert [(line, message) for line, message, _ in found] == [
        (1, 'không đọc được ngày trong tiêu đề "Thứ Hai"'),
        (2, 'dòng "Ghi chú: A" không thuộc mục lịch nào'),
    ]
