"""Every malformed document is reported once, with its file, line and fix, by
content_check (so by `sokhcn check`, the preview's problems page and the
publish build); a publish with any of them fails and keeps the old site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from conftest import PROJECT, Site, pelican_alone
from content_check import check_content
from official_documents import read_library

from .helpers import DOCUMENTS, MALFORMED, SETTINGS, write_site


def settings_for(content: Path) -> dict:
    return read_settings(
        str(PROJECT / "pelicanconf.py"),
        override={"PATH": str(content), **SETTINGS},
    )


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
