"""Each mistake is reported once: `sokhcn check`, the build log and the
publish refusal count the same errors, and Pelican's own English message about
a problem the check reported is left out."""

from __future__ import annotations

import logging
import re
import subprocess
import sys

from conftest import PROJECT, project_settings, write_files
from content_check.problems import error
from content_check.reported_once import AlreadyReported

BROKEN = {
    "articles/2024/sai.md": (
        "Title: Tin sai\nDate: 05/03/2024 08:00\nCategory: Tin hoat dong\n"
        "Attachments: files/khong-co.pdf\n\n"
        "Nội dung [x]({filename}/articles/2024/khong.md).\n"
    ),
    "articles/2024/ngay.md": (
        "Title: Tin ngày sai\nDate: 31/02/2024 08:00\nCategory: Tin hoạt động\n"
        "Category: Thông báo\n\nNội dung.\n"
    ),
    "articles/2024/khong-tieu-de.md": (
        "Date: 01/02/2024 08:00\nCategory: Tin hoạt động\n\nKhông tiêu đề.\n"
    ),
}
ERRORS = re.compile(r"(\d+) lỗi, (\d+) cảnh báo")


def run(*command: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    return result.stdout + result.stderr


def test_check_build_and_publish_refusal_count_the_same_errors(tmp_path):
    content = tmp_path / "content"
    write_files(content, BROKEN)
    checked = run("commands.main", "check", str(content))
    errors, warnings = map(int, ERRORS.search(checked).groups())
    assert (errors, warnings) == (5, 1), checked
    published = run(
        "pelican", str(content), "-s", str(PROJECT / "publishconf.py"),
        "-o", str(tmp_path / "out"), "--cache-path", str(tmp_path / "cache"),
        "-e", 'LINKED_WEBSITES_FILE=""',
    )  # fmt: skip
    assert f"Có {errors} lỗi: không xuất bản" in published, published
    logged = [line for line in published.splitlines() if " ERROR " in line]
    assert len(logged) == errors, logged
    for english in ("Could not process", "Skipping", "Unable to find", "Duplicate"):
        assert english not in published, english


def test_pelican_messages_about_files_the_check_did_not_report_stay(tmp_path):
    reported = AlreadyReported()
    reported.remember([error("articles/a.md", 1, "lỗi")], str(tmp_path))

    def passes(message: str, *args) -> bool:
        record = logging.LogRecord("pelican", logging.ERROR, "", 0, message, args, None)
        return reported.filter(record)

    assert not passes("Could not process %s", "articles/a.md")
    assert passes("Could not process %s", "articles/b.md")
    assert passes("Unable to find '%s', skipping url replacement.", "/khac.md")
    assert passes("Something else %s", "articles/a.md")


def test_a_file_the_cache_knows_is_not_read_again_and_an_edit_is(tmp_path, monkeypatch):
    from build_runtime import BuildCache
    from content_check import site

    content = tmp_path / "content"
    write_files(content, BROKEN)
    settings = {**project_settings(content, tmp_path / "out")}
    first = BuildCache(settings, "content-check")
    expected, _ = site.check_content(settings, first)
    first.save()
    read = []
    monkeypatch.setattr(site, "read_source", lambda *a: read.append(a) or None)
    again, _ = site.check_content(settings, BuildCache(settings, "content-check"))
    assert again == expected and read == []
    monkeypatch.undo()
    write_files(content, {"articles/2024/ngay.md": BROKEN["articles/2024/ngay.md"]
                          .replace("31/02/2024", "28/02/2024")})  # fmt: skip
    edited, _ = site.check_content(settings, BuildCache(settings, "content-check"))
    assert len(edited) == len(expected) - 1
