"""iCalendar (RFC 5545) files of the schedule, made with the icalendar library.

Timed items are in the Asia/Ho_Chi_Minh zone with its VTIMEZONE; items with
only a session (Sáng, Cả ngày…) are all-day events, the session leading the
summary, since the office gave no time to invent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .schedule_file import Item


def calendar(
    name: str, items: Iterable[Item], zone: str, stamp: datetime, url_of
) -> bytes:
    """One calendar of `items`; `url_of(item)` gives the page that shows an item."""
    tz = ZoneInfo(zone)
    items = list(items)
    cal = Calendar()
    cal.add("prodid", "-//So Khoa hoc va Cong nghe tinh Quang Ninh//Lich cong tac//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", zone)
    for item in items:
        cal.add_component(event(item, tz, stamp, url_of(item)))
    if items:
        first = min(item.day for item in items)
        last = max(item.day for item in items)
        # The zone's rules only for the span used, so the file stays small.
        cal.add_missing_timezones(first - timedelta(days=1), last + timedelta(days=2))
    return cal.to_ical()


def event(item: Item, tz: ZoneInfo, stamp: datetime, url: str) -> Event:
    ev = Event()
    ev.add("uid", item.uid)
    ev.add("dtstamp", stamp)
    if item.start is None:
        ev.add("dtstart", item.day)
        ev.add("dtend", item.day + timedelta(days=1))
    else:
        ev.add("dtstart", datetime.combine(item.day, item.start, tz))
        if item.end is not None:
            ev.add("dtend", datetime.combine(item.day, item.end, tz))
    ev.add("summary", summary(item))
    if item.location:
        ev.add("location", item.location)
    if text := description(item):
        ev.add("description", text)
    if item.mark:
        ev.add("categories", [item.mark])
    # A changed item is a revision of the one published before.
    ev.add("sequence", 1 if item.mark == "Thay đổi" else 0)
    ev.add("status", "CONFIRMED")
    ev.add("transp", "TRANSPARENT" if item.start is None else "OPAQUE")
    if url:
        ev.add("url", url)
    return ev


def summary(item: Item) -> str:
    text = item.content
    if item.start is None and item.session != "Cả ngày":
        text = f"{item.session}: {text}"
    return f"[{item.mark}] {text}" if item.mark else text


def description(item: Item) -> str:
    lines = [f"{label}: {text}" for label, text in item.details()]
    if item.start is not None and item.session:
        lines.insert(0, f"Buổi: {item.session}")
    return "\n".join(lines)
