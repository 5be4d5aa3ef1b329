"""gzip and brotli copies of text files, for servers that send them as they are.

Only what changed is compressed: a file that is the served one (a page the
memo linked) or has its bytes keeps the served copies, linked.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli

TEXT_SUFFIXES = {
    ".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".map", ".aspx",
}  # fmt: skip
MINIMUM_SIZE = 256
# Brotli's best quality is ~50 times slower than quality 5 on our pages for
# ~10% smaller files (400 pages: 18.3 s against 0.36 s, 19.1% against 21.3% of
# the size). Spend it on the few CSS, JS and SVG files, cached for a year, not
# on thousands of pages (a 1,000-article publish build took 200 s).
BEST_QUALITY_SUFFIXES = {".css", ".js", ".svg"}
PAGE_QUALITY = 5
COPIES = (".gz", ".br")


def compressible(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES and path.stat().st_size >= MINIMUM_SIZE


def brotli_quality(path: Path) -> int:
    return 11 if path.suffix in BEST_QUALITY_SUFFIXES else PAGE_QUALITY


def compressed(path: Path, data: bytes) -> dict[str, bytes]:
    # mtime=0 keeps the .gz identical from build to build.
    packed = {
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
        ".br": brotli.compress(data, quality=brotli_quality(path)),
    }
    return {suffix: copy for suffix, copy in packed.items() if len(copy) < len(data)}


def precompress_tree(output: Path, served: Path | None = None) -> int:
    """Write name.gz and name.br beside each text file; returns how many files
    were compressed (the others kept the copies of the served folder)."""
    count = 0
    for folder, _, names in os.walk(output):
        for name in names:
            path = Path(folder, name)
            if not compressible(path):
                continue
            old = served / path.relative_to(output) if served else None
            if old is not None and _same_file(path, old):
                _link_copies(old, path)
                continue
            for suffix, copy in compressed(path, path.read_bytes()).items():
                path.with_name(path.name + suffix).write_bytes(copy)
            count += 1
    return count


def _same_file(new: Path, old: Path) -> bool:
    """The served file itself (linked), or one with its bytes, which then
    takes its place (so a server and rsync see it unchanged)."""
    try:
        new_status, old_status = new.stat(), old.stat()
    except OSError:
        return False
    if (new_status.st_ino, new_status.st_dev) == (old_status.st_ino, old_status.st_dev):
        return True
    if new_status.st_size != old_status.st_size or new.read_bytes() != old.read_bytes():
        return False
    new.unlink()
    os.link(old, new)
    return True


def _link_copies(old: Path, new: Path) -> None:
    for suffix in COPIES:
        copy = old.with_name(old.name + suffix)
        if copy.is_file():
            os.link(copy, new.with_name(new.name + suffix))
