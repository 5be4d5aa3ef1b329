"""When a build may fork worker processes."""

from __future__ import annotations

import threading

# Pelican's command line shows a rich status line, redrawn by this daemon
# thread. Workers never print through rich, so its lock cannot hang them.
HARMLESS_THREADS = {"_RefreshThread"}


def may_fork() -> bool:
    """fork is quick, but unsafe while other threads run (a preview server's,
    a test browser's): then the build does the work in its own process."""
    return all(
        thread is threading.main_thread() or type(thread).__name__ in HARMLESS_THREADS
        for thread in threading.enumerate()
    )
