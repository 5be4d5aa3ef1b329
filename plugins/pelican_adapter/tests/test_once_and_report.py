"""Real Pelican builds with the plugin alone: a page-independent part rendered
once, URLs worked out once, and the progress lines and phase summary of a build
(the project's sidebar: tests/test_pelican_adapter_site.py)."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from pelican import signals

from conftest import Site, plugin_alone, plugin_build, write_files
from pelican_adapter import BuildReport

ARTICLES = {
    f"articles/tin-{number}.md": f"""
        Title: Tin số {number}
        Date: 2024-03-{number:02d} 08:00
        Category: Tin hoạt động

        Nội dung tin số {number}.
        """
    for number in range(1, 6)
}
PAGES = {"pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở Khoa học và Công nghệ.\n"}
# A base template whose widget records each time its template is loaded and
# each call, and prints the SITEURL it saw.
BASE = """<!doctype html><html lang="vi"><head><title>t</title></head><body>
<aside>{{ "widget.html"|render_once("widget") }}</aside>
{%- block content %}{% endblock %}</body></html>
"""
WIDGET = "{{ loaded() }}{% macro widget() %}[{{ tick() }}|{{ SITEURL }}]{% endmacro %}"


def build_plain(tmp_path: Path, **overrides) -> Site:
    """The minimal theme with only this plugin (and those it requires)."""
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {**ARTICLES, **PAGES})
    settings = {
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "ARTICLE_PATHS": ["articles"],
        "BUILD_PROGRESS_SECONDS": None,
        **overrides,
    }
    return plugin_build("pelican_adapter", content, output, **settings)


def test_a_page_independent_macro_is_rendered_once_per_siteurl(tmp_path):
    templates = tmp_path / "templates"
    write_files(templates, {"base.html": BASE, "widget.html": WIDGET})
    calls, loads = itertools.count(1), itertools.count(1)
    site = build_plain(
        tmp_path,
        THEME_TEMPLATES_OVERRIDES=[str(templates)],
        JINJA_GLOBALS={"tick": lambda: next(calls), "loaded": lambda: next(loads)},
        RELATIVE_URLS=True,
        ARTICLE_SAVE_AS="tin-tuc/{slug}/index.html",
        ARTICLE_URL="tin-tuc/{slug}/",
    )
    widgets = {
        page.relative_to(site.output).as_posix(): site.soup(
            page.relative_to(site.output).as_posix()
        ).aside.text
        for page in site.html_pages()
    }
    assert len(widgets) >= 10
    # Each page shows the SITEURL of its own depth (RELATIVE_URLS)...
    for path, widget in widgets.items():
        depth = path.count("/")
        expected = "/".join([".."] * depth) if depth else "."
        assert widget.endswith(f"|{expected}]"), (path, widget)
    # ...but the macro ran once per SITEURL and generator, not once per page,
    # and its template was loaded only for those calls.
    rendered = next(calls) - 1
    assert rendered < len(widgets) / 2
    assert len(set(widgets.values())) == rendered
    assert next(loads) - 1 == rendered


def test_a_macro_that_reads_what_differs_between_pages_is_an_error(tmp_path, caplog):
    templates = tmp_path / "templates"
    widget = "{% macro widget() %}[{{ output_file }}]{% endmacro %}"
    write_files(templates, {"base.html": BASE, "widget.html": widget})
    with caplog.at_level(logging.ERROR):
        build_plain(tmp_path, THEME_TEMPLATES_OVERRIDES=[str(templates)])
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and all("render_once đọc output_file" in e for e in errors)


def test_urls_are_worked_out_once_and_stay_right(tmp_path):
    articles = []
    signals.article_generator_finalized.connect(
        lambda generator: articles.extend(generator.articles), weak=False
    )
    site = build_plain(tmp_path)
    assert len(articles) == len(ARTICLES)
    for article in articles:
        frozen = article.url
        assert site.path(frozen).is_file()
        assert not hasattr(article, "override_save_as")  # the writer's rules hold
        # Pelican's own answer, from the settings, is the same.
        del article.override_url
        assert article.url == frozen


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_lines_come_every_few_seconds():
    lines, clock = [], FakeClock()
    report = BuildReport(lines.append, every=2.0, clock=clock)
    for second in range(5):
        clock.now = second
        for _ in range(1000):
            report.count("read")
    clock.now = 4.5
    report.count("written")
    assert lines == [
        "… đã đọc 2.001 bài và trang, đã viết 0 tệp",
        "… đã đọc 4.001 bài và trang, đã viết 0 tệp",
    ]


def test_summary_lists_the_slowest_phases_first():
    lines, clock = [], FakeClock()
    report = BuildReport(lines.append, clock=clock)

    for label, seconds in (
        ("đọc: ArticlesGenerator", 3.0),
        ("viết: ArticlesGenerator", 5.0),
        ("đọc trước: ArticlesGenerator", 4.0),
    ):
        with report.phase(label):
            clock.now += seconds
    report.counts.update({"cached": 1200, "read ahead": 3})
    summary = report.summary_lines()
    assert summary[0].startswith("Dựng xong trong 12.0 giây")
    assert summary[1:] == [
        "Đọc lại từ bộ nhớ đệm 1.200 tệp, đọc song song 3 tệp.",
        "Các bước lâu nhất:",
        "     5.00 giây  viết: ArticlesGenerator",
        "     4.00 giây  đọc trước: ArticlesGenerator",
        "     3.00 giây  đọc: ArticlesGenerator",
    ]


def test_a_build_prints_its_phase_summary(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**ARTICLES, **PAGES})
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output = plugin_alone("pelican_adapter", content, tmp_path / "output", settings)
    assert "Dựng xong trong" in output
    assert "đọc 6 bài và trang" in output
    assert "viết: ArticlesGenerator" in output


def test_reading_ahead_is_a_phase_of_the_summary(tmp_path):
    from pelican_adapter.signals import Build

    phases = []

    def look(_generators):
        phases.extend(label for label, _seconds in Build.report.phases)

    signals.all_generators_finalized.connect(look)
    try:
        build_plain(tmp_path, BUILD_PROGRESS_SECONDS=2.0)
    finally:
        signals.all_generators_finalized.disconnect(look)
    # The articles and pages generators' Markdown, read before they ask for it.
    assert "đọc trước: ArticlesGenerator" in phases
    assert "đọc trước: PagesGenerator" in phases


def test_bodies_with_links_filled_in_are_let_go_once_the_pages_are_written(tmp_path):
    from pelican.contents import Content

    filled = Content.__dict__["get_content"].cache
    filled.clear()
    site = build_plain(tmp_path, FEED_ALL_ATOM="feeds/all.atom.xml")
    assert filled == {}
    # The feed, written by the same generator, still carries each body.
    feed = site.text("feeds/all.atom.xml")
    assert all(f"Nội dung tin số {number}." in feed for number in range(1, 6))
    assert "Nội dung tin số 3." in site.text("tin-so-3.html")
