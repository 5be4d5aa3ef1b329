"""Pages written by several processes: the same site, every file once, and the
workers' messages and failures reach the build. Builds run in a fresh process,
since forking is only done where no other thread runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

from conftest import PROJECT, plugin_alone, write_files

from .test_reading import ARTICLES, PAGES, same_tree

WORKERS_WROTE = re.compile(r"Các tiến trình phụ viết ([\d.]+) tệp")


def pelican(content, output, processes: int) -> str:
    settings = {
        "ARTICLE_PATHS": ["articles"],
        "BUILD_PARALLEL_FROM": 1,
        "BUILD_PROCESSES": processes,
        "BUILD_CACHE": False,
    }
    return plugin_alone(
        "pelican_adapter",
        content,
        output,
        settings,
        env={"SOURCE_DATE_EPOCH": "1700000000"},
    )


def test_pages_written_by_two_processes_are_the_same_site(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**ARTICLES, **PAGES})
    alone = pelican(content, tmp_path / "alone", processes=1)
    shared = pelican(content, tmp_path / "shared", processes=2)
    assert WORKERS_WROTE.search(alone) is None
    found = WORKERS_WROTE.search(shared)
    assert found and int(found[1].replace(".", "")) > 10, shared
    assert same_tree(tmp_path / "alone", tmp_path / "shared")


SCRIPT = """
import logging, sys
from pelican_adapter.report import BuildReport
from pelican_adapter.writing import _in_shares

class Writer:
    settings = {"BUILD_PROCESSES": 2}
    _written_files, _overridden_files = set(), set()

    def write_file(self, name, *args, **kwargs):
        logging.getLogger("demo").error("wrote %s", name)

def output(writer):
    for number in range(40):
        writer.write_file(f"trang-{number}.html")
    if FAIL and type(writer).__name__ == "ShareWriter" and writer._share == 1:
        raise ValueError("hỏng ở tiến trình phụ")

seen = []
class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record.getMessage())
logging.getLogger().addHandler(Keep())
try:
    _in_shares(output, Writer(), BuildReport(print, every=None))
except RuntimeError as error:
    print("FAILED", error)
print(sorted(seen) == sorted(f"wrote trang-{n}.html" for n in range(40)))
"""


def run_script(fail: bool) -> str:
    result = subprocess.run(
        [sys.executable, "-c", f"FAIL = {fail}\n" + textwrap.dedent(SCRIPT)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT / "plugins")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_file_is_written_once_and_worker_messages_reach_the_build():
    # Each "wrote" error is logged in the build's process, once per file,
    # whichever process wrote it.
    assert run_script(fail=False).strip() == "True"


def test_a_failing_worker_fails_the_build():
    output = run_script(fail=True)
    assert "FAILED a worker process failed" in output
    assert "hỏng ở tiến trình phụ" in output
