"""Connect the build-speed parts to Pelican's signals."""

from __future__ import annotations

from pelican import signals
from pelican.contents import Article, Page
from pelican.log import console

from .progress import BuildReport
from .render_once import render_once
from .url_cache import freeze_urls

# The report of the build under way. Pelican makes its generators afresh for
# every build (also each rebuild of the preview server), so the first one
# starts the report and `finalized` prints and ends it.
_state: dict[str, BuildReport | None] = {"report": None}


def _report() -> BuildReport | None:
    return _state["report"]


def _print(line: str) -> None:
    console.print(line, markup=False, highlight=False)


def prepare_generator(generator) -> None:
    generator.env.filters["render_once"] = render_once
    every = generator.settings.get("BUILD_PROGRESS_SECONDS", 2.0)
    if every is None:
        return
    if _report() is None:
        _state["report"] = BuildReport(_print, every=every)
    report = _report()
    for name in ("generate_context", "generate_output"):
        if hasattr(generator, name):
            setattr(generator, name, report.timed(generator, name))


def count_read(content) -> None:
    report = _report()
    if report is not None:
        report.count("read" if isinstance(content, (Article, Page)) else "static")


def count_written(_path, context=None) -> None:
    if (report := _report()) is not None:
        report.count("written")


def freeze_all_urls(generators) -> None:
    if generators:  # they all share one context
        freeze_urls(generators[0].context.get("generated_content", {}).values())


def print_summary(_pelican) -> None:
    report = _report()
    _state["report"] = None
    if report is not None:
        for line in report.summary_lines():
            _print(line)


def register() -> None:
    signals.generator_init.connect(prepare_generator)
    signals.content_object_init.connect(count_read)
    signals.content_written.connect(count_written)
    signals.all_generators_finalized.connect(freeze_all_urls)
    signals.finalized.connect(print_summary)
