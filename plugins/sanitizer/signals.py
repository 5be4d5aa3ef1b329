"""Clean every article's and page's HTML as it is read."""

from __future__ import annotations

from pelican import signals

from build_runtime import add_reading_step

from .cleaning import clean_html
from .outline import fit_heading_outline


def clean_read(_path, content, metadata, _settings):
    if content:
        content = fit_heading_outline(clean_html(content))
    if metadata.get("summary"):
        metadata["summary"] = clean_html(metadata["summary"])
    return content, metadata


def clean_every_read(readers) -> None:
    add_reading_step(readers, clean_read)


def register() -> None:
    signals.readers_init.connect(clean_every_read)
