"""The build's one way to use several processes: forked shares of a task.

``in_shares(work, shares)`` runs ``work(share)`` for each share, share 0 in
this process and the others in forked children, and returns the results in
share order. The others are built on it: ``on_every_core`` shares a list out,
``in_child`` runs one task in a child whose memory leaves with it.

A child inherits the build's objects for free (copy-on-write), so ``work`` may
be a closure over them; only its result is pickled. A child prints nothing and
keeps its warnings and errors, which the build logs once every child has
answered, so they are shown once and counted (a publish with errors fails).
A child's failure is raised in the build.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from contextlib import contextmanager

# Pelican's command line redraws a rich status line from this daemon thread. A
# child never prints, so a lock that thread held at the fork is never waited for.
HARMLESS_THREADS = {"_RefreshThread"}
# Below this many items, a fork costs more than it saves.
SHARE_FROM = 200
MOST_PROCESSES = 4


def may_fork() -> bool:
    """fork is quick but unsafe while other threads run (a test browser's,
    a web server's): then the work stays in this process."""
    return all(
        thread is threading.main_thread() or type(thread).__name__ in HARMLESS_THREADS
        for thread in threading.enumerate()
    )


def worker_count(settings=None) -> int:
    """BUILD_PROCESSES, or one process per usable core, at most four."""
    wanted = int((settings or {}).get("BUILD_PROCESSES") or 0)
    if wanted > 0:
        return wanted
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    return min(MOST_PROCESSES, usable or os.cpu_count() or 1)


@contextmanager
def frozen_heap():
    """The objects held now are left out of the children's garbage
    collections, which would touch every object and so copy each memory page
    of the build into each child. Nested or in a child, it stays frozen."""
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already_frozen:
            gc.unfreeze()


class Collect(logging.Handler):
    """Warnings and errors, with their tracebacks, as plain tuples."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.records.append((record.name, record.levelno, message))


@contextmanager
def collecting_warnings(silenced: bool = False):
    """The warnings and errors logged inside the block; still logged, unless
    ``silenced``."""
    collect = Collect()
    root = logging.getLogger()
    kept = root.handlers
    root.handlers = [collect] if silenced else [*kept, collect]
    try:
        yield collect.records
    finally:
        root.handlers = kept


def in_shares(work: Callable[[int], object], shares: int) -> list:
    """``[work(0), work(1), …]``: share 0 here, each other share in a forked
    child (all here when forking is unsafe)."""
    if shares < 2 or not may_fork():
        return [work(share) for share in range(shares)]
    context = multiprocessing.get_context("fork")
    children = [_start(context, work, share) for share in range(1, shares)]
    try:
        mine = work(0)
    finally:
        answers = [_answer(*child) for child in children]
    # Every child is heard before anything is logged: with `pelican --fatal`
    # the first message raises.
    for records, _, _ in answers:
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
    failures = [failure for _, _, failure in answers if failure]
    if failures:
        raise RuntimeError("a worker process failed:\n" + "\n".join(failures))
    return [mine, *(result for _, result, _ in answers)]


def on_every_core(
    function: Callable, items: Sequence, shares: int = 0, share_from: int = SHARE_FROM
) -> list:
    """``[function(item) for item in items]``, the items shared out in runs
    among ``shares`` processes (default: one per core); fewer than
    ``share_from`` items stay here."""
    shares = min(shares or worker_count(), len(items))
    if len(items) < share_from:
        shares = 1
    size = -(-len(items) // max(shares, 1))

    def run(share: int) -> list:
        return [function(item) for item in items[share * size : (share + 1) * size]]

    return [result for results in in_shares(run, shares) for result in results]


def in_child(function: Callable, *args):
    """``function(*args)`` in a forked child: what it allocates goes back to
    the system when the child ends, where this process would keep its freed
    memory scattered for the rest of the build."""
    if not may_fork():
        return function(*args)
    return in_shares(lambda share: function(*args) if share else None, 2)[1]


def _start(context, work, share):
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run_share, args=(work, share, send))
    with frozen_heap():
        child.start()
    send.close()
    return child, receive


def _answer(child, receive) -> tuple[list, object, str | None]:
    try:
        answer = receive.recv()
    except EOFError:
        answer = ([], None, f"a worker stopped with code {child.exitcode}")
    child.join()
    return answer


def _run_share(work, share, connection) -> None:
    collect = _quiet()
    result, failure = None, None
    try:
        result = work(share)
    except BaseException:  # noqa: BLE001 - sent to the build, which raises
        failure = traceback.format_exc()
    connection.send((collect.records, result, failure))
    connection.close()
    os._exit(0)  # nothing of the build's process may run again here


def _quiet() -> Collect:
    """In a child: print nothing (never wait on a lock held at the fork), keep
    warnings and errors for the build."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child
    sys.stdout = sys.stderr = devnull
    collect = Collect()
    for name in list(logging.Logger.manager.loggerDict):
        logging.getLogger(name).handlers = []
    root = logging.getLogger()
    root.handlers = [collect]
    root.setLevel(logging.WARNING)
    return collect
