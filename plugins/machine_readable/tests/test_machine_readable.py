"""Sitemap, robots.txt and the JSON export, from a real build."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

FILES = {
    "articles/2020/hoi-nghi.md": """
        Title: Hội nghị <tổng kết> & khen thưởng
        Date: 16/11/2020 10:00
        Modified: 17/11/2020 08:00
        Category: Tin hoạt động
        Tags: hội nghị, khen thưởng
        Author: Trương Thế Bình - Văn phòng
        Summary: Lời dẫn **ngắn**.
        Hot: yes

        Nội dung.
        """,
    "articles/2019/tuyen-dung.md": """
        Title: Thông báo tuyển dụng
        Date: 2019-05-02 09:00
        Category: Thông báo

        Nội dung.<script>alert(1)</script>
        """,
    "pages/gioi-thieu.md": "Title: Giới thiệu\nSlug: gioi-thieu\n\nSở.\n",
}
ORIGIN = "https://khcn.example.gov.vn"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site(plugin_site):
    return plugin_site(
        "machine_readable", FILES, SLUGIFY_SOURCE="basename", SITE_ORIGIN=ORIGIN
    )


def test_sitemap_lists_every_article_and_page(site):
    tree = ElementTree.parse(site.output / "sitemap.xml")
    locations = [loc.text for loc in tree.findall(".//s:loc", SITEMAP_NS)]
    for url in (
        "/",
        "/hoi-nghi.html",
        "/tuyen-dung.html",
        "/pages/gioi-thieu.html",
        "/category/thong-bao.html",
        "/tag/hoi-nghi.html",
    ):
        assert ORIGIN + url in locations
    modified = tree.find(".//s:url[2]/s:lastmod", SITEMAP_NS).text
    assert modified == "2020-11-17T08:00:00+07:00"


def test_robots_points_to_sitemap(site):
    robots = (site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in robots
    assert "User-agent: *" in robots


def test_json_export_has_every_article(site):
    data = json.loads((site.output / "du-lieu/bai-viet.json").read_text("utf-8"))
    first, second = data["articles"]
    assert first["title"] == "Hội nghị <tổng kết> & khen thưởng"
    assert first["url"] == f"{ORIGIN}/hoi-nghi.html"
    assert first["date"] == "2020-11-16T10:00:00+07:00"
    assert first["modified"] == "2020-11-17T08:00:00+07:00"
    assert first["tags"] == ["hội nghị", "khen thưởng"]
    assert first["summary"] == "Lời dẫn ngắn."  # the text stage's
    assert first["featured"] is False
    # The text stage reads the sanitised body: no script in the summary.
    assert second["category"] == "Thông báo" and second["summary"] == "Nội dung."


def test_feed_links_are_absolute_in_a_root_relative_site(site):
    feed = (site.output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert f'href="{ORIGIN}/hoi-nghi.html"' in feed
    page = site.text("hoi-nghi.html")
    assert 'href="/category/tin-hoat-dong.html"' in page
