"""English dates for the English pages, without OS locales (as vn_date does)."""

from __future__ import annotations

from datetime import date

WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def english_date(day: date, kind: str = "weekday") -> str:
    """ "Monday, 7 December 2026" (weekday) or "December 2026" (month); the
    Jinja filter `en_date`. site.js writes the weekday form the same way."""
    if kind == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"
