"""SYNC_OUTPUT (the preview): each build goes to a new folder, which then
replaces the served one in one step, problems or not.
With the real settings and every plugin: the page memo links unchanged pages,
the problems page shows (plugins/safe_publish/tests: the plugin alone)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pelican import signals

from conftest import build, write_files

ARTICLE = (
    "Title: Tin {n}\nDate: 0{n}/01/2024 08:00\nCategory: Thông báo\n\nNội dung {n}.\n"
)
SETTINGS = {"LINKED_WEBSITES_FILE": "", "SYNC_OUTPUT": True}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(output: Path, wait: float = 10.0) -> list[str]:
    """Building folders once the old site's removal (in the background) is done."""
    deadline = time.monotonic() + wait
    while True:
        found = [p.name for p in output.parent.iterdir() if ".building-" in p.name]
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_a_preview_rebuild_leaves_no_stale_page_and_keeps_unchanged_pages(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2, 3)})
    build(content, output, **SETTINGS)
    old_page = output / "tin-tuc/2024/3/index.html"
    assert old_page.is_file()

    (content / "articles/3.md").rename(content / "articles/ba.md")
    build(content, output, **SETTINGS)
    assert not old_page.exists()
    assert not old_page.parent.exists()
    assert (output / "tin-tuc/2024/ba/index.html").is_file()

    kept = output / "tin-tuc/2024/1/index.html"
    kept_stamp = (kept.stat().st_ino, kept.stat().st_mtime_ns)
    with (content / "articles/ba.md").open("a", encoding="utf-8") as file:
        file.write("\nMột đoạn cuối mới.\n")
    build(content, output, **SETTINGS)
    assert "đoạn cuối" in (output / "tin-tuc/2024/ba/index.html").read_text("utf-8")
    # The page memo linked the page that did not change: the same file.
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == kept_stamp
    assert output.stat().st_mode & 0o777 == 0o755
    assert leftovers(output) == []


def test_the_output_retention_setting_keeps_its_folders(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {"articles/1.md": ARTICLE.format(n=1)})
    build(content, output, **SETTINGS)
    write_files(output, {".git/HEAD": "ref: refs/heads/main"})
    build(content, output, **SETTINGS, OUTPUT_RETENTION=[".git"])
    assert (output / ".git/HEAD").read_text() == "ref: refs/heads/main"


def test_a_preview_with_a_problem_still_shows_it(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {"articles/1.md": ARTICLE.format(n=1)})
    build(content, output, **SETTINGS)
    write_files(
        content, {"articles/2.md": ARTICLE.format(n=2).replace("Thông báo", "X")}
    )
    build(content, output, **SETTINGS)
    assert "X" in (output / "loi-noi-dung/index.html").read_text(encoding="utf-8")


def test_a_build_that_crashes_leaves_the_served_folder_alone(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {f"articles/{n}.md": ARTICLE.format(n=n) for n in (1, 2)})
    build(content, output, **SETTINGS)
    before = tree(output)
    (content / "articles/2.md").unlink()

    def crash(_generator, **_writer):
        raise RuntimeError("build crashed on purpose")

    signals.article_writer_finalized.connect(crash)
    with pytest.raises(RuntimeError, match="on purpose"):
        build(content, output, **SETTINGS)
    assert tree(output) == before
    assert leftovers(output) == []
