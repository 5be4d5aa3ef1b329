"""Build benchmark: our whole build against vanilla Pelican and Hugo (issue 7).

    .venv/bin/python bench/build/run.py                   # 1k, 5k, 10k, 20k; RESULTS.md
    .venv/bin/python bench/build/run.py --sizes 1000 --output /tmp/build.md

For each size, one deterministic Vietnamese site (bench/corpus.py: about 600
syllables an article, the newsroom's header fields, links between articles,
the project's pages, schedule, images and attachments) is written three ways,
and in the same run, into empty output folders:

- (a) ours: `pelican content -s pelicanconf.py`, every plugin on (the preview
  settings, which `scripts/serve.sh` builds); (a') ours with `publishconf.py`
  (hashed assets, gzip and brotli copies, safe publish), for reference;
- (b) vanilla Pelican 4.12: default theme, no plugins (bench/build/vanillaconf.py);
- (c) Hugo (Debian's package) with the layouts in bench/build/hugo/;
- (d) ours again into the same output folder after one article is edited, and
  the preview: from saving the article to its page being rewritten under
  `pelican --autoreload` (as `scripts/serve.sh` runs it); vanilla's rebuild
  with its content cache, for reference;
- (e) peak memory of each build's process tree.

Wall and CPU time (user + system, the process and its children) come from
os.wait4. Writes RESULTS.md and results.json (beside --output).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE.parent), str(ROOT / "plugins")]

from corpus import DAY_FIRST, ISO, SiteArticle, site_articles, write_site  # noqa: E402
from process_memory import PeakSampler  # noqa: E402

SIZES = (1_000, 5_000, 10_000, 20_000)
PELICAN = [sys.executable, "-m", "pelican"]
HUGO = "hugo"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
LINK = re.compile(r"\(\{filename\}/articles/(\d{4})/([^)]+)\.md\)")
# Unbuffered, and wide enough that Pelican's log lines (level, message) never wrap.
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "250"}
GIB = 2**30
MIB = 2**20


class BenchError(RuntimeError):
    pass


# ---------- measuring a command ----------


@dataclass
class Measure:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its waited-for children
    peak: int  # bytes: the process tree's sampled peak (process_memory.py)
    load: float  # one-minute load average when the command started


def measure(command: list[str], log: Path, cwd: Path = ROOT) -> Measure:
    """Run a command to its end: wall time, CPU time and peak memory."""
    load = os.getloadavg()[0]
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {shlex.join(command)}\n")
        out.flush()
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            start_new_session=True,  # its own process group, with its workers
        )
        sampler = PeakSampler(process.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # interrupted: leave no build or worker behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = sampler.stop()
    if process.returncode:
        raise BenchError(f"exit {process.returncode}: {shlex.join(command)}; see {log}")
    return Measure(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak=peak,
        load=load,
    )


# ---------- the three sites ----------


def hugo_front_matter(article: SiteArticle) -> str:
    """YAML front matter; every value written as JSON, which YAML reads."""
    name, _, unit = article.author.rpartition(" - ")
    matter: dict[str, object] = {
        "title": article.title,
        "date": article.date.replace(tzinfo=ZONE).isoformat(),
        "categories": [article.category],
        "tags": article.tags,
        "authors": [name],
        "units": [unit],
        "summary": article.summary,
    }
    fields = article.fields
    if "Image" in fields:
        matter["image"], matter["imagealt"] = fields["Image"], fields["ImageAlt"]
    if fields.get("Hot") == "yes":
        matter["hot"] = True
    if "HotUntil" in fields:
        until = datetime.strptime(fields["HotUntil"], "%d/%m/%Y")
        matter["hotuntil"] = until.date().isoformat()
    if fields.get("Featured") == "yes":
        matter["featured"] = True
    if "Attachments" in fields:
        matter["attachments"] = fields["Attachments"].split(", ")
    lines = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in matter.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n"


def write_hugo(articles: list[SiteArticle], folder: Path) -> Path:
    """The corpus as a Hugo site: config and layouts from bench/build/hugo,
    articles under content/tin-tuc/<year>/, internal links through `ref`."""
    shutil.copytree(HERE / "hugo", folder, dirs_exist_ok=True)
    for name in ("images", "files"):
        shutil.copytree(ROOT / "content" / name, folder / "static" / name)
    for article in articles:
        body = "\n\n".join(article.body)
        body = LINK.sub(r'({{< ref "/tin-tuc/\1/\2.md" >}})', body)
        path = folder / "content" / "tin-tuc" / str(article.date.year)
        path.mkdir(parents=True, exist_ok=True)
        (path / f"{article.slug}.md").write_text(
            hugo_front_matter(article) + "\n" + body + "\n", encoding="utf-8"
        )
    return folder


def corpus_facts(articles: list[SiteArticle], content: Path, seconds: float) -> dict:
    sources = list((content / "articles").rglob("*.md"))
    words = [len(" ".join([a.title, a.summary, *a.body]).split()) for a in articles]
    return {
        "articles": len(articles),
        "words_per_article": statistics.mean(words),
        "source_bytes": sum(p.stat().st_size for p in sources),
        "tags": len({tag for a in articles for tag in a.tags}),
        "authors": len({a.author for a in articles}),
        "units": len({a.author.rpartition(" - ")[2] for a in articles}),
        "hot": sum("Hot" in a.fields for a in articles),
        "featured": sum("Featured" in a.fields for a in articles),
        "links": sum(" ".join(a.body).count("{filename}") for a in articles),
        "seconds": seconds,
    }


def output_facts(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {
        "html": sum(p.suffix == ".html" for p in files),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }


# ---------- edits ----------


def edit(content: Path, article: SiteArticle, marker: str, date_format: str) -> None:
    """Save the article with a new last paragraph holding `marker`."""
    text = article.markdown(date_format)
    if marker:
        text += f"\nCập nhật: bài được sửa, mã {marker}.\n"
    (content / article.path).write_text(text, encoding="utf-8")


def require(page: Path, marker: str) -> None:
    if marker not in page.read_text(encoding="utf-8"):
        raise BenchError(f"{page} does not show the edit {marker}")


# Printed by safe_publish (SYNC_OUTPUT) once the served folder has the build.
PREVIEW_UP_TO_DATE = "Đã cập nhật "


def preview(
    command: list[str],
    content: Path,
    article: SiteArticle,
    page: Path,
    log: Path,
    timeout: float,
    edits: int,
) -> list[float]:
    """Seconds from saving the article to its page holding the edit, with the
    autoreloading preview build running; one value per edit."""
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {shlex.join(command)}\n")
        out.flush()
        start = log.stat().st_size
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            start_new_session=True,  # its own process group, ended as one below
        )
    try:

        def builds() -> int:
            with log.open(encoding="utf-8") as text:
                text.seek(start)
                return text.read().count(PREVIEW_UP_TO_DATE)

        wait_for(lambda: builds() >= 1, timeout, process, "the first preview build")
        time.sleep(1.0)  # the watcher starts after the first build
        latencies = []
        for number in range(edits):
            marker = f"PREVIEWEDIT{number:04d}"
            done = builds()
            saved = time.perf_counter()
            edit(content, article, marker, DAY_FIRST)
            wait_for(lambda m=marker: shows(page, m), timeout, process, "the edit")
            latencies.append(time.perf_counter() - saved)
            wait_for(lambda d=done: builds() > d, timeout, process, "the rebuild")
            time.sleep(0.5)
        return latencies
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def shows(page: Path, marker: str) -> bool:
    try:
        return marker in page.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return False


def wait_for(condition, timeout: float, process, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if process.poll() is not None:
            raise BenchError(
                f"the preview build stopped ({process.returncode}) before {what}"
            )
        if time.perf_counter() > deadline:
            raise BenchError(f"no {what} after {timeout:.0f} s")
        time.sleep(0.005)


# ---------- one size ----------


def bench_size(size: int, work: Path, repeat: int, skip: set[str]) -> dict:
    """Every build of one corpus size, `repeat` times; `skip`: steps left out."""
    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "logs").mkdir(parents=True)
    started = time.perf_counter()
    articles = site_articles(size)
    ours = write_site(articles, folder / "ours")
    vanilla = write_site(
        articles, folder / "vanilla", ISO, ("pages", "images", "files")
    )
    hugo = write_hugo(articles, folder / "hugo")
    facts = corpus_facts(articles, ours, time.perf_counter() - started)
    print(
        f"[{size:,}] corpus: {facts['words_per_article']:.0f} syllables an article, "
        f"{facts['source_bytes'] / MIB:.1f} MiB of Markdown, "
        f"written in {facts['seconds']:.1f} s",
        flush=True,
    )
    edited = articles[size // 2]
    out = {
        name: folder / f"out-{name}" for name in ("ours", "publish", "vanilla", "hugo")
    }
    year = str(edited.date.year)
    ours_page = out["ours"] / "tin-tuc" / year / edited.slug / "index.html"
    vanilla_page = out["vanilla"] / f"{edited.slug}.html"

    def pelican(content: Path, settings: Path, output: Path, *extra: str) -> list:
        cache = folder / f"cache-{output.name}"
        return [*PELICAN, str(content), "-s", str(settings), "-o", str(output),
                "--cache-path", str(cache), *extra]  # fmt: skip

    ours_build = pelican(ours, ROOT / "pelicanconf.py", out["ours"])
    publish_build = pelican(ours, ROOT / "publishconf.py", out["publish"])
    vanilla_build = pelican(vanilla, HERE / "vanillaconf.py", out["vanilla"])
    vanilla_cached = [
        *vanilla_build,
        "-e",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
    ]
    hugo_build = [HUGO, "--source", str(hugo), "--destination", str(out["hugo"]),
                  "--cacheDir", str(folder / "hugo-cache")]  # fmt: skip
    runs: dict[str, list[dict]] = {}
    outputs: dict[str, dict] = {}

    def clean(output: Path) -> None:
        for path in (output, folder / f"cache-{output.name}", folder / "hugo-cache"):
            shutil.rmtree(path, ignore_errors=True)

    def step(name: str, command: list, output: Path | None = None) -> None:
        result = measure(command, folder / "logs" / f"{name}.log")
        runs.setdefault(name, []).append(asdict(result))
        print(
            f"[{size:,}] {name:<15} {result.wall:7.1f} s wall {result.cpu:7.1f} s CPU "
            f"{result.peak / MIB:6.0f} MiB  (load {result.load:.1f})",
            flush=True,
        )
        if output is not None and name not in outputs:
            outputs[name] = output_facts(output)

    preview_seconds: list[float] = []
    for turn in range(repeat):
        if "hugo" not in skip:
            clean(out["hugo"])
            step("hugo", hugo_build, out["hugo"])
        if "vanilla" not in skip:
            clean(out["vanilla"])
            step("vanilla", vanilla_build, out["vanilla"])
            # With its content cache: a first build fills it, one article
            # changes, and the rebuild reads only that one.
            clean(out["vanilla"])
            step("vanilla-cold", vanilla_cached)
            marker = f"VANILLAEDIT{turn:04d}"
            edit(vanilla, edited, marker, ISO)
            step("vanilla-rebuild", vanilla_cached)
            require(vanilla_page, marker)
            edit(vanilla, edited, "", ISO)
        clean(out["ours"])
        step("ours", ours_build, out["ours"])
        if "rebuild" not in skip:
            marker = f"OURSEDIT{turn:04d}"
            edit(ours, edited, marker, DAY_FIRST)
            step("rebuild", ours_build)
            require(ours_page, marker)
        if "preview" not in skip:
            timeout = 3 * runs["ours"][-1]["wall"] + 120
            seconds = preview(
                [
                    *ours_build,
                    "--autoreload",
                    "-e",
                    "LIVE_RELOAD=true",
                    "BUILD_QUICK_PREVIEW=true",
                ],
                ours,
                edited,
                ours_page,
                folder / "logs" / "preview.log",
                timeout,
                edits=3,
            )
            preview_seconds += seconds
            shown = ", ".join(f"{s:.2f}" for s in seconds)
            print(f"[{size:,}] preview: save to page {shown} s", flush=True)
        edit(ours, edited, "", DAY_FIRST)
        if "publish" not in skip:
            clean(out["publish"])
            step("publish", publish_build, out["publish"])
    problems = {
        log.stem: count_problems(log) for log in sorted((folder / "logs").glob("*.log"))
    }
    return {
        "size": size,
        "corpus": facts,
        "outputs": outputs,
        "runs": runs,
        "preview": preview_seconds,
        "problems": problems,
    }


def count_problems(log: Path) -> dict:
    text = log.read_text(encoding="utf-8")
    return {
        "warnings": len(re.findall(r"\bWARN(ING)?\b", text)),
        "errors": len(re.findall(r"\bERROR\b", text)),
    }


# ---------- machine ----------


def command_output(command: list[str]) -> str:
    try:
        found = subprocess.run(command, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "not found"
    return found.stdout.strip().splitlines()[0]


def code_state() -> str:
    """The commit measured, and whether the working tree differed from it."""
    commit = command_output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    status = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    changed = f" with uncommitted changes to {len(status)} files" if status else ""
    return f"commit {commit}{changed}"


def describe_machine() -> dict:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    release = {}
    for line in Path("/etc/os-release").read_text().splitlines():
        key, _, value = line.partition("=")
        release[key] = value.strip('"')
    versions = subprocess.run(
        [sys.executable, "-c", "import jinja2, markdown, pelican; print("
         "pelican.__version__, markdown.__version__, jinja2.__version__)"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.split()  # fmt: skip
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_bytes": memory,
        "system": f"{release.get('PRETTY_NAME', platform.system())}, "
        f"Linux {platform.release()}",
        "python": platform.python_version(),
        "pelican": versions[0],
        "markdown": versions[1],
        "jinja2": versions[2],
        "hugo": command_output([HUGO, "version"]),
    }


# ---------- report ----------


def summary(result: dict, name: str) -> dict | None:
    """Median wall and CPU time, and the highest peak, of one step's runs."""
    values = result["runs"].get(name)
    if not values:
        return None
    return {
        "wall": statistics.median(v["wall"] for v in values),
        "cpu": statistics.median(v["cpu"] for v in values),
        "peak": max(v["peak"] for v in values),
    }


def seconds(value: dict | None) -> str:
    return f"{value['wall']:.1f} / {value['cpu']:.1f}" if value else "–"


def ratio(ours: dict | None, other: dict | None, key: str) -> str:
    if not ours or not other or not other[key]:
        return "–"
    return f"{ours[key] / other[key]:.2f}"


def memory(value: dict | None) -> str:
    return f"{value['peak'] / MIB:,.0f} MiB" if value else "–"


def target_rows(results: list[dict]) -> list[str]:
    """Issue 7's targets, at the sizes it names when they were measured."""
    by_size = {r["size"]: r for r in results}
    rows = []
    at = by_size.get(10_000)
    ours, hugo = (summary(at, "ours"), summary(at, "hugo")) if at else (None, None)
    if ours and hugo:
        met = "yes" if ours["wall"] <= hugo["wall"] else "**no**"
        value = f"{ours['wall']:.1f} s against {hugo['wall']:.1f} s"
    else:
        met, value = "not measured", "–"
    rows.append(f"| (a) wall time at most Hugo's, 10k articles | {value} | {met} |")
    at = by_size.get(20_000)
    ours = summary(at, "ours") if at else None
    if ours:
        met = "yes" if ours["peak"] <= GIB else "**no**"
        value = memory(ours)
    else:
        met, value = "not measured", "–"
    rows.append(f"| (e) peak memory at most 1 GB, 20k articles | {value} | {met} |")
    at = by_size.get(10_000)
    if at and at["preview"]:
        worst = max(at["preview"])
        met = "yes" if worst <= 1.0 else "**no**"
        value = f"{worst:.2f} s (slowest of {len(at['preview'])} saves)"
    else:
        met, value = "not measured", "–"
    rows.append(
        f"| (d) at most 1 s from saving an article to its page in preview, "
        f"10k articles | {value} | {met} |"
    )
    return rows


def report(results: list[dict], machine: dict, run: dict) -> str:
    sizes = ",".join(str(r["size"]) for r in results)
    load_start = ", ".join(f"{v:.2f}" for v in run["load_start"])
    load_end = ", ".join(f"{v:.2f}" for v in run["load_end"])
    lines = [
        "# Build benchmark: our build, vanilla Pelican and Hugo",
        "",
        f"Written by `.venv/bin/python bench/build/run.py --sizes {sizes} "
        f"--repeat {run['repeat']}` on {run['date']} (do not edit by hand). "
        "Issue 7 sets the targets; these numbers are never pass/fail tests.",
        "",
        "## Machine",
        "",
        f"- {machine['cpu']}, {machine['cores']} logical CPUs "
        f"({machine['usable_cores']} usable), "
        f"{machine['memory_bytes'] / GIB:.1f} GiB of memory; {machine['system']}",
        f"- Load average at the start: {load_start}; at the end: {load_end}. The "
        "machine may be shared with other work: wall times are upper bounds, CPU "
        "times are steadier.",
        f"- Python {machine['python']}, Pelican {machine['pelican']}, Markdown "
        f"{machine['markdown']}, Jinja2 {machine['jinja2']}; {machine['hugo']}",
        f"- Code measured: {run.get('code', 'not recorded')}.",
        f"- Whole run: {run['seconds'] / 60:.0f} minutes. "
        + (
            f"Each build ran {run['repeat']} times: medians of the times, highest "
            "memory."
            if run["repeat"] > 1
            else "Each build ran once."
        ),
        "",
        "## Targets (issue 7)",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
        *target_rows(results),
        "",
        "## Full build: wall / CPU seconds",
        "",
        "| Articles | (a) ours | (b) vanilla Pelican | (c) Hugo | ours/vanilla "
        "wall (CPU) | ours/Hugo wall (CPU) | (a′) ours, publishconf |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ours, vanilla = summary(result, "ours"), summary(result, "vanilla")
        hugo, publish = summary(result, "hugo"), summary(result, "publish")
        lines.append(
            f"| {result['size']:,} | {seconds(ours)} | {seconds(vanilla)} | "
            f"{seconds(hugo)} | {ratio(ours, vanilla, 'wall')} "
            f"({ratio(ours, vanilla, 'cpu')}) | {ratio(ours, hugo, 'wall')} "
            f"({ratio(ours, hugo, 'cpu')}) | {seconds(publish)} |"
        )
    lines += [
        "",
        "## (d) Rebuild after editing one article: wall / CPU seconds",
        "",
        "| Articles | ours, `pelican` again into the same folder | ours, preview: "
        "save → page rewritten | vanilla, first build filling its cache | "
        "vanilla, rebuild with its cache |",
        "|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        shown = result["preview"]
        preview = (
            f"{statistics.median(shown):.2f} s (slowest {max(shown):.2f} s)"
            if shown
            else "–"
        )
        lines.append(
            f"| {result['size']:,} | {seconds(summary(result, 'rebuild'))} | "
            f"{preview} | {seconds(summary(result, 'vanilla-cold'))} | "
            f"{seconds(summary(result, 'vanilla-rebuild'))} |"
        )
    lines += [
        "",
        "## (e) Peak memory of the build's process tree",
        "",
        "| Articles | (a) ours | (b) vanilla | (c) Hugo | ours/vanilla | ours/Hugo "
        "| (d) ours, rebuild | (a′) ours, publishconf |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ours, vanilla = summary(result, "ours"), summary(result, "vanilla")
        hugo = summary(result, "hugo")
        lines.append(
            f"| {result['size']:,} | {memory(ours)} | {memory(vanilla)} | "
            f"{memory(hugo)} | {ratio(ours, vanilla, 'peak')} | "
            f"{ratio(ours, hugo, 'peak')} | {memory(summary(result, 'rebuild'))} | "
            f"{memory(summary(result, 'publish'))} |"
        )
    lines += [
        "",
        "## What each build wrote",
        "",
        "| Articles | Build | HTML pages | Files | MiB | Warnings / errors logged |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    names = {"ours": "ours", "publish": "ours, publishconf", "vanilla": "vanilla"}
    names["hugo"] = "Hugo"
    for result in results:
        for key, name in names.items():
            facts = result["outputs"].get(key)
            if not facts:
                continue
            problems = result["problems"].get(key, {"warnings": 0, "errors": 0})
            lines.append(
                f"| {result['size']:,} | {name} | {facts['html']:,} | "
                f"{facts['files']:,} | {facts['bytes'] / MIB:,.0f} | "
                f"{problems['warnings']} / {problems['errors']} |"
            )
    lines += [
        "",
        "## Corpus",
        "",
        "| Articles | Syllables an article | Markdown MiB | Tags | Bylines | Units "
        "| Hot | Featured | Links between articles | Written in |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        c = result["corpus"]
        lines.append(
            f"| {c['articles']:,} | {c['words_per_article']:.0f} | "
            f"{c['source_bytes'] / MIB:.1f} | {c['tags']} | {c['authors']} | "
            f"{c['units']} | {c['hot']} | {c['featured']} | {c['links']:,} | "
            f"{c['seconds']:.1f} s |"
        )
    lines += ["", *METHOD]
    return "\n".join(lines) + "\n"


METHOD = """## Method

- Corpus: `bench/corpus.py` (`site_articles`), deterministic: the search
  benchmark's department-style text (about 600 syllables an article) with the
  header fields editors write (`Title`, day-first `Date` with a time,
  `Category` from `CATEGORIES`, `Tags`, `Author: Name - Unit` from 40
  reporters, `Summary`; some `Image`/`ImageAlt`, `Hot`/`HotUntil`, `Featured`,
  `Attachments`, `Related`, `LegacyURL`), links to other articles
  (`{filename}/articles/…`), plus the project's own pages, linked websites,
  work calendar, images and attachments. Written once as our content; for
  vanilla Pelican with ISO dates (Pelican reads 12/03 as 3 December); for Hugo
  as YAML front matter (the byline split into `authors` and `units`
  taxonomies, links through `ref`).
- (a) `python -m pelican CONTENT -s pelicanconf.py -o OUT --cache-path
  CACHE`: the preview settings, every plugin on, into an empty output folder
  with an empty cache folder, so any cache the settings use starts cold (and
  is warm for (d)). (a′) the same with `publishconf.py`:
  `SAFE_PUBLISH`, hashed assets, gzip and brotli copies of every text file;
  reference only, the ratios use (a).
- (b) `python -m pelican CONTENT -s bench/build/vanillaconf.py`: Pelican's
  default theme, no plugins, default settings except the time zone, language,
  slugs from file names (generated titles repeat) and ten articles a listing
  page (Pelican's default puts every article on one page).
- (c) `hugo --source SITE --destination OUT` with `bench/build/hugo/`:
  home, article pages (tags, byline, previous/next, five related by Hugo's
  related content over tags, leaving out tags on more than 10% of the
  articles, as ours does with terms), paginated category, tag, author, unit
  and section pages, term lists, the sidebar's hot and featured news, RSS
  feeds of 50 items (Hugo makes one for every term too) and a sitemap. Not in
  Hugo: our date archives, search index, JSON export, legacy redirects, work
  calendar and text-based related ranking.
- (d) one article (the middle one of the corpus) gets a new last paragraph,
  then the same command runs into the same output folder; the page is checked
  for the edit (the page memo and the search index's cache are warm). Preview:
  `pelican … --autoreload -e LIVE_RELOAD=true BUILD_QUICK_PREVIEW=true` (what
  `scripts/serve.sh` runs, without its web server) after its first build,
  three saves, each timed from writing the file to its page holding the new
  paragraph (polled every 5 ms; the saved article's page is written before
  the full rebuild, which the next save waits for); the web server serves the
  page from disk.
  Vanilla: `CACHE_CONTENT` and
  `LOAD_CONTENT_CACHE` on, a first build filling the cache, then the edit and
  the rebuild.
- Warnings and errors: lines the builds logged at those levels. Vanilla logs
  one warning a build (docutils has no Vietnamese localisation); any other
  means the corpus or the build has a problem (see the logs under `--work`,
  kept with `--keep`).
- Times: wall clock around the process; CPU is user + system time of the
  process and the children it waited for (`os.wait4`). Hugo uses every core,
  so its CPU time can exceed its wall time.
- (e) peak memory of the build's process tree, sampled (`bench/process_memory.py`):
  a lone process by its resident set every 20 ms, a process with forked
  workers by the sum of their proportional set sizes (a page the workers
  share counts once in all), read at most every 20 ms and so that the reads
  take at most a tenth of a core. Not `os.wait4`'s maximum resident set:
  Linux keeps it across `exec`, so every command started from this benchmark
  reported at least the benchmark's own size (runs before 27/11/2026 show
  958 MiB for ours at 10k for that reason; Hugo's own peak is about as big).
""".splitlines()


# ---------- main ----------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="comma-separated article counts (default: %(default)s)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build")
    parser.add_argument(
        "--output",
        type=Path,
        default=HERE / "RESULTS.md",
        help="the report; results.json is written beside it (default: %(default)s)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/build-bench"),
        help="corpora and outputs, emptied for each size (default: %(default)s)",
    )
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated steps to leave out: hugo, vanilla, rebuild, "
        "preview, publish",
    )
    parser.add_argument(
        "--publish-sizes",
        default="1000",
        help="sizes at which (a') the publishconf build is measured too, one "
        "more full build with gzip and brotli copies (default: %(default)s)",
    )
    parser.add_argument(
        "--rebuild-sizes",
        default="",
        help="sizes at which (d) the rebuild and the preview are measured "
        "(default: every size)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the corpora and outputs"
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite the report from results.json beside it, measuring nothing",
    )
    arguments = parser.parse_args(argv)
    # Stopped with SIGTERM, unwind as for Ctrl+C, ending the build being timed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    output = arguments.output.resolve()
    if arguments.report_only:
        saved = json.loads(output.with_name("results.json").read_text("utf-8"))
        text = report(saved["results"], saved["machine"], saved["run"])
        output.write_text(text, encoding="utf-8")
        return 0
    sizes = [int(s) for s in arguments.sizes.split(",") if s]
    skip = {s.strip() for s in arguments.skip.split(",") if s.strip()}
    publish_sizes = {int(s) for s in arguments.publish_sizes.split(",") if s}
    rebuild_sizes = {int(s) for s in arguments.rebuild_sizes.split(",") if s}
    unknown = skip - {"hugo", "vanilla", "rebuild", "preview", "publish"}
    if unknown:
        parser.error(f"unknown steps to skip: {', '.join(sorted(unknown))}")
    if "hugo" not in skip and shutil.which(HUGO) is None:
        parser.error("hugo is not installed: sudo apt-get install -y hugo")
    machine = describe_machine()
    run = {
        "date": datetime.now(ZONE).strftime("%Y-%m-%d %H:%M %Z"),
        "repeat": arguments.repeat,
        "load_start": os.getloadavg(),
        "code": code_state(),
    }
    print(f"{machine['cpu']}, {machine['cores']} CPUs; load {run['load_start']}")
    started = time.perf_counter()
    results = []
    output.parent.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        steps = skip if size in publish_sizes else skip | {"publish"}
        if rebuild_sizes and size not in rebuild_sizes:
            steps = steps | {"rebuild", "preview"}
        results.append(bench_size(size, arguments.work, arguments.repeat, steps))
        if not arguments.keep:
            shutil.rmtree(arguments.work / str(size), ignore_errors=True)
        run["load_end"] = os.getloadavg()
        run["seconds"] = time.perf_counter() - started
        # After every size, so a long run that stops still leaves its numbers.
        output.with_name("results.json").write_text(
            json.dumps(
                {"machine": machine, "run": run, "results": results},
                indent=1,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        output.write_text(report(results, machine, run), encoding="utf-8")
    print(output.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
