"""The address an article or page file will have, as the build gives it."""

from __future__ import annotations

from pathlib import Path

from .header import read_source
from .site import article_url, page_url, slug_of


def address_of(settings, path: Path) -> str | None:
    """ "tin-tuc/2026/bai/" for content/articles/2026/bai.md; None for a file
    that is not an article or page, or an article whose date cannot be read."""
    root = Path(settings["PATH"]).resolve()
    path = path.resolve()
    relative = path.relative_to(root).as_posix()
    for kind, folders in (("article", "ARTICLE_PATHS"), ("page", "PAGE_PATHS")):
        if any(
            relative.startswith(f"{name.strip('/')}/") for name in settings[folders]
        ):
            source = read_source(path, root)
            status = (source.get("status") or "").lower()
            if kind == "page":
                return page_url(source, settings)
            if status == "draft":
                draft = settings.get("DRAFT_URL") or ""
                return draft.format(slug=slug_of(source, settings)) or None
            return article_url(source, settings)
    return None
