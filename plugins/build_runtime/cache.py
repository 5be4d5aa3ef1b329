"""The build's one cache: values kept between builds, never stale.

A cache is one file, ``CACHE_PATH/build/<name>-<key>.pickle``. Its key digests
the code (every plugin's source and every installed package's version), the
settings (not where the build writes) and, for a cache of rendered output, the
theme's templates: when any of them changes, the build starts from an empty
cache. Entries are keyed by what they were made from (a file's hash), so a
changed input misses. Entries a build did not use are dropped when it saves,
and the files of the last few keys are kept (preview and publish builds
alternate). A cache that cannot be read is empty; one that cannot be written
costs speed, never the build.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

FOLDER = "build"
KEPT_KEYS = 3
# Settings that do not change what a build makes: where it writes and how fast.
NOT_MAKING = {
    "OUTPUT_PATH", "CACHE_PATH", "BUILD_PROCESSES", "BUILD_PARALLEL_FROM",
    "BUILD_PROGRESS_SECONDS", "BUILD_CACHE",
}  # fmt: skip


class BuildCache:
    def __init__(self, settings: dict, name: str, templates: str = ""):
        """``templates``: the digest of the templates the entries depend on."""
        try:
            key = settings_digest(settings) + code_digest(settings.get("PLUGIN_PATHS"))
            key += templates
        except (TypeError, ValueError):  # settings that cannot be digested
            key = None
        enabled = settings.get("BUILD_CACHE", True) and key is not None
        self.path = None
        if enabled:
            digest = hashlib.sha1(key.encode()).hexdigest()[:16]
            folder = Path(settings["CACHE_PATH"]) / FOLDER
            self.path = folder / f"{name}-{digest}.pickle"
        self.name = name
        self.old = self._load()
        self.new: dict = {}

    def _load(self) -> dict:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as handle:
                entries = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or damaged: start empty
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, key, default=None):
        """The entry made from ``key`` by this build or the last one."""
        if key in self.new:
            return self.new[key]
        if key in self.old:
            self.new[key] = self.old[key]
            return self.new[key]
        return default

    def put(self, key, value) -> None:
        self.new[key] = value

    __setitem__ = put

    def save_later(self) -> None:
        """Saved when the process ends or the next build starts
        (``save_pending``): after the new site is in place, not before."""
        if not _pending:
            atexit.register(save_pending)
        _pending.append(self)

    def save(self) -> None:
        if self.path is None:
            return
        folder = self.path.parent
        temporary = self.path.with_name(f"{self.path.stem}.{os.getpid()}.tmp")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as handle:
                pickle.dump(self.new, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
            kept = sorted(folder.glob(f"{self.name}-*.pickle"), key=os.path.getmtime)
            for old in kept[:-KEPT_KEYS]:
                old.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
            logger.warning(
                "Không lưu được bộ nhớ đệm %s (%s); lần dựng sau làm lại từ đầu",
                self.name,
                error,
            )
            temporary.unlink(missing_ok=True)


_pending: list[BuildCache] = []


def save_pending() -> None:
    """Save the caches whose saving was put off (``save_later``)."""
    while _pending:
        _pending.pop(0).save()


def file_digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha1(handle.read()).hexdigest()


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
        if " at 0x" in text:  # no repr of its own (a Markdown extension)
            kind = type(value)
            return [f"{kind.__module__}.{kind.__qualname__}", vars(value)]
        return text

    kept = {k: v for k, v in settings.items() if k not in NOT_MAKING}
    text = json.dumps(kept, sort_keys=True, default=describe, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def code_digest(plugin_paths=None) -> str:
    return _code_digest(tuple(plugin_paths or ()))


@functools.cache
def _code_digest(plugin_paths: tuple[str, ...]) -> str:
    """Once per process: the preview server runs the code it loaded at its
    start, so a plugin edited since must not count until it restarts."""
    digest = hashlib.sha1()
    versions = {
        (dist.metadata["Name"] or "", dist.version)
        for dist in importlib.metadata.distributions()
    }
    for name, version in sorted(versions):
        digest.update(f"{name}=={version}\n".encode())
    for folder in plugin_paths:
        for path in sorted(Path(folder).rglob("*.py")):
            if "tests" not in path.relative_to(folder).parts:
                digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def templates_digest(env, static: str | None = None) -> str:
    """Every template a Jinja environment can load, by name and source, and
    every file of the theme's ``static`` folder (pages name them by hash)."""
    digest = hashlib.sha1()
    for name in sorted(env.list_templates()):
        source, _, _ = env.loader.get_source(env, name)
        digest.update(name.encode() + b"\0" + source.encode("utf-8") + b"\0")
    for path in sorted(Path(static).rglob("*")) if static else ():
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
