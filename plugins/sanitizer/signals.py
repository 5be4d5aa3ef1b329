"""Clean every article's and page's HTML as soon as it is read."""

from __future__ import annotations

from pelican import signals

from .cleaning import clean_html
from .outline import fit_heading_outline


def clean_content(content) -> None:
    if getattr(content, "_content", None):
        content._content = fit_heading_outline(clean_html(content._content))
    summary = content.metadata.get("summary")
    if summary:
        # Pelican keeps a second copy in _summary and writes it back later.
        content.metadata["summary"] = content._summary = clean_html(summary)


def register() -> None:
    signals.content_object_init.connect(clean_content)
