"""Each generator's output step: timed, split over every core, and let go of.

A generator that only writes pages through Pelican's writer
(``BUILD_PARALLEL_WRITERS``) runs its output step in the build's process and
in a forked worker per other core, each writing the files whose name hashes
to its share (a name written twice still meets Pelican's own check in one
process). The workers' warnings and errors are logged by the build, and what
they recorded for the page memo comes back to it.
"""

from __future__ import annotations

import zlib

from pelican import signals
from pelican.contents import Content

from build_runtime import in_shares, may_fork, worker_count

from . import page_memo
from .page_memo import link_reused_pages

PARALLEL_WRITERS = (
    "ArticlesGenerator", "PagesGenerator", "DateArchivesGenerator", "UnitsGenerator",
)  # fmt: skip
PARALLEL_FROM = 200  # articles; below, forking costs more than it saves


def share_of(name: str, shares: int) -> int:
    """The process that writes the file ``name``; the same in every process."""
    return zlib.crc32(str(name).encode("utf-8")) % shares


class ShareWriter:
    """Pelican's writer, writing only the files of one share."""

    def __init__(self, writer, share: int, shares: int):
        self._writer, self._share, self._shares = writer, share, shares

    def _mine(self, name) -> bool:
        return share_of(name, self._shares) == self._share

    def write_file(self, name, *args, **kwargs):
        if self._mine(name):
            return self._writer.write_file(name, *args, **kwargs)
        return None

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if path is None or self._mine(path):
            return self._writer.write_feed(elements, context, path, *args, **kwargs)
        return None

    def __getattr__(self, name):
        return getattr(self._writer, name)


def adapt_generator(generator, report) -> None:
    """Replace the generator's ``generate_context`` and ``generate_output``
    (a patch: see docs/architecture.md)."""
    name = type(generator).__name__
    if hasattr(generator, "generate_context"):
        generate_context = generator.generate_context

        def read():
            with report.phase(f"đọc: {name}"):
                return generate_context()

        generator.generate_context = read
    if not hasattr(generator, "generate_output"):
        return
    generate_output = generator.generate_output
    split = name in generator.settings.get("BUILD_PARALLEL_WRITERS", PARALLEL_WRITERS)

    def run(writer):
        link_reused_pages(writer)
        try:
            with report.phase(f"viết: {name}"):
                if split and _big(generator):
                    return _in_shares(generate_output, writer, report)
                return generate_output(writer)
        finally:
            forget_rendered_content()

    generator.generate_output = run


def _big(generator) -> bool:
    settings = generator.settings
    articles = len(generator.context.get("articles", []))
    return (
        articles >= int(settings.get("BUILD_PARALLEL_FROM", PARALLEL_FROM))
        and worker_count(settings) > 1
        and may_fork()
    )


def _in_shares(generate_output, writer, report) -> None:
    shares = worker_count(writer.settings)

    def write_share(share: int):
        written: list[str] = []

        def remember(path, **_context):
            written.append(path)

        memo = page_memo.active
        if share:
            report.quiet()
            if memo is not None:
                memo.fork()
            # Workers send back the paths they wrote: Pelican's check for two
            # writes to one file spans the processes.
            signals.content_written.connect(remember, weak=False)
        generate_output(ShareWriter(writer, share, shares))
        if not share:
            return None
        return written, memo.worker_records() if memo else None

    answers = in_shares(write_share, shares)[1:]
    for paths, records in answers:
        getattr(writer, "_written_files", set()).update(paths)
        report.counts["written"] += len(paths)
        report.counts["written by workers"] += len(paths)
        if records and page_memo.active:
            page_memo.active.merge(*records)


def forget_rendered_content() -> None:
    """Pelican keeps every body with its links filled in for the rest of the
    build (Content.get_content is memoised on the class); once a generator's
    pages are written, the few later uses (feeds, exports) make it again."""
    Content.__dict__["get_content"].cache.clear()
