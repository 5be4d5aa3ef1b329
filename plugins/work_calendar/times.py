"""Times and sessions as the office writes them, printed in one style.

Accepted start times: "8h30", "08h30", "8h", "8 giờ 30", "8 giờ", "8g30",
"8:30", "(8h)", optionally with an end: "8h00 - 11h30", "14h đến 16h30".
Printed as "08:30" and "08:00 – 11:30".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from vietnamese import fold

# Sessions in the order a day is read, keyed by their folded spelling.
SESSIONS = {"ca ngay": "Cả ngày", "sang": "Sáng", "chieu": "Chiều", "toi": "Tối"}
SESSION_ORDER = {name: rank for rank, name in enumerate(SESSIONS.values())}
# Inferred sessions: before noon is morning, from 18:00 evening.
NOON = time(12, 0)
EVENING = time(18, 0)
# An evening item may start a little earlier than the inferred boundary.
EARLIEST_EVENING = time(17, 0)

# On folded text ("giờ" → "gio"): hour, then h/g/giờ and optional minutes, or ":MM".
_CLOCK = (
    r"(?P<{n}hour>\d{{1,2}})\s*"
    r"(?:(?:h|g|gio)\s*(?P<{n}minute>\d{{2}})?(?:\s*(?:phut|p|'))?"
    r"|:(?P<{n}colon>\d{{2}}))"
)
_SPAN = re.compile(
    r"\(?\s*"
    + _CLOCK.format(n="start_")
    + r"(?:\s*(?:-|–|—|den)\s*"
    + _CLOCK.format(n="end_")
    + r")?\s*\)?"
)
# A time at the start of a longer text: the office forgot the colon after it.
_LEADING_CLOCK = re.compile(r"\(?\s*" + _CLOCK.format(n="") + r"\s*\)?(?=\s)")

TIME_FIX = "viết giờ theo một trong các dạng 8h30, 08h30, 8 giờ 30, 8:30 hoặc (8h)"


class TimeFormatError(ValueError):
    """A time the office wrote that is not one of the accepted notations."""

    def __init__(self, message: str, fix: str = TIME_FIX, span=None, rest: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix
        # When only the colon is missing: what the time and the text would be.
        self.span: TimeSpan | None = span
        self.rest = rest


@dataclass(frozen=True)
class TimeSpan:
    start: time
    end: time | None = None

    def __str__(self) -> str:
        if self.end is None:
            return format_time(self.start)
        return f"{format_time(self.start)} – {format_time(self.end)}"


def format_time(moment: time) -> str:
    """The one printed style: "08:30"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _clock(match: re.Match[str], prefix: str, original: str) -> time | None:
    hour = match[f"{prefix}hour"]
    if hour is None:
        return None
    minute = match[f"{prefix}minute"] or match[f"{prefix}colon"] or "0"
    if int(hour) > 23 or int(minute) > 59:
        raise TimeFormatError(
            f'giờ "{original}" không có thật',
            "giờ từ 0 đến 23, phút từ 00 đến 59, ví dụ 8h30 hoặc 14h00",
        )
    return time(int(hour), int(minute))


def parse_time(text: str) -> TimeSpan:
    """Read a start time (and optional end) in any accepted notation."""
    original = text.strip()
    folded = fold(original).strip()
    match = _SPAN.fullmatch(folded)
    if match is None or folded.count("(") != folded.count(")"):
        leading = _LEADING_CLOCK.match(folded)
        if leading and len(folded) == len(original):
            raise TimeFormatError(
                f'sau giờ trong "{original}" thiếu dấu hai chấm',
                'viết dấu hai chấm giữa giờ và nội dung, ví dụ "8h30: Giao ban"',
                TimeSpan(_clock(leading, "", original)),
                original[leading.end() :].strip(),
            )
        raise TimeFormatError(f'không đọc được giờ "{original}"')
    start = _clock(match, "start_", original)
    end = _clock(match, "end_", original)
    if end is not None and end <= start:
        raise TimeFormatError(
            f'giờ kết thúc trong "{original}" không sau giờ bắt đầu',
            "viết giờ bắt đầu trước, giờ kết thúc sau, ví dụ 8h00 - 11h30",
        )
    return TimeSpan(start, end)


def parse_session(text: str) -> str | None:
    """ "Sáng", "sáng", "SANG" → "Sáng"; None for anything else."""
    return SESSIONS.get(" ".join(fold(text).split()))


def infer_session(start: time) -> str:
    if start < NOON:
        return "Sáng"
    return "Chiều" if start < EVENING else "Tối"


def check_session(session: str, start: time) -> str | None:
    """A problem when the written session cannot hold the start time."""
    fits = {
        "Cả ngày": True,
        "Sáng": start < NOON,
        "Chiều": NOON <= start < EVENING,
        "Tối": start >= EARLIEST_EVENING,
    }[session]
    if fits:
        return None
    return f"giờ {format_time(start)} không thuộc buổi {session.lower()}"
