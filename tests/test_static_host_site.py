"""The project's theme names its CSS and JavaScript with the asset filter: a
fingerprinting build links every page to the hashed names (plugins/static_host/tests
builds with the plugin alone and a theme of two files)."""

from __future__ import annotations

import hashlib
import re

import pytest

from static_host.tests.test_static_host import FILES


@pytest.fixture
def site(make_site):
    from pelicanconf import PLUGINS

    return make_site(
        FILES,
        LINKED_WEBSITES_FILE="",
        PLUGINS=[*PLUGINS, "static_host"],
        FINGERPRINT_ASSETS=True,
        PRECOMPRESS=True,
    )


def test_pages_point_to_content_hashed_assets(site):
    page = site.soup("tin-tuc/2020/a/")
    stylesheet = page.select_one('link[rel="stylesheet"]')["href"]
    script = page.select_one("script[src]")["src"]
    for url in (stylesheet, script):
        match = re.fullmatch(r"/theme/(css|js)/(\w[\w-]*)\.([0-9a-f]{10})\.\1", url)
        assert match, url
        hashed = site.output / url.lstrip("/")
        original = hashed.with_name(f"{match[2]}.{match[1]}")
        assert hashed.read_bytes() == original.read_bytes()
        assert hashlib.sha256(hashed.read_bytes()).hexdigest()[:10] == match[3]


def test_every_page_uses_the_hashed_names(site):
    for path in site.html_pages():
        text = path.read_text(encoding="utf-8")
        assert 'href="/theme/css/site.css"' not in text, path
        assert 'src="/theme/js/site.js"' not in text, path
