"""The preview's quick page with every plugin: raw HTML sanitised, and through
the real watcher of Pelican's preview server with the project's settings
(plugins/pelican_adapter/tests: the plugin alone)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pelican import Pelican

from conftest import PROJECT, project_settings, write_files
from pelican_adapter.tests.test_quick_preview import (
    ARTICLES,
    EDITED,
    edited_text,
    quick_pages,
    save,
)

PAGE = "tin-tuc/2024/tin-03/index.html"
SETTINGS = {"LINKED_WEBSITES_FILE": "", "BUILD_QUICK_PREVIEW": True}


@pytest.fixture
def site(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, ARTICLES)
    pelican = Pelican(project_settings(content, output, **SETTINGS))
    pelican.run()
    return pelican, content, output


def test_raw_html_in_the_quick_page_is_sanitised(site):
    _, content, output = site
    save(content, EDITED, edited_text('<script>alert("x")</script>QUICKSAFE'))
    quick_pages()
    text = (output / PAGE).read_text(encoding="utf-8")
    assert "QUICKSAFE" in text and 'alert("x")' not in text


SLOW_PLUGIN = """
import time
from pelican import signals

builds = []

def slow(_generator, writer):
    builds.append(1)
    if len(builds) > 1:
        time.sleep(20)  # every rebuild: as a 10,000-article site takes longer

def register():
    signals.article_writer_finalized.connect(slow)
"""


def preview_server(
    content: Path, output: Path, log: Path, **settings
) -> subprocess.Popen:
    extra = {**SETTINGS, "THEME": str(PROJECT / "theme"), **settings}
    extra.setdefault("PLUGIN_PATHS", [str(PROJECT / "plugins")])
    return subprocess.Popen(
        [sys.executable, "-m", "pelican", str(content), "--autoreload",
         "-s", str(PROJECT / "pelicanconf.py"), "-o", str(output),
         "--cache-path", str(output.parent / "cache"),
         "-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())],
        cwd=PROJECT,
        stdout=log.open("w", encoding="utf-8"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def wait_until(condition, process, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, log.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.05)


def test_the_preview_server_shows_the_edit_first(tmp_path):
    content, output, log = tmp_path / "content", tmp_path / "output", tmp_path / "log"
    write_files(content, ARTICLES)
    process = preview_server(content, output, log)

    def printed() -> str:
        return " ".join(log.read_text(encoding="utf-8").split())

    try:
        wait_until(lambda: printed().count("Done: Processed") == 1, process, log)
        time.sleep(1.0)  # the watcher starts after the first build
        save(content, EDITED, edited_text("SERVEREDIT"))
        page = output / PAGE
        wait_until(lambda: "SERVEREDIT" in page.read_text("utf-8"), process, log)
        wait_until(lambda: printed().count("Done: Processed") == 2, process, log)
        text = printed()
        quick = text.index(f"Xem trước nhanh: đã viết lại {PAGE}")
        # After the first build, before the second one.
        assert text.index("Done: Processed") < quick
        assert text.count("Done: Processed", 0, quick) == 1
        # The next save names a category that does not exist: the quick read
        # says nothing, so the full build is the one that reports it.
        save(content, EDITED, edited_text("SERVERBAD", category="Tin lạ"))
        wait_until(lambda: printed().count("Done: Processed") == 3, process, log)
        assert printed().count('chuyên mục "Tin lạ" không có trong danh sách') == 1
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_save_during_a_rebuild_shows_before_that_rebuild_ends(tmp_path):
    """Editors save every few seconds: the second save lands while the first
    one's rebuild runs, and its page must not wait for that rebuild."""
    from pelicanconf import PLUGINS

    content, output, log = tmp_path / "content", tmp_path / "output", tmp_path / "log"
    write_files(content, ARTICLES)
    write_files(tmp_path / "plugins", {"slow/__init__.py": SLOW_PLUGIN})
    process = preview_server(
        content, output, log,
        PLUGIN_PATHS=[str(PROJECT / "plugins"), str(tmp_path / "plugins")],
        PLUGINS=[*PLUGINS, "slow"],
    )  # fmt: skip

    def printed() -> str:
        return " ".join(log.read_text(encoding="utf-8").split())

    def shows(marker: str, page: Path = output / PAGE) -> bool:
        return page.is_file() and marker in page.read_text("utf-8")

    try:
        wait_until(lambda: printed().count("Done: Processed") == 1, process, log)
        time.sleep(1.0)  # the watcher starts once the server waits
        save(content, EDITED, edited_text("FIRSTSAVE"))
        wait_until(lambda: shows("FIRSTSAVE"), process, log, seconds=10)
        time.sleep(2.5)  # the rebuild the first save started is running
        assert printed().count("Done: Processed") == 1
        save(content, EDITED, edited_text("SECONDSAVE"))
        wait_until(lambda: shows("SECONDSAVE"), process, log, seconds=10)
        # A new article: its page first too, without its related articles.
        new = edited_text("NEWARTICLE").replace("tuần 3", "tuần mới")
        save(content, "articles/2024/tin-moi.md", new)
        page = output / "tin-tuc/2024/tin-moi/index.html"
        wait_until(lambda: shows("NEWARTICLE", page), process, log, seconds=10)
        assert printed().count("Done: Processed") == 1  # that rebuild still runs
        # Whatever the rebuilds read, the page ends with the last save.
        wait_until(lambda: printed().count("Done: Processed") >= 2, process, log)
        wait_until(lambda: shows("SECONDSAVE"), process, log, seconds=60)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
