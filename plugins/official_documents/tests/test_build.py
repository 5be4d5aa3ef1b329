"""Real builds of a small documents database with the plugin and content_check
alone and the minimal theme (the project's theme, with the sidebar, menu,
sitemap and JSON export: tests/test_official_documents_site.py)."""

from __future__ import annotations

import json
from datetime import date

import feedparser
import pytest
from pelican.settings import read_settings

from conftest import (
    Site,
    clear_pelican_signals,
    plugin_build,
    plugin_settings,
    write_files,
)
from official_documents import read_library, searchable_documents

from .helpers import ALONE, DOCUMENTS, FILTER_LINKS, SETTINGS

TODAY = "07/12/2026"
ORIGIN = SETTINGS["SITE_ORIGIN"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    clear_pelican_signals()
    root = tmp_path_factory.mktemp("documents")
    write_files(root / "content", DOCUMENTS)
    output = root / "output"
    return plugin_build(
        "official_documents", root / "content", output, DOCUMENTS_TODAY=TODAY, **ALONE
    )


def texts(elements) -> list[str]:
    return [" ".join(e.get_text(" ").split()) for e in elements]


def by_number(site, number):
    return next(d for d in site.context["documents"] if d.number == number)


def test_the_index_lists_the_newest_first_with_the_build_days_status(site):
    page = site.soup("van-ban/")
    assert texts(page.select("main ol li")) == [
        "Dự thảo Kế hoạch số DT-01/2026/SKHCN Đang lấy ý kiến đến 25/01/2027",
        "Quyết định số 35/2026/QĐ-UBND Chưa có hiệu lực",
        "Quyết định số 412/QĐ-SKHCN Còn hiệu lực",
        "Quyết định số 215/QĐ-UBND Còn hiệu lực",
        # Replaced by 215/QĐ-UBND on 22/01/2024.
        "Quyết định số 2548/QĐ-UBND Hết hiệu lực",
        # Ngày hết hiệu lực 01/01/2026.
        "Quyết định số 185/QĐ-SKHCN Hết hiệu lực",
    ]
    replaced = by_number(site, "2548/QĐ-UBND")
    assert (replaced.effective, replaced.ends) == (date(2022, 9, 15), date(2024, 1, 22))
    assert site.context["documents_today"] == date(2026, 12, 7)


def test_every_filter_has_a_static_page(site):
    nav = site.soup("van-ban/").select_one("main nav")
    links = {a.get_text(): a["href"] for a in nav.select("a")}
    assert FILTER_LINKS.items() <= links.items()
    expired = site.soup("van-ban/tinh-trang/het-hieu-luc/")
    assert texts(expired.select("main ol li a")) == [
        "Quyết định số 2548/QĐ-UBND",
        "Quyết định số 185/QĐ-SKHCN",
    ]
    sector = site.soup("van-ban/linh-vuc/cai-cach-hanh-chinh/")
    assert sector.select_one("h1").get_text() == "Lĩnh vực: Cải cách hành chính"
    assert len(sector.select("main ol li")) == 1
    current = sector.select_one("nav a[aria-current]")
    assert current.get_text() == "Cải cách hành chính"


def test_a_document_has_its_fields_downloads_and_links(site):
    document = by_number(site, "215/QĐ-UBND")
    assert document.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert document.signer == "Hoàng Minh Đức - Chủ tịch"
    assert document.issued == document.effective == date(2024, 1, 22)
    assert document.sectors == ["Khoa học và công nghệ", "Cải cách hành chính"]
    assert [d.url for d in document.replaces] == ["van-ban/2022/qd-2548/"]
    page = site.soup("van-ban/2024/qd-215/")
    downloads = texts(page.select("main li"))
    assert downloads == ["a.pdf (PDF, 2,5 KB)", "phu-luc.xlsx (XLSX, 1,4 MB)"]
    first = page.select_one("main li a")
    assert first["href"] == "/files/van-ban/a.pdf" and first.has_attr("download")
    assert site.exists("files/van-ban/a.pdf")
    # The body's "# Phụ lục" fits under the page's h1 and a section's h2.
    assert [h.name for h in page.select(".content h1, .content h2, .content h3")] == [
        "h3"
    ]
    replaced = by_number(site, "2548/QĐ-UBND")
    assert [d.number for d in replaced.replaced_by] == ["215/QĐ-UBND"]
    amended = by_number(site, "185/QĐ-SKHCN")
    assert [d.number for d in amended.amended_by] == ["412/QĐ-SKHCN"]
    assert amended.ends == date(2026, 1, 1)


def legislation(site, url) -> dict:
    (block,) = site.soup(url).select('script[type="application/ld+json"]')
    return json.loads(block.string)


def test_legislation_structured_data(site):
    data = legislation(site, "van-ban/2024/qd-215/")
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "215/QĐ-UBND"
    assert data["legislationType"] == "Quyết định"
    assert data["legislationDate"] == "2024-01-22"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["legislationChanges"] == [f"{ORIGIN}/van-ban/2022/qd-2548/"]
    assert data["legislationPassedBy"]["name"] == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert [e["encodingFormat"] for e in data["encoding"]] == ["PDF", "XLSX"]
    old = legislation(site, "van-ban/2022/qd-2548/")
    assert old["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert old["expires"] == "2024-01-22"
    draft = legislation(site, "van-ban/2026/du-thao-01/")
    assert "legislationLegalForce" not in draft
    assert draft["creativeWorkStatus"] == "Dự thảo"


def test_a_draft_takes_comments_until_its_day(site):
    draft = by_number(site, "DT-01/2026/SKHCN")
    assert draft.draft and draft.comment_email == "gopy@quangninh.gov.vn"
    assert (draft.comment_from, draft.comment_until) == (
        date(2026, 11, 25),
        date(2027, 1, 25),
    )
    assert not draft.signer


def test_recent_documents_and_the_access_page(site):
    recent = site.context["recent_documents"]
    assert len(recent) == 5 and recent[0].url == "van-ban/2026/du-thao-01/"
    access = site.soup("tiep-can-thong-tin/")
    assert access.h1.get_text() == "Tiếp cận thông tin"
    assert texts(access.select("main li")) == ["Phiếu yêu cầu (PDF, 2,5 KB)"]


def test_feeds_and_the_compact_index(site):
    for name in ("van-ban.atom.xml", "van-ban.rss.xml"):
        feed = feedparser.parse((site.output / "feeds" / name).read_bytes())
        assert not feed.bozo, name
        assert len(feed.entries) == 6
        first = feed.entries[0]
        assert first.title == (
            "Dự thảo Kế hoạch số DT-01/2026/SKHCN: Kế hoạch chuyển đổi số năm 2027"
        )
        assert first.link == f"{ORIGIN}/van-ban/2026/du-thao-01/"
    index = json.loads((site.output / "van-ban/chi-muc.json").read_text())
    assert [d["number"] for d in index["documents"]][:2] == [
        "DT-01/2026/SKHCN",
        "35/2026/QĐ-UBND",
    ]
    assert index["documents"][0]["draft"] == ["2026-11-25", "2027-01-25"]


def test_searchable_data_for_the_site_search(tmp_path):
    write_files(tmp_path / "content", DOCUMENTS)
    content = tmp_path / "content"
    override = plugin_settings("official_documents", content, tmp_path / "out", **ALONE)
    settings = read_settings(None, override=override)
    documents = read_library(settings).documents
    found = {d.url: d for d in searchable_documents({"documents": documents})}
    item = found["van-ban/2024/qd-215/"]
    assert item.title == (
        "215/QĐ-UBND Công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ"
    )
    assert item.kind == "van-ban" and item.date.isoformat() == "2024-01-22"
    assert item.number == "215/QĐ-UBND"
    # Each field a sentence, so that the search pairs no words across two.
    assert item.text.startswith(
        "Quyết định số 215/QĐ-UBND. Ủy ban nhân dân tỉnh Quảng Ninh. "
        "Hoàng Minh Đức - Chủ tịch. Khoa học và công nghệ; Cải cách hành chính. "
        "Công bố danh mục"
    )
    for words in ("phụ lục", "52 thủ tục"):
        assert words in item.text
    assert searchable_documents({}) == []


def test_a_site_without_documents_has_no_documents_pages(plugin_site):
    site = plugin_site(
        "official_documents",
        {"articles/a.md": DOCUMENTS["articles/2024/tin.md"]},
        **ALONE,
    )
    assert not site.exists("van-ban/")
    assert not site.exists("tiep-can-thong-tin/")
    assert not site.context.get("documents")
    assert not (site.output / "van-ban/chi-muc.json").exists()
