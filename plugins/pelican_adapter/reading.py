"""Reading on every core, and a file read once is read from the cache after.

Before the articles or pages generator reads, its files are read here: those
whose bytes the cache knows come from it, the others are read by every core.
The reader then answers from these results. What is cached is what the reader
returns after every reading step (sanitised HTML, the text stage), keyed by
the file's path and SHA-1 in the build's cache (code, settings). A file whose
reading logs a warning or an error is never cached and is read by the build
itself, so every build reports it.
"""

from __future__ import annotations

import functools
import os
from collections import Counter

from pelican.readers import _DISCARD  # Pelican's marker for "drop this field"

from build_runtime import (
    BuildCache,
    collecting_warnings,
    file_digest,
    in_shares,
    may_fork,
    worker_count,
)

PARALLEL_FROM = 200  # fewer files are read faster than processes start

_cache: BuildCache | None = None  # the reading cache of the build under way
_warned: set[tuple[str, str]] = set()  # files whose reading logged, this process
_read_ahead: set[tuple[str, str]] = set()  # what this build's workers read
stats: Counter = Counter()  # "cached", "read ahead"


def start_build(settings) -> None:
    global _cache
    _cache = BuildCache(settings, "reading")
    stats.clear()
    _read_ahead.clear()


def finish_build() -> None:
    global _cache
    if _cache is not None:
        _cache.save_later()
    _cache = None


def read_through_cache(readers) -> None:
    """At ``readers_init``, after every plugin's reading step: each reader
    first asks the cache."""
    for extension, reader_class in readers.reader_classes.items():
        if reader_class:
            readers.reader_classes[extension] = _cached(reader_class)


@functools.cache
def _cached(reader_class):
    def read(self, path):
        cache = _cache
        if cache is None:
            return reader_class.read(self, path)
        digest = file_digest(path)
        found = cache.get((path, digest))
        if found is not None:
            if (path, digest) not in _read_ahead:
                stats["cached"] += 1
            return found
        with collecting_warnings() as messages:
            content, metadata = reader_class.read(self, path)
        # Pelican shows a message once per process: remember which files
        # logged, so that the next build in this process reads them again.
        if messages:
            _warned.add((path, digest))
        elif (path, digest) not in _warned:
            cache.put((path, digest), (content, without_discarded(metadata)))
        return content, metadata

    return type(reader_class.__name__, (reader_class,), {"read": read})


def without_discarded(metadata: dict) -> dict:
    """Pelican drops fields set to its ``_DISCARD`` marker; a pickled copy of
    the marker would no longer be it."""
    return {k: v for k, v in metadata.items() if v is not _DISCARD}


def read_ahead(generator, paths_setting: str, excludes_setting: str) -> None:
    """Read the files the generator is about to read, on every core."""
    cache, settings = _cache, generator.settings
    if cache is None:
        return
    files = generator.get_files(
        settings[paths_setting],
        exclude=settings[excludes_setting],
        extensions=generator.readers.extensions,
    )
    paths = sorted(os.path.abspath(os.path.join(generator.path, f)) for f in files)
    missing = [
        (path, digest)
        for path in paths
        if cache.get((path, digest := file_digest(path))) is None
    ]
    few = len(missing) < int(settings.get("BUILD_PARALLEL_FROM", PARALLEL_FROM))
    if few or not may_fork():
        return  # the generator reads them, one by one
    readers = generator.readers.readers
    shares = worker_count(settings)
    size = -(-len(missing) // shares)

    def read_share(share: int) -> list:
        # Only in children: a read here would count its message as shown
        # (Pelican logs a message once per process), and the build's own
        # read of that file would then show nothing.
        run = missing[(share - 1) * size : share * size] if share else []
        return [_read_quietly(readers, job) for job in run]

    results = [r for run in in_shares(read_share, shares + 1) for r in run]
    for (path, digest), result in zip(missing, results, strict=True):
        if result is not None:
            cache.put((path, digest), result)
            _read_ahead.add((path, digest))
            stats["read ahead"] += 1


def _read_quietly(readers, job):
    """In a worker: the result of a file read cleanly, else None (the build
    reads it again itself, so its message reaches the build's own log)."""
    path, _digest = job
    reader = readers[os.path.splitext(path)[1].lstrip(".")]
    with collecting_warnings(silenced=True) as messages:
        try:
            content, metadata = reader.read(path)
        except Exception:  # noqa: BLE001 - reported when the build reads it
            return None
    return None if messages else (content, without_discarded(metadata))
