"""Reading one week of the work schedule (lịch công tác) from its Markdown file.

The file is named after its ISO week, e.g. ``2017-W46.md``, and reads:

    # Lịch công tác tuần 46 năm 2017
    Ghi chú: Lịch có thể thay đổi, các đơn vị theo dõi thường xuyên.

    ## Thứ Hai, 13/11/2017
    - Sáng 8h00: Giao ban Ban Giám đốc Sở
      - Chủ trì: Giám đốc Sở
      - Thành phần: Các Phó Giám đốc Sở, Chánh Văn phòng
      - Địa điểm: Phòng họp tầng 5
    - [Bổ sung] 14h00: Làm việc với Trung tâm Thông tin
      - Chuẩn bị: Trung tâm Thông tin và Thống kê KH&CN

Every problem is reported with its line and a fix; nothing is dropped quietly:
an item with a problem is still shown when it has a date and content.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from vietnamese import fold, parse_date, weekday_name

from .times import (
    SESSION_ORDER,
    TimeFormatError,
    TimeSpan,
    check_session,
    format_time,
    infer_session,
    parse_session,
    parse_time,
)

FILE_NAME = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})", re.IGNORECASE)
COMMENT = re.compile(r"^<!--.*-->$")
TITLE = re.compile(r"^#\s+(?P<text>.+)$")
DAY_HEADING = re.compile(r"^##\s+(?P<text>.+)$")
ITEM = re.compile(r"^[-*+]\s+(?P<text>.*)$")
# "Label: value"; a label is a few words, so a sentence with a colon is not one.
LABELLED = re.compile(r"^(?P<label>[^:\d]{1,30}?)\s*:\s*(?P<value>.*)$")
# A colon followed by a space (or the end) ends the head; "8:30" keeps its colon.
HEAD_SEPARATOR = re.compile(r":(?=\s|$)")
MARK = re.compile(r"^[\[(](?P<mark>[^\])\d][^\])]*)[\])]\s*[-–,]?\s*")
DAY_DATE = re.compile(r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$")
DAY_PREFIX_JUNK = re.compile(r"[\s,:\-–]*(?:ngày)?[\s,:\-–]*$", re.IGNORECASE)
# "Thứ 2" is as common as "Thứ Hai" in office documents.
NUMBERED_WEEKDAYS = {
    "thu 2": "thu hai",
    "thu 3": "thu ba",
    "thu 4": "thu tu",
    "thu 5": "thu nam",
    "thu 6": "thu sau",
    "thu 7": "thu bay",
    "cn": "chu nhat",
}
WEEK_IN_TITLE = re.compile(r"tuan\s+(?P<week>\d{1,2})")

FIELDS = {
    "noi dung": "content",
    "chu tri": "chair",
    "thanh phan": "participants",
    "dia diem": "location",
    "chuan bi": "preparation",
    "ghi chu": "note",
}
FIELD_LABELS = {
    "content": "Nội dung",
    "chair": "Chủ trì",
    "participants": "Thành phần",
    "location": "Địa điểm",
    "preparation": "Chuẩn bị",
    "note": "Ghi chú",
}
MARKS = {"bo sung": "Bổ sung", "thay doi": "Thay đổi"}
LABEL_LIST = ", ".join(f"{label}:" for label in FIELD_LABELS.values())


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    fix: str


@dataclass
class Item:
    """One entry of the schedule."""

    day: date
    session: str
    line: int
    span: TimeSpan | None = None
    mark: str = ""
    content: str = ""
    chair: str = ""
    participants: str = ""
    location: str = ""
    preparation: str = ""
    note: str = ""
    uid: str = ""

    @property
    def start(self) -> time | None:
        return self.span.start if self.span else None

    @property
    def end(self) -> time | None:
        return self.span.end if self.span else None

    @property
    def time_text(self) -> str:
        """ "08:30", "08:00 – 11:30" or "" when the item has only a session."""
        return str(self.span) if self.span else ""

    @property
    def start_text(self) -> str:
        return format_time(self.start) if self.start else ""

    def sort_key(self) -> tuple:
        return (self.day, SESSION_ORDER[self.session], self.start or time.min)

    def details(self) -> list[tuple[str, str]]:
        """(label, text) of the filled fields after the content, in print order."""
        names = ("chair", "participants", "location", "preparation", "note")
        return [(FIELD_LABELS[n], getattr(self, n)) for n in names if getattr(self, n)]


@dataclass
class Session:
    name: str
    items: list[Item]


@dataclass
class Day:
    day: date
    sessions: list[Session]

    @property
    def items(self) -> list[Item]:
        return [item for session in self.sessions for item in session.items]

    @property
    def title(self) -> str:
        return f"{weekday_name(self.day)}, {self.day:%d/%m/%Y}"


@dataclass
class Week:
    """One ISO week of the schedule, from one file."""

    year: int
    number: int
    source_path: str
    items: list[Item] = field(default_factory=list)
    note: str = ""
    # Set by the generator: where the week's page, calendar and data live.
    url: str = ""
    save_as: str = ""
    ics_url: str = ""
    ics_save_as: str = ""
    json_url: str = ""
    json_save_as: str = ""
    previous: Week | None = None
    next: Week | None = None

    @property
    def key(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def dates_text(self) -> str:
        return f"{self.monday:%d/%m/%Y} – {self.sunday:%d/%m/%Y}"

    @property
    def title(self) -> str:
        """ "Lịch công tác tuần 46 (13/11/2017 – 19/11/2017)"."""
        return f"Lịch công tác tuần {self.number} ({self.dates_text})"

    @property
    def short_title(self) -> str:
        return f"Tuần {self.number} ({self.dates_text})"

    def contains(self, day: date) -> bool:
        return self.monday <= day <= self.sunday

    def days(self, with_empty_workdays: bool = True) -> list[Day]:
        """Days in order, grouped by session; Monday to Friday always appear."""
        result = []
        for offset in range(7):
            day = self.monday + timedelta(days=offset)
            items = [item for item in self.items if item.day == day]
            if not items and not (with_empty_workdays and offset < 5):
                continue
            sessions: dict[str, list[Item]] = {}
            for item in items:  # already in session order
                sessions.setdefault(item.session, []).append(item)
            result.append(Day(day, [Session(n, i) for n, i in sessions.items()]))
        return result

    def items_on(self, day: date) -> list[Item]:
        return [item for item in self.items if item.day == day]


def week_of_file_name(path: Path) -> tuple[int, int] | None:
    """(year, week) from "2017-W46.md"; None when the name or the week is wrong."""
    match = FILE_NAME.fullmatch(path.stem)
    if match is None:
        return None
    year, week = int(match["year"]), int(match["week"])
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return year, week


class WeekReader:
    """Reads the lines of one week file, collecting items and problems."""

    def __init__(self, week: Week):
        self.week = week
        self.problems: list[Problem] = []
        self.day: date | None = None
        self.seen_day = False
        self.bad_heading = False
        self.note_line = 0
        self.day_lines: dict[date, int] = {}
        self.item: Item | None = None
        self.item_fields: dict[str, int] = {}
        self.last_field: str | None = None
        self.pending: list[Item] = []

    def problem(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(line, message, fix))

    def read(self, text: str) -> None:
        for number, raw in enumerate(text.splitlines(), start=1):
            line = unicodedata.normalize("NFC", raw.rstrip())
            if not line.strip() or COMMENT.match(line.strip()):
                continue
            self.read_line(number, line)
        self.close_item()

    def read_line(self, number: int, line: str) -> None:
        indented = line[0] in " \t"
        text = line.strip()
        if not indented and (match := DAY_HEADING.match(text)):
            self.close_item()
            self.start_day(number, match["text"])
        elif not indented and (match := TITLE.match(text)):
            self.read_title(number, match["text"])
        elif not indented and (match := ITEM.match(text)):
            self.close_item()
            self.start_item(number, match["text"])
        elif indented and self.item is not None:
            self.read_field(number, text)
        elif not self.seen_day and self.item is None:
            self.read_preamble(number, text)
        else:
            self.problem(
                number,
                f'dòng "{text}" không thuộc mục lịch nào',
                'mỗi mục bắt đầu bằng "- " ở đầu dòng; các dòng Chủ trì:, '
                "Thành phần:… của mục thì lùi vào 2 dấu cách",
            )

    # --- the part before the first day -------------------------------------

    def read_title(self, number: int, text: str) -> None:
        if self.seen_day:
            self.problem(
                number,
                "tiêu đề # nằm giữa các ngày",
                'dùng "## Thứ Hai, 13/11/2017" cho tiêu đề ngày; '
                "chỉ một tiêu đề # ở đầu tệp",
            )
            return
        match = WEEK_IN_TITLE.search(fold(text))
        if match and int(match["week"]) != self.week.number:
            self.problem(
                number,
                f"tiêu đề ghi tuần {match['week']} nhưng tên tệp là tuần "
                f"{self.week.number} ({self.week.key})",
                "sửa số tuần trong tiêu đề hoặc đổi tên tệp cho đúng tuần",
            )

    def read_preamble(self, number: int, text: str) -> None:
        match = LABELLED.match(text)
        if match and FIELDS.get(" ".join(fold(match["label"]).split())) == "note":
            if self.note_line:
                self.problem(
                    number,
                    f"Ghi chú của tuần đã có ở dòng {self.note_line}",
                    "gộp hai dòng Ghi chú thành một",
                )
            self.note_line = self.note_line or number
            self.week.note = f"{self.week.note} {match['value'].strip()}".strip()
            return
        self.problem(
            number,
            f'dòng "{text}" nằm trước ngày đầu tiên',
            'bắt đầu mỗi ngày bằng "## Thứ Hai, 13/11/2017"; trước đó chỉ có '
            'tiêu đề "# ..." và "Ghi chú: ..." của cả tuần',
        )

    # --- days -------------------------------------------------------------

    def start_day(self, number: int, text: str) -> None:
        self.day = None  # items under a bad heading are reported once, not guessed
        self.bad_heading = True
        self.seen_day = True
        day, weekday = read_day_heading(text)
        if day is None:
            self.problem(
                number,
                f'không đọc được ngày trong tiêu đề "{text}"',
                'viết tiêu đề ngày như "## Thứ Hai, 13/11/2017" (ngày/tháng/năm)',
            )
            return
        if weekday and weekday != fold(weekday_name(day)):
            self.problem(
                number,
                f"ngày {day:%d/%m/%Y} là {weekday_name(day)}, không phải "
                f'"{text.split(",")[0].strip()}"',
                "sửa thứ hoặc ngày trong tiêu đề cho khớp nhau",
            )
        if not self.week.contains(day):
            self.problem(
                number,
                f"ngày {day:%d/%m/%Y} không thuộc tuần {self.week.number} "
                f"({self.week.dates_text}) của tệp {self.week.key}",
                "sửa ngày, hoặc chuyển ngày này sang tệp của tuần chứa nó",
            )
            return
        if day in self.day_lines:
            self.problem(
                number,
                f"ngày {day:%d/%m/%Y} đã có tiêu đề ở dòng {self.day_lines[day]}",
                "gộp các mục của ngày này dưới một tiêu đề",
            )
        self.day_lines.setdefault(day, number)
        self.day = day
        self.bad_heading = False

    # --- items ------------------------------------------------------------

    def start_item(self, number: int, text: str) -> None:
        head, content = split_head(text)
        mark, head = self.read_mark(number, head)
        session, span, leftover = self.read_when(number, head)
        content = content or leftover
        # Under a bad heading the item is read (to report its problems) but not
        # kept: the heading's problem says why.
        self.item = Item(self.day, session, number, span, mark, content=content)
        self.item_fields = {"content": number} if content else {}
        self.last_field = "content" if content else None
        if self.day is None and not self.bad_heading:
            self.problem(
                number,
                "mục lịch nằm trước tiêu đề ngày đầu tiên",
                'đặt mục dưới một tiêu đề ngày như "## Thứ Hai, 13/11/2017"',
            )

    def read_mark(self, number: int, head: str) -> tuple[str, str]:
        match = MARK.match(head)
        if match is None:
            return "", head
        mark = MARKS.get(" ".join(fold(match["mark"]).split()))
        if mark is None:
            self.problem(
                number,
                f'dấu "{match.group().strip()}" không rõ',
                "chỉ dùng [Bổ sung] hoặc [Thay đổi] ở đầu mục",
            )
        return mark or "", head[match.end() :]

    def read_when(self, number: int, head: str) -> tuple[str, TimeSpan | None, str]:
        """Session, time, and any text that stood where they should be."""
        session_text, time_text = split_session(head)
        session = parse_session(session_text) if session_text else None
        span, leftover, time_error = None, "", False
        if time_text and not re.match(r"[\d(]", time_text):
            leftover = time_text  # words where the session or time should be
        elif time_text:
            try:
                span = parse_time(time_text)
            except TimeFormatError as error:
                self.problem(number, error.message, error.fix)
                span, leftover, time_error = error.span, error.rest, True
        if session and span and (mismatch := check_session(session, span.start)):
            self.problem(number, mismatch, "sửa buổi hoặc giờ cho khớp nhau")
        if session is None and span is None:
            if not time_error:
                self.problem(
                    number,
                    f'mục "{head.strip()}" chưa có buổi hoặc giờ',
                    "bắt đầu mục bằng buổi (Sáng, Chiều, Tối, Cả ngày) hoặc giờ, "
                    'ví dụ "- Sáng 8h30: Giao ban"',
                )
            return "Cả ngày", None, leftover
        return session or infer_session(span.start), span, leftover

    def read_field(self, number: int, text: str) -> None:
        item_match = ITEM.match(text)
        body = item_match["text"] if item_match else text
        match = LABELLED.match(body)
        name = FIELDS.get(" ".join(fold(match["label"]).split())) if match else None
        if name is not None:
            self.set_field(number, name, match["value"].strip())
        elif match:
            self.problem(
                number,
                f'nhãn "{match["label"].strip()}" không rõ',
                f"dùng một trong các nhãn {LABEL_LIST}",
            )
        elif (
            self.last_field is not None and not item_match
        ):  # a long value wrapped onto the next line
            value = getattr(self.item, self.last_field)
            setattr(self.item, self.last_field, f"{value} {body}".strip())
        else:
            self.problem(
                number,
                f'dòng "{body}" không có nhãn',
                f"bắt đầu dòng bằng một nhãn: {LABEL_LIST}",
            )

    def set_field(self, number: int, name: str, value: str) -> None:
        if name in self.item_fields:
            where = self.item_fields[name]
            self.problem(
                number,
                f"{FIELD_LABELS[name]} đã có ở dòng {where}",
                f"gộp hai dòng {FIELD_LABELS[name]} thành một",
            )
            value = f"{getattr(self.item, name)}; {value}"
        self.item_fields.setdefault(name, number)
        setattr(self.item, name, value)
        self.last_field = name

    def close_item(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        if not item.content:
            self.problem(
                item.line,
                "mục lịch chưa có nội dung",
                'viết nội dung sau dấu hai chấm ("- Sáng 8h30: Giao ban") '
                'hoặc thêm dòng "  - Nội dung: ..."',
            )
            item.content = "(Chưa có nội dung)"
        if item.day is not None:
            self.pending.append(item)


def read_day_heading(text: str) -> tuple[date | None, str]:
    """ "Thứ Hai, 13/11/2017" → (date, "thu hai"); (None, "") when unreadable."""
    match = DAY_DATE.search(text)
    if match is None:
        return None, ""
    try:
        day = parse_date(match["date"]).date()
    except ValueError:
        return None, ""
    prefix = DAY_PREFIX_JUNK.sub("", text[: match.start()])
    weekday = " ".join(fold(prefix).split())
    return day, NUMBERED_WEEKDAYS.get(weekday, weekday)


def split_head(text: str) -> tuple[str, str]:
    """ "Sáng 8:30: Giao ban" → ("Sáng 8:30", "Giao ban")."""
    match = HEAD_SEPARATOR.search(text)
    if match is None:
        return text.strip(), ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def split_session(head: str) -> tuple[str, str]:
    """ "Sáng, 8h30" → ("Sáng", "8h30"); "8h30" → ("", "8h30")."""
    folded = fold(head)
    for key in sorted(("ca ngay", "sang", "chieu", "toi"), key=len, reverse=True):
        pattern = rf"^{key}\b(?:\s*[,–-]\s*|\s+(?:luc\s+|tu\s+)?|$)"
        match = re.match(pattern, folded)
        if match:
            # fold() keeps the length of these words, so the offsets carry over.
            return head[: len(key)], head[match.end() :].strip()
    return "", head.strip()


def assign_uids(items: list[Item], domain: str) -> None:
    """Stable UIDs: the day and a hash of the content, so moving an item in the
    file or changing its time keeps its UID; same content the same day gets a
    numbered suffix in time order."""
    seen: dict[str, int] = {}
    for item in items:
        digest = hashlib.sha1(" ".join(fold(item.content).split()).encode()).hexdigest()
        base = f"{item.day:%Y%m%d}-{digest[:12]}"
        seen[base] = seen.get(base, 0) + 1
        suffix = f"-{seen[base]}" if seen[base] > 1 else ""
        item.uid = f"{base}{suffix}@{domain}"


def read_week(path: Path, text: str, domain: str) -> tuple[Week | None, list[Problem]]:
    """The week in one file and every problem in it, with line numbers."""
    identity = week_of_file_name(path)
    if identity is None:
        fix = "đặt tên tệp theo năm và tuần ISO, ví dụ 2017-W46.md cho tuần 46 năm 2017"
        return None, [Problem(1, f'tên tệp "{path.name}" không cho biết tuần', fix)]
    week = Week(*identity, source_path=str(path))
    reader = WeekReader(week)
    reader.read(text)
    week.items = sorted(reader.pending, key=Item.sort_key)
    assign_uids(week.items, domain)
    return week, reader.problems
