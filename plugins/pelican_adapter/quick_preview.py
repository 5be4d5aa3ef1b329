"""Preview: the saved article's page first, even while a rebuild runs.

Pelican's preview server (``pelican --autoreload``) runs every rebuild in the
same process. After a build, the articles generator is kept, and a forked
watcher process holds it: whenever an article's file is saved, the watcher
reads it again and writes its page with the kept templates and context, well
under a second whatever the size of the site, while the build process starts
its full rebuild, or is still busy with the one an earlier save started. The
full build then writes the exact site (related articles, listings, search
index); a page it changes is reloaded again by live reload. When the rebuild
ends, a new watcher takes over with the new build, and first writes again the
pages of articles saved while that build ran (the build may have read an
earlier version). Where forking is unsafe (another thread runs in the build's
process), the quick pages are written when the next build starts.

Edits and new articles take the quick way (a new article's page first
without related articles or previous/next); a deleted or moved article (its
address changed), or more than ``QUICK_PAGES_AT_MOST`` changed files, wait for
the full build. The quick read logs nothing: Pelican shows a message once per process,
so the full build must be the one to report a problem.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain

import watchfiles
from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.readers import Readers
from pelican.utils import FileChangeFilter
from pelican.writers import Writer

from build_runtime import file_stamp, frozen_heap, may_fork

logger = logging.getLogger(__name__)

QUICK_PAGES_AT_MOST = 3


@dataclass
class Snapshot:
    """The last build's articles generator, and each article file's stamp."""

    generator: object
    articles: dict[str, Article]  # by source path
    stamps: dict[str, tuple[int, int, int] | None]

    @classmethod
    def of(cls, generator) -> Snapshot:
        articles = {
            article.source_path: article
            for article in chain(
                generator.translations,
                generator.articles,
                generator.hidden_translations,
                generator.hidden_articles,
                generator.drafts_translations,
                generator.drafts,
            )
        }
        stamps = {path: file_stamp(path) for path in articles}
        return cls(generator, articles, stamps)

    def changed(self) -> list[str]:
        """Files changed since the last call (or the snapshot)."""
        found = []
        for path, old in self.stamps.items():
            new = file_stamp(path)
            if new != old:
                found.append(path)
                self.stamps[path] = new
        return sorted(found)


@contextmanager
def logging_off():
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


def read_article(generator, path: str) -> Article:
    """The article in the file ``path`` read as the generator reads it."""
    return Readers(generator.settings).read_file(
        base_path=generator.path,
        path=os.path.relpath(path, generator.path),
        content_class=Article,
        context=generator.context,
        preread_signal=signals.article_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context,
        context_sender=generator,
    )


def read_again(generator, old: Article) -> Article:
    """The article read from its file as the generator read it, carrying what
    the last build's plugins added to the old one (related, previous/next)."""
    fresh = read_article(generator, old.source_path)
    for name, value in vars(old).items():
        # Not a header field: one the editor removed stays removed.
        if name not in vars(fresh) and name not in old.metadata:
            setattr(fresh, name, value)
    return fresh


def write_page(generator, served: str, article: Article) -> str:
    """Written beside the served folder, then moved in: live reload never
    reads half a page."""
    extra = {"all_articles": generator.articles} if article.status == "draft" else {}
    with tempfile.TemporaryDirectory(dir=os.path.dirname(served)) as folder:
        Writer(folder, settings=generator.settings).write_file(
            article.save_as,
            generator.get_template(article.template),
            generator.context,
            article=article,
            category=getattr(article, "category", None),
            override_output=hasattr(article, "override_save_as"),
            url=article.url,
            blog=True,
            relative_urls=generator.settings["RELATIVE_URLS"],
            **extra,
        )
        target = os.path.join(served, article.save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(os.path.join(folder, article.save_as), target)
    return article.save_as


def write_quick_pages(snapshot: Snapshot, served: str, new=()) -> list[str]:
    """Rewrite the pages of the edited articles in the served folder, and
    write those of ``new`` article files (without related articles or
    previous/next, which the full build adds); returns their output paths."""
    changed = snapshot.changed()
    new = [path for path in new if path not in snapshot.articles]
    if not changed + new or len(changed + new) > QUICK_PAGES_AT_MOST:
        return []
    generator = snapshot.generator
    written = []
    for path in changed + new:
        old = snapshot.articles.get(path)
        try:
            with logging_off():
                if old is None:
                    fresh = read_article(generator, path)
                    snapshot.articles[path] = fresh
                    snapshot.stamps[path] = file_stamp(path)
                else:
                    fresh = read_again(generator, old)
                    if fresh.save_as != old.save_as or fresh.status != old.status:
                        continue
                written.append(write_page(generator, served, fresh))
        except Exception:  # noqa: BLE001 - the full build reports it
            continue
    return written


def new_articles(changes, generator) -> list[str]:
    """Files added under the articles' folders that a reader reads."""
    folders = [
        os.path.join(generator.path, f) for f in generator.settings["ARTICLE_PATHS"]
    ]
    extensions = tuple(f".{e}" for e in generator.readers.extensions)
    return sorted(
        path
        for change, path in changes
        if change == watchfiles.Change.added
        and path.endswith(extensions)
        and any(path.startswith(folder + os.sep) for folder in folders)
    )


def write_and_say(snapshot: Snapshot, served: str, print_line, new=()) -> None:
    started = time.perf_counter()
    written = write_quick_pages(snapshot, served, new)
    if written:
        print_line(
            f"Xem trước nhanh: đã viết lại {', '.join(written)} trong "
            f"{time.perf_counter() - started:.2f} giây; đang dựng lại cả trang web."
        )


def watch(snapshot: Snapshot, served: str, print_line, parent: int) -> None:
    """In the watcher: a quick page for each save, until the build process
    replaces this watcher or ends."""
    # Ended by the build process (SIGTERM): as an exception, so that a page
    # being written is cleaned up rather than left beside the served folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    settings = snapshot.generator.settings
    keep = FileChangeFilter(set(settings.get("IGNORE_FILES", [])))
    write_and_say(snapshot, served, print_line)  # saved while the build ran
    for changes in watchfiles.watch(
        settings["PATH"], watch_filter=keep, debounce=20, step=5,
        rust_timeout=500, yield_on_timeout=True,
    ):  # fmt: skip
        if os.getppid() != parent:
            return
        new = new_articles(changes, snapshot.generator)
        write_and_say(snapshot, served, print_line, new)


class QuickPreview:
    """Keeps the last build's snapshot between the preview server's builds,
    in a watcher process when forking is safe."""

    def __init__(self, print_line):
        self.snapshot: Snapshot | None = None
        self.served = None
        self.watcher = None
        self.print_line = print_line

    def keep(self, pelican, generators, started_ns: int | None, served) -> None:
        """After a build of the ``served`` folder: ``started_ns`` is when it
        started; articles saved since may hold what it did not read."""
        self.stop_watcher()
        settings = pelican.settings
        if not settings.get("BUILD_QUICK_PREVIEW") or settings.get("SAFE_PUBLISH"):
            return
        found = [g for g in generators if isinstance(g, ArticlesGenerator)]
        if not found:
            return
        self.snapshot = Snapshot.of(found[0])
        self.served = served
        for path, found_stamp in self.snapshot.stamps.items():
            if started_ns and found_stamp and found_stamp[2] >= started_ns:
                self.snapshot.stamps[path] = None  # written again first

    def watch_in_background(self) -> None:
        """The preview server waits for saves (``pelican --autoreload``, after
        each build): from now on a watcher writes their pages, also while
        the rebuild they start runs."""
        if self.snapshot is None or not self.served or not may_fork():
            return
        context = multiprocessing.get_context("fork")
        arguments = (self.snapshot, str(self.served), self.print_line, os.getpid())
        self.watcher = context.Process(target=watch, args=arguments)
        with frozen_heap():
            self.watcher.start()
        self.snapshot = None  # the watcher's now

    def stop_watcher(self) -> None:
        if self.watcher is not None:
            self.watcher.terminate()
            self.watcher.join()
            self.watcher = None

    def start_build(self, served: str | None) -> None:
        """At the start of a rebuild without a watcher: write the quick pages
        into ``served``, then let go of the old build so that it is not in
        memory beside the new one."""
        snapshot, self.snapshot = self.snapshot, None
        if snapshot is not None and served:
            write_and_say(snapshot, served, self.print_line)
