"""Pelican's English messages reach editors in Vietnamese, or not at all."""

from __future__ import annotations

import logging
from pathlib import Path

from commands.messages import VietnameseLog, translate_line

PELICAN = str(Path(logging.__file__).parent.parent / "pelican" / "contents.py")


def record(name, level, msg, *args, pathname=PELICAN) -> logging.LogRecord:
    return logging.LogRecord(name, level, pathname, 1, msg, args, None)


def shown(item: logging.LogRecord) -> str | None:
    return item.getMessage() if VietnameseLog().filter(item) else None


def test_known_pelican_messages_are_translated():
    item = record(
        "pelican.contents",
        logging.ERROR,
        "Skipping %s: could not find information about '%s'",
        "articles/a.md",
        "title",
    )
    assert shown(item) == "lỗi: Không dựng trang cho articles/a.md: thiếu trường title"
    item = record(
        "pelican.contents",
        logging.WARNING,
        "Unable to find '%s', skipping url replacement.",
        "{filename}/x.md",
    )
    assert (
        shown(item)
        == 'cảnh báo: Không tìm thấy "{filename}/x.md": liên kết được để nguyên'
    )


def test_other_english_notes_are_hidden_and_warnings_marked_technical():
    assert shown(record("pelican.generators", logging.INFO, "Copying %s", "a")) is None
    assert (
        shown(record("watchfiles.main", logging.INFO, "%d changes detected", 3)) is None
    )
    item = record("pelican.settings", logging.WARNING, "%s is deprecated", "X")
    assert shown(item) == (
        "cảnh báo: Lỗi kỹ thuật khi dựng trang (báo cho bộ phận kỹ thuật): "
        "X is deprecated"
    )


def test_the_project_plugins_messages_pass_as_they_are():
    import content_check.signals

    item = record(
        "content_check.signals",
        logging.INFO,
        "Kiểm tra %s tệp",
        3,
        pathname=content_check.signals.__file__,
    )
    assert shown(item) == "Kiểm tra 3 tệp"


def test_console_lines():
    done = (
        "Done: Processed 1055 articles, 1 draft, 0 hidden articles, 7 pages, "
        "0 hidden pages and 0 draft pages in 3.66 seconds."
    )
    assert (
        translate_line(done) == "Xong: 1.055 bài, 1 bản nháp, 7 trang trong 3,7 giây."
    )
    assert translate_line("-> Modified: content. re-generating...") is None
    assert translate_line("Dựng xong trong 2.1 giây") == "Dựng xong trong 2.1 giây"
    assert translate_line("Các bước lâu nhất:") is None
    assert translate_line("     0.33 giây  viết: ArticlesGenerator") is None
