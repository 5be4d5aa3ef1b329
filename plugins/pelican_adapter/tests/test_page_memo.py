"""Pages whose recorded inputs did not change are not rendered again, and a
page is never reused when anything it reads may have changed: the plugin
alone with the minimal theme (the project's theme and every plugin:
tests/test_pelican_adapter_site.py; tests/test_incremental.py compares
rebuilds with clean builds after every kind of change)."""

from __future__ import annotations

import re
import shutil

from conftest import MINIMAL_THEME, plugin_alone, write_files

ARTICLES = {
    f"articles/2024/tin-{number:02d}.md": f"""
        Title: Họp giao ban tuần {number}
        Date: 2024-03-{number + 1:02d} 08:00
        Category: Tin hoạt động
        Tags: giao ban, tuần {number}
        Author: Trương Thế Bình

        Sở Khoa học và Công nghệ họp giao ban tuần {number}, bàn về đầu tư.
        """
    for number in range(24)
}
# Every build writes a new folder (safe_publish), which the memo links into.
SETTINGS = {
    "SYNC_OUTPUT": True,
    "SLUGIFY_SOURCE": "basename",
    "ARTICLE_PATHS": ["articles"],
    "BUILD_PARALLEL_FROM": 1,
    "BUILD_PROCESSES": 2,
}
RENDERED = re.compile(r"Dựng ([\d.]+) trang từ mẫu")
REUSED = re.compile(r"dùng lại ([\d.]+) trang không đổi")


def number(pattern, printed: str) -> int:
    found = pattern.search(printed)
    return int(found.group(1).replace(".", "")) if found else 0


def build(tmp_path, seed: str = "0", output: str = "output", **settings) -> str:
    return plugin_alone(
        "pelican_adapter",
        tmp_path / "content",
        tmp_path / output,
        {**SETTINGS, "CACHE_PATH": str(tmp_path / f"{output}-cache"), **settings},
        env={"PYTHONHASHSEED": seed},
    )


def test_a_second_build_reuses_every_page_whatever_the_hash_seed(tmp_path):
    write_files(tmp_path / "content", ARTICLES)
    first = build(tmp_path, seed="1")
    assert number(REUSED, first) == 0
    pages = number(RENDERED, first)
    assert pages > 50
    # Sets iterate in another order under another seed: digests must not.
    second = build(tmp_path, seed="2")
    assert (number(RENDERED, second), number(REUSED, second)) == (0, pages)


def test_a_served_page_changed_since_is_rendered_again(tmp_path):
    write_files(tmp_path / "content", ARTICLES)
    build(tmp_path)
    page = tmp_path / "output/tin-03.html"
    right = page.read_bytes()
    page.write_text("sửa tay", encoding="utf-8")
    printed = build(tmp_path)
    assert page.read_bytes() == right
    assert number(RENDERED, printed) == 1


def test_a_body_edit_renders_only_the_page_that_shows_it(tmp_path):
    """The minimal theme shows an article's body on its own page only."""
    write_files(tmp_path / "content", ARTICLES)
    pages = number(RENDERED, build(tmp_path))
    listings = ["index.html", "category/tin-hoat-dong.html", "tag/tuan-3.html"]
    before = {name: (tmp_path / "output" / name).stat().st_ino for name in listings}
    edited = tmp_path / "content/articles/2024/tin-03.md"
    with edited.open("a", encoding="utf-8") as file:
        file.write("\nMột đoạn mới.\n")
    printed = build(tmp_path)
    assert (number(RENDERED, printed), number(REUSED, printed)) == (1, pages - 1)
    after = {name: (tmp_path / "output" / name).stat().st_ino for name in listings}
    assert after == before
    clean = build(tmp_path, output="clean")
    assert number(RENDERED, clean) == pages
    for page in (tmp_path / "clean").rglob("*.html"):
        served = tmp_path / "output" / page.relative_to(tmp_path / "clean")
        assert served.read_bytes() == page.read_bytes(), served


def test_a_publish_build_reuses_pages_and_leaves_the_published_ones_alone(tmp_path):
    write_files(tmp_path / "content", ARTICLES)
    publish = {"SYNC_OUTPUT": False, "SAFE_PUBLISH": True}
    pages = number(RENDERED, build(tmp_path, **publish))
    page = tmp_path / "output/tin-03.html"
    before = (page.stat().st_ino, page.read_bytes())
    second = build(tmp_path, **publish)
    assert (number(RENDERED, second), number(REUSED, second)) == (0, pages)
    assert (page.stat().st_ino, page.read_bytes()) == before
    # A template edit that changes no page: every page renders, and the next
    # build reuses them all (static_host's PRECOMPRESS keeps the served copies
    # of the same bytes: tests/test_pelican_adapter_site.py).
    theme = tmp_path / "theme"
    shutil.copytree(MINIMAL_THEME, theme)
    base = theme / "templates/base.html"
    base.write_text("{# một ghi chú #}" + base.read_text("utf-8"), "utf-8")
    edited = build(tmp_path, THEME=str(theme), **publish)
    assert number(RENDERED, edited) == pages
    assert page.read_bytes() == before[1]
    again = build(tmp_path, THEME=str(theme), **publish)
    assert (number(RENDERED, again), number(REUSED, again)) == (0, pages)


def test_a_template_that_starts_showing_a_field_is_noticed(tmp_path):
    """The minimal theme's listings show no summary; a theme whose listings
    show it renders them again when an article's summary changes, with no
    list of fields to keep up to date."""
    theme = tmp_path / "theme"
    shutil.copytree(MINIMAL_THEME, theme)
    listing = theme / "templates/index.html"
    listing.write_text(
        listing.read_text("utf-8").replace(
            "</time></li>", '</time><p class="summary">{{ article.summary }}</p></li>'
        ),
        "utf-8",
    )
    write_files(tmp_path / "content", ARTICLES)
    build(tmp_path, THEME=str(theme))
    tag_page = tmp_path / "output/tag/tuan-5.html"
    assert "bàn về đầu tư." in tag_page.read_text("utf-8")
    edited = tmp_path / "content/articles/2024/tin-05.md"
    edited.write_text(
        edited.read_text("utf-8").replace("bàn về đầu tư.", "bàn về chuyển đổi số."),
        "utf-8",
    )
    build(tmp_path, THEME=str(theme))
    assert "bàn về chuyển đổi số." in tag_page.read_text("utf-8")
    build(tmp_path, output="clean", THEME=str(theme))
    assert tag_page.read_bytes() == (tmp_path / "clean/tag/tuan-5.html").read_bytes()
