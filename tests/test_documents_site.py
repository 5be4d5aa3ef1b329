"""The documents database of the real site: its sample content, its PDFs, and
its page types in Chromium with axe's best-practice rules as well."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from page_types import PAGE_TYPES
from pelican.settings import read_settings
from test_accessibility import AXE, WCAG_TAGS

from conftest import PROJECT
from official_documents import read_library

DOCUMENT_PAGES = [
    "documents",
    "documents filter",
    "document",
    "draft document",
    "access to information",
]


@pytest.fixture(scope="module")
def library():
    settings = read_settings(
        str(PROJECT / "pelicanconf.py"), override={"PATH": str(PROJECT / "content")}
    )
    return read_library(settings)


def test_the_sample_database_is_clean_and_has_every_case(library):
    assert [str(p) for p in library.problems] == []
    documents = library.documents
    assert len(documents) >= 30
    kinds = {d.kind for d in documents}
    assert {"Quyết định", "Kế hoạch", "Thông báo", "Công văn", "Báo cáo"} <= kinds
    assert sum(bool(d.replaces) for d in documents) >= 2
    assert any(d.expires for d in documents)
    assert any(d.effective and d.effective.year >= 2027 for d in documents)
    assert any(d.draft and d.comment_until.year >= 2027 for d in documents)


def test_every_shipped_pdf_opens_and_carries_its_documents_text(library):
    assert shutil.which("pdftotext"), "scripts/setup.sh --test installs poppler-utils"
    for document in library.documents:
        for attachment in document.files:
            if attachment.format != "PDF":
                continue
            path = PROJECT / "content" / attachment.path
            result = subprocess.run(
                ["pdftotext", "-q", str(path), "-"],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 0, path
            text = " ".join(result.stdout.split())
            if "/van-ban/" in f"/{attachment.path}":  # made by make_document_pdfs
                assert document.number in text, path
                assert " ".join(document.summary.split()[:6]) in text, path
            else:  # shipped with the articles before
                assert len(text) > 100, path


def test_the_listing_has_more_pages_without_javascript(project_site):
    assert project_site.exists("van-ban/trang/2/")
    second = project_site.soup("van-ban/trang/2/")
    assert len(second.select(".document-item")) >= 10
    assert not second.select("[data-document-filter]")


@pytest.mark.browser
@pytest.mark.parametrize("name", DOCUMENT_PAGES)
def test_no_axe_violations_best_practice_included(browser, served_project, name):
    page = browser.new_page()
    page.goto(f"{served_project}/{PAGE_TYPES[name]}", wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        [*WCAG_TAGS, "best-practice"],
    )
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == [], name
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd"])
def test_the_real_index_finds_a_number_typed_any_way(browser, served_project, query):
    page = browser.new_page()
    page.goto(f"{served_project}/van-ban/?q={query}", wait_until="networkidle")
    first = page.locator(".document-item__title").first
    assert first.inner_text() == "Quyết định số 215/QĐ-UBND"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_without_horizontal_scrolling(browser, served_project, width):
    artifacts = Path(__file__).resolve().parent.parent / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    for name in DOCUMENT_PAGES:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{served_project}/{PAGE_TYPES[name]}", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        slug = name.replace(" ", "-")
        page.screenshot(path=str(artifacts / f"{slug}-{width}.png"), full_page=True)
        page.close()
