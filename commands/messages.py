"""Pelican's English messages, in Vietnamese for editors, or hidden.

Two channels reach the editor: log records (translated by `VietnameseLog`, a
filter on the handler the commands install) and lines Pelican prints on its
console ("Done: Processed ..."), translated by `console_in_vietnamese`, which
runs the process's standard output through `translate_line`.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from vietnamese import format_number

# Pelican's message templates (record.msg) and their Vietnamese; the arguments
# stay in order.
TRANSLATIONS = {
    "Skipping %s: could not find information about '%s'": (
        "Không dựng trang cho %s: thiếu trường %s"
    ),
    "Skipping %s: file %r would be written outside output path": (
        "Không dựng trang cho %s: tệp %r nằm ngoài thư mục xuất bản"
    ),
    "Unknown status '%s' for file %s, skipping it. (Not in %s)": (
        'Trạng thái "%s" của %s không hợp lệ, tệp bị bỏ qua (chỉ dùng %s)'
    ),
    "Could not process %s\n%s": "Không dựng được trang cho %s: %s",
    "Could not process %s": "Không dựng được trang cho %s (xem lỗi của tệp ở trên)",
    "Unable to find '%s', skipping url replacement.": (
        'Không tìm thấy "%s": liên kết được để nguyên'
    ),
    "Empty alt attribute for image %s in %s": "Ảnh %s trong %s chưa có lời mô tả",
    "Duplicate definition of `%s` for %s. Using first one.": (
        'Trường "%s" được khai báo hai lần trong %s: dùng dòng đầu tiên'
    ),
    "{filename} used for linking to static content %s in %s. Use {static} instead": (
        "Liên kết {filename} tới tệp %s trong %s: hãy dùng {static}"
    ),
    "Could not save cache %s\n ... %s": "Không ghi được bộ nhớ đệm %s: %s",
    "Unable to watch path '%s' as it does not exist.": (
        'Không theo dõi được "%s" vì không có thư mục này'
    ),
    "Cannot register plugin `%s`": "Không nạp được plugin %s",
    "Cannot load plugin `%s`\n%s": (
        "Không nạp được plugin %s (%s): kiểm tra PLUGINS trong tệp cấu hình"
    ),
    "Generator %s (%s) cannot be loaded": "Không nạp được bộ dựng %s (%s)",
}
TECHNICAL = "Lỗi kỹ thuật khi dựng trang (báo cho bộ phận kỹ thuật): "
# The project's own code logs in Vietnamese; Pelican and other libraries do not.
PROJECT = Path(__file__).resolve().parent.parent
OWN_CODE = tuple(str(PROJECT / folder) for folder in ("plugins", "commands", "desk"))
DONE = re.compile(
    r"Done: Processed (?P<articles>\d+) articles?, (?P<drafts>\d+) drafts?, "
    r"(?P<hidden>\d+) hidden articles?, (?P<pages>\d+) pages?, "
    r"(?P<hidden_pages>\d+) hidden pages? and (?P<draft_pages>\d+) draft pages? "
    r"in (?P<seconds>[\d.]+) seconds\."
)
ENGLISH_CONSOLE = (
    re.compile(r"^\s*--- AutoReload Mode"),
    re.compile(r"^-> Modified: "),
    re.compile(r"^Serving site at"),
    # The build report's time per phase names Pelican's generator classes: for the
    # maintainers, who run pelican itself.
    re.compile(r"^Các bước lâu nhất:$"),
    re.compile(r"\b\w+Generator\b"),
)


class VietnameseLog(logging.Filter):
    """Translates Pelican's known messages; hides other English notes (of
    Pelican or any library) and marks other English warnings and errors as
    technical. The project's own messages pass as they are."""

    def filter(self, record: logging.LogRecord) -> bool:
        template = record.msg if isinstance(record.msg, str) else None
        if template in TRANSLATIONS:
            record.msg = level_word(record) + TRANSLATIONS[template]
            record.exc_info = record.exc_text = None  # no traceback for editors
            return True
        if own_code(record.pathname):
            return True
        if record.levelno < logging.WARNING:
            return False
        record.msg = level_word(record) + TECHNICAL + str(record.msg)
        record.exc_info = record.exc_text = None
        return True


@lru_cache(maxsize=512)
def own_code(pathname: str) -> bool:
    """Also through a symlink to the project's plugins folder."""
    return os.path.realpath(pathname).startswith(OWN_CODE)


def level_word(record: logging.LogRecord) -> str:
    return "lỗi: " if record.levelno >= logging.ERROR else "cảnh báo: "


def translate_line(line: str) -> str | None:
    """A console line in Vietnamese; None when it is to be hidden."""
    done = DONE.search(line)
    if done:
        counts = {key: float(value) for key, value in done.groupdict().items()}
        parts = [f"{format_number(int(counts['articles']))} bài"]
        for key, label in (
            ("drafts", "bản nháp"),
            ("hidden", "bài ẩn"),
            ("pages", "trang"),
            ("draft_pages", "trang nháp"),
        ):
            if counts[key] or key == "pages":
                parts.append(f"{format_number(int(counts[key]))} {label}")
        seconds = f"{counts['seconds']:.1f}".replace(".", ",")
        return f"Xong: {', '.join(parts)} trong {seconds} giây."
    if any(pattern.search(line) for pattern in ENGLISH_CONSOLE):
        return None
    return line


class TranslatingWriter(io.TextIOBase):
    """Standard output whose whole lines pass through `translate_line`."""

    def __init__(self, target):
        self.target = target
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            shown = translate_line(line)
            if shown is not None:
                self.target.write(shown + "\n")
        self.target.flush()
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()


@contextmanager
def console_in_vietnamese() -> Iterator[None]:
    """Pelican's console and the log in Vietnamese while the block runs."""
    from pelican.log import console

    original, wrapping = sys.stdout, console.soft_wrap
    sys.stdout = TranslatingWriter(original)
    console.soft_wrap = True  # a line wrapped at 80 columns could not be matched
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(VietnameseLog())
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        sys.stdout.flush()
        sys.stdout = original
        console.soft_wrap = wrapping
