"""Work calendar (Lịch công tác): the leaders' weekly schedule.

Reads one Markdown file per ISO week from content/schedule/ and writes a page
per week, the list of weeks by year, an iCalendar feed and a .ics per week, and
the data the sidebar widget uses to show the visitor's week.
"""

from pelican import signals

from .generator import (
    FileProblem,
    WorkCalendarGenerator,
    check_schedule,
    read_schedule,
    week_url,
)
from .schedule_file import Item, Problem, Week, read_week, week_of_file_name
from .times import TimeFormatError, TimeSpan, format_time, infer_session, parse_time


def add_generator(_pelican):
    return WorkCalendarGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)


REQUIRES: list[str] = []

__all__ = [
    "FileProblem",
    "Item",
    "Problem",
    "TimeFormatError",
    "TimeSpan",
    "Week",
    "check_schedule",
    "format_time",
    "infer_session",
    "parse_time",
    "read_schedule",
    "read_week",
    "register",
    "week_of_file_name",
    "week_url",
]
