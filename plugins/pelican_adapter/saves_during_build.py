"""The preview server rebuilds after a file saved while it was building.

Pelican's ``--autoreload`` starts watching for changes only after a build ends,
so an article saved during a build (minutes, on a big site) was never rebuilt
until the next save. Its ``wait_for_changes`` is replaced: it starts watching,
then looks for files changed since the last build started, with the watcher's
own filter (editor swap files and the like are ignored), and returns those at
once; a save in between is seen by one or the other.
"""

from __future__ import annotations

import os
import time

import pelican
import watchfiles
from pelican.utils import FileChangeFilter

# "returned": the stamp of each file already returned, so that a file dated
# in the future (a camera's clock) does not start a build after every build.
_state = {"started": None, "wrapped": False, "returned": {}}


def build_started() -> None:
    _state["started"] = time.time_ns()


def started_at() -> int | None:
    """When the build under way (or the last one) started, in ns."""
    return _state["started"]


def changed_since(started: int, roots: list[str], keep, returned: dict) -> set[str]:
    """Files changed since ``started`` and not yet returned with that time."""
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
                stamp = os.stat(path).st_mtime_ns
            except OSError:
                continue
            path = os.path.abspath(path)
            if stamp < started or returned.get(path) == stamp:
                continue
            if keep(watchfiles.Change.modified, path):
                found.add(path)
                returned[path] = stamp
    return found


def _watched(settings_file: str, settings) -> list[str]:
    roots = [settings_file, settings.get("THEME", ""), settings.get("PATH", "")]
    return [os.path.abspath(root) for root in roots if root and os.path.exists(root)]


def wrap_wait_for_changes(before_waiting=None) -> None:
    """``before_waiting()``, if given, runs each time the preview server is
    about to wait for changes (a build has just ended)."""
    if _state["wrapped"]:
        return

    def wait_for_changes(settings_file, settings):
        if before_waiting is not None:
            before_waiting()
        keep = FileChangeFilter(set(settings.get("IGNORE_FILES", [])))
        roots = _watched(settings_file, settings)
        watching = watchfiles.watch(
            *roots, watch_filter=keep, rust_timeout=100, yield_on_timeout=True
        )
        for changes in watching:  # the first answer: the watch has started
            if changes:
                return changes
            started = _state["started"]
            if started is not None:
                missed = changed_since(started, roots, keep, _state["returned"])
                _state["started"] = None  # looked once; the watch sees the rest
                if missed:
                    return {(watchfiles.Change.modified, path) for path in missed}
        return set()

    pelican.wait_for_changes = wait_for_changes
    _state["wrapped"] = True
