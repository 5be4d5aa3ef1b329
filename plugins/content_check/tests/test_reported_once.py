"""Each mistake is reported once: a build logs what the check found, and
Pelican's own English message about a problem the check reported is left out
(`sokhcn check` and the publish refusal count the same errors:
tests/test_content_problems_site.py)."""

from __future__ import annotations

import logging

from conftest import project_settings, write_files
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


def test_a_build_logs_each_mistake_once_and_not_pelicans_message(plugin_site, caplog):
    with caplog.at_level(logging.WARNING):
        plugin_site("content_check", BROKEN, CATEGORIES=["Tin hoạt động", "Thông báo"])
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 5, logged
    assert "Kiểm tra 3 tệp nội dung: 5 lỗi, 1 cảnh báo." in logged
    for english in ("Could not process", "Skipping", "Unable to find", "Duplicate"):
        assert not any(english in message for message in logged), english


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
