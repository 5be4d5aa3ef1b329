"""Raw HTML the sanitizer will remove, reported where it was written.

The sanitizer (plugins/sanitizer) keeps an allow-list of tags and attributes
and drops the rest when the page is built. Without a word, an editor who
pasted an <iframe> video would never learn why it is missing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from sanitizer import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

from .header import SourceFile
from .problems import Problem, warning

FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
TAG = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attributes>(?:\s[^<>]*)?)/?>")
ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s=/"'>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?"""
)
EMBEDS = {"iframe", "video", "audio", "embed", "object", "source", "track"}
CODE = {"script", "style", "noscript", "link", "meta", "form", "input", "button"}
LOOKS = {"font", "center", "big", "tt", "strike", "marquee", "blink"}


def check_raw_html(source: SourceFile) -> Iterator[Problem]:
    text, starts = body_outside_code(source)
    for match in TAG.finditer(text):
        line = starts[bisect_right(starts, (match.start(), 1 << 30)) - 1][1]
        name = match["name"].lower()
        if name not in ALLOWED_TAGS:
            yield warning(
                source.display,
                line,
                f"thẻ <{name}> sẽ bị gỡ khi dựng trang (thẻ này không được phép)",
                fix_for(name),
            )
            continue
        allowed = ALLOWED_ATTRIBUTES.get(name, set()) | ALLOWED_ATTRIBUTES["*"]
        for attribute in ATTRIBUTE.finditer(match["attributes"]):
            key = attribute["name"].lower()
            if key not in allowed:
                yield warning(
                    source.display,
                    line,
                    f"thuộc tính {key} của thẻ <{name}> sẽ bị gỡ khi dựng trang",
                    "bỏ thuộc tính này: kiểu chữ, màu và cỡ do giao diện của "
                    "cổng quyết định",
                )


def fix_for(name: str) -> str:
    if name in EMBEDS:
        return (
            "không nhúng được video hay trang khác: đặt liên kết tới trang gốc, "
            "có thể kèm ảnh (docs/editors.md, mục Video và bản đồ)"
        )
    if name in CODE:
        return "bỏ đoạn mã này: bài viết không được chạy mã hay chứa biểu mẫu"
    if name in LOOKS:
        return "dùng định dạng Markdown: **chữ đậm**, ## tiêu đề mục"
    return "chỉ dùng các thẻ được phép (docs/editors.md, mục HTML trong bài)"


def body_outside_code(source: SourceFile) -> tuple[str, list[tuple[int, int]]]:
    """The body with fenced blocks and code spans blanked out, and where each
    line starts: [(offset, line number)]."""
    kept, starts, offset, fenced = [], [], 0, None
    for number, line in source.body():
        fence = FENCE.match(line)
        if fenced is None and fence:
            fenced, line = fence[1], ""
        elif fenced is not None:
            if fence and fence[1] == fenced:
                fenced = None
            line = ""
        starts.append((offset, number))
        kept.append(line)
        offset += len(line) + 1
    text = "\n".join(kept)
    blank = CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span[0]), text)
    return blank, starts
