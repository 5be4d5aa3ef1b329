"""Render the pages of a generator on every core.

Rendering and writing is about half of a build. A generator's output step is
run once in the build's own process and once in each forked worker; a writer
that only writes its share lets each process render a part of the files
(shared out by file name, so a name written twice still meets Pelican's own
check in one process). The workers' warnings and errors are logged again by
the build, so they are shown once and counted (a publish build with errors
still fails).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
import zlib

from pelican import signals

from .forking import frozen_heap, log_again, quiet_worker


def share_of(name: str, shares: int) -> int:
    """The process that writes the file ``name``; the same in every process."""
    return zlib.crc32(str(name).encode("utf-8")) % shares


class ShareWriter:
    """Pelican's writer, writing only the files of one share."""

    def __init__(self, writer, share: int, shares: int):
        self._writer = writer
        self._share = share
        self._shares = shares

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


def _work(generate_output, writer, share, shares, in_worker, connection) -> None:
    """In a worker: write one share and send back what happened."""
    collect = quiet_worker()
    written: list[str] = []

    def remember(path, **_kwargs):
        written.append(path)

    signals.content_written.connect(remember, weak=False)
    signals.feed_written.connect(remember, weak=False)
    finish = in_worker()
    failure = None
    try:
        generate_output(ShareWriter(writer, share, shares))
    except BaseException:  # noqa: BLE001 - sent to the build, which raises
        failure = traceback.format_exc()
    overridden = sorted(getattr(writer, "_overridden_files", ()))
    extra = finish() if finish is not None else None
    connection.send((collect.records, written, overridden, failure, extra))
    connection.close()
    os._exit(0)  # nothing of the build's process may run again here


def run_in_shares(
    generate_output, writer, shares: int, in_worker
) -> tuple[list[str], list]:
    """Run ``generate_output(writer)`` split over ``shares`` processes.

    ``in_worker`` runs first in each worker (to silence progress lines); it may
    return a function whose result the worker sends back at the end.
    Pelican's writer learns the files the workers wrote, so its check for two
    writes to one file spans processes. Returns the paths the workers wrote and
    what their ``in_worker`` functions returned; raises when one of them failed.
    """
    context = multiprocessing.get_context("fork")
    workers = []
    for share in range(1, shares):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(
            target=_work,
            args=(generate_output, writer, share, shares, in_worker, send),
            daemon=True,
        )
        with frozen_heap():
            process.start()
        send.close()
        workers.append((process, receive))
    try:
        generate_output(ShareWriter(writer, 0, shares))
    finally:
        answers = [_answer(process, receive) for process, receive in workers]
    written: list[str] = []
    failures, extras = [], []
    for _records, paths, overridden, failure, extra in answers:
        written += paths
        extras.append(extra)
        getattr(writer, "_written_files", set()).update(paths)
        getattr(writer, "_overridden_files", set()).update(overridden)
        if failure:
            failures.append(failure)
    # Every worker has been heard before anything is logged: with
    # `pelican --fatal` the first message raises.
    for records, *_ in answers:
        log_again(records)
    if failures:
        raise RuntimeError(
            "writing pages failed in a worker process:\n" + "\n".join(failures)
        )
    return written, extras


def _answer(process, receive):
    try:
        answer = receive.recv()
    except EOFError:
        answer = ([], [], [], f"a worker stopped with code {process.exitcode}", None)
    process.join()
    return answer
