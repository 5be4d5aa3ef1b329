"""Rules of dates.py beyond the golden vectors."""

from datetime import date, datetime, timedelta, timezone

import pytest

from vietnamese.dates import WEEKDAYS, format_date, parse_date, weekday_name


def test_error_message_names_the_input_and_the_accepted_format():
    with pytest.raises(ValueError) as error:
        parse_date("16 tháng 11 2017")
    message = str(error.value)
    assert message.startswith('Ngày "16 tháng 11 2017" không hợp lệ: hãy viết theo')
    assert "dd/mm/yyyy HH:MM, ví dụ 16/11/2017 10:00" in message
    assert "yyyy-mm-dd" in message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2024", "ngày 31/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29"),
        ("29/02/2023 10:00", "tháng 2 năm 2023 chỉ có 28 ngày"),
        ("2017-04-31", "ngày 31/04/2017 không có thật: tháng 4 năm 2017 chỉ có 30"),
        ("16/13/2017", "không có tháng 13 (tháng từ 1 đến 12)"),
        ("16/11/2017 25:00", "giờ không có thật"),
    ],
)
def test_a_date_that_does_not_exist_is_told_so(text, reason):
    with pytest.raises(ValueError) as error:
        parse_date(text)
    message = str(error.value)
    assert message.startswith(f'Ngày "{text}" không hợp lệ: ')
    assert reason in message
    assert "dd/mm/yyyy" not in message  # the shape was right


def test_day_first_is_never_guessed():
    assert parse_date("05/02/2020") == datetime(2020, 2, 5)
    assert parse_date("12/01/2020") == datetime(2020, 1, 12)


def test_parse_date_passes_datetimes_through_and_widens_dates():
    moment = datetime(2017, 11, 16, 10, 0)
    assert parse_date(moment) is moment
    assert parse_date(date(2017, 11, 16)) == datetime(2017, 11, 16)


def test_parse_date_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_date(20171116)  # type: ignore[arg-type]


def test_weekday_names_cover_the_week():
    monday = date(2024, 1, 1)
    names = [weekday_name(monday + timedelta(days=n)) for n in range(7)]
    assert names == list(WEEKDAYS)
    assert names[-1] == "Chủ Nhật"


def test_format_date_default_style_and_string_input():
    assert format_date(datetime(2017, 11, 16, 10, 0)) == "16/11/2017"
    assert format_date("16/11/2017 10:00", "weekday") == "Thứ Năm, 16/11/2017"


def test_format_date_plain_date():
    assert format_date(date(2017, 11, 16), "datetime") == "16/11/2017 00:00"
    assert format_date(date(2017, 11, 16), "iso") == "2017-11-16"


def test_format_date_iso_keeps_offset():
    aware = datetime(2017, 11, 16, 10, 0, tzinfo=timezone(timedelta(hours=7)))
    assert format_date(aware, "iso") == "2017-11-16T10:00:00+07:00"
    assert format_date(aware, "iso_date") == "2017-11-16"


def test_format_date_unknown_style():
    with pytest.raises(ValueError, match="Kiểu ngày"):
        format_date(datetime(2017, 11, 16), "short")
