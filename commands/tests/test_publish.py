"""`sokhcn publish`: a clean build is published and deployed, a failed one is
not; the editor reads Vietnamese and never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, write_files

ARTICLE = "Title: Tin {n}\nDate: 0{n}/01/2024 08:00\nCategory: Thông báo\n\nTin {n}.\n"
CRASH_PLUGIN = """
import os
from pelican import signals

def crash(_generator, writer):
    if os.environ.get("CRASH_BUILD"):
        raise RuntimeError("build crashed on purpose")

def register():
    signals.article_writer_finalized.connect(crash)
"""


@pytest.fixture
def project(tmp_path):
    write_files(
        tmp_path / "content", {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2)}
    )
    write_files(tmp_path / "test_plugins", {"crash/__init__.py": CRASH_PLUGIN})
    settings = f"""
import sys
sys.path.insert(0, {str(PROJECT)!r})
from publishconf import *
PATH = {str(tmp_path / "content")!r}
OUTPUT_PATH = {str(tmp_path / "output")!r}
CACHE_PATH = {str(tmp_path / "cache")!r}
THEME = {str(PROJECT / "theme")!r}
PLUGIN_PATHS = [{str(PROJECT / "plugins")!r}, {str(tmp_path / "test_plugins")!r}]
PLUGINS = [*PLUGINS, "crash"]
LINKED_WEBSITES_FILE = ""
DEPLOY_TARGET = {str(tmp_path / "served")!r} + "/"
"""
    (tmp_path / "settings.py").write_text(settings, encoding="utf-8")
    return tmp_path


def publish(project: Path, *argv: str, env=None) -> tuple[int, str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "commands.main",
            "publish",
            "-s",
            "settings.py",
            *argv,
        ],
        cwd=project,
        # Pelican's console wraps at 80 columns when not on a terminal.
        env={**os.environ, "COLUMNS": "80", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout + done.stderr


def test_a_clean_build_is_published_deployed_and_named(project):
    code, said = publish(project, "--file", "content/articles/2.md")
    assert code == 0, said
    assert (project / "served/tin-tuc/2024/1/index.html").is_file()
    assert "Xong: 2 bài, 0 trang trong" in said
    assert f"Đang tải lên {project}/served/" in said
    assert "Trang chính thức: https://sokhcn.quangninh.gov.vn" in said
    assert "Địa chỉ trên cổng: https://sokhcn.quangninh.gov.vn/tin-tuc/2024/2/" in said
    assert "Done" not in said and "Traceback" not in said


def test_a_draft_is_said_not_to_be_on_the_site(project):
    draft = project / "content/articles/2.md"
    draft.write_text(
        ARTICLE.format(n=2).replace("\n\n", "\nStatus: draft\n\n"), "utf-8"
    )
    code, said = publish(project, "--file", "content/articles/2.md")
    assert code == 0, said
    assert "content/articles/2.md chưa có trên cổng: bài là bản nháp" in said


def test_errors_keep_the_published_site_without_a_traceback(project):
    assert publish(project)[0] == 0
    before = (project / "served/tin-tuc/2024/1/index.html").read_bytes()
    write_files(
        project / "content",
        {"articles/1.md": ARTICLE.format(n=1).replace("01/01/2024", "31/02/2024")},
    )
    code, said = publish(project)
    assert code == 1
    assert "ngày 31/02/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày" in said
    assert "không xuất bản, giữ nguyên bản cũ" in said
    assert "Đang tải lên" not in said
    assert "Traceback" not in said and "Could not process" not in said
    assert (project / "served/tin-tuc/2024/1/index.html").read_bytes() == before


def test_a_crash_is_a_sentence_and_a_log_for_the_maintainers(project):
    code, said = publish(project, env={"CRASH_BUILD": "1"})
    assert code == 1
    assert "Không xuất bản: việc dựng trang bị lỗi kỹ thuật" in said
    assert "Traceback" not in said and "RuntimeError" not in said
    log = (project / "cache/loi-xuat-ban.log").read_text("utf-8")
    assert "Traceback" in log and "build crashed on purpose" in log
    assert not (project / "served").exists()
