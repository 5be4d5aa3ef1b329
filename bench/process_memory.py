"""Peak memory of a benchmarked process tree, shared by the benchmarks.

Not `wait4`'s maximum resident set: Linux keeps a process's peak across
`exec`, so a command started from the benchmark (which holds a whole corpus)
reports the benchmark's own size. And not the sum of resident sets either:
forked workers share their parent's pages, which that sum counts once per
worker. A lone process is measured by its resident set (cheap to read); a
tree by the sum of its proportional set sizes (each shared page split among
the processes that map it), which costs a walk of their page tables, so
those reads are spaced out to keep the sampler's share of a core small.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

INTERVAL = 0.02  # seconds between samples
SAMPLER_SHARE = 0.1  # of one core, at most, for the costly reads


def tree_pids(pid: int) -> list[int]:
    """A process and all its living descendants."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        found.append(current)
    return found


def _field_kib(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass  # the process ended between listing and reading
    return 0


def tree_memory(pid: int) -> int:
    """Memory of a process tree now, in bytes (see the module's docstring)."""
    pids = tree_pids(pid)
    if len(pids) == 1:
        return _field_kib(f"/proc/{pid}/status", "VmRSS:") * 1024
    return sum(_field_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids) * 1024


class PeakSampler(threading.Thread):
    """Samples a process tree's memory until `stop()`; `peak` is the highest."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            started = time.perf_counter()
            self.peak = max(self.peak, tree_memory(self.pid))
            cost = time.perf_counter() - started
            self._done.wait(max(INTERVAL, cost / SAMPLER_SHARE))

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak
