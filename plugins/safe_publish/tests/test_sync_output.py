"""SYNC_OUTPUT (the preview): each build goes to a temporary folder, and only
what changed reaches the served folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pelican import signals

from conftest import build, write_files
from safe_publish import sync_into

ARTICLE = (
    "Title: Tin {n}\nDate: 0{n}/01/2024 08:00\nCategory: Thông báo\n\nNội dung {n}.\n"
)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_sync_moves_changes_keeps_the_unchanged_and_removes_the_rest(tmp_path):
    built, served = tmp_path / "built", tmp_path / "served"
    write_files(
        served,
        {
            "same.html": "giữ nguyên",
            "changed.html": "cũ",
            "gone.html": "bài đã xoá",
            "old-folder/index.html": "chuyên mục cũ",
            "was-a-file": "tệp",
            ".git/HEAD": "ref: refs/heads/main",
        },
    )
    write_files(
        built,
        {
            "same.html": "giữ nguyên",
            "changed.html": "mới",
            "new/index.html": "bài mới",
            "was-a-file/index.html": "giờ là thư mục",
        },
    )
    same = served / "same.html"
    os.utime(same, ns=(1_000_000_000, 1_000_000_000))
    summary = sync_into(built, served, keep=frozenset({".git"}))
    assert tree(served) == {
        "same.html": "giữ nguyên".encode(),
        "changed.html": "mới".encode(),
        "new/index.html": "bài mới".encode(),
        "was-a-file/index.html": "giờ là thư mục".encode(),
        ".git/HEAD": b"ref: refs/heads/main",
    }
    assert same.stat().st_mtime_ns == 1_000_000_000  # not touched
    assert (summary.changed, summary.unchanged) == (3, 1)
    assert summary.removed == 2  # gone.html and old-folder/


@pytest.mark.parametrize("served_exists", [False, True])
def test_a_build_into_an_empty_folder_is_moved_in_whole(tmp_path, served_exists):
    built, served = tmp_path / "built", tmp_path / "served"
    files = {"index.html": "trang chủ", "tin-tuc/2024/a/index.html": "bài a"}
    write_files(built, files)
    built.chmod(0o700)  # as tempfile.mkdtemp makes it
    if served_exists:
        served.mkdir()
    summary = sync_into(built, served)
    assert tree(served) == {name: text.encode() for name, text in files.items()}
    assert not built.exists()
    assert served.stat().st_mode & 0o777 == 0o755
    assert (summary.changed, summary.unchanged, summary.removed) == (2, 0, 0)


def test_a_preview_rebuild_leaves_no_stale_page_and_keeps_unchanged_files(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2, 3)})
    settings = {"LINKED_WEBSITES_FILE": "", "SYNC_OUTPUT": True}
    build(content, output, **settings)
    old_page = output / "tin-tuc/2024/3/index.html"
    image = output / "theme/css/site.css"
    assert old_page.is_file() and image.is_file()
    image_time = image.stat().st_mtime_ns

    (content / "articles/3.md").rename(content / "articles/ba.md")
    build(content, output, **settings)

    assert not old_page.exists()
    assert not old_page.parent.exists()
    assert (output / "tin-tuc/2024/ba/index.html").is_file()
    assert image.stat().st_mtime_ns == image_time
    leftovers = [p.name for p in output.parent.iterdir() if ".building-" in p.name]
    assert leftovers == []


def test_a_build_that_crashes_leaves_the_served_folder_alone(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2)})
    build(content, output, LINKED_WEBSITES_FILE="", SYNC_OUTPUT=True)
    before = tree(output)
    (content / "articles/2.md").unlink()

    def crash(_generator, **_writer):
        raise RuntimeError("build crashed on purpose")

    signals.article_writer_finalized.connect(crash)
    with pytest.raises(RuntimeError, match="on purpose"):
        build(content, output, LINKED_WEBSITES_FILE="", SYNC_OUTPUT=True)
    assert tree(output) == before
    leftovers = [p.name for p in output.parent.iterdir() if ".building-" in p.name]
    assert leftovers == []
