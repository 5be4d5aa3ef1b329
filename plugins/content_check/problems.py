"""A problem found in a content file, and how problems are reported."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

ERROR = "lỗi"
WARNING = "cảnh báo"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str = ""
    severity: str = ERROR
    # The form field it is about, when the checker knows it (the documents'
    # reader does): the desk points at it.
    field: str = dataclass_field(default="", compare=False, kw_only=True)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        fix = f" ({self.fix})" if self.fix else ""
        return f"{self.path}:{self.line}: {self.severity}: {self.message}{fix}"


def error(path: str, line: int, message: str, fix: str = "") -> Problem:
    return Problem(path, line, message, fix, ERROR)


def warning(path: str, line: int, message: str, fix: str = "") -> Problem:
    return Problem(path, line, message, fix, WARNING)


def format_summary(problems: list[Problem], file_count: int) -> str:
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    return f"Kiểm tra {file_count} tệp nội dung: {errors} lỗi, {warnings} cảnh báo."
