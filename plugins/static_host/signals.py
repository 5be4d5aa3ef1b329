"""Run fingerprinting and precompression once every file has been written."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .fingerprint import fingerprint_assets
from .precompress import precompress_tree

logger = logging.getLogger(__name__)


def prepare_for_static_host(pelican) -> None:
    # `finalized` comes after every generator, static files included; the
    # safe_publish plugin swaps the folder in only after this returns.
    output = Path(pelican.output_path)
    settings = pelican.settings
    if settings.get("FINGERPRINT_ASSETS"):
        renamed = fingerprint_assets(output)
        logger.info("Đặt tên theo nội dung cho %d tệp CSS/JS", len(renamed))
    if settings.get("PRECOMPRESS"):
        count = precompress_tree(output)
        logger.info("Nén sẵn gzip và brotli %d tệp", count)


def register() -> None:
    signals.finalized.connect(prepare_for_static_host)
