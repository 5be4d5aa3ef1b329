"""Where a content file shows on the site, for "Xem trước" and "Xuất bản"."""

from __future__ import annotations

from pathlib import Path

from content_check import address_of
from work_calendar import week_of_file_name, week_url

from .documents import document_page, in_documents


def page_of(settings, path: Path) -> str | None:
    """The site address ("tin-tuc/2026/bai/") that shows `path`, a file under
    the content folder; None when the file gives no page (an article whose
    date cannot be read, a file that is not content)."""
    root = Path(settings["PATH"]).resolve()
    relative = path.resolve().relative_to(root).as_posix()
    schedule = (settings.get("SCHEDULE_PATH") or "").strip("/")
    if schedule and relative.startswith(f"{schedule}/"):
        week = week_of_file_name(path)
        return week_url(settings, *week) if week else None
    if relative == (settings.get("LINKED_WEBSITES_FILE") or "").strip("/"):
        save_as = settings.get("LINKED_WEBSITES_SAVE_AS") or ""
        return save_as.removesuffix("index.html") or None
    if in_documents(settings, relative):
        return document_page(settings, path)
    if any(
        relative.startswith(f"{folder.strip('/')}/")
        for folder in settings.get("STATIC_PATHS") or ()
    ):
        return relative
    return address_of(settings, path)


def is_draft(path: Path) -> bool:
    """The header says "Status: draft" (the header ends at the first blank line)."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():
            return False
        key, _, value = line.partition(":")
        if key.strip().lower() == "status":
            return value.strip().lower() == "draft"
    return False
