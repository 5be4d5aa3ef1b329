"""Read Markdown files on every core, and keep what was read for the next build.

Pelican reads content files one after another. Before a generator reads, its
files are read here: those unchanged since the last build come from a cache
file, the others are read by forked processes. The generator's own reading
then asks the reader, whose ``read`` answers from these results.

The cache is keyed by each file's SHA-1, and its file name by a digest of the
settings, the plugins' source code and the versions of Pelican and
Python-Markdown: a change to any of them starts from an empty cache, so it is
never stale. Templates play no part in reading.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pelican.readers import _DISCARD  # Pelican's marker for "drop this field"

from .forking import frozen_heap, may_fork, quiet_worker, watching_warnings

logger = logging.getLogger(__name__)

PARALLEL_FROM = 200  # fewer files are read faster than processes start
CACHE_FOLDER = "build_speed"
KEPT_CACHES = 3
# Settings that do not change what a file reads as: where the build writes (a
# safe publish build writes to a new folder every time) and how it reads.
NOT_READING = {
    "OUTPUT_PATH", "CACHE_PATH", "BUILD_PARALLEL_FROM", "BUILD_PROCESSES",
    "BUILD_PROGRESS_SECONDS", "BUILD_READ_CACHE",
}  # fmt: skip


def settings_digest(settings: dict) -> str:
    """Stable across processes: callables by name, sets sorted, objects by
    class and attributes (never by their address)."""

    def describe(value):
        if isinstance(value, (set, frozenset)):
            return sorted(map(str, value))
        if callable(value):
            name = getattr(value, "__qualname__", type(value).__qualname__)
            return f"{getattr(value, '__module__', '')}.{name}"
        text = str(value)
        if " at 0x" in text:  # an object without a repr of its own (a Markdown
            # extension instance): its class and its attributes
            kind = type(value)
            return [f"{kind.__module__}.{kind.__qualname__}", vars(value)]
        return text

    kept = {k: v for k, v in settings.items() if k not in NOT_READING}
    text = json.dumps(kept, sort_keys=True, default=describe, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def code_digest(settings: dict) -> str:
    """The plugins' source (tests aside) and every installed package's version
    (Pelican, Python-Markdown, its extensions, Pygments...)."""
    return _code_digest(tuple(settings.get("PLUGIN_PATHS") or ()))


@functools.cache
def _code_digest(plugin_paths: tuple[str, ...]) -> str:
    """Once per process: the preview server keeps running the code it loaded
    at its start, so a plugin edited since must not count until a restart."""
    digest = hashlib.sha1()
    for name, version in installed_versions():
        digest.update(f"{name}=={version}\n".encode())
    for folder in plugin_paths:
        for path in sorted(Path(folder).rglob("*.py")):
            if "tests" not in path.relative_to(folder).parts:
                digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def installed_versions() -> list[tuple[str, str]]:
    found = {
        (dist.metadata["Name"] or "", dist.version)
        for dist in importlib.metadata.distributions()
    }
    return sorted(found)


def cache_file(settings: dict) -> Path | None:
    """None when the settings cannot be digested (then nothing is cached)."""
    try:
        key = settings_digest(settings) + code_digest(settings)
    except (TypeError, ValueError):
        return None
    name = f"reader-{hashlib.sha1(key.encode()).hexdigest()[:16]}.pickle"
    return Path(settings["CACHE_PATH"]) / CACHE_FOLDER / name


def file_sha1(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha1(handle.read()).hexdigest()


# The readers of the build under way, inherited by forked workers.
_worker_readers: dict = {}
# (path, sha1) of the files whose reading logged a message in this process
# (the preview server's builds share one process).
_WARNED: set[tuple[str, str]] = set()


def _start_worker() -> None:
    quiet_worker()


def _read_chunk(jobs: list[tuple[str, str]]) -> list[tuple[str, str, object]]:
    """In a worker: [(path, sha1, (content, metadata))] for files read cleanly.

    A file that raises or logs a warning is left out: the build reads it
    again itself, so the message reaches the build's own log and error count.
    """
    done = []
    for path, sha1 in jobs:
        with watching_warnings() as messages:
            try:
                reader = _worker_readers[os.path.splitext(path)[1].lstrip(".")]
                content, metadata = reader.read(path)
            except Exception:  # noqa: BLE001 - the build reports it when re-reading
                continue
        if not messages.records:
            done.append((path, sha1, (content, kept_metadata(metadata))))
    return done


def kept_metadata(metadata: dict) -> dict:
    return {k: v for k, v in metadata.items() if v is not _DISCARD}


class ReadCache:
    """The pre-read results of one build, and the cache file they persist to."""

    def __init__(self, settings: dict):
        self.path = cache_file(settings)
        self.previous = self._load()
        self.results: dict[str, tuple[str, object]] = {}
        # The hash of each file left to the build, taken before it is read:
        # a file saved again meanwhile is read again by the next build.
        self.hashes: dict[str, str] = {}
        self.stats = {"cached": 0, "read": 0}

    def _load(self) -> dict:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError,
                ValueError, TypeError):  # fmt: skip
            return {}  # missing or damaged: read everything

    def prepare(
        self, readers, paths: list[str], processes: int, parallel_from: int
    ) -> None:
        """Fill the results for ``paths`` (absolute) from the cache or workers."""
        to_read = []
        for path in paths:
            sha1 = file_sha1(path)
            known = self.previous.get(path)
            if known and known[0] == sha1:
                self.results[path] = known
                self.stats["cached"] += 1
            else:
                to_read.append((path, sha1))
                self.hashes[path] = sha1
        if len(to_read) >= parallel_from and processes > 1 and may_fork():
            try:
                for path, sha1, result in _read_in_workers(readers, to_read, processes):
                    self.results[path] = (sha1, result)
                    self.stats["read"] += 1
            except Exception as error:  # noqa: BLE001 - e.g. unpicklable settings
                # The build reads whatever is missing itself, one by one.
                logger.warning(
                    "build_speed: không đọc song song được (%s); bản dựng đọc lần "
                    "lượt từng tệp",
                    error,
                )

    def install(self, readers) -> None:
        """Make each reader answer from the results before reading itself."""
        for reader in readers.readers.values():
            reader.read = self._reading_through(reader.read)

    def _reading_through(self, original):
        def read(path):
            found = self.results.get(path)
            if found is not None:
                return found[1]
            sha1 = self.hashes.get(path) or file_sha1(path)
            with watching_warnings() as messages:
                content, metadata = original(path)
            # A file whose reading logs a message is read by every build, so
            # the message is shown (and counted) every time. Pelican logs a
            # message once per process: remember which files did.
            if messages.records:
                _WARNED.add((path, sha1))
            elif (path, sha1) not in _WARNED:
                self.results[path] = (sha1, (content, kept_metadata(metadata)))
            return content, metadata

        return read

    def save(self) -> None:
        """Write this build's results; keep the caches of the last few setting
        sets (preview and publish builds alternate), drop older ones. A cache
        that cannot be written costs speed, never the build."""
        if self.path is None:
            return
        folder = self.path.parent
        temporary = self.path.with_name(f"{self.path.stem}.{os.getpid()}.tmp")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as handle:
                pickle.dump(self.results, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
            caches = sorted(folder.glob("reader-*.pickle"), key=os.path.getmtime)
            for old in caches[:-KEPT_CACHES]:
                old.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
            # e.g. a lambda among the settings, or a full disk
            logger.warning(
                "build_speed: không lưu được bộ nhớ đệm đọc (%s); lần dựng sau "
                "đọc lại mọi tệp",
                error,
            )
            temporary.unlink(missing_ok=True)


def _read_in_workers(readers, jobs, processes):
    _worker_readers.clear()
    _worker_readers.update(readers.readers)
    size = max(1, -(-len(jobs) // (processes * 4)))  # more chunks than workers
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    context = multiprocessing.get_context("fork")
    try:
        with (
            frozen_heap(),
            ProcessPoolExecutor(
                processes, mp_context=context, initializer=_start_worker
            ) as pool,
        ):
            for done in pool.map(_read_chunk, chunks):
                yield from done
    finally:
        _worker_readers.clear()
