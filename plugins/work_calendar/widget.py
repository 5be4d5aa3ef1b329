"""What the sidebar widget shows, and the JSON the browser uses to pick its week.

The site may be built days before it is read, so the page carries the
build-day week and work-calendar.js swaps in the visitor's week from
these JSON files.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from datetime import date, timedelta

from .schedule_file import Day, Item, Week


@dataclass
class Widget:
    """The week around `today`, split into today's items and the other days."""

    today: date
    week: Week | None
    weeks_json_url: str
    index_url: str
    today_items: list[Item] = field(default_factory=list)
    other_days: list[Day] = field(default_factory=list)

    @property
    def week_key(self) -> str:
        year, number, _ = self.today.isocalendar()
        return f"{year}-W{number:02d}"

    @property
    def week_title(self) -> str:
        """ "Tuần 48 (23/11/2026 – 29/11/2026)", even when the week has no file."""
        year, number, _ = self.today.isocalendar()
        monday = date.fromisocalendar(year, number, 1)
        sunday = monday + timedelta(days=6)
        return f"Tuần {number} ({monday:%d/%m/%Y} – {sunday:%d/%m/%Y})"

    @property
    def other_items_count(self) -> int:
        return sum(len(day.items) for day in self.other_days)

    @property
    def is_empty(self) -> bool:
        return not (self.week and self.week.items)


def build_widget(weeks: list[Week], today: date, weeks_json_url: str, index_url: str):
    year, number, _ = today.isocalendar()
    week = next((w for w in weeks if (w.year, w.number) == (year, number)), None)
    widget = Widget(today, week, weeks_json_url, index_url)
    if week is not None:
        widget.today_items = week.items_on(today)
        widget.other_days = [
            day
            for day in week.days(with_empty_workdays=False)
            if day.day != today and day.items
        ]
    return widget


def relative(target: str, source_file: str) -> str:
    """`target` (a site path) as seen from the folder of `source_file`."""
    folder = posixpath.dirname(source_file) or "."
    path = posixpath.relpath(target or ".", folder)
    return path + "/" if target.endswith("/") and not path.endswith("/") else path


def weeks_json(weeks: list[Week], index_save_as: str) -> str:
    """{"weeks": {"2017-W46": "2017/tuan-46/lich.json", ...}}, paths relative to it."""
    entries = {week.key: relative(week.json_save_as, index_save_as) for week in weeks}
    return json.dumps({"weeks": entries}, ensure_ascii=False, indent=1) + "\n"


def item_record(item: Item) -> dict:
    return {
        "session": item.session,
        "time": item.time_text,
        "content": item.content,
        "location": item.location,
        "chair": item.chair,
        "mark": item.mark,
    }


def week_json(week: Week) -> str:
    """One week for the widget; links are relative to this JSON file."""
    record = {
        "key": week.key,
        "title": week.short_title,
        "page": relative(week.url, week.json_save_as),
        "days": [
            {
                "date": day.day.isoformat(),
                "title": day.title,
                "items": [item_record(item) for item in day.items],
            }
            for day in week.days(with_empty_workdays=False)
        ],
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
