"""`pelican content -s publishconf.py` publishes only clean builds, atomically:
the real settings and every plugin (plugins/safe_publish/tests: the plugin alone)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT, write_files

ARTICLE = (
    "Title: Tin {n}\nDate: 0{n}/01/2024 08:00\nCategory: Thông báo\n\nNội dung {n}.\n"
)
HOLD_PLUGIN = """
import os, time
from pelican import signals

def hold(_generator, writer):
    if os.environ.get("HOLD_BUILD"):
        time.sleep(60)
    if os.environ.get("CRASH_BUILD"):
        raise RuntimeError("build crashed on purpose")

def register():
    signals.article_writer_finalized.connect(hold)
"""


@pytest.fixture
def project(tmp_path):
    content = tmp_path / "content"
    write_files(content, {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2)})
    write_files(tmp_path / "test_plugins", {"hold/__init__.py": HOLD_PLUGIN})
    return tmp_path


def publish(project: Path, env=None, wait=True, plugins=()):
    from pelicanconf import PLUGINS

    extra = {
        "LINKED_WEBSITES_FILE": "",
        "CACHE_PATH": str(project / "cache"),
        "PLUGIN_PATHS": [str(PROJECT / "plugins"), str(project / "test_plugins")],
        "PLUGINS": [*PLUGINS, "hold", *plugins],
    }
    command = [sys.executable, "-m", "pelican", str(project / "content")]
    command += ["-s", str(PROJECT / "publishconf.py"), "-o", str(project / "output")]
    # One -e for all: each -e flag replaces the settings of the previous one.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    process = subprocess.Popen(
        command,
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if not wait:
        return process
    output, _ = process.communicate(timeout=300)
    return process.returncode, output


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(project: Path, wait: float = 10.0) -> list[str]:
    """Folders beside output/ once the old site's removal (in the background)
    is done."""
    deadline = time.monotonic() + wait
    while True:
        found = [path.name for path in project.glob("output.*")]
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_clean_build_replaces_the_published_site(project):
    (project / "output").mkdir()
    (project / "output" / "cu.html").write_text("bản cũ")
    code, log = publish(project)
    assert code == 0, log
    assert not (project / "output" / "cu.html").exists()
    assert (project / "output" / "tin-tuc/2024/1/index.html").is_file()
    assert not (project / "output" / "loi-noi-dung").exists()
    assert leftovers(project) == []


def test_an_error_fails_the_build_and_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"articles/3.md": ARTICLE.format(n=3)})
    bad = project / "content/articles/3.md"
    bad.write_text(bad.read_text().replace("03/01/2024", "31/02/2024"), "utf-8")
    code, log = publish(project)
    assert code != 0
    assert "3.md:2" in log and "không xuất bản" in log
    assert snapshot(project / "output") == before
    assert leftovers(project) == []


def test_a_crash_mid_build_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"articles/3.md": ARTICLE.format(n=3)})
    code, log = publish(project, env={"CRASH_BUILD": "1"})
    assert code != 0 and "crashed on purpose" in log
    assert snapshot(project / "output") == before
    assert leftovers(project) == []


def test_a_killed_build_keeps_the_published_site(project):
    assert publish(project)[0] == 0
    before = snapshot(project / "output")
    write_files(project / "content", {"articles/3.md": ARTICLE.format(n=3)})
    process = publish(project, env={"HOLD_BUILD": "1"}, wait=False)
    deadline = time.monotonic() + 120
    while not list(project.glob("output.building-*/tin-tuc/2024/3/index.html")):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(project / "output") == before
    assert leftovers(project, wait=0), "the killed build left its folder"
    assert publish(project)[0] == 0
    assert leftovers(project) == []
    assert (project / "output/tin-tuc/2024/3/index.html").is_file()


def test_files_written_at_finalized_are_published(project):
    """The swap waits for every `finalized` receiver, in any order."""
    write_files(
        project / "test_plugins",
        {
            "late/__init__.py": (
                "from pathlib import Path\n"
                "from pelican import signals\n\n"
                "def write(pelican):\n"
                "    Path(pelican.output_path, 'late.txt').write_text('ok')\n\n"
                "def register():\n"
                "    signals.finalized.connect(write)\n"
            )
        },
    )
    code, log = publish(project, plugins=["late"])
    assert code == 0, log
    assert (project / "output" / "late.txt").read_text() == "ok"
