"""`Related:` in an article header: the editor's own choice of related articles.

    Related: articles/2019/x.md, articles/2020/y.md

Paths are relative to the content folder, comma separated. A reference that
leads to no article is an ERROR naming the file and the line of the header,
with a fix in Vietnamese.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

logger = logging.getLogger(__name__)

HEADER_KEY = re.compile(r"^[ ]{0,3}related\s*:", re.IGNORECASE)
EXAMPLE = "articles/2019/ten-tep.md"


@dataclass(frozen=True)
class Reference:
    """One path written in `Related:`, as written and as looked up."""

    written: str
    path: str


def references(value) -> list[Reference]:
    """The paths of a `Related:` value (a string, or a list for wrapped lines)."""
    if not value:
        return []
    text = value if isinstance(value, str) else ",".join(map(str, value))
    return [
        Reference(item.strip(), normalise(item))
        for item in text.split(",")
        if item.strip()
    ]


def normalise(written: str) -> str:
    """ "{filename}/articles/x.md", "/articles/x.md" and "articles\\x.md" all work."""
    path = written.strip().replace("\\", "/")
    path = path.removeprefix("{filename}").lstrip("/")
    return os.path.normpath(path).replace(os.sep, "/") if path else path


def header_line(source_path: str) -> int:
    """Line number of the `Related:` header field (1 if it cannot be found)."""
    try:
        with open(source_path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    break  # the header ends at the first blank line
                if HEADER_KEY.match(line):
                    return number
    except OSError:
        pass
    return 1


def shown_path(source_path: str) -> str:
    """The path shown to the editor: from the working folder when inside it."""
    relative = os.path.relpath(source_path)
    return source_path if relative.startswith("..") else relative


@dataclass
class Catalogue:
    """Every article path of the build, by what an editor may link to."""

    published: Mapping[str, int]  # path -> index of the published article
    unpublished: set[str]  # drafts and hidden articles
    pages: set[str]
    content_root: str


def resolve(article, catalogue: Catalogue) -> list[int]:
    """Indices of the published articles an article's `Related:` names.

    Every reference that cannot be used is reported; the others are kept, in
    the order written.
    """
    found = references(article.metadata.get("related"))
    if not found:
        return []
    own_path = article.relative_source_path.replace(os.sep, "/")
    where = f"{shown_path(article.source_path)}:{header_line(article.source_path)}"
    chosen: list[int] = []
    for reference in found:
        index = catalogue.published.get(reference.path)
        if reference.path == own_path:
            logger.warning(
                "%s: Related: bài viết tự liệt kê chính nó (%s) (xoá đường dẫn này)",
                where,
                reference.written,
            )
        elif index is not None and index in chosen:
            logger.warning(
                "%s: Related: %s được ghi hai lần (xoá lần ghi sau)",
                where,
                reference.written,
            )
        elif index is not None:
            chosen.append(index)
        else:
            report_unusable(where, reference, catalogue)
    return chosen


def report_unusable(where: str, reference: Reference, catalogue: Catalogue) -> None:
    if reference.path in catalogue.unpublished:
        logger.warning(
            '%s: Related: bài "%s" chưa được đăng (bản nháp hoặc ẩn) nên chưa hiện '
            "trong Tin liên quan (đăng bài đó, hoặc xoá đường dẫn này)",
            where,
            reference.written,
        )
    elif reference.path in catalogue.pages:
        logger.error(
            '%s: Related: "%s" là trang tĩnh, không phải bài viết (chỉ ghi đường dẫn '
            "bài viết trong thư mục articles, ví dụ %s)",
            where,
            reference.written,
            EXAMPLE,
        )
    else:
        logger.error(
            '%s: Related: không tìm thấy bài viết "%s" (%s)',
            where,
            reference.written,
            how_to_fix(reference, catalogue),
        )


def how_to_fix(reference: Reference, catalogue: Catalogue) -> str:
    fix = (
        "ghi đường dẫn tệp tính từ thư mục content, cách nhau bằng dấu phẩy, "
        f"ví dụ {EXAMPLE}"
    )
    on_disk = os.path.join(catalogue.content_root, reference.path)
    if os.path.isfile(on_disk):
        return f"tệp có nhưng không thành bài viết: sửa lỗi của tệp đó, hoặc {fix}"
    close = difflib.get_close_matches(reference.path, list(catalogue.published), n=1)
    if close:
        return f"có phải {close[0]}? {fix}"
    return fix
