"""The preview server rebuilds after a file saved while it was building.

Pelican's ``--autoreload`` starts watching for changes only after a build ends,
so an article saved during a build (minutes, on a big site) was never rebuilt
until the next save. Its ``wait_for_changes`` is wrapped: it first looks for
files changed since the last build started, with the watcher's own filter
(editor swap files and the like are ignored), and returns those at once.
"""

from __future__ import annotations

import os
import time

import pelican
import watchfiles
from pelican.utils import FileChangeFilter

_state = {"started": None, "wrapped": False}


def build_started() -> None:
    _state["started"] = time.time_ns()


def changed_since(started: int, roots: list[str], keep) -> set[str]:
    found = set()
    for root in roots:
        if os.path.isfile(root):
            paths = [root]
        else:
            paths = (
                os.path.join(folder, name)
                for folder, _, names in os.walk(root)
                for name in names
            )
        for path in paths:
            try:
                changed = os.stat(path).st_mtime_ns >= started
            except OSError:
                continue
            if changed and keep(watchfiles.Change.modified, path):
                found.add(os.path.abspath(path))
    return found


def _watched(settings_file: str, settings) -> list[str]:
    roots = [settings_file, settings.get("THEME", ""), settings.get("PATH", "")]
    return [os.path.abspath(root) for root in roots if root and os.path.exists(root)]


def wrap_wait_for_changes() -> None:
    if _state["wrapped"]:
        return
    wait = pelican.wait_for_changes

    def wait_for_changes(settings_file, settings):
        started = _state["started"]
        if started is not None:
            keep = FileChangeFilter(set(settings.get("IGNORE_FILES", [])))
            roots = _watched(settings_file, settings)
            missed = changed_since(started, roots, keep)
            if missed:
                return {(watchfiles.Change.modified, path) for path in missed}
        return wait(settings_file, settings)

    pelican.wait_for_changes = wait_for_changes
    _state["wrapped"] = True
