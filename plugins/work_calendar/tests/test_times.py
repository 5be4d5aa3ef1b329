"""Every accepted time notation, the one printed style, sessions, and bad times."""

from __future__ import annotations

import unicodedata
from datetime import time

import pytest

from work_calendar import TimeFormatError, infer_session, parse_time
from work_calendar.times import check_session, parse_session


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("8h30", "08:30"),
        ("08h30", "08:30"),
        ("8 giờ 30", "08:30"),
        ("8:30", "08:30"),
        ("(8h)", "08:00"),
        ("8h", "08:00"),
        ("8H30", "08:30"),
        ("8 giờ", "08:00"),
        ("8 giờ 30 phút", "08:30"),
        ("8g30", "08:30"),
        ("8h30'", "08:30"),
        ("(14h30)", "14:30"),
        ("14h00 - 16h30", "14:00 – 16:30"),
        ("14h – 16h30", "14:00 – 16:30"),
        ("8h đến 11h30", "08:00 – 11:30"),
        ("(8:00-11:30)", "08:00 – 11:30"),
        ("8 gio 30", "08:30"),  # typed without diacritics
        (unicodedata.normalize("NFD", "8 giờ 30"), "08:30"),
    ],
)
def test_accepted_notations_print_in_one_style(written, printed):
    assert str(parse_time(written)) == printed


def test_start_and_end_are_times():
    span = parse_time("14h00 - 16h30")
    assert (span.start, span.end) == (time(14, 0), time(16, 30))
    assert parse_time("(8h)").end is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("8.30", 'không đọc được giờ "8.30"'),
        ("8h3", 'không đọc được giờ "8h3"'),
        ("8 rưỡi", 'không đọc được giờ "8 rưỡi"'),
        ("(8h", 'không đọc được giờ "(8h"'),
        ("830", 'không đọc được giờ "830"'),
        ("25h00", 'giờ "25h00" không có thật'),
        ("8h75", 'giờ "8h75" không có thật'),
        ("16h - 14h", "không sau giờ bắt đầu"),
    ],
)
def test_unknown_or_impossible_times_raise_with_a_fix(written, message):
    with pytest.raises(TimeFormatError) as caught:
        parse_time(written)
    assert message in caught.value.message
    assert caught.value.fix


def test_missing_colon_after_the_time_keeps_time_and_text():
    with pytest.raises(TimeFormatError) as caught:
        parse_time("8h30 Giao ban")
    assert "thiếu dấu hai chấm" in caught.value.message
    assert str(caught.value.span) == "08:30"
    assert caught.value.rest == "Giao ban"


@pytest.mark.parametrize(
    ("written", "session"),
    [
        ("Sáng", "Sáng"),
        ("sáng", "Sáng"),
        ("SANG", "Sáng"),
        ("Chiều", "Chiều"),
        ("Tối", "Tối"),
        ("Cả ngày", "Cả ngày"),
        ("ca ngay", "Cả ngày"),
        ("Trưa", None),
    ],
)
def test_session_names(written, session):
    assert parse_session(written) == session


@pytest.mark.parametrize(
    ("start", "session"),
    [
        (time(7, 30), "Sáng"),
        (time(11, 59), "Sáng"),
        (time(12, 0), "Chiều"),
        (time(17, 30), "Chiều"),
        (time(18, 0), "Tối"),
    ],
)
def test_session_is_inferred_from_the_time(start, session):
    assert infer_session(start) == session


def test_session_that_cannot_hold_the_time():
    assert check_session("Sáng", time(14, 0)) == "giờ 14:00 không thuộc buổi sáng"
    assert check_session("Chiều", time(9, 0)) == "giờ 09:00 không thuộc buổi chiều"
    assert check_session("Tối", time(17, 30)) is None
    assert check_session("Cả ngày", time(7, 0)) is None
