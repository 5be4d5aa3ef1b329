"""Checks of a built site's hashed assets, for the plugin's minimal theme and
the project's theme (tests/test_static_host_site.py) alike."""

from __future__ import annotations

import hashlib
import re


def assert_points_to_hashed_assets(site, url: str) -> None:
    """The page's stylesheet and script are content-hashed copies."""
    page = site.soup(url)
    stylesheet = page.select_one('link[rel="stylesheet"]')["href"]
    script = page.select_one("script[src]")["src"]
    for address in (stylesheet, script):
        match = re.fullmatch(r"/theme/(css|js)/(\w[\w-]*)\.([0-9a-f]{10})\.\1", address)
        assert match, address
        hashed = site.output / address.lstrip("/")
        original = hashed.with_name(f"{match[2]}.{match[1]}")
        assert hashed.read_bytes() == original.read_bytes()
        assert hashlib.sha256(hashed.read_bytes()).hexdigest()[:10] == match[3]


def assert_no_page_uses_plain_names(site) -> None:
    for path in site.html_pages():
        text = path.read_text(encoding="utf-8")
        assert 'href="/theme/css/site.css"' not in text, path
        assert 'src="/theme/js/site.js"' not in text, path
