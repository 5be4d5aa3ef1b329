"""Lighthouse scores of the sample site, every page type, on mobile (issue 8).

Builds content/ with publishconf.py, serves it with the documented nginx
configuration (deploy/nginx) on 127.0.0.1, and runs Lighthouse 12.2.3 with
Debian's Chromium over every page type of tests/page_types.py. The rounds are
interleaved (each round visits every page once), so a busy spell on this shared
machine hits several pages once rather than one page every time. Writes the
median of each page to RESULTS.md and every run to results.json, in
bench/lighthouse or --output (results.json.partial while it runs).

    .venv/bin/python bench/lighthouse/run.py [--runs 3] [--pages home,article]
                                             [--output FOLDER] [--max-busy 0.3]

Not a pass/fail test. Mobile Lighthouse simulates a slow phone by multiplying
the main-thread tasks it records, so processor time that other programs take
from the page counts as the page's work. Before each run the script waits (up to
a minute) until other programs leave the processors less busy than --max-busy,
and the report gives how busy they were. It cannot see other virtual machines
on a shared host: Lighthouse's benchmark index, also reported, shows those.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from local_nginx import BROTLI_MODULE, NGINX, serving_publish_build  # noqa: E402
from page_types import PAGE_TYPES  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_PREFIX = Path(
    os.environ.get("LIGHTHOUSE_PREFIX", Path.home() / ".cache/sokhcn-lighthouse")
)
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "TBT": "total-blocking-time",
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "SI": "speed-index",
    "CLS": "cumulative-layout-shift",
}


def lighthouse_command() -> Path:
    """Lighthouse from npm, installed once into LIGHTHOUSE_PREFIX."""
    command = LIGHTHOUSE_PREFIX / "node_modules/.bin/lighthouse"
    if not command.exists():
        print(
            f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_PREFIX}",
            flush=True,
        )
        LIGHTHOUSE_PREFIX.mkdir(parents=True, exist_ok=True)
        npm = [
            "npm",
            "install",
            "--prefix",
            str(LIGHTHOUSE_PREFIX),
            "--no-audit",
            "--no-fund",
        ]
        subprocess.run([*npm, f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return command


def processor_times() -> tuple[int, int]:
    """(busy, total) jiffies of all processors; stolen time counts as busy."""
    line = Path("/proc/stat").read_text().split("\n")[0]
    # user nice system idle iowait irq softirq steal; guest time is in user
    fields = [int(value) for value in line.split()[1:9]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def busy_fraction(seconds: float = 2.0) -> float:
    busy_before, total_before = processor_times()
    time.sleep(seconds)
    busy_after, total_after = processor_times()
    return (busy_after - busy_before) / max(1, total_after - total_before)


def wait_until_quiet(max_busy: float, timeout: float = 60.0) -> float:
    """How busy the processors were in the last 2 s before the run."""
    deadline = time.monotonic() + timeout
    busy = busy_fraction()
    while busy > max_busy and time.monotonic() < deadline:
        busy = busy_fraction()
    return busy


def lighthouse_run(command: Path, url: str, report: Path, attempts: int = 3) -> dict:
    """One Lighthouse run; a run that Chrome fails or leaves unscored (it happens)
    is made again."""
    flags = ["--form-factor=mobile", "--chrome-flags=--headless=new --no-sandbox"]
    flags += ["--output=json", f"--output-path={report}", "--quiet"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for attempt in range(1, attempts + 1):
        try:
            done = subprocess.run(
                [str(command), url, *flags],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0:
                error = (done.stderr.strip().splitlines() or ["no message"])[-1]
            else:
                return summary(json.loads(report.read_text(encoding="utf-8")))
        except subprocess.TimeoutExpired:
            error = "no answer in 300 s"
        except (KeyError, TypeError, ValueError) as problem:
            error = f"unscored report ({problem!r})"
        print(
            f"  Lighthouse failed on {url} ({attempt}/{attempts}): {error}", flush=True
        )
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def summary(result: dict) -> dict:
    audits = result["audits"]
    scores = {
        name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    metrics = {short: audits[audit]["numericValue"] for short, audit in METRICS.items()}
    return {
        "scores": scores,
        "metrics": metrics,
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "chromium": result["environment"]["hostUserAgent"],
        "lighthouse": result["lighthouseVersion"],
    }


def served_pages(origin: str, names: list[str]) -> dict[str, str]:
    """The page types' addresses that this build serves with 200."""
    pages = {}
    for name in names:
        url = f"{origin}/{PAGE_TYPES[name]}"
        try:
            with urllib.request.urlopen(url) as response:
                if response.status == 200:
                    pages[name] = url
        except urllib.error.HTTPError:
            print(f"skipped {name}: {url} is not served by a publish build", flush=True)
    return pages


def measure(
    pages: dict[str, str], runs: int, max_busy: float, reports: Path, saved: Path
) -> list[dict]:
    """Every page once per round; `saved` holds the runs so far after each one."""
    command = lighthouse_command()
    results = []
    for round_number in range(1, runs + 1):
        for name, url in pages.items():
            busy = wait_until_quiet(max_busy)
            report = reports / f"{name.replace(' ', '-')}-{round_number}.json"
            run = {
                "page": name,
                "round": round_number,
                "busy": busy,
                **lighthouse_run(command, url, report),
            }
            results.append(run)
            saved.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
            scores = " ".join(f"{value}" for value in run["scores"].values())
            print(
                f"{round_number}/{runs} {name:16} busy {busy:4.0%}  scores {scores}"
                f"  TBT {run['metrics']['TBT']:.0f} ms",
                flush=True,
            )
    return results


def median_score(runs: list[dict], category: str) -> int:
    """The lower middle run when there are two: a score is 100 or it is not."""
    return statistics.median_low(run["scores"][category] for run in runs)


def median_row(name: str, runs: list[dict]) -> str:
    performance = [run["scores"]["performance"] for run in runs]
    others = [median_score(runs, category) for category in CATEGORIES[1:]]
    metric = {
        key: statistics.median(run["metrics"][key] for run in runs) for key in METRICS
    }
    cells = [
        name,
        f"**{median_score(runs, 'performance')}** ({', '.join(map(str, performance))})",
        *(f"{value:.0f}" for value in others),
        f"{metric['TBT']:.0f} ms",
        f"{metric['FCP'] / 1000:.2f} s",
        f"{metric['LCP'] / 1000:.2f} s",
        f"{metric['CLS']:.3f}",
    ]
    return "| " + " | ".join(cells) + " |"


def speed_note(results: list[dict]) -> str:
    """How often performance was 100 in the faster and the slower half of the runs."""
    ordered = sorted(results, key=lambda run: run["benchmark_index"])
    half = len(ordered) // 2
    if half == 0:
        return ""
    slower, faster = ordered[:half], ordered[half:]

    def share(runs):
        return sum(1 for run in runs if run["scores"]["performance"] == 100) / len(runs)

    faster_index = faster[0]["benchmark_index"]
    return (
        f"Performance was 100 in {share(faster):.0%} of the runs made while the "
        f"processor was faster (benchmark index {faster_index:.0f} and above) and in "
        f"{share(slower):.0%} of the slower half."
    )


HEADINGS = [
    "Page",
    "Performance",
    "Accessibility",
    "Best practices",
    "SEO",
    "Total blocking time",
    "First contentful paint",
    "Largest contentful paint",
    "Layout shift",
]


def report(results: list[dict], runs: int) -> str:
    by_page: dict[str, list[dict]] = {}
    for run in results:
        by_page.setdefault(run["page"], []).append(run)
    busy = [run["busy"] for run in results]
    index = [run["benchmark_index"] for run in results]
    medians = [median_score(page, "performance") for page in by_page.values()]
    at_100 = sum(1 for value in medians if value == 100)
    browser = results[0]["chromium"].split(") ")[-1]
    lighthouse = results[0]["lighthouse"]
    setup = (
        f"Measured {datetime.now():%d/%m/%Y %H:%M} by `bench/lighthouse/run.py`: "
        f"Lighthouse {lighthouse}, mobile, {browser}, production build served "
        f"by deploy/nginx on 127.0.0.1, {os.cpu_count()} processors. {runs} "
        "interleaved rounds; each cell is the median, with every run's performance "
        "score in brackets."
    )
    machine = (
        f"Processors busy before a run (other programs): {min(busy):.0%} to "
        f"{max(busy):.0%}. Lighthouse's benchmark index of this machine: "
        f"{min(index):.0f} to {max(index):.0f}."
    )
    outcome = f"Median performance 100 on {at_100} of {len(by_page)} page types."
    lines = [
        "# Lighthouse: the sample site on mobile",
        "",
        setup,
        "",
        machine,
        "",
        f"{outcome} {speed_note(results)}",
        "",
        "| " + " | ".join(HEADINGS) + " |",
        "|" + "---|" * len(HEADINGS),
        *(median_row(name, page_runs) for name, page_runs in by_page.items()),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", help="comma-separated page types (default: all)")
    parser.add_argument(
        "--output",
        type=Path,
        default=HERE,
        help="folder for RESULTS.md and results.json",
    )
    parser.add_argument("--max-busy", type=float, default=0.3)
    arguments = parser.parse_args()
    if arguments.runs < 1:
        parser.error("--runs must be 1 or more")
    names = list(PAGE_TYPES)
    if arguments.pages:
        names = [name.strip() for name in arguments.pages.split(",")]
    unknown = [name for name in names if name not in PAGE_TYPES]
    if unknown:
        parser.error(f"unknown page types {unknown}; known: {', '.join(PAGE_TYPES)}")
    if not Path(NGINX).exists() or not BROTLI_MODULE.exists():
        sys.exit("nginx or its brotli module is missing: bash scripts/setup.sh --test")
    arguments.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        work = Path(work)
        (work / "reports").mkdir()
        with serving_publish_build(work / "site") as (origin, _):
            pages = served_pages(origin, names)
            if not pages:
                sys.exit("none of these page types is served by a publish build")
            partial = arguments.output / "results.json.partial"
            results = measure(
                pages, arguments.runs, arguments.max_busy, work / "reports", partial
            )
    partial.replace(arguments.output / "results.json")
    text = report(results, arguments.runs)
    (arguments.output / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
