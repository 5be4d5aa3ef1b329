"""The body `sokhcn new` writes, left unchanged, is not an article yet."""

from __future__ import annotations

from collections.abc import Iterator

from .header import SourceFile
from .problems import Problem, error, warning

PLACEHOLDER_BODY = "Viết nội dung bài tại đây."


def check_placeholder(source: SourceFile) -> Iterator[Problem]:
    """An error when the article would be published so, a warning in a draft."""
    text = " ".join(line.strip() for _, line in source.body() if line.strip())
    if text != PLACEHOLDER_BODY:
        return
    is_draft = (source.get("status") or "").lower() == "draft"
    report = warning if is_draft else error
    yield report(
        source.display,
        source.body_start,
        f'nội dung bài vẫn là dòng mẫu "{PLACEHOLDER_BODY}"',
        "thay dòng này bằng nội dung bài viết",
    )
