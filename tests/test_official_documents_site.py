"""A small documents database in the project's theme, with the site's sidebar,
menu, feeds, sitemap and JSON export (plugins/official_documents/tests builds
with the plugin and content_check alone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest

from conftest import PROJECT, Site, build, pelican_alone
from official_documents.tests.helpers import (
    DOCUMENTS,
    FILTER_LINKS,
    MALFORMED,
    PDF,
    SETTINGS,
    write_site,
)

TODAY = "07/12/2026"
ORIGIN = SETTINGS["SITE_ORIGIN"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("documents")
    write_site(root / "content", DOCUMENTS)
    output = build(
        root / "content",
        root / "output",
        DOCUMENTS_TODAY=TODAY,
        CACHE_PATH=str(root / "cache"),
        **SETTINGS,
    )
    return Site(output)


def texts(elements) -> list[str]:
    return [" ".join(e.get_text(" ").split()) for e in elements]


def test_the_index_lists_the_newest_first_with_the_build_days_status(site):
    page = site.soup("van-ban/")
    titles = texts(page.select(".document-item__title"))
    assert titles == [
        "Dự thảo Kế hoạch số DT-01/2026/SKHCN",
        "Quyết định số 35/2026/QĐ-UBND",
        "Quyết định số 412/QĐ-SKHCN",
        "Quyết định số 215/QĐ-UBND",
        "Quyết định số 2548/QĐ-UBND",
        "Quyết định số 185/QĐ-SKHCN",
    ]
    assert texts(page.select(".document-item [data-document-status]")) == [
        "Đang lấy ý kiến đến 25/01/2027",
        "Chưa có hiệu lực",
        "Còn hiệu lực",
        "Còn hiệu lực",
        "Hết hiệu lực",  # replaced by 215/QĐ-UBND on 22/01/2024
        "Hết hiệu lực",  # Ngày hết hiệu lực 01/01/2026
    ]
    badge = page.select(".document-item [data-document-status]")[4]
    assert badge["data-effective"] == "2022-09-15"
    assert badge["data-ends"] == "2024-01-22"
    assert page.select_one("[data-document-filter]").has_attr("hidden")
    assert page.select_one(".main-nav a[aria-current]").get_text() == "Văn bản"


def test_every_filter_has_a_static_page(site):
    nav = site.soup("van-ban/").select_one("[data-document-facets]")
    links = {a.get_text(): a["href"] for a in nav.select("a")}
    assert FILTER_LINKS.items() <= links.items()
    expired = site.soup("van-ban/tinh-trang/het-hieu-luc/")
    assert texts(expired.select(".document-item__title a")) == [
        "Quyết định số 2548/QĐ-UBND",
        "Quyết định số 185/QĐ-SKHCN",
    ]
    assert "Tình trạng tính theo ngày 07/12/2026" in expired.get_text()
    sector = site.soup("van-ban/linh-vuc/cai-cach-hanh-chinh/")
    assert sector.select_one("h1").get_text() == "Lĩnh vực: Cải cách hành chính"
    assert len(sector.select(".document-item")) == 1
    combine = sector.select_one(".documents-combine a")["href"]
    assert combine == "/van-ban/?linh-vuc=cai-cach-hanh-chinh"
    current = sector.select_one("[data-document-facets] a[aria-current]")
    assert current.get_text() == "Cải cách hành chính"


def field_table(page) -> dict[str, str]:
    rows = page.select(".document-fields tr")
    return {r.th.get_text(): " ".join(r.td.get_text(" ").split()) for r in rows}


def test_a_document_page_has_its_fields_downloads_and_links(site):
    page = site.soup("van-ban/2024/qd-215/")
    fields = field_table(page)
    assert fields["Số ký hiệu"] == "215/QĐ-UBND"
    assert fields["Cơ quan ban hành"] == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert fields["Người ký"] == "Hoàng Minh Đức - Chủ tịch"
    assert fields["Ngày ban hành"] == fields["Ngày hiệu lực"] == "22/01/2024"
    assert fields["Lĩnh vực"] == "Khoa học và công nghệ; Cải cách hành chính"
    assert fields["Thay thế"].startswith("Quyết định số 2548/QĐ-UBND")
    assert page.select_one(".document-fields a")["href"] == "/van-ban/2022/qd-2548/"
    downloads = texts(page.select(".document-files__list li"))
    assert downloads == ["a.pdf (PDF, 2,5 KB)", "phu-luc.xlsx (XLSX, 1,4 MB)"]
    first = page.select_one(".document-files__list a")
    assert first["href"] == "/files/van-ban/a.pdf" and first.has_attr("download")
    assert site.exists("files/van-ban/a.pdf")
    # The body's "# Phụ lục" sits under the section's h2.
    assert [h.name for h in page.select("main h1, main h2, main h3")] == [
        "h1",
        "h2",
        "h2",
        "h3",
    ]
    replaced = field_table(site.soup("van-ban/2022/qd-2548/"))
    assert replaced["Bị thay thế bởi"].startswith("Quyết định số 215/QĐ-UBND")
    assert replaced["Ngày hết hiệu lực"] == (
        "22/01/2024 (khi văn bản thay thế có hiệu lực)"
    )
    amended = field_table(site.soup("van-ban/2021/qd-185/"))
    assert amended["Được sửa đổi, bổ sung bởi"].startswith("Quyết định số 412/")
    assert amended["Ngày hết hiệu lực"] == "01/01/2026"


def legislation(site, url) -> dict:
    (block,) = site.soup(url).select('script[type="application/ld+json"]')
    return json.loads(block.string)


def test_the_document_page_carries_its_structured_data(site):
    """The project's theme shows the plugin's Legislation data (checked in
    full by plugins/official_documents/tests/test_build.py)."""
    data = legislation(site, "van-ban/2024/qd-215/")
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "215/QĐ-UBND"


def test_a_draft_asks_for_comments_by_mail(site):
    page = site.soup("van-ban/2026/du-thao-01/")
    action = page.select_one("[data-comment-action]")
    assert not action.has_attr("hidden")
    href = action.a["href"]
    address, _, query = href.partition("?")
    assert address == "mailto:gopy@quangninh.gov.vn"
    assert unquote(query) == "subject=Góp ý dự thảo DT-01/2026/SKHCN"
    assert "Người ký" not in field_table(page)
    assert field_table(page)["Thời gian lấy ý kiến"] == "25/11/2026 – 25/01/2027"
    assert (
        "từ 25/11/2026 đến hết ngày 25/01/2027"
        in page.select_one(".document-comment").get_text()
    )


def test_sidebar_menu_footer_and_access_page(site):
    home = site.soup("")
    box = home.select_one("aside .recent-documents")
    assert box.h2.get_text() == "Văn bản mới"
    assert len(box.select("li")) == 5
    assert box.select_one("li a")["href"] == "/van-ban/2026/du-thao-01/"
    assert "Văn bản" in texts(home.select(".main-nav a"))
    assert home.select_one('.site-footer a[href="/tiep-can-thong-tin/"]')
    access = site.soup("tiep-can-thong-tin/")
    assert access.h1.get_text() == "Tiếp cận thông tin"
    headings = texts(access.select("main h2"))
    assert headings == [
        "Đầu mối cung cấp thông tin",
        "Cách yêu cầu cung cấp thông tin",
        "Mẫu phiếu tải về",
        "Danh mục thông tin công khai",
    ]
    assert texts(access.select("#mau-phieu + ul li")) == ["Phiếu yêu cầu (PDF, 2,5 KB)"]
    assert access.select_one('main a[href="/van-ban/loai/quyet-dinh/"]')


def test_feeds_sitemap_and_json_export(site):
    for name in ("van-ban.atom.xml", "van-ban.rss.xml"):
        feed = feedparser.parse((site.output / "feeds" / name).read_bytes())
        assert not feed.bozo, name
        assert len(feed.entries) == 6
        first = feed.entries[0]
        assert first.title == (
            "Dự thảo Kế hoạch số DT-01/2026/SKHCN: Kế hoạch chuyển đổi số năm 2027"
        )
        assert first.link == f"{ORIGIN}/van-ban/2026/du-thao-01/"
    sitemap = (site.output / "sitemap.xml").read_text()
    for url in ("van-ban/", "van-ban/2024/qd-215/", "van-ban/loai/quyet-dinh/"):
        assert f"<loc>{ORIGIN}/{url}</loc>" in sitemap
    assert f"<loc>{ORIGIN}/tiep-can-thong-tin/</loc>" in sitemap
    data = json.loads((site.output / "du-lieu/van-ban.json").read_text())
    assert data["status_date"] == "2026-12-07"
    record = next(d for d in data["documents"] if d["number"] == "215/QĐ-UBND")
    assert record["status"] == "Còn hiệu lực"
    assert record["replaces"] == [
        {"number": "2548/QĐ-UBND", "url": f"{ORIGIN}/van-ban/2022/qd-2548/"}
    ]
    assert record["files"][0] == {
        "url": f"{ORIGIN}/files/van-ban/a.pdf",
        "format": "PDF",
        "size": len(PDF),
    }
    index = json.loads((site.output / "van-ban/chi-muc.json").read_text())
    assert [d["number"] for d in index["documents"]][:2] == [
        "DT-01/2026/SKHCN",
        "35/2026/QĐ-UBND",
    ]
    assert index["documents"][0]["draft"] == ["2026-11-25", "2027-01-25"]


def test_a_site_without_documents_has_no_documents_pages(make_site):
    site = make_site({"articles/a.md": DOCUMENTS["articles/2024/tin.md"]}, **SETTINGS)
    assert not site.exists("van-ban/")
    assert not site.exists("tiep-can-thong-tin/")
    home = site.soup("")
    assert "Văn bản" not in texts(home.select(".main-nav a"))
    assert not home.select(".recent-documents")
    assert not Path(site.output / "du-lieu/van-ban.json").exists()


# Every malformed document, in `sokhcn check`, the project's preview and a publish.
@pytest.fixture(scope="module")
def malformed_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("malformed")
    write_site(root / "content", DOCUMENTS)
    write_site(root / "content", {path: text for path, text, *_ in MALFORMED})
    return root


def test_the_command_line_lists_every_problem_once(malformed_site):
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("sokhcn")),
            "check",
            str(malformed_site / "content"),
            "-s",
            str(PROJECT / "pelicanconf.py"),
        ],
        cwd=malformed_site,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    for path, _text, line, message, _fix in MALFORMED:
        hits = [entry for entry in lines if f"{path}:{line}: lỗi: {message}" in entry]
        assert len(hits) == 1, (path, lines)
    # The access-to-information forms of the project's settings are missing here.
    assert lines[-1].startswith("Kiểm tra 14 tệp nội dung: 9 lỗi")


def test_the_preview_lists_them_once_and_still_builds(malformed_site, tmp_path):
    printed = pelican_alone(
        malformed_site / "content",
        tmp_path / "output",
        {**SETTINGS, "CACHE_PATH": str(tmp_path / "cache")},
    )
    site = Site(tmp_path / "output")
    rows = [
        " ".join(row.get_text(" ").split())
        for row in site.soup("loi-noi-dung/").select("tbody tr")
    ]
    for path, _text, line, message, _fix in MALFORMED:
        assert sum(f"{path}:{line}" in r and message in r for r in rows) == 1, path
        assert printed.count(message) == 1, message
    assert site.soup("van-ban/").select_one(".problems-banner")
    # Good documents are still published in the preview.
    assert site.exists("van-ban/2024/qd-215/")


def publish(content: Path, output: Path, cache: Path):
    extra = {**SETTINGS, "CACHE_PATH": str(cache)}
    command = [sys.executable, "-m", "pelican", str(content)]
    command += ["-s", str(PROJECT / "publishconf.py"), "-o", str(output)]
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    wide = {**os.environ, "COLUMNS": "1000"}  # one problem, one line
    return subprocess.run(
        command, cwd=PROJECT, capture_output=True, text=True, timeout=300, env=wide
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*.html")}


@pytest.mark.parametrize("path, text, line, message, _fix", MALFORMED[1::2])
def test_a_publish_with_a_malformed_document_keeps_the_old_site(
    tmp_path, path, text, line, message, _fix
):
    content, output = tmp_path / "content", tmp_path / "output"
    write_site(content, DOCUMENTS)
    first = publish(content, output, tmp_path / "cache")
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(output)
    assert "van-ban/2024/qd-215/index.html" in before
    write_site(content, {path: text})
    second = publish(content, output, tmp_path / "cache")
    log = second.stdout + second.stderr
    assert second.returncode != 0
    assert f"{path}:{line}: lỗi: {message}" in log and "không xuất bản" in log
    assert snapshot(output) == before
