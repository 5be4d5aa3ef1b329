"""Content-hashed names for the theme's CSS and JavaScript files."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

ASSET_FOLDERS = ("theme/css", "theme/js")
ASSET_SUFFIXES = {".css", ".js"}
REFERENCING_SUFFIXES = {".html", ".aspx"}
HASHED_NAME = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def hashed_copies(output: Path) -> dict[str, str]:
    """Copy each asset to name.<hash>.ext; {old url path: new url path}."""
    renamed = {}
    for folder in ASSET_FOLDERS:
        for path in sorted((output / folder).glob("*")):
            if path.suffix not in ASSET_SUFFIXES or HASHED_NAME.search(path.name):
                continue
            target = path.with_name(f"{path.stem}.{content_hash(path)}{path.suffix}")
            shutil.copyfile(path, target)
            renamed[path.relative_to(output).as_posix()] = target.relative_to(
                output
            ).as_posix()
    return renamed


def rewrite_references(output: Path, renamed: dict[str, str]) -> int:
    """Point src/href attributes of every page at the hashed names."""
    if not renamed:
        return 0
    pattern = re.compile(
        r"""(?P<attr>(?:src|href)=["'][^"']*?/?)(?P<path>"""
        + "|".join(re.escape(old) for old in sorted(renamed, key=len, reverse=True))
        + r""")(?P<end>["'?#])"""
    )
    changed = 0
    for page in output.rglob("*"):
        if page.suffix not in REFERENCING_SUFFIXES or not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        new = pattern.sub(lambda m: m["attr"] + renamed[m["path"]] + m["end"], text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def fingerprint_assets(output: Path) -> dict[str, str]:
    renamed = hashed_copies(output)
    rewrite_references(output, renamed)
    return renamed
