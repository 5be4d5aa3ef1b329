"""The preview rewrites a saved article's page before its full rebuild, in the
build's own process (as `pelican --autoreload` does): the plugin alone (the
project's preview server and sanitiser: tests/test_pelican_adapter_site.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pelican
import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from conftest import PROJECT, plugin_settings, write_files
from pelican_adapter import signals as adapter_signals
from pelican_adapter.saves_during_build import (
    build_started,
    changed_since,
    wrap_wait_for_changes,
)

ARTICLES = {
    f"articles/2024/tin-{number:02d}.md": f"""
        Title: Họp giao ban tuần {number}
        Date: 2024-03-{number + 1:02d} 08:00
        Category: Tin hoạt động
        Tags: giao ban
        Author: Trương Thế Bình - Văn phòng

        Sở Khoa học và Công nghệ họp giao ban tuần {number}, bàn về đầu tư.
        """
    for number in range(8)
}
EDITED = "articles/2024/tin-03.md"
PAGE = "tin-03.html"
SETTINGS = {"SLUGIFY_SOURCE": "basename", "BUILD_QUICK_PREVIEW": True}


def save(content: Path, relative: str, text: str) -> None:
    path = content / relative
    path.write_text(text, encoding="utf-8")


def edited_text(marker: str, category: str = "Tin hoạt động", header: str = "") -> str:
    return (
        f"Title: Họp giao ban tuần 3\n{header}Date: 2024-03-04 08:00\n"
        f"Category: {category}\nTags: giao ban\n"
        "Author: Trương Thế Bình - Văn phòng\n\n"
        f"Sở Khoa học và Công nghệ họp giao ban tuần 3. Đoạn mới: {marker}.\n"
    )


def main_of(path: Path) -> str:
    return str(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").main)


@pytest.fixture
def site(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, ARTICLES)
    settings = plugin_settings("pelican_adapter", content, output, **SETTINGS)
    pelican = Pelican(read_settings(None, override=settings))
    pelican.run()
    return pelican, content, output


def quick_pages() -> None:
    """What the preview server does first when a rebuild starts."""
    adapter_signals._quick_preview.start_build(adapter_signals.Build.served)


def test_the_saved_article_is_rewritten_before_the_rebuild(site):
    pelican, content, output = site
    page = output / PAGE
    other = output / "tin-04.html"
    other_before = other.read_bytes()
    save(content, EDITED, edited_text("QUICKEDIT"))
    quick_pages()
    assert "QUICKEDIT" in page.read_text(encoding="utf-8")
    assert other.read_bytes() == other_before  # only the saved article
    quick_main = main_of(page)
    pelican.run()  # the full rebuild that follows
    assert main_of(page) == quick_main  # live reload does not reload twice


def test_a_moved_article_waits_for_the_full_build(site):
    _, content, output = site
    save(content, EDITED, edited_text("QUICKMOVED", header="Slug: tin-03-moi\n"))
    quick_pages()
    assert not (output / "tin-03-moi.html").exists()
    assert "QUICKMOVED" not in (output / PAGE).read_text(encoding="utf-8")


def test_many_changed_files_wait_for_the_full_build(site):
    _, content, output = site
    for relative in list(ARTICLES)[:4]:
        save(content, relative, edited_text("QUICKMANY"))
    quick_pages()
    assert "QUICKMANY" not in (output / PAGE).read_text(encoding="utf-8")


def test_only_the_preview_keeps_the_last_build(plugin_site):
    plugin_site("pelican_adapter", ARTICLES)
    assert adapter_signals._quick_preview.snapshot is None


def test_a_save_during_a_build_is_found_but_editor_files_are_not(tmp_path):
    content = tmp_path / "content"
    write_files(content, ARTICLES)
    started = time.time_ns()
    keep, returned = FileChangeFilter(set()), {}
    assert changed_since(started, [str(content)], keep, returned) == set()
    save(content, "articles/2024/.tin-03.md.swp", "vim")
    save(content, "articles/2024/tin-03.md~", "backup")
    assert changed_since(started, [str(content)], keep, returned) == set()
    save(content, EDITED, edited_text("DURINGBUILD"))
    found = changed_since(started, [str(content)], keep, returned)
    assert found == {str(content / EDITED)}
    # Returned once: a file dated in the future does not rebuild forever.
    future = time.time_ns() + 3600 * 10**9
    os.utime(content / EDITED, ns=(future, future))
    assert changed_since(started, [str(content)], keep, returned) == {
        str(content / EDITED)
    }
    assert changed_since(started, [str(content)], keep, returned) == set()


def test_pelican_waits_no_more_after_a_save_during_a_build(tmp_path):
    """The wrapped `pelican.wait_for_changes` returns at once with the file
    saved since the build started (it would otherwise wait for the next)."""
    content = tmp_path / "content"
    write_files(content, ARTICLES)
    wrap_wait_for_changes()
    build_started()
    save(content, EDITED, edited_text("DURINGBUILD"))
    settings = {"PATH": str(content), "THEME": str(PROJECT / "theme")}
    changes = pelican.wait_for_changes(str(PROJECT / "pelicanconf.py"), settings)
    assert {path for _, path in changes} == {str(content / EDITED)}
