"""Content-hashed names for the theme's CSS and JavaScript files.

Pages get the hashed name when they are rendered (the ``asset`` filter), so a
page is final as written and the page memo can reuse it; the hashed copies
are made once every file is written.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
from pathlib import Path

from jinja2 import pass_context

ASSET_SUFFIXES = {".css", ".js"}
HASHED_NAME = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")
THEME_FOLDER = "theme"  # where Pelican copies the theme's static files


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


@functools.cache
def hashed_name(source: Path) -> str:
    """css/site.css → css/site.<hash>.css, by the theme file's bytes (once a
    process: the preview server restarts when the theme changes)."""
    return f"{source.stem}.{content_hash(source.read_bytes())}{source.suffix}"


def asset_path(settings, path: str) -> str:
    """The address of a theme file, below SITEURL: "theme/css/site.css", or
    with FINGERPRINT_ASSETS its content-hashed name."""
    source = Path(settings["THEME"], "static", path)
    if settings.get("FINGERPRINT_ASSETS") and source.suffix in ASSET_SUFFIXES:
        path = str(Path(path).with_name(hashed_name(source)))
    return f"{THEME_FOLDER}/{path}"


@pass_context
def asset(context, path: str) -> str:
    """``{{ "css/site.css"|asset }}``: the file's URL on this page."""
    return f"{context.get('SITEURL', '')}/{asset_path(context, path)}"


def write_hashed_copies(output: Path, settings) -> int:
    """Copy each CSS and JavaScript file to its hashed name."""
    copied = 0
    static = Path(settings["THEME"], "static")
    for source in sorted(static.rglob("*")):
        if source.suffix not in ASSET_SUFFIXES or not source.is_file():
            continue
        written = output / THEME_FOLDER / source.relative_to(static)
        hashed = written.with_name(hashed_name(source))
        shutil.copyfile(written, hashed)
        copied += 1
    return copied
