"""Vietnamese dates without OS locales: strict day-first parsing and formatting.

No Pelican import. Parsing never guesses: "05/02/2020" is always 5 February.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_TIME = r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
_ISO = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    rf"(?:(?:T|\s+){_TIME})?"
)
_DAY_FIRST = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)"
    rf"(?P<year>[0-9]{{4}})(?:\s+{_TIME})?"
)

ERROR_HINT = (
    "hãy viết theo dạng dd/mm/yyyy HH:MM, ví dụ 16/11/2017 10:00 "
    "(hoặc yyyy-mm-dd HH:MM, ví dụ 2017-11-16 10:00)"
)


def _invalid(text: str) -> ValueError:
    return ValueError(f'Ngày "{text}" không hợp lệ: {ERROR_HINT}')


def _nonexistent(text: str, parts: dict) -> ValueError:
    """The text has the right shape but names a day or time that does not exist."""
    year, month, day = int(parts["year"]), int(parts["month"]), int(parts["day"])
    if not 1 <= month <= 12:
        reason = f"không có tháng {month} (tháng từ 1 đến 12)"
    elif not 1 <= day <= _days_in(year, month):
        reason = (
            f"ngày {day:02d}/{month:02d}/{year} không có thật: tháng {month} "
            f"năm {year} chỉ có {_days_in(year, month)} ngày"
        )
    else:
        reason = "giờ không có thật (giờ từ 0 đến 23, phút và giây từ 00 đến 59)"
    return ValueError(f'Ngày "{text}" không hợp lệ: {reason}')


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def parse_date(s: str | date) -> datetime:
    """Parse an ISO or Vietnamese day-first date into a naive datetime.

    Accepted: 2017-11-16, 2017-11-16 10:00, 2017-11-16T10:00[:00], 16/11/2017,
    16/11/2017 10:00[:00], 16-11-2017, 16.11.2017, 5/2/2020 8:05.
    Raises ValueError with a Vietnamese message for anything else.
    """
    if isinstance(s, datetime):
        return s
    if isinstance(s, date):
        return datetime(s.year, s.month, s.day)
    if not isinstance(s, str):
        raise TypeError(f"parse_date cần một chuỗi, không phải {type(s).__name__}")
    text = s.strip()
    match = _ISO.fullmatch(text) or _DAY_FIRST.fullmatch(text)
    if match is None:
        raise _invalid(s)
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["year"]),
            int(parts["month"]),
            int(parts["day"]),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
        )
    except ValueError:
        raise _nonexistent(s, parts) from None


def weekday_name(dt: date) -> str:
    """Return the weekday name, "Thứ Hai" … "Chủ Nhật"."""
    return WEEKDAYS[dt.weekday()]


def _document_number(n: int, pad: bool) -> str:
    """Day/month in running text; administrative style pads days < 10 and months 1-2.

    Nghị định 30/2020/NĐ-CP writes "ngày 05 tháng 02 năm 2020" but "tháng 3".
    """
    return f"{n:02d}" if pad else str(n)


def _long(dt: date) -> str:
    day = _document_number(dt.day, dt.day < 10)
    return f"ngày {day} {_month_long(dt)}"


def _month_long(dt: date) -> str:
    return f"tháng {_document_number(dt.month, dt.month < 3)} năm {dt.year}"


def _time(dt: date) -> str:
    hour, minute = (dt.hour, dt.minute) if isinstance(dt, datetime) else (0, 0)
    return f"{hour:02d}:{minute:02d}"


def _date(dt: date) -> str:
    return f"{dt.day:02d}/{dt.month:02d}/{dt.year}"


STYLES: dict[str, Callable[[date], str]] = {
    "date": _date,
    "datetime": lambda dt: f"{_date(dt)} {_time(dt)}",
    "weekday": lambda dt: f"{weekday_name(dt)}, {_date(dt)}",
    "weekday_datetime": lambda dt: f"{weekday_name(dt)}, {_date(dt)} {_time(dt)}",
    "long": _long,
    "month": lambda dt: f"Tháng {dt.month:02d}/{dt.year}",
    "month_long": _month_long,
    "year": lambda dt: str(dt.year),
    "iso": lambda dt: dt.isoformat(),
    "iso_date": lambda dt: date(dt.year, dt.month, dt.day).isoformat(),
    "time": _time,
}


def format_date(dt: date | str, style: str = "date") -> str:
    """Format a date or datetime (or a string parse_date accepts) in Vietnamese.

    Styles: date "16/11/2017", datetime "16/11/2017 10:00", weekday
    "Thứ Năm, 16/11/2017", weekday_datetime "Thứ Năm, 16/11/2017 10:00",
    long "ngày 16 tháng 11 năm 2017", month "Tháng 11/2017",
    month_long "tháng 11 năm 2017", year "2017", iso (ISO 8601), iso_date
    "2017-11-16" (the calendar day of a datetime), time "10:00".
    """
    formatter = STYLES.get(style)
    if formatter is None:
        known = ", ".join(STYLES)
        raise ValueError(f'Kiểu ngày "{style}" không có; hãy dùng một trong: {known}')
    value = parse_date(dt) if isinstance(dt, str) else dt
    return formatter(value)
