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

import logging
import multiprocessing
import traceback
import zlib

from pelican import signals

logger = logging.getLogger(__name__)


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


class _Collect(logging.Handler):
    """Keeps a worker's warnings and errors for the build to log again."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _work(generate_output, writer, share, shares, in_worker, connection) -> None:
    """In a worker: write one share and send back what happened."""
    collect = _Collect()
    for name in list(logging.Logger.manager.loggerDict):
        logging.getLogger(name).handlers = []
    logging.getLogger().handlers = [collect]  # shown by the build, not twice
    written: list[str] = []
    signals.content_written.connect(
        lambda path, context=None: written.append(path), weak=False
    )
    in_worker()
    failure = None
    try:
        generate_output(ShareWriter(writer, share, shares))
    except BaseException:  # noqa: BLE001 - sent to the build, which raises
        failure = traceback.format_exc()
    connection.send((collect.records, written, failure))
    connection.close()


def run_in_shares(generate_output, writer, shares: int, in_worker) -> list[str]:
    """Run ``generate_output(writer)`` split over ``shares`` processes.

    ``in_worker`` runs first in each worker (to silence progress lines).
    Returns the paths the workers wrote; raises when one of them failed.
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
        process.start()
        send.close()
        workers.append((process, receive))
    written: list[str] = []
    failure = None
    try:
        generate_output(ShareWriter(writer, 0, shares))
    finally:
        for process, receive in workers:
            try:
                records, paths, worker_failure = receive.recv()
            except EOFError:
                records, paths = [], []
                worker_failure = f"a worker stopped with code {process.exitcode}"
            process.join()
            for name, level, message in records:
                logging.getLogger(name).log(level, "%s", message)
            written += paths
            failure = failure or worker_failure
    if failure:
        raise RuntimeError(f"writing pages failed in a worker process:\n{failure}")
    return written
