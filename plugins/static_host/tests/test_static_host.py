"""Hashed asset names and precompressed copies in a real build."""

from __future__ import annotations

import gzip
import shutil

import brotli
import pytest

from conftest import MINIMAL_THEME, write_files
from static_host import precompress_tree

from .checks import assert_no_page_uses_plain_names, assert_points_to_hashed_assets

FILES = {
    "articles/a.md": "Title: Tin\nDate: 2020-02-01\nCategory: Thông báo\n\n"
    + "Nội dung tin bài khá dài để nén. " * 40
    + "\n",
}
# The minimal theme with a stylesheet and a script, named with the filter.
ASSETS = {
    "static/css/site.css": "main { margin: 1em; }\n",
    "static/js/site.js": "document.documentElement.classList.add('js');\n",
    "templates/base.html": (MINIMAL_THEME / "templates/base.html")
    .read_text(encoding="utf-8")
    .replace(
        "</head>",
        '<link rel="stylesheet" href="{{ "css/site.css"|asset }}">\n'
        '<script src="{{ "js/site.js"|asset }}" defer></script>\n</head>',
    ),
}


@pytest.fixture
def theme(tmp_path):
    shutil.copytree(MINIMAL_THEME, tmp_path / "theme")
    write_files(tmp_path / "theme", ASSETS)
    return str(tmp_path / "theme")


@pytest.fixture
def site(plugin_site, theme):
    return plugin_site(
        "static_host",
        FILES,
        SLUGIFY_SOURCE="basename",
        THEME=theme,
        FINGERPRINT_ASSETS=True,
        PRECOMPRESS=True,
    )


def test_pages_point_to_content_hashed_assets(site):
    assert_points_to_hashed_assets(site, "a.html")


def test_every_page_uses_the_hashed_names(site):
    assert_no_page_uses_plain_names(site)


def test_text_files_have_gzip_and_brotli_copies(site):
    page = site.output / "a.html"
    original = page.read_bytes()
    assert gzip.decompress(page.with_name("a.html.gz").read_bytes()) == original
    assert brotli.decompress(page.with_name("a.html.br").read_bytes()) == original
    feed = site.output / "feeds/all.atom.xml"
    assert (feed.parent / "all.atom.xml.br").is_file()
    assert not list(site.output.rglob("*.svg.gz.gz"))


def test_gzip_copies_are_reproducible(site):
    first = (site.output / "index.html.gz").read_bytes()
    (site.output / "index.html.gz").unlink()
    precompress_tree(site.output)
    assert (site.output / "index.html.gz").read_bytes() == first


def test_nothing_changes_without_the_settings(plugin_site, theme):
    site = plugin_site("static_host", FILES, THEME=theme)
    assert 'href="/theme/css/site.css"' in site.text("")
    assert not list(site.output.rglob("*.gz"))
