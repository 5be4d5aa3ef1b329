"""Every malformed document is reported once, with its file, line and fix, by
content_check, and the preview still builds the others (`sokhcn check`, the
project's banner and a refused publish: tests/test_official_documents_site.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pelican.settings import read_settings

from conftest import plugin_build, plugin_settings
from content_check import check_content
from official_documents import read_library

from .helpers import ALONE, DOCUMENTS, MALFORMED, write_site


def settings_for(content: Path) -> dict:
    override = plugin_settings("official_documents", content, content / "out", **ALONE)
    return read_settings(None, override=override)


@pytest.fixture(scope="module")
def malformed_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("malformed")
    write_site(root / "content", DOCUMENTS)
    write_site(root / "content", {path: text for path, text, *_ in MALFORMED})
    return root


def test_a_clean_database_has_no_problems(tmp_path):
    write_site(tmp_path / "content", DOCUMENTS)
    problems, count = check_content(settings_for(tmp_path / "content"))
    assert [str(p) for p in problems] == []
    assert count == 1 + 6  # the article and the documents


@pytest.mark.parametrize("path, _text, line, message, fix", MALFORMED)
def test_each_malformed_case_is_reported_once_with_line_and_fix(
    malformed_site, path, _text, line, message, fix
):
    problems, _ = check_content(settings_for(malformed_site / "content"))
    found = [p for p in problems if p.path.endswith(path) and message in p.message]
    assert len(found) == 1, [str(p) for p in problems if p.path.endswith(path)]
    (problem,) = found
    assert problem.is_error and problem.line == line and fix in problem.fix
    # Nothing else is reported for that file: one mistake, one line.
    assert [p for p in problems if p.path.endswith(path)] == found


def test_a_build_lists_them_once_and_still_builds(malformed_site, tmp_path, caplog):
    content = malformed_site / "content"
    with caplog.at_level(logging.ERROR):
        site = plugin_build(
            "official_documents",
            content,
            tmp_path / "output",
            CONTENT_PROBLEMS_SAVE_AS="loi-noi-dung.html",
            **ALONE,
        )
    rows = [
        " ".join(row.get_text(" ").split())
        for row in site.soup("loi-noi-dung.html").select("tbody tr")
    ]
    for path, _text, line, message, _fix in MALFORMED:
        assert sum(f"{path}:{line}" in r and message in r for r in rows) == 1, path
        assert sum(message in logged for logged in caplog.messages) == 1, message
    # Good documents are still published.
    assert site.exists("van-ban/2024/qd-215/")


def test_numbers_repeat_across_years_and_a_reference_names_the_year(tmp_path):
    files = dict(DOCUMENTS)
    files["van-ban/2025/qd-215-2025.md"] = (
        DOCUMENTS["van-ban/2024/qd-215.md"]
        .replace("22/01/2024", "03/02/2025")
        .replace("Thay thế: 2548/QĐ-UBND", "Thay thế: 215/QĐ-UBND (2024)")
    )
    files["van-ban/2026/mo-ho.md"] = (
        DOCUMENTS["van-ban/2026/qd-35.md"]
        .replace("35/2026/QĐ-UBND", "36/2026/QĐ-UBND")
        .replace("Tệp:", "Sửa đổi: 215/QĐ-UBND\nTệp:")
    )
    write_site(tmp_path / "content", files)
    library = read_library(settings_for(tmp_path / "content"))
    problems = [str(p) for p in library.problems]
    assert len(problems) == 1, problems
    assert "mo-ho.md:9: lỗi: có 2 văn bản số" in problems[0]
    assert 'ghi thêm năm ban hành, ví dụ "215/QĐ-UBND (' in problems[0]
    newer = next(d for d in library.documents if d.file_stem == "qd-215-2025")
    assert [d.number for d in newer.replaces] == ["215/QĐ-UBND"]
    assert newer.replaces[0].issued.year == 2024


def test_a_changed_attachment_is_seen_without_a_changed_document(tmp_path):
    write_site(tmp_path / "content", DOCUMENTS)
    settings = settings_for(tmp_path / "content")
    assert read_library(settings).problems == []
    (tmp_path / "content/files/van-ban/a.pdf").unlink()
    problems = [p.message for p in read_library(settings).problems]
    assert problems.count('không tìm thấy tệp "files/van-ban/a.pdf"') == 6
