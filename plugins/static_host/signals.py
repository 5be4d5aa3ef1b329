"""The asset filter for templates; hashed copies and compressed copies once
every file has been written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .fingerprint import asset, write_hashed_copies
from .precompress import precompress_tree

logger = logging.getLogger(__name__)
_served: dict = {}


def add_filter(pelican) -> None:
    """At ``initialized``: the filter, and the served folder (a publish build
    writes elsewhere, then swaps)."""
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters.setdefault("asset", asset)
    _served["path"] = Path(pelican.output_path).resolve()


def prepare_for_static_host(pelican) -> None:
    # `finalized` comes after every generator, static files included; the
    # safe_publish plugin swaps the folder in only after this returns.
    output = Path(pelican.output_path)
    settings = pelican.settings
    if settings.get("FINGERPRINT_ASSETS"):
        count = write_hashed_copies(output, settings)
        logger.info("Đặt tên theo nội dung cho %d tệp CSS/JS", count)
    if settings.get("PRECOMPRESS"):
        served = _served.get("path")
        count = precompress_tree(output, served if served != output.resolve() else None)
        logger.info("Nén sẵn gzip và brotli %d tệp", count)


def register() -> None:
    signals.initialized.connect(add_filter)
    signals.finalized.connect(prepare_for_static_host)
