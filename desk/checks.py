"""The problems of one content file, each pointed at the desk's field.

The same checks as the build and `sokhcn check` (content_check, the work
calendar's reader, the linked websites reader); only the answer is shaped for
the desk: each problem says which form field (or which calendar item, group or
link) its line belongs to. A document's problems (official_documents, through
content_check) name their field themselves, a missing one included; the desk's
document fields have the same names.
"""

from __future__ import annotations

import re
from pathlib import Path

from content_check import check_content
from linked_websites import parse_linked_websites
from work_calendar import check_schedule

from .documents import in_documents

HEADER_LINE = re.compile(r"^ {0,3}(?P<key>[A-Za-z0-9_-]+):")
CONTINUATION = re.compile(r"^ {4,}")
# Header keys whose field in the desk has another name.
FIELD_OF_KEY = {"status": "draft"}
ITEM_LINE = re.compile(r"^[-*+]\s")
DAY_LINE = re.compile(r"^##\s")


def problems_of(settings, file: Path) -> list[dict]:
    """[{line, severity, is_error, message, fix, field, index}] for `file`."""
    root = Path(settings["PATH"]).resolve()
    relative = file.resolve().relative_to(root).as_posix()
    schedule = (settings.get("SCHEDULE_PATH") or "").strip("/")
    if schedule and relative.startswith(f"{schedule}/"):
        return schedule_problems(settings, file)
    if relative == (settings.get("LINKED_WEBSITES_FILE") or "").strip("/"):
        return linked_website_problems(file)
    problems, _ = check_content(settings)
    if in_documents(settings, relative):
        # A problem without a field is about a line the form does not show.
        fields, elsewhere = {}, None
    else:
        fields = header_fields(file.read_text(encoding="utf-8-sig").splitlines())
        elsewhere = "body"
    found = []
    for problem in problems:
        if Path(problem.path).resolve() != file.resolve():
            continue
        found.append(
            {
                "line": problem.line,
                "severity": problem.severity,
                "is_error": problem.is_error,
                "message": problem.message,
                "fix": problem.fix,
                "field": problem.field or fields.get(problem.line, elsewhere),
                "index": None,
            }
        )
    return found


def header_fields(lines: list[str]) -> dict[int, str | None]:
    """{line number: field} for the header; line 1 problems about the whole file
    (a clashing address) still point at the title."""
    fields: dict[int, str | None] = {}
    current = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            fields[number] = None
            break
        match = HEADER_LINE.match(line)
        if match:
            key = match["key"].lower()
            current = FIELD_OF_KEY.get(key, key)
        elif not CONTINUATION.match(line):
            break
        fields[number] = current
    return fields


def schedule_problems(settings, file: Path) -> list[dict]:
    _, problems = check_schedule(settings)
    lines = file.read_text(encoding="utf-8").splitlines()
    items = item_of_line(lines)
    found = []
    for problem in problems:
        if Path(problem.path).resolve() != file.resolve():
            continue
        index = items.get(problem.line)
        found.append(
            {
                "line": problem.line,
                "severity": "lỗi",
                "is_error": True,
                "message": problem.message,
                "fix": problem.fix,
                "field": "items" if index is not None else "week",
                "index": index,
            }
        )
    return found


def item_of_line(lines: list[str]) -> dict[int, int]:
    """{line number: index of the calendar item it belongs to}, items counted
    in file order as the desk's form lists them."""
    owners: dict[int, int] = {}
    index, in_day = -1, False
    for number, line in enumerate(lines, start=1):
        if DAY_LINE.match(line):
            in_day = True
            continue
        if in_day and ITEM_LINE.match(line):
            index += 1
        if in_day and index >= 0 and line.strip():
            owners[number] = index
    return owners


def linked_website_problems(file: Path) -> list[dict]:
    _, problems = parse_linked_websites(file.read_text(encoding="utf-8"))
    return [
        {
            "line": problem.line,
            "severity": "lỗi",
            "is_error": True,
            "message": problem.message,
            "fix": "",
            "field": "groups",
            "index": None,
        }
        for problem in problems
    ]
