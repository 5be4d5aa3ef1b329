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

        Nội dung.
        """,
    "pages/gioi-thieu.md": "Title: Giới thiệu\nSlug: gioi-thieu\n\nSở.\n",
}
ORIGIN = "https://khcn.example.gov.vn"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site(make_site):
    return make_site(FILES, LINKED_WEBSITES_FILE="", SITE_ORIGIN=ORIGIN)


def test_sitemap_lists_every_article_and_page(site):
    tree = ElementTree.parse(site.output / "sitemap.xml")
    locations = [loc.text for loc in tree.findall(".//s:loc", SITEMAP_NS)]
    for url in (
        "/",
        "/tin-tuc/2020/hoi-nghi/",
        "/tin-tuc/2019/tuyen-dung/",
        "/gioi-thieu/",
        "/chuyen-muc/thong-bao/",
        "/the/hoi-nghi/",
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
    assert first["url"] == f"{ORIGIN}/tin-tuc/2020/hoi-nghi/"
    assert first["date"] == "2020-11-16T10:00:00+07:00"
    assert first["author"] == "Trương Thế Bình" and first["unit"] == "Văn phòng"
    assert first["tags"] == ["hội nghị", "khen thưởng"]
    assert first["summary"] == "Lời dẫn ngắn."
    assert first["hot"] is True and first["featured"] is False
    assert second["category"] == "Thông báo" and second["author"] is None


def test_feed_links_are_absolute_in_a_root_relative_site(site):
    feed = (site.output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert f'href="{ORIGIN}/tin-tuc/2020/hoi-nghi/"' in feed
    page = site.text("tin-tuc/2020/hoi-nghi/")
    assert 'href="/chuyen-muc/tin-hoat-dong/"' in page
