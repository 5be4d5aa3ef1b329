"""Every build writes a new folder and swaps it in: with SAFE_PUBLISH only a
build that logged no error, with SYNC_OUTPUT (the preview) problems or not; a
crash or a kill leaves the served folder as it was. The plugin alone here; the
real settings with every plugin: tests/test_safe_publish_site.py and
tests/test_sync_output_site.py."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pelican import signals

from conftest import PROJECT, plugin_command, write_files

ARTICLE = "Title: Tin {n}\nDate: 2024-01-0{n} 08:00\n\nNội dung {n}.\n"
# Pelican itself logs an error for an article without a title, and skips it.
UNTITLED = "Date: 2024-01-03 08:00\n\nKhông tiêu đề.\n"
HOLD_PLUGIN = """
import os, time
from pelican import signals

def hold(_generator, writer):
    if os.environ.get("HOLD_BUILD"):
        time.sleep(60)
    if os.environ.get("CRASH_BUILD"):
        raise RuntimeError("build crashed on purpose")

def write_late(pelican):
    with open(os.path.join(pelican.output_path, "late.txt"), "w") as file:
        file.write("ok")

def register():
    signals.article_writer_finalized.connect(hold)
    signals.finalized.connect(write_late)
"""


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(output: Path, wait: float = 10.0) -> list[str]:
    """Folders beside the served one once the old site's removal (in the
    background) is done."""
    deadline = time.monotonic() + wait
    while True:
        found = [p.name for p in output.parent.iterdir() if ".building-" in p.name]
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


@pytest.fixture
def project(tmp_path):
    write_files(tmp_path / "content", {f"{n}.md": ARTICLE.format(n=n) for n in (1, 2)})
    write_files(tmp_path / "test_plugins", {"hold/__init__.py": HOLD_PLUGIN})
    return tmp_path


def publish(project: Path, env=None, wait=True):
    command = plugin_command(
        "safe_publish",
        project / "content",
        project / "output",
        SAFE_PUBLISH=True,
        PLUGIN_PATHS=[str(PROJECT / "plugins"), str(project / "test_plugins")],
        PLUGINS=["safe_publish", "hold"],
    )
    process = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if not wait:
        return process
    output, _ = process.communicate(timeout=300)
    return process.returncode, output


def test_a_clean_build_replaces_the_published_site(project):
    (project / "output").mkdir()
    (project / "output" / "cu.html").write_text("bản cũ")
    code, log = publish(project)
    assert code == 0, log
    assert not (project / "output" / "cu.html").exists()
    assert (project / "output" / "tin-1.html").is_file()
    # What a plugin writes at `finalized` is in the swapped-in folder.
    assert (project / "output" / "late.txt").read_text() == "ok"
    assert leftovers(project / "output") == []


def test_an_error_fails_the_build_and_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"3.md": UNTITLED})
    code, log = publish(project)
    assert code != 0
    assert "3.md" in log and "Có 1 lỗi: không xuất bản" in " ".join(log.split())
    assert snapshot(project / "output") == before
    assert leftovers(project / "output") == []


def test_a_crash_mid_build_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"3.md": ARTICLE.format(n=3)})
    code, log = publish(project, env={"CRASH_BUILD": "1"})
    assert code != 0 and "crashed on purpose" in log
    assert snapshot(project / "output") == before
    assert leftovers(project / "output") == []


def test_a_killed_build_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"3.md": ARTICLE.format(n=3)})
    process = publish(project, env={"HOLD_BUILD": "1"}, wait=False)
    deadline = time.monotonic() + 120
    while not list(project.glob("output.building-*/tin-3.html")):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(project / "output") == before
    assert leftovers(project / "output", wait=0), "the killed build left its folder"
    assert publish(project)[0] == 0
    assert leftovers(project / "output") == []
    assert (project / "output/tin-3.html").is_file()


PREVIEW = {"SYNC_OUTPUT": True, "SLUGIFY_SOURCE": "basename"}


def test_a_preview_rebuild_leaves_no_stale_page(plugin_site):
    files = {f"{n}.md": ARTICLE.format(n=n) for n in (1, 2, 3)}
    site = plugin_site("safe_publish", files, **PREVIEW)
    assert site.exists("3.html")
    (site.output.parent / "content/3.md").rename(site.output.parent / "content/ba.md")
    site = plugin_site("safe_publish", {}, **PREVIEW)
    assert not site.exists("3.html") and site.exists("ba.html")
    assert site.output.stat().st_mode & 0o777 == 0o755
    assert leftovers(site.output) == []


def test_a_preview_with_an_error_still_shows_what_it_built(plugin_site):
    site = plugin_site("safe_publish", {"1.md": ARTICLE.format(n=1)}, **PREVIEW)
    later = {"2.md": UNTITLED, "3.md": ARTICLE.format(n=3)}
    site = plugin_site("safe_publish", later, **PREVIEW)
    assert site.exists("1.html") and site.exists("3.html")


def test_the_output_retention_setting_keeps_its_folders(plugin_site):
    site = plugin_site("safe_publish", {"1.md": ARTICLE.format(n=1)}, **PREVIEW)
    write_files(site.output, {".git/HEAD": "ref: refs/heads/main"})
    plugin_site("safe_publish", {}, **PREVIEW, OUTPUT_RETENTION=[".git"])
    assert (site.output / ".git/HEAD").read_text() == "ref: refs/heads/main"


def test_a_build_that_crashes_leaves_the_served_folder_alone(plugin_site):
    files = {f"{n}.md": ARTICLE.format(n=n) for n in (1, 2)}
    site = plugin_site("safe_publish", files, **PREVIEW)
    before = snapshot(site.output)
    (site.output.parent / "content/2.md").unlink()

    def crash(_generator, **_writer):
        raise RuntimeError("build crashed on purpose")

    signals.article_writer_finalized.connect(crash)
    with pytest.raises(RuntimeError, match="on purpose"):
        plugin_site("safe_publish", {}, **PREVIEW)
    assert snapshot(site.output) == before
    assert leftovers(site.output) == []
