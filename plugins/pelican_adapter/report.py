"""Progress lines while a build runs, and the time each phase took."""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager

from vietnamese import format_number


class BuildReport:
    """Counts what a build reads and writes, and times each generator's phases.

    ``say`` prints a line (the console in a build, a list in tests); ``clock``
    is injectable so the throttling can be tested without sleeping.
    """

    def __init__(self, say, every: float = 2.0, clock=time.perf_counter):
        self.say = say
        self.every = every
        self.clock = clock
        self.started = clock()
        self.last_line = self.started
        self.counts: Counter[str] = Counter()
        self.phases: list[tuple[str, float]] = []

    def quiet(self) -> None:
        """In a worker process: no progress lines."""
        self.every = None

    def count(self, what: str) -> None:
        self.counts[what] += 1
        if self.every is None:
            return
        now = self.clock()
        if now - self.last_line >= self.every:
            self.last_line = now
            self.say(self.progress_line())

    def progress_line(self) -> str:
        return (
            f"… đã đọc {format_number(self.counts['read'])} bài và trang, "
            f"đã viết {format_number(self.counts['written'])} tệp"
        )

    @contextmanager
    def phase(self, label: str):
        """Record how long the ``with`` block took, as the phase ``label``."""
        begun = self.clock()
        try:
            yield
        finally:
            self.phases.append((label, self.clock() - begun))

    def summary_lines(self, slowest: int = 8) -> list[str]:
        total = self.clock() - self.started
        lines = [
            f"Dựng xong trong {total:.1f} giây: đọc "
            f"{format_number(self.counts['read'])} bài và trang, viết "
            f"{format_number(self.counts['written'])} tệp."
        ]
        if self.counts["cached"] or self.counts["read ahead"]:
            lines.append(
                f"Đọc lại từ bộ nhớ đệm {format_number(self.counts['cached'])} tệp, "
                f"đọc song song {format_number(self.counts['read ahead'])} tệp."
            )
        if self.counts["reused"] or self.counts["rendered"]:
            lines.append(
                f"Dựng {format_number(self.counts['rendered'])} trang từ mẫu, dùng "
                f"lại {format_number(self.counts['reused'])} trang không đổi."
            )
        if self.counts["written by workers"]:
            lines.append(
                f"Các tiến trình phụ viết "
                f"{format_number(self.counts['written by workers'])} tệp."
            )
        lines.append("Các bước lâu nhất:")
        ranked = sorted(self.phases, key=lambda phase: phase[1], reverse=True)
        for label, seconds in ranked[:slowest]:
            lines.append(f"  {seconds:7.2f} giây  {label}")
        return lines
