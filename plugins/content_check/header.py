"""Reading a Markdown file's `Key: value` header with line numbers.

Python-Markdown's meta extension ends the header at the first blank line or at
the first line that is not `Key: value` (that line silently becomes body text),
so this reader follows the same rule and remembers where each field was.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
CONTINUATION = re.compile(r"^[ ]{4,}(?P<value>.*)$")


@dataclass
class Field:
    name: str
    value: str
    line: int


@dataclass
class SourceFile:
    path: Path
    relative: str  # to the content folder, for resolving links
    lines: list[str]  # NFC, as the build reads them
    raw_lines: list[str]  # as stored
    fields: dict[str, Field] = field(default_factory=dict)
    repeated: list[Field] = field(default_factory=list)
    body_start: int = 1
    digest: str = ""  # of the file's bytes

    @property
    def display(self) -> str:
        """The path shown to the editor: from the working folder when inside it."""
        shown = os.path.relpath(self.path)
        return self.path.as_posix() if shown.startswith("..") else shown

    def get(self, key: str) -> str | None:
        found = self.fields.get(key)
        return found.value if found else None

    def line_of(self, key: str) -> int:
        found = self.fields.get(key)
        return found.line if found else 1

    def body(self) -> list[tuple[int, str]]:
        """(line number, text) of every body line."""
        start = self.body_start
        return list(enumerate(self.lines[start - 1 :], start=start))


def read_source(path: Path, root: Path, data: bytes | None = None) -> SourceFile:
    data = path.read_bytes() if data is None else data
    raw = data.decode("utf-8-sig").splitlines()
    lines = [unicodedata.normalize("NFC", line) for line in raw]
    source = SourceFile(path, path.relative_to(root).as_posix(), lines, raw)
    source.digest = hashlib.sha1(data).hexdigest()
    parse_header(source)
    return source


def parse_header(source: SourceFile) -> None:
    last: Field | None = None
    for number, line in enumerate(source.lines, start=1):
        source.body_start = number
        if not line.strip():
            source.body_start = number + 1
            return
        match = META_LINE.match(line)
        if match:
            last = Field(match["key"], match["value"].strip(), number)
            add_field(source, last)
            continue
        continuation = CONTINUATION.match(line)
        if continuation and last is not None:
            last.value = f"{last.value} {continuation['value'].strip()}".strip()
            continue
        return
    source.body_start = len(source.lines) + 1


def add_field(source: SourceFile, found: Field) -> None:
    key = found.name.lower()
    if key in source.fields:
        source.repeated.append(found)
    else:
        source.fields[key] = found
