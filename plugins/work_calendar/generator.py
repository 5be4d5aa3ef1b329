"""The work-calendar generator: reads content/schedule/, writes pages and files."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from vietnamese import parse_date

from . import calendar_feed, widget
from .schedule_file import Week, read_week

logger = logging.getLogger(__name__)

WEEK_FOLDER = "lich-cong-tac/{year}/tuan-{week:02d}/"
DEFAULTS = {
    "SCHEDULE_PATH": "schedule",
    "SCHEDULE_INDEX_URL": "lich-cong-tac/",
    "SCHEDULE_INDEX_SAVE_AS": "lich-cong-tac/index.html",
    "SCHEDULE_WEEK_URL": WEEK_FOLDER,
    "SCHEDULE_WEEK_SAVE_AS": WEEK_FOLDER + "index.html",
    "SCHEDULE_WEEK_ICS_SAVE_AS": WEEK_FOLDER + "lich-tuan-{week:02d}-{year}.ics",
    "SCHEDULE_WEEK_JSON_SAVE_AS": WEEK_FOLDER + "lich.json",
    "SCHEDULE_WEEKS_JSON_SAVE_AS": "lich-cong-tac/cac-tuan.json",
    "SCHEDULE_FEED_SAVE_AS": "lich-cong-tac/lich-cong-tac.ics",
    "SCHEDULE_FEED_NAME": "Lịch công tác - Sở Khoa học và Công nghệ tỉnh Quảng Ninh",
    "SCHEDULE_UID_DOMAIN": "sokhcn.quangninh.gov.vn",
    # A day ("dd/mm/yyyy") to build as if it were today: previews and tests.
    "SCHEDULE_TODAY": None,
}
DUPLICATE_FIX = "xoá một tệp hoặc gộp hai tệp"


def setting(settings, name: str):
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


@dataclass(frozen=True)
class FileProblem:
    """A problem in a schedule file: `path:line: message (fix)`."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} ({self.fix})"


def check_schedule(settings) -> tuple[list[Week], list[FileProblem]]:
    """Every week under SCHEDULE_PATH, oldest first, and every problem found."""
    relative = setting(settings, "SCHEDULE_PATH")  # "" turns the schedule off
    folder = Path(settings["PATH"]) / relative
    if not relative or not folder.is_dir():
        return [], []
    domain = setting(settings, "SCHEDULE_UID_DOMAIN")
    weeks: dict[str, Week] = {}
    problems: list[FileProblem] = []
    for path in sorted(folder.rglob("*.md")):
        week = read_one(path, domain, problems)
        if week is None:
            continue
        if week.key in weeks:
            message = f"tuần {week.key} đã có trong tệp {weeks[week.key].source_path}"
            problems.append(FileProblem(str(path), 1, message, DUPLICATE_FIX))
            continue
        weeks[week.key] = week
    return sorted(weeks.values(), key=lambda week: (week.year, week.number)), problems


def read_schedule(settings) -> list[Week]:
    """Every week under SCHEDULE_PATH, oldest first; problems are logged as errors."""
    weeks, problems = check_schedule(settings)
    for problem in problems:
        logger.error("%s", problem)
    return weeks


def read_one(path: Path, domain: str, problems: list[FileProblem]) -> Week | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        message = "tệp không phải mã UTF-8"
        problems.append(FileProblem(str(path), 1, message, "lưu lại tệp với mã UTF-8"))
        return None
    week, found = read_week(path, text, domain)
    problems += [FileProblem(str(path), p.line, p.message, p.fix) for p in found]
    return week


def week_url(settings, year: int, week: int) -> str:
    """The address of one week's page, "lich-cong-tac/2017/tuan-46/"."""
    return setting(settings, "SCHEDULE_WEEK_URL").format(year=year, week=week)


def place(weeks: list[Week], settings) -> None:
    """Give each week its addresses and its neighbours."""
    for week in weeks:
        names = {"year": week.year, "week": week.number}

        def address(name: str, names=names) -> str:
            return setting(settings, name).format(**names)

        week.url = address("SCHEDULE_WEEK_URL")
        week.save_as = address("SCHEDULE_WEEK_SAVE_AS")
        week.ics_url = week.ics_save_as = address("SCHEDULE_WEEK_ICS_SAVE_AS")
        week.json_url = week.json_save_as = address("SCHEDULE_WEEK_JSON_SAVE_AS")
    for earlier, later in zip(weeks, weeks[1:], strict=False):
        earlier.next, later.previous = later, earlier


def today(settings, context) -> date:
    configured = setting(settings, "SCHEDULE_TODAY")
    if configured:
        return parse_date(str(configured)).date()
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")
    build_time = context.get("BUILD_TIME") or datetime.now(zone)
    return build_time.astimezone(zone).date()


def by_year(weeks: list[Week]) -> list[tuple[int, list[Week]]]:
    """(year, weeks newest first), newest year first."""
    newest_first = sorted(weeks, key=lambda w: (w.year, w.number), reverse=True)
    groups = groupby(newest_first, key=lambda week: week.year)
    return [(year, list(weeks_of_year)) for year, weeks_of_year in groups]


class WorkCalendarGenerator(Generator):
    """Week pages, the list of weeks, iCalendar files and the widget's data."""

    def generate_context(self) -> None:
        settings = self.settings
        self.weeks = read_schedule(settings)
        place(self.weeks, settings)
        self.context["schedule_weeks"] = self.weeks
        self.context["schedule_years"] = by_year(self.weeks)
        self.context["SCHEDULE_INDEX_URL"] = setting(settings, "SCHEDULE_INDEX_URL")
        self.context["SCHEDULE_FEED_URL"] = setting(settings, "SCHEDULE_FEED_SAVE_AS")
        self.context["work_calendar_widget"] = widget.build_widget(
            self.weeks,
            today(settings, self.context),
            setting(settings, "SCHEDULE_WEEKS_JSON_SAVE_AS"),
            setting(settings, "SCHEDULE_INDEX_URL"),
        )

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        template = self.get_template("schedule_week")
        for week in self.weeks:
            write(
                week.save_as,
                template,
                self.context,
                week=week,
                url=week.url,
                template_name="schedule_week",
                page_name=week.url.rstrip("/"),
            )
        write(
            setting(self.settings, "SCHEDULE_INDEX_SAVE_AS"),
            self.get_template("schedule_index"),
            self.context,
            url=setting(self.settings, "SCHEDULE_INDEX_URL"),
            template_name="schedule_index",
            page_name="lich-cong-tac/index",
        )
        self.write_data_files()

    def write_data_files(self) -> None:
        settings = self.settings
        # The build's own time (newsroom honours SOURCE_DATE_EPOCH), so that
        # rebuilding the same content gives the same files.
        built = self.context.get("BUILD_TIME") or datetime.now(UTC)
        stamp = built.astimezone(UTC).replace(microsecond=0)
        zone = settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"
        origin = (settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip(
            "/"
        )
        pages = {id(item): week.url for week in self.weeks for item in week.items}

        def url_of(item) -> str:
            return f"{origin}/{pages[id(item)]}" if origin else ""

        name = setting(settings, "SCHEDULE_FEED_NAME")
        every_item = [item for week in self.weeks for item in week.items]
        feed = calendar_feed.calendar(name, every_item, zone, stamp, url_of)
        self.write(setting(settings, "SCHEDULE_FEED_SAVE_AS"), feed)
        for week in self.weeks:
            title = f"{name}: tuần {week.number} ({week.dates_text})"
            data = calendar_feed.calendar(title, week.items, zone, stamp, url_of)
            self.write(week.ics_save_as, data)
            self.write(week.json_save_as, widget.week_json(week).encode())
        index = setting(settings, "SCHEDULE_WEEKS_JSON_SAVE_AS")
        self.write(index, widget.weeks_json(self.weeks, index).encode())

    def write(self, relative_path: str, data: bytes) -> None:
        path = os.path.join(self.output_path, relative_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
