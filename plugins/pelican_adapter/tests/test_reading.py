"""Real builds with the plugin alone: reading on several processes and from
the cache gives the same site as reading one file after another, and the cache
is never stale (the content check's mistakes: tests/test_pelican_adapter_site.py)."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from conftest import PROJECT, Site, plugin_alone, plugin_settings, write_files
from pelican_adapter import reading

ARTICLES = {
    f"articles/2024/tin-{number:02d}.md": f"""
        Title: Họp giao ban tuần {number}
        Date: 2024-03-{number % 28 + 1:02d} 08:{number:02d}
        Category: Tin hoạt động
        Tags: giao ban, tuần {number}
        Author: Trương Thế Bình - Văn phòng

        Sở Khoa học và Công nghệ họp giao ban tuần {number}, bàn về **đầu tư**.
        """
    for number in range(24)
}
PAGES = {"pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở Khoa học và Công nghệ.\n"}
FILES = len(ARTICLES) + len(PAGES)
SETTINGS = {
    "ARTICLE_PATHS": ["articles"],
    "SLUGIFY_SOURCE": "basename",
    "BUILD_PARALLEL_FROM": 1,
    "BUILD_PROCESSES": 2,
}
READING = re.compile(r"Đọc lại từ bộ nhớ đệm (\d+) tệp, đọc song song (\d+) tệp")


def reading_of(output: str) -> tuple[int, int]:
    """(files from the cache, files read by worker processes) of one build."""
    found = READING.findall(" ".join(output.split()))
    assert len(found) == 1, output
    return tuple(map(int, found[0]))


def same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    stack = [compared]
    while stack:
        node = stack.pop()
        if node.left_only or node.right_only:
            return False
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        if mismatch or errors:
            return False
        stack += node.subdirs.values()
    return True


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    write_files(folder, {**ARTICLES, **PAGES})
    return folder


def pelican_alone(content: Path, output: Path, **settings) -> str:
    return plugin_alone(
        "pelican_adapter",
        content,
        output,
        {**SETTINGS, **settings},
        env={"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "250"},
    )


def run(content: Path, output: Path, **settings) -> tuple[int, int]:
    return reading_of(pelican_alone(content, output, **settings))


def test_parallel_and_cached_reading_give_the_same_site(content, tmp_path):
    plain = tmp_path / "plain"
    pelican_alone(content, plain, BUILD_CACHE=False, CACHE_PATH=str(plain) + "c")
    cache = str(tmp_path / "cache-a")
    parallel = tmp_path / "parallel"
    assert run(content, parallel, CACHE_PATH=cache) == (0, FILES)
    cached = tmp_path / "cached"
    assert run(content, cached, CACHE_PATH=cache) == (FILES, 0)
    for output in (parallel, cached):
        assert same_tree(plain, output)


def test_an_edited_file_is_read_again(content, tmp_path):
    cache = str(tmp_path / "cache")
    run(content, tmp_path / "one", CACHE_PATH=cache)
    edited = content / "articles/2024/tin-05.md"
    edited.write_text(
        edited.read_text("utf-8").replace("tuần 5", "tuần năm"), encoding="utf-8"
    )
    # One file changed: below BUILD_PARALLEL_FROM=2, the build reads it itself.
    reading = run(content, tmp_path / "two", CACHE_PATH=cache, BUILD_PARALLEL_FROM=2)
    assert reading == (FILES - 1, 0)
    page = Site(tmp_path / "two").soup("tin-05.html")
    assert page.h1.get_text(strip=True) == "Họp giao ban tuần năm"


def test_a_changed_setting_starts_from_an_empty_cache(content, tmp_path):
    cache = str(tmp_path / "cache")
    run(content, tmp_path / "one", CACHE_PATH=cache)
    reading = run(content, tmp_path / "two", CACHE_PATH=cache, TIMEZONE="UTC")
    assert reading == (0, FILES)
    # The first settings' cache is kept: preview and publish builds alternate.
    assert run(content, tmp_path / "three", CACHE_PATH=cache)[0] > 0


def test_a_file_with_an_error_is_reported_by_the_build_itself(content, tmp_path):
    write_files(
        content,
        {
            "articles/2024/sai-ngay.md": """
                Title: Tin sai ngày
                Date: 2024-02-31
                Category: Tin hoạt động

                Nội dung.
                """
        },
    )
    printed = pelican_alone(content, tmp_path / "out", CACHE_PATH=str(tmp_path / "c"))
    # The workers leave the bad file to the build, which reports it once.
    assert reading_of(printed) == (0, FILES)
    assert printed.count("Could not process") == 1
    assert "sai-ngay.md" in printed.split("Could not process")[1][:80]


WARNING_PLUGIN = """
import logging
from pelican import signals
from build_runtime import add_reading_step

def warn(path, content, metadata, settings):
    if "CẢNH BÁO" in content:
        logging.getLogger("demo").warning("%s: có chữ cảnh báo", path)
    return content, metadata

def install(readers):
    add_reading_step(readers, warn)

def register():
    signals.readers_init.connect(install)
"""


def test_a_warning_in_reading_is_shown_by_every_build(content, tmp_path):
    """A file whose reading logs is never cached, so each build reads it and
    shows the message (Pelican shows a message once per process: each build
    runs alone)."""
    plugins = plugin_settings("pelican_adapter", content, tmp_path)["PLUGINS"]
    write_files(tmp_path / "plugins", {"warns/__init__.py": WARNING_PLUGIN})
    write_files(
        content,
        {
            "articles/2024/canh-bao.md": """
                Title: Tin có cảnh báo
                Date: 2024-03-05 08:00
                Category: Tin hoạt động

                CẢNH BÁO.
                """
        },
    )
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PLUGIN_PATHS": [str(PROJECT / "plugins"), str(tmp_path / "plugins")],
        "PLUGINS": [*plugins[:-1], "warns", plugins[-1]],
    }
    for output in ("one", "two"):
        printed = pelican_alone(content, tmp_path / output, **settings)
        assert printed.count("canh-bao.md: có chữ cảnh báo") == 1, (output, printed)
    assert reading_of(printed) == (FILES, 0)  # every other file came from the cache


class SavingReader:
    """Reads a file while the editor saves it again."""

    def __init__(self, settings):
        self.settings = settings

    def read(self, path):
        text = Path(path).read_text("utf-8")
        Path(path).write_text("Title: Bản mới\n", encoding="utf-8")
        return text, {"title": "Bản cũ"}


def test_a_file_saved_while_it_is_read_is_read_again_next_time(tmp_path):
    source = tmp_path / "tin.md"
    source.write_text("Title: Bản cũ\n", encoding="utf-8")
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGIN_PATHS": []}
    reader = reading._cached(SavingReader)(settings)
    reading.start_build(settings)
    assert reader.read(str(source))[1] == {"title": "Bản cũ"}
    reading.finish_build()
    reading.start_build(settings)
    # The cache has the old text under the old bytes' hash: read again.
    assert reader.read(str(source))[1] == {"title": "Bản cũ"}
    assert reading.stats["cached"] == 0
    reading.finish_build()
