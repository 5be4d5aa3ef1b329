"""Two clean builds of the same content are byte-identical, whatever order
Pelican happens to read the files in (it keeps them in a set, whose order
changes with each process's hash seed)."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, pelican_alone, write_files

# Four articles of the same minute: their order is decided by their files.
SAME_MINUTE = {
    f"articles/2017/cung-gio-{letter}.md": f"""
        Title: Tin cùng giờ {letter.upper()}
        Date: 20/11/2017 09:00
        Category: Thông báo
        Author: Trương Thế Bình - Văn phòng

        Nội dung {letter}.
        """
    for letter in "dbca"
}
EPOCH = "1700000000"  # 14/11/2023 22:13 UTC


def build(content: Path, output: Path, seed: str) -> None:
    settings = {
        "BUILD_PROGRESS_SECONDS": None,
        "CACHE_PATH": str(output.parent / f"cache-{seed}"),  # both clean
    }
    pelican_alone(
        content,
        output,
        settings,
        env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH},
    )


def differences(left: Path, right: Path) -> list[str]:
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, "")]
    while stack:
        node, prefix = stack.pop()
        found += [f"{prefix}{name}" for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        found += [f"{prefix}{name}" for name in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return sorted(found)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("reproducible")
    content = root / "content"
    shutil.copytree(PROJECT / "content", content)
    write_files(content, SAME_MINUTE)
    outputs = [root / "first", root / "second"]
    for output, seed in zip(outputs, ("1", "2"), strict=True):
        build(content, output, seed)
    return outputs


def test_two_builds_are_byte_identical(two_builds):
    first, second = two_builds
    assert len(list(first.rglob("*"))) > 100
    assert differences(first, second) == []


def test_articles_of_the_same_minute_are_in_file_order(two_builds):
    page = two_builds[0] / "luu-tru/2017/11/20/index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    titles = [a.get_text() for a in soup.select("main a") if "cùng giờ" in a.text]
    assert titles == [f"Tin cùng giờ {x}" for x in "ABCD"]


def test_the_build_time_comes_from_source_date_epoch(two_builds):
    home = (two_builds[0] / "index.html").read_text("utf-8")
    assert '<time data-today datetime="2023-11-15">Thứ Tư, 15/11/2023</time>' in home
    feed = (two_builds[0] / "lich-cong-tac/lich-cong-tac.ics").read_text("utf-8")
    assert "DTSTAMP:20231114T221320Z" in feed
