"""Connect the build-speed parts to Pelican's signals."""

from __future__ import annotations

import hashlib
import os
from contextlib import nullcontext
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Content, Page
from pelican.generators import ArticlesGenerator
from pelican.log import console

from .forking import may_fork, worker_count
from .page_memo import PageMemo, RememberedTemplate
from .parallel_write import run_in_shares
from .progress import BuildReport
from .quick_preview import QuickPreview
from .read_cache import PARALLEL_FROM, ReadCache, code_digest
from .render_once import render_once
from .saves_during_build import build_started, wrap_wait_for_changes
from .taxonomy_lists import index_taxonomies
from .url_cache import freeze_urls

# The report of the build under way. Pelican makes its generators afresh for
# every build (also each rebuild of the preview server), so the first one
# starts the report and `finalized` prints and ends it.
_state: dict = {
    "report": None,
    "read_cache": None,
    "generators": [],
    "memo": None,
    "served": None,
}


# Generators whose output is only pages written through Pelican's writer.
PARALLEL_WRITERS = (
    "ArticlesGenerator", "PagesGenerator", "DateArchivesGenerator", "UnitsGenerator",
)  # fmt: skip


def _report() -> BuildReport | None:
    return _state["report"]


def _phase(label: str):
    """Timed in the build's summary, when there is one."""
    report = _report()
    return nullcontext() if report is None else report.phase(label)


def _print(line: str) -> None:
    console.print(line, markup=False, highlight=False)


def prepare_generator(generator) -> None:
    generator.env.filters["render_once"] = render_once
    # Pelican makes a new environment for every build, so a template edited
    # since the last build is read anyway; Jinja's default would look at each
    # template file's time again whenever a page extends or includes it.
    generator.env.auto_reload = False
    if (memo := _state["memo"]) is not None and hasattr(generator, "get_template"):
        generator.get_template = _remembered(generator, generator.get_template, memo)
    names = generator.settings.get("BUILD_PARALLEL_WRITERS", PARALLEL_WRITERS)
    if type(generator).__name__ in names and hasattr(generator, "generate_output"):
        generator.generate_output = _split(generator, generator.generate_output)
    every = generator.settings.get("BUILD_PROGRESS_SECONDS", 2.0)
    if every is None:
        return
    if _report() is None:
        _state["report"] = BuildReport(_print, every=every)
    report = _report()
    for name in ("generate_context", "generate_output"):
        if hasattr(generator, name):
            setattr(generator, name, report.timed(generator, name))


def pre_read(generator, paths_setting: str, excludes_setting: str) -> None:
    """Read the generator's files on every core, or take them from the cache."""
    settings = generator.settings
    if not settings.get("BUILD_READ_CACHE", True):
        return
    if _state["read_cache"] is None or paths_setting == "ARTICLE_PATHS":
        _state["read_cache"] = ReadCache(settings)  # a new build
    cache = _state["read_cache"]
    files = generator.get_files(
        settings[paths_setting],
        exclude=settings[excludes_setting],
        extensions=generator.readers.extensions,
    )
    paths = sorted(os.path.abspath(os.path.join(generator.path, f)) for f in files)
    parallel_from = int(settings.get("BUILD_PARALLEL_FROM", PARALLEL_FROM))
    with _phase(f"đọc trước: {type(generator).__name__}"):
        cache.prepare(generator.readers, paths, worker_count(settings), parallel_from)
    cache.install(generator.readers)


def pre_read_articles(generator) -> None:
    pre_read(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def pre_read_pages(generator) -> None:
    pre_read(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def count_read(content) -> None:
    report = _report()
    if report is not None:
        report.count("read" if isinstance(content, (Article, Page)) else "static")


def count_written(_path, context=None) -> None:
    if (report := _report()) is not None:
        report.count("written")


def index_all_taxonomies(generators) -> None:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            index_taxonomies(generator)


def remember_generators(generators) -> None:
    _state["generators"] = generators


def freeze_all_urls(generators) -> None:
    if generators:  # they all share one context
        freeze_urls(generators[0].context.get("generated_content", {}).values())


def _remembered(generator, get_template, memo):
    def get_remembered_template(name):
        return RememberedTemplate(get_template(name), generator, memo)

    return get_remembered_template


def in_worker():
    """First thing in a forked writer: no progress lines; at its end, the
    pages it rendered go back to the build's memo."""
    _state["report"] = None
    memo = _state["memo"]
    if memo is None:
        return None
    memo.new, memo.reused, memo.rendered = {}, 0, 0  # the build's own counts stay
    return lambda: (memo.new, memo.reused, memo.rendered)


def forget_rendered_content() -> None:
    """Pelican keeps every article's body with its links filled in for the
    rest of the build (a second copy of each body); once a generator's pages
    are written, the few later uses (feeds, exports) make it again."""
    Content.__dict__["get_content"].cache.clear()


def _split(generator, generate_output):
    """The generator's output step, split over processes on a big site."""

    def run(writer):
        try:
            return run_split(writer)
        finally:
            forget_rendered_content()

    def run_split(writer):
        settings = generator.settings
        shares = worker_count(settings)
        big = len(generator.context.get("articles", [])) >= int(
            settings.get("BUILD_PARALLEL_FROM", PARALLEL_FROM)
        )
        if shares < 2 or not big or not may_fork():
            return generate_output(writer)
        memo = _state["memo"]
        if memo is not None:
            # Once, before forking: every worker would digest the whole
            # shared context again.
            memo.remember_shared_key(generator)
        paths, extras = run_in_shares(generate_output, writer, shares, in_worker)
        if memo is not None:
            for pages, reused, rendered in filter(None, extras):
                memo.new.update(pages)
                memo.reused += reused
                memo.rendered += rendered
        if (report := _report()) is not None:
            report.counts["written"] += len(paths)
            report.counts["written by workers"] += len(paths)
        return None

    return run


def remember_served_folder(pelican) -> None:
    """At ``initialized``: the folder readers are served from. safe_publish's
    SYNC_OUTPUT sends each build elsewhere only when the build runs."""
    _state["served"] = pelican.output_path


def start_build(pelican) -> None:
    """The first signal of every build, also each rebuild of the preview."""
    build_started()
    _quick_preview.start_build(_state["served"])
    _state["memo"] = new_page_memo(pelican.settings, _state["served"])


def new_page_memo(settings, served: str | None) -> PageMemo | None:
    """Reuse the served pages of the last build (not for a publish build,
    whose pages are post-processed and whose folder is swapped)."""
    if not settings.get("BUILD_PAGE_MEMO", True) or settings.get("SAFE_PUBLISH"):
        return None
    if not served:
        return None
    where = hashlib.sha1(os.path.abspath(served).encode()).hexdigest()[:12]
    memo_file = Path(settings["CACHE_PATH"]).resolve() / "build_speed"
    memo_file = memo_file / f"pages-{where}.pickle"
    return PageMemo(memo_file, Path(served), code_digest(settings))


def save_and_report(pelican) -> None:
    cache, report, memo = _state["read_cache"], _report(), _state["memo"]
    _state["read_cache"] = _state["report"] = _state["memo"] = None
    if memo is not None:
        memo.save()
        if report is not None:
            report.counts["reused"] = memo.reused
            report.counts["rendered"] = memo.rendered
    _quick_preview.keep(pelican, _state["generators"])
    _state["generators"] = []
    if cache is not None:
        cache.save()
    if report is not None:
        for line in report.summary_lines(cache.stats if cache else None):
            _print(line)


_quick_preview = QuickPreview(_print)


def register() -> None:
    wrap_wait_for_changes()
    signals.initialized.connect(remember_served_folder)
    signals.get_generators.connect(start_build)
    signals.generator_init.connect(prepare_generator)
    signals.content_object_init.connect(count_read)
    signals.content_written.connect(count_written)
    signals.all_generators_finalized.connect(freeze_all_urls)
    signals.all_generators_finalized.connect(index_all_taxonomies)
    signals.all_generators_finalized.connect(remember_generators)
    signals.article_generator_init.connect(pre_read_articles)
    signals.page_generator_init.connect(pre_read_pages)
    signals.finalized.connect(save_and_report)
