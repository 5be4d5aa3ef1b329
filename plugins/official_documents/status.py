"""A document's status (tình trạng) on a given day.

The build writes the status of its own day; documents.js decides it again in
the visitor's browser from today's date in Vietnam, with the same rules:

- in effect from Ngày hiệu lực, up to the day before it ends (Ngày hết hiệu
  lực, or the day a document replacing it takes effect);
- a draft is open for comments from its first to its last day, inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .document_file import Document


@dataclass(frozen=True)
class Status:
    key: str  # the slug of the label: the status page's address, the badge's class
    label: str


IN_FORCE = Status("con-hieu-luc", "Còn hiệu lực")
EXPIRED = Status("het-hieu-luc", "Hết hiệu lực")
NOT_YET = Status("chua-co-hieu-luc", "Chưa có hiệu lực")
COMMENTS_CLOSED = Status("het-han-lay-y-kien", "Đã hết hạn lấy ý kiến")
# Listing pages by status: drafts are one group, whatever their period.
DRAFTS = Status("du-thao-lay-y-kien", "Dự thảo lấy ý kiến")
STATUS_FACETS = (IN_FORCE, NOT_YET, EXPIRED, DRAFTS)


def status_on(document: Document, day: date) -> Status:
    if document.draft:
        start, until = document.comment_from, document.comment_until
        if start and day < start:
            return Status("sap-lay-y-kien", f"Lấy ý kiến từ {start:%d/%m/%Y}")
        if until is None or day <= until:
            shown = f" đến {until:%d/%m/%Y}" if until else ""
            return Status("dang-lay-y-kien", f"Đang lấy ý kiến{shown}")
        return COMMENTS_CLOSED
    if document.effective and day < document.effective:
        return NOT_YET
    if document.ends and day >= document.ends:
        return EXPIRED
    return IN_FORCE


def status_facet(document: Document, day: date) -> Status:
    return DRAFTS if document.draft else status_on(document, day)


def accepts_comments(document: Document, day: date) -> bool:
    return status_on(document, day).key == "dang-lay-y-kien"
