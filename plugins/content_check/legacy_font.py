"""Text typed in an old Vietnamese font (TCVN3 or VNI) inside a UTF-8 file.

Pasted from an old .VnTime or VNI-Times document, "Sở Khoa học" arrives as
"Së Khoa häc" or "Sôû Khoa hoïc": valid UTF-8 holding the wrong letters. One
error per file and encoding names every line, shows how the first one reads
converted, and gives the command that converts the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from vietnamese import ENCODING_NAMES, convert_line, legacy_lines

from .header import SourceFile
from .problems import ERROR, Problem

EXCERPT_LENGTH = 60


@dataclass(frozen=True)
class LegacyFontProblem(Problem):
    """A content problem that the preview's legacy-font banner lists."""

    encoding: str = ""
    lines: tuple[int, ...] = ()

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES[self.encoding]

    @property
    def line_list(self) -> str:
        return line_ranges(self.lines)


def check_legacy_font(source: SourceFile) -> Iterator[Problem]:
    found: dict[str, list[int]] = {}
    for index, encoding in legacy_lines(source.lines):
        found.setdefault(encoding, []).append(index + 1)
    for encoding, numbers in found.items():
        first = source.lines[numbers[0] - 1].strip()
        yield LegacyFontProblem(
            source.display,
            numbers[0],
            f"chữ gõ bằng bảng mã cũ {ENCODING_NAMES[encoding]}, không phải Unicode,"
            f" ở dòng {line_ranges(numbers)}: “{excerpt(first)}” đọc đúng là"
            f" “{excerpt(convert_line(first, encoding))}”",
            f"chạy lệnh sokhcn convert {source.display}: lệnh cho xem từng dòng"
            " đổi trước khi ghi, và giữ bản cũ ở tệp .bak",
            ERROR,
            encoding,
            tuple(numbers),
        )


def line_ranges(numbers) -> str:
    """1, 3, 5–8: consecutive lines as a range."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in ranges)


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"
