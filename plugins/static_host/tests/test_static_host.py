"""Hashed asset names and precompressed copies in a real build."""

from __future__ import annotations

import gzip
import hashlib
import re

import brotli
import pytest

from static_host import precompress_tree

FILES = {
    "articles/a.md": "Title: Tin\nDate: 01/02/2020\nCategory: Thông báo\n\n"
    + "Nội dung tin bài khá dài để nén. " * 40
    + "\n",
}


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


def test_text_files_have_gzip_and_brotli_copies(site):
    page = site.output / "tin-tuc/2020/a/index.html"
    original = page.read_bytes()
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == original
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == original
    feed = site.output / "feeds/all.atom.xml"
    assert (feed.parent / "all.atom.xml.br").is_file()
    assert not list(site.output.rglob("*.svg.gz.gz"))


def test_gzip_copies_are_reproducible(site):
    first = (site.output / "index.html.gz").read_bytes()
    (site.output / "index.html.gz").unlink()
    precompress_tree(site.output)
    assert (site.output / "index.html.gz").read_bytes() == first


def test_nothing_changes_without_the_settings(make_site):
    from pelicanconf import PLUGINS

    site = make_site(FILES, LINKED_WEBSITES_FILE="", PLUGINS=[*PLUGINS, "static_host"])
    assert 'href="/theme/css/site.css"' in site.text("")
    assert not list(site.output.rglob("*.gz"))
