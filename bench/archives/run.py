"""Benchmark: grouping 20k articles by year, month and day.

Generates Vietnamese articles (real pelican.contents.Article objects with
Vietnamese titles, categories and dates over ten years), then times, in the
same run and on the same sorted list:

- the date_archives plugin's linear grouping (group_articles + URLs);
- Pelican 4.12's ArticlesGenerator._build_period_archives with year, month
  and day archives on (what `YEAR/MONTH/DAY_ARCHIVE_SAVE_AS` switch on).

Both results are checked to hold the same articles in the same periods.
Writes bench/archives/RESULTS.md.

    PYTHONPATH=plugins:. .venv/bin/python bench/archives/run.py [--count 20000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category

from date_archives.grouping import group_articles, place
from pelicanconf import CATEGORIES
from vietnamese import format_number

HERE = Path(__file__).resolve().parent
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
VERBS = ["Hội nghị", "Họp", "Nghiệm thu", "Kiểm tra", "Tập huấn", "Triển khai"]
TOPICS = [
    "đề tài ứng dụng viễn thám",
    "chuyển đổi số cấp xã",
    "sở hữu trí tuệ cho doanh nghiệp",
    "đo lường xăng dầu",
    "đổi mới sáng tạo",
    "Techmart Quảng Ninh",
    "an toàn bức xạ",
    "nông thôn mới",
]
PLACES = ["Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Đông Triều", "Vân Đồn"]
URLS = {
    "year": "luu-tru/{date:%Y}/",
    "month": "luu-tru/{date:%Y}/{date:%m}/",
    "day": "luu-tru/{date:%Y}/{date:%m}/{date:%d}/",
}


def settings() -> dict:
    config = dict(DEFAULT_CONFIG)
    config.update(
        TIMEZONE="Asia/Ho_Chi_Minh",
        YEAR_ARCHIVE_URL=URLS["year"],
        YEAR_ARCHIVE_SAVE_AS=URLS["year"] + "index.html",
        MONTH_ARCHIVE_URL=URLS["month"],
        MONTH_ARCHIVE_SAVE_AS=URLS["month"] + "index.html",
        DAY_ARCHIVE_URL=URLS["day"],
        DAY_ARCHIVE_SAVE_AS=URLS["day"] + "index.html",
    )
    return config


def make_articles(count: int, config: dict) -> list[Article]:
    """`count` articles spread over ten years, several a day, seeded."""
    rng = random.Random(20171116)
    categories = {name: Category(name, config) for name in CATEGORIES}
    start = datetime(2016, 1, 1, 7, 0, tzinfo=ZONE)
    span_minutes = int(timedelta(days=3650).total_seconds() // 60)
    articles = []
    for number in range(count):
        title = (
            f"{rng.choice(VERBS)} {rng.choice(TOPICS)} tại {rng.choice(PLACES)} "
            f"(số {number})"
        )
        metadata = {
            "title": title,
            "date": start + timedelta(minutes=rng.randrange(span_minutes)),
            "category": categories[rng.choice(CATEGORIES)],
            "slug": f"tin-{number}",
        }
        articles.append(Article("<p>Nội dung.</p>", metadata, settings=config))
    return articles


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def same_grouping(linear, pelican) -> bool:
    """Every period of Pelican's holds the same articles as ours."""
    for kind in ("year", "month", "day"):
        ours = {p.url: {id(a) for a in p.articles} for p in linear.periods(kind)}
        theirs = {p["url"]: {id(a) for a in p["articles"]} for p in pelican[kind]}
        if ours != theirs:
            return False
    return True


def run(count: int) -> dict:
    config = settings()
    load = os.getloadavg()
    articles, made = timed(lambda: make_articles(count, config))
    # Pelican's own order: newest first ("dates").
    dates = sorted(articles, key=lambda a: a.date, reverse=True)

    def linear():
        archive = group_articles(dates)
        place(archive, URLS)
        return archive

    ours, linear_seconds = timed(linear)
    theirs, pelican_seconds = timed(
        lambda: ArticlesGenerator._build_period_archives(None, dates, articles, config)
    )
    return {
        "count": count,
        "load": load,
        "made": made,
        "linear": linear_seconds,
        "pelican": pelican_seconds,
        "years": len(ours.years),
        "months": len(ours.months),
        "days": len(ours.days),
        "same": same_grouping(ours, theirs),
    }


def report(result: dict) -> str:
    speedup = result["pelican"] / result["linear"] if result["linear"] else 0
    cpu = platform.processor() or platform.machine()
    python = platform.python_version()
    machine = f"{os.cpu_count()} CPU ({cpu}), Python {python}, {platform.system()}"
    load = ", ".join(f"{value:.1f}" for value in result["load"])
    return f"""# Benchmark: grouping articles by year, month and day

Command (from the repository folder):

```sh
PYTHONPATH=plugins:. .venv/bin/python bench/archives/run.py --count {result["count"]}
```

{format_number(result["count"])} generated Vietnamese articles (real
`pelican.contents.Article` objects, dates over ten years: {result["years"]} years,
{result["months"]} months, {format_number(result["days"])} days with articles),
grouped in the same run on the same list sorted newest first. Year, month and
day archives are all on.

| Grouping | Seconds |
|---|---:|
| `date_archives` `group_articles` + URLs (linear: one pass) | {result["linear"]:.3f} |
| Pelican 4.12 `ArticlesGenerator._build_period_archives` | {result["pelican"]:.3f} |

- Speed-up: {format_number(round(speedup))}×.
- Same articles in the same periods: {"yes" if result["same"] else "NO"}.
- Making the articles took {result["made"]:.1f} s (not part of either timing).
- Machine: {machine}; load average when the run started: {load} (the
  machine is shared, so timings vary from run to run).

Pelican's grouping runs `[a for a in articles if a in dates]` for every period:
each article is compared with the articles of each period, so the work grows
with the square of the number of articles. `date_archives` appends each article
to its day in one pass over the sorted list (a dictionary look-up only when the
day changes) and joins months and years from their days.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    result = run(args.count)
    text = report(result)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0 if result["same"] else 1


if __name__ == "__main__":
    sys.exit(main())
