"""Feeds for the whole site and per category, checked with feedparser."""

from __future__ import annotations

import feedparser
import pytest


@pytest.fixture(scope="module")
def feeds(project_site):
    return sorted((project_site.output / "feeds").glob("*.xml"))


def url_to_page(project_site, link: str):
    path = link.split("://", 1)[1].split("/", 1)[1]
    return project_site.path(path)


def test_site_and_category_feeds_exist(project_site, feeds):
    names = {path.name for path in feeds}
    assert {"all.atom.xml", "all.rss.xml"} <= names
    categories = project_site.soup("chuyen-muc/").select("main .directory a")
    for link in categories:
        slug = link["href"].strip("/").split("/")[-1]
        assert {f"{slug}.atom.xml", f"{slug}.rss.xml"} <= names, slug


def test_every_feed_parses_and_links_to_real_pages(project_site, feeds):
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path.name, feed.get("bozo_exception"))
        assert feed.entries, path.name
        for entry in feed.entries:
            assert entry.title.strip()
            assert url_to_page(project_site, entry.link).is_file(), entry.link


def test_feed_keeps_vietnamese_text(project_site):
    feed = feedparser.parse((project_site.output / "feeds/all.atom.xml").read_bytes())
    titles = [entry.title for entry in feed.entries]
    assert any("Sở Khoa học và Công nghệ".upper() in title.upper() for title in titles)
