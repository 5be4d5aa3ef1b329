"""When a build may fork worker processes, and how a worker keeps quiet."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from contextlib import contextmanager

# Pelican's command line shows a rich status line, redrawn by this daemon
# thread. A worker never prints (see `quiet_worker`), so whatever lock that
# thread held at the fork is never waited for in the worker.
HARMLESS_THREADS = {"_RefreshThread"}
# Below this many items, map_on_every_core's fork costs more than it saves.
MAP_IN_CHILDREN_FROM = 200


def may_fork() -> bool:
    """fork is quick, but unsafe while other threads run (a test browser's):
    then the build does the work in its own process."""
    return all(
        thread is threading.main_thread() or type(thread).__name__ in HARMLESS_THREADS
        for thread in threading.enumerate()
    )


@contextmanager
def frozen_heap():
    """For forking: the objects the build holds now are left out of the
    children's garbage collections. A collection touches every object it
    tracks, which would copy each memory page of the build into each child
    (copy-on-write) although the child only reads them. Inside a forked
    child, or another ``frozen_heap``, the heap stays frozen on leaving."""
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already_frozen:
            gc.unfreeze()


def worker_count(settings) -> int:
    """BUILD_PROCESSES, or one process per usable core, at most four."""
    wanted = int(settings.get("BUILD_PROCESSES") or 0)
    if wanted > 0:
        return wanted
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    return min(4, usable or os.cpu_count() or 1)


class Collect(logging.Handler):
    """Keeps warnings and errors, with their tracebacks, as plain tuples."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.records.append((record.name, record.levelno, message))


def quiet_worker() -> Collect:
    """In a forked worker: nothing is printed, warnings and errors are kept
    for the build to log (once, and counted by safe_publish)."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    sys.stdout = sys.stderr = devnull  # never wait on a lock held at the fork
    collect = Collect()
    for name in list(logging.Logger.manager.loggerDict):
        logging.getLogger(name).handlers = []
    root = logging.getLogger()
    root.handlers = [collect]
    root.setLevel(logging.WARNING)
    return collect


def log_again(records: list[tuple[str, int, str]]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


@contextmanager
def watching_warnings():
    """Counts the warnings and errors logged inside the block."""
    collect = Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        yield collect
    finally:
        root.removeHandler(collect)


def call_in_child(function, *args, fresh: bool = False):
    """``function(*args)`` in a child process; its result comes back pickled.

    What the function allocates is given back to the system when the child
    exits, where the build's own process would keep its freed memory for the
    rest of the build. Warnings and errors are logged by the build.

    A forked child starts at once but writes its new objects into the free
    gaps of the build's memory pages, copying each page it writes to. With
    ``fresh``, the child is a new Python process instead (about a second to
    start; the function and arguments are pickled), whose memory starts small.
    Without ``fresh``, the work runs in the build's own process when forking
    is unsafe.
    """
    if fresh:
        context = multiprocessing.get_context("spawn")
    elif may_fork():
        context = multiprocessing.get_context("fork")
    else:
        return function(*args)
    return _finish(_start(context, function, args), function)


def map_on_every_core(function, items: Sequence, shares: int = 0) -> list:
    """``[function(item) for item in items]``, the items shared out in runs
    among this process and forked children: ``shares`` processes, or one per
    usable core (at most four). The function need not be picklable; its
    results are. Where forking is unsafe, or for a few items, all of them run
    here."""
    shares = shares or worker_count({})
    if shares < 2 or len(items) < MAP_IN_CHILDREN_FROM or not may_fork():
        return _map_run(function, items)
    size = -(-len(items) // shares)
    runs = [items[start : start + size] for start in range(size, len(items), size)]
    context = multiprocessing.get_context("fork")
    children = [_start(context, _map_run, (function, run)) for run in runs]
    try:
        results = _map_run(function, items[:size])
    finally:
        answers = [_finish(child, function) for child in children]
    for answer in answers:
        results += answer
    return results


def _map_run(function, items) -> list:
    return [function(item) for item in items]


def _start(context, function, args):
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_answer_call, args=(function, args, send))
    with frozen_heap():
        child.start()
    send.close()
    return child, receive


def _finish(started, function):
    """The child's result; its warnings are logged here, its failure raised."""
    child, receive = started
    try:
        records, result, failure = receive.recv()
    except EOFError:
        records, result = [], None
        failure = f"the child process stopped with code {child.exitcode}"
    child.join()
    log_again(records)
    if failure:
        raise RuntimeError(f"{function.__qualname__} failed in a child:\n{failure}")
    return result


def _answer_call(function, args, connection) -> None:
    collect = quiet_worker()
    result, failure = None, None
    try:
        result = function(*args)
    except BaseException:  # noqa: BLE001 - sent to the build, which raises
        failure = traceback.format_exc()
    connection.send((collect.records, result, failure))
    connection.close()
    os._exit(0)  # nothing of the build's process may run again here
