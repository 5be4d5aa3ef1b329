"""Connect the adapter's parts to Pelican's signals, build after build."""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator
from pelican.log import console

from build_runtime import save_pending, templates_digest

from . import page_memo, reading
from .once import freeze_urls, index_taxonomies, render_once
from .page_memo import PageMemo, RecordingTemplate, new_recorder
from .quick_preview import QuickPreview
from .recording import record_reads
from .report import BuildReport
from .saves_during_build import build_started, started_at, wrap_wait_for_changes
from .writing import adapt_generator


def _print(line: str) -> None:
    console.print(line, markup=False, highlight=False)


class Build:
    """The build under way (the preview server runs one after another)."""

    served: Path | None = None  # where readers are served from
    report: BuildReport | None = None
    generators: list = []


def remember_served_folder(pelican) -> None:
    """At ``initialized``, before any build moves the output elsewhere."""
    Build.served = Path(pelican.output_path).resolve()


def start_build(pelican) -> None:
    """``get_generators``: the first signal of every build."""
    settings = pelican.settings
    save_pending()  # the last build's caches, if this process made it
    build_started()
    _quick_preview.start_build(Build.served)
    every = settings.get("BUILD_PROGRESS_SECONDS", 2.0)
    Build.report = BuildReport(_print, every=every)
    new_recorder()
    page_memo.active = None
    reading.start_build(settings)


def prepare_generator(generator) -> None:
    if Build.report is None:  # a generator made outside a build
        Build.report = BuildReport(_print, every=None)
    env = generator.env
    env.filters["render_once"] = render_once
    # Pelican makes a new environment for every build; Jinja's default would
    # look at each template file's time whenever a page extends or includes it.
    env.auto_reload = False
    settings = generator.settings
    if settings.get("BUILD_PAGE_MEMO", True):
        env.template_class = RecordingTemplate
        record_reads(env)
        if page_memo.active is None and _writes_elsewhere(generator):
            theme = templates_digest(env, os.path.join(settings["THEME"], "static"))
            page_memo.active = PageMemo(
                settings, Build.served, theme, generator.context
            )
    adapt_generator(generator, Build.report)


def _writes_elsewhere(generator) -> bool:
    """A reused page is linked from the served folder into the new one."""
    served = Build.served
    return served is not None and Path(generator.output_path).resolve() != served


def read_ahead_articles(generator) -> None:
    with Build.report.phase("đọc trước: ArticlesGenerator"):
        reading.read_ahead(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def read_ahead_pages(generator) -> None:
    with Build.report.phase("đọc trước: PagesGenerator"):
        reading.read_ahead(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def count_read(content) -> None:
    if Build.report is not None and isinstance(content, (Article, Page)):
        Build.report.count("read")


def count_written(path, context=None) -> None:
    if Build.report is not None:
        Build.report.count("written")
    if page_memo.active is not None and context and context.get("output_file"):
        page_memo.active.written(path, context["output_file"])


def content_is_final(generators) -> None:
    """``all_generators_finalized``: every generator has read its content."""
    Build.generators = generators
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            index_taxonomies(generator)
    if generators:  # they share one context
        context = generators[0].context
        freeze_urls(context.get("generated_content", {}).values())
        if page_memo.active is not None:
            page_memo.active.know_objects(context)


def finish_build(pelican) -> None:
    memo, report = page_memo.active, Build.report
    page_memo.active, Build.report = None, None
    report.counts.update(reading.stats)
    reading.finish_build()
    if memo is not None:
        memo.save(Path(pelican.output_path))
        report.counts["reused"], report.counts["rendered"] = memo.reused, memo.rendered
    _quick_preview.keep(pelican, Build.generators, started_at(), Build.served)
    Build.generators = []
    if report is not None and pelican.settings.get("BUILD_PROGRESS_SECONDS", 2.0):
        for line in report.summary_lines():
            _print(line)


_quick_preview = QuickPreview(_print)


def register() -> None:
    wrap_wait_for_changes(before_waiting=_quick_preview.watch_in_background)
    signals.initialized.connect(remember_served_folder)
    signals.get_generators.connect(start_build)
    signals.readers_init.connect(reading.read_through_cache)
    signals.generator_init.connect(prepare_generator)
    signals.article_generator_init.connect(read_ahead_articles)
    signals.page_generator_init.connect(read_ahead_pages)
    signals.content_object_init.connect(count_read)
    signals.content_written.connect(count_written)
    signals.all_generators_finalized.connect(content_is_final)
    signals.finalized.connect(finish_build)
