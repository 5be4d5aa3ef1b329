"""Benchmark of Tin liên quan, Các tin khác and previous/next at 1k, 5k and 20k.

    .venv/bin/python bench/related/run.py            # writes RESULTS.md
    .venv/bin/python bench/related/run.py 1000 2000  # other sizes, no file

Times the plugin's own work on generated articles (corpus.py): reading the
text of each article, the ranking (terms, index, top-k per article), and the
date-ordered lists. Pelican's reading and writing are not included.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "plugins")]

from corpus import make_corpus  # noqa: E402

from related import (  # noqa: E402
    Options,
    attach_related,
    document_from_article,
    other_news,
    previous_next,
    rank_related,
)

SIZES = (1_000, 5_000, 20_000)
SETTINGS = {"PATH": "/content", "OTHER_NEWS_COUNT": 6}


def processor_time() -> float:
    """This process's and its ended children's (the ranking runs in one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(function, *args):
    """The result, and the processor time it took (steadier than wall time
    on a machine shared with other work)."""
    start = processor_time()
    result = function(*args)
    return result, processor_time() - start


def measure(size: int) -> dict:
    articles = make_corpus(size)
    documents, read_time = timed(lambda: [document_from_article(a) for a in articles])
    related, rank_time = timed(rank_related, documents, Options())
    _, order_time = timed(
        lambda: (other_news(documents, 6), previous_next(documents, "site"))
    )
    _, total_time = timed(attach_related, articles, {}, SETTINGS)
    return {
        "size": size,
        "read": read_time,
        "rank": rank_time,
        "order": order_time,
        "total": total_time,
        **quality(articles, related),
    }


def quality(articles, related) -> dict:
    """Share of listed articles on the same topic, over articles that found any."""
    same = listed = found = 0
    for article, chosen in zip(articles, related, strict=True):
        on_topic = [articles[i].topic == article.topic for i in chosen]
        if chosen and any(on_topic):
            found += 1
        same += sum(on_topic)
        listed += len(chosen)
    return {
        "precision": same / listed if listed else 0.0,
        "found": found / len(articles),
        "per_article": listed / len(articles),
    }


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{model}, {os.cpu_count()} logical CPUs (shared with other work), "
        f"{memory:.0f} GiB RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def calibration() -> str:
    """How fast this Python is at the kind of work ranking does, to compare
    machines: one dictionary update per loop turn."""
    best = float("inf")
    for _ in range(5):
        scores: dict[int, float] = {}
        get = scores.get
        start = time.perf_counter()
        for number in range(200_000):
            scores[number & 1023] = get(number & 1023, 0.0) + 0.5
        best = min(best, time.perf_counter() - start)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{best / 200_000 * 1e9:.0f} ns per dictionary update in a Python loop "
        f"(an idle recent desktop: about 40 to 60 ns); load average {load}"
    )


def table(rows) -> str:
    lines = [
        "| articles | read text | rank | date lists | whole plugin | per 1k | "
        "on-topic | articles with an on-topic match | listed per article |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['read']:.2f} s | {row['rank']:.2f} s | "
            f"{row['order']:.2f} s | {row['total']:.2f} s | "
            f"{row['total'] / row['size'] * 1000:.2f} s | {row['precision']:.1%} | "
            f"{row['found']:.1%} | {row['per_article']:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    sizes = tuple(int(arg) for arg in argv) or SIZES
    print(calibration())
    rows = []
    for size in sizes:
        row = measure(size)
        rows.append(row)
        print(
            f"{size:>7,} articles: read {row['read']:.2f} s, rank {row['rank']:.2f} s, "
            f"dates {row['order']:.2f} s, whole {row['total']:.2f} s, "
            f"on-topic {row['precision']:.1%}",
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MiB")
    if not argv:
        write_results(rows, peak)


def write_results(rows, peak: float) -> None:
    text = (HERE / "RESULTS.template.md").read_text(encoding="utf-8")
    text = text.format(
        machine=machine(),
        calibration=calibration(),
        table=table(rows),
        peak=f"{peak:.0f}",
    )
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main(sys.argv[1:])
