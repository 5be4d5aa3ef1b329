"""Date archives: articles by year, month and day, grouped in linear time, with
month calendars whose days link to that day's articles.

Replaces Pelican's period archives, whose grouping is quadratic.
"""

from pelican import signals

from .generator import DateArchivesGenerator
from .grouping import DateArchive, MonthCalendar, Period, group_articles


def add_generator(_pelican):
    return DateArchivesGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)


REQUIRES: list[str] = []

__all__ = ["DateArchive", "MonthCalendar", "Period", "group_articles", "register"]
