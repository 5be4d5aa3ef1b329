"""Build benchmark: issue 18's targets (a)-(e), in one run.

    .venv/bin/python bench/build/run.py               # each target at its sizes
    .venv/bin/python bench/build/run.py --sizes 300   # every step at 300 articles

For each size, one deterministic Vietnamese site (bench/corpus.py: about 600
syllables an article, the newsroom's header fields, links between articles,
the project's pages, schedule, images and attachments) is written as our
content, for vanilla Pelican 4.12 and for Hugo. Each step runs at its sizes:

- (a) publish after one change (--publish-sizes): a clean `pelican -s
  publishconf.py` into the published folder, then one change after another
  (a new article; an edited body, title, category or tags; the hot flag; a
  deleted article; an edited work-calendar week), each followed by the same
  command: seconds to the new site swapped in and to the exit, CPU, pages
  rendered and reused; Hugo's whole CLI build and vanilla Pelican's cached
  rebuild after an edited body, for the ratios;
- (b) after each change, a clean publish of the same content into another
  folder, compared byte for byte (sizes up to --identical-up-to);
- (c) our clean preview build (pelicanconf.py, every plugin) against vanilla
  Pelican's and Hugo's clean builds (--clean-sizes);
- (d) the preview server, from saving an article to its page: saves made
  while it is idle, and saves made while the rebuild an earlier save started
  still runs (--preview-sizes);
- (e) peak memory of each build's process tree; at --memory-sizes our clean
  preview build alone.

Wall and CPU time (user + system, the process and its children) come from
os.wait4. Writes RESULTS.md and results.json (beside --output). Reports, never
pass/fail tests.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
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
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE.parent), str(ROOT / "plugins")]

from corpus import DAY_FIRST, ISO, SiteArticle, site_articles, write_site  # noqa: E402
from process_memory import PeakSampler  # noqa: E402

from vietnamese import slugify  # noqa: E402

# Each step's sizes when --sizes is not given (--sizes puts every step at each).
STEP_SIZES = {
    "publish": "1000,10000",  # (a), with (b) up to --identical-up-to
    "clean": "2000,10000",  # (c)
    "preview": "10000",  # (d)
    "memory": "20000",  # (e): our clean preview build alone
}
STEPS = ("publish", "identical", "clean", "preview", "memory", "hugo", "vanilla")
TARGETS = {"a": 10_000, "c": (2_000, 10_000), "d": 10_000, "e": 20_000}
PUBLISH_SECONDS, PREVIEW_SECONDS = 10.0, 0.3  # targets (a) and (d)
PELICAN = [sys.executable, "-m", "pelican"]
HUGO = "hugo"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
LINK = re.compile(r"\(\{filename\}/articles/(\d{4})/([^)]+)\.md\)")
# Unbuffered, and wide enough that Pelican's log lines (level, message) never wrap.
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "250"}
# Every publish build shows this day (newsroom's BUILD_TIME): 1 January 2026,
# 08:00 in Hà Nội, after the corpus's newest article. The same in every
# publish, so (b)'s clean publish can be compared byte for byte.
SOURCE_DATE_EPOCH = "1767229200"
PUBLISH_ENV = {**ENV, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
# The build's summary line (pelican_adapter/report.py), numbers as "1.234".
PAGES_LINE = re.compile(r"Dựng ([\d.]+) trang từ mẫu, dùng lại ([\d.]+) trang")
SWAP_POLL = 0.002  # seconds between looks at the published folder's inode
PREVIEW_SAVES = 3  # of each case
BUSY_DELAY = 2.0  # after the first save's page, so that its rebuild runs
WATCHER_START = 1.5  # the watcher starts about a second after a build ends
GIB = 2**30
MIB = 2**20


class BenchError(RuntimeError):
    pass


# ---------- measuring a command ----------


@dataclass
class Measure:
    wall: float  # seconds to the command's exit
    cpu: float  # user + system seconds of the process and its waited-for children
    peak: int  # bytes: the process tree's sampled peak (process_memory.py)
    load: float  # one-minute load average when the command started
    swapped: float | None = None  # seconds to the new site in the published path
    rendered: int | None = None  # pages rendered from templates (build summary)
    reused: int | None = None  # pages reused unchanged


def inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


class SwapWatch(threading.Thread):
    """When `path` becomes another folder: safe_publish swaps the new site in
    with one rename, so the published path's inode changes."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path, self.before = path, inode(path)
        self.at: float | None = None
        self._done = threading.Event()

    def run(self) -> None:
        while self.at is None and not self._done.is_set():
            if inode(self.path) != self.before:
                self.at = time.perf_counter()
            else:
                self._done.wait(SWAP_POLL)

    def stop(self) -> float | None:
        self._done.set()
        self.join()
        return self.at


def pages_line(log: Path, offset: int) -> tuple[int | None, int | None]:
    """Pages rendered and reused, from what the command printed."""
    with log.open(encoding="utf-8") as text:
        text.seek(offset)
        found = PAGES_LINE.search(text.read())
    if not found:
        return None, None
    rendered, reused = (int(n.replace(".", "")) for n in found.groups())
    return rendered, reused


def measure(
    command: list[str], log: Path, env: dict = ENV, published: Path | None = None
) -> Measure:
    """Run a command to its end: wall time, CPU time, peak memory and, when
    it publishes into `published`, the moment the new site is in place."""
    load = os.getloadavg()[0]
    swap = SwapWatch(published) if published else None
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {shlex.join(command)}\n")
        out.flush()
        offset = out.tell()
        if swap:
            swap.start()
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
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
        swapped = swap.stop() if swap else None
    if process.returncode:
        raise BenchError(f"exit {process.returncode}: {shlex.join(command)}; see {log}")
    rendered, reused = pages_line(log, offset)
    return Measure(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak=peak,
        load=load,
        swapped=None if swapped is None else swapped - started,
        rendered=rendered,
        reused=reused,
    )


def wait_for_removal(published: Path, timeout: float = 900) -> None:
    """safe_publish removes the swapped-out folder in a process of its own,
    after the swap; the next command starts once it is gone."""
    deadline = time.perf_counter() + timeout
    while any(published.parent.glob(f"{published.name}.building-*")):
        if time.perf_counter() > deadline:
            raise BenchError(f"the old {published.name} is still being removed")
        time.sleep(0.05)


class SizeRun:
    """The builds of one corpus size: their folders, commands and measures."""

    def __init__(self, size: int, folder: Path):
        self.size, self.folder = size, folder
        self.runs: dict[str, list[dict]] = {}
        self.outputs: dict[str, dict] = {}
        (folder / "logs").mkdir(parents=True)

    def out(self, name: str) -> Path:
        return self.folder / f"out-{name}"

    def pelican(self, content: Path, settings: Path, name: str) -> list[str]:
        output = self.out(name)
        cache = self.folder / f"cache-{output.name}"
        return [*PELICAN, str(content), "-s", str(settings), "-o", str(output),
                "--cache-path", str(cache)]  # fmt: skip

    def hugo(self, site: Path) -> list[str]:
        return [HUGO, "--source", str(site), "--destination", str(self.out("hugo")),
                "--cacheDir", str(self.folder / "hugo-cache")]  # fmt: skip

    def clean(self, name: str) -> None:
        """Empty output and cache folders for the build `name`."""
        for path in (self.out(name), self.folder / f"cache-out-{name}"):
            shutil.rmtree(path, ignore_errors=True)
        if name == "hugo":
            shutil.rmtree(self.folder / "hugo-cache", ignore_errors=True)

    def step(
        self,
        name: str,
        command: list[str],
        output: str | None = None,
        *,
        publishes: bool = False,
        log: str | None = None,
        record: bool = True,
    ) -> Measure:
        """Measure one command; `output`: the build whose folder it writes
        (described once); `publishes`: a publish, with SOURCE_DATE_EPOCH,
        timed also to its new site's swap into that folder."""
        folder = self.out(output) if output else None
        log_file = self.folder / "logs" / f"{log or name}.log"
        if publishes:
            result = measure(command, log_file, PUBLISH_ENV, folder)
        else:
            result = measure(command, log_file)
        if folder:
            wait_for_removal(folder)
        if record:
            self.runs.setdefault(name, []).append(asdict(result))
        if folder and output not in self.outputs:
            self.outputs[output] = output_facts(folder)
        pages = (
            f"; rendered {result.rendered:,}, reused {result.reused:,}"
            if result.rendered is not None
            else ""
        )
        swapped = f"; in place at {result.swapped:.1f} s" if result.swapped else ""
        print(
            f"[{self.size:,}] {name:<24} {result.wall:7.1f} s wall "
            f"{result.cpu:7.1f} s CPU {result.peak / MIB:6.0f} MiB "
            f"(load {result.load:.1f}){swapped}{pages}",
            flush=True,
        )
        return result


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


def write_hugo_article(site: Path, article: SiteArticle, marker: str = "") -> None:
    """Under content/tin-tuc/<year>/, internal links through `ref`; with
    `marker`, a last paragraph holding it."""
    body = "\n\n".join(article.body) + (f"\n\n{edit_note(marker)}" if marker else "")
    body = LINK.sub(r'({{< ref "/tin-tuc/\1/\2.md" >}})', body)
    path = site / "content" / "tin-tuc" / str(article.date.year)
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{article.slug}.md").write_text(
        hugo_front_matter(article) + "\n" + body + "\n", encoding="utf-8"
    )


def write_hugo(articles: list[SiteArticle], folder: Path) -> Path:
    """The corpus as a Hugo site: config and layouts from bench/build/hugo."""
    shutil.copytree(HERE / "hugo", folder, dirs_exist_ok=True)
    for name in ("images", "files"):
        shutil.copytree(ROOT / "content" / name, folder / "static" / name)
    for article in articles:
        write_hugo_article(folder, article)
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


def differences(left: Path, right: Path) -> list[str]:
    """Files only in one folder or with other bytes, relative to the folders."""
    found, stack = [], [(filecmp.dircmp(left, right), "")]
    while stack:
        node, prefix = stack.pop()
        found += [f"{prefix}{name}" for name in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        found += [f"{prefix}{name}" for name in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return sorted(found)


# ---------- edits and the changes of (a) ----------


def edit_note(marker: str) -> str:
    return f"Cập nhật: bài được sửa, mã {marker}."


def edit(content: Path, article: SiteArticle, marker: str, date_format: str) -> None:
    """Save the article; with `marker`, with a last paragraph holding it."""
    text = article.markdown(date_format)
    if marker:
        text += f"\n{edit_note(marker)}\n"
    (content / article.path).write_text(text, encoding="utf-8")


def save(content: Path, article: SiteArticle) -> None:
    path = content / article.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.markdown(DAY_FIRST), encoding="utf-8")


def article_page(output: Path, article: SiteArticle) -> Path:
    return output / "tin-tuc" / str(article.date.year) / article.slug / "index.html"


def page_text(page: Path) -> str:
    try:
        return page.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return ""


def require(page: Path, marker: str) -> None:
    if marker not in page_text(page):
        raise BenchError(f"{page} does not show the edit {marker}")


@dataclass
class Change:
    """One change an editor makes, and how its published page shows it."""

    key: str
    label: str
    apply: Callable[[], None]
    shown: Callable[[Path], bool]  # given the published folder


def lists_article(page: str, article: SiteArticle) -> Callable[[Path], bool]:
    """The listing `page` links to the article."""
    address = f"/tin-tuc/{article.date.year}/{article.slug}/"
    return lambda output: address in page_text(output / page)


def in_hot_news(article: SiteArticle) -> Callable[[Path], bool]:
    address = f"/tin-tuc/{article.date.year}/{article.slug}/"

    def shown(output: Path) -> bool:
        home = page_text(output / "index.html")
        box = home.partition('class="hot-news__list"')[2].partition("</ul>")[0]
        return address in box

    return shown


def shows_text(page: Callable[[Path], Path], text: str) -> Callable[[Path], bool]:
    wanted = unicodedata.normalize("NFC", text)
    return lambda output: wanted in page_text(page(output))


def linked_paths(articles: list[SiteArticle]) -> set[str]:
    """Articles another one links to or names in `Related:`."""
    found = set()
    for article in articles:
        links = LINK.findall(" ".join(article.body))
        found.update(f"articles/{year}/{slug}.md" for year, slug in links)
        related = article.fields.get("Related")
        found.update(related.split(", ") if related else ())
    return found


def recent_articles(articles: list[SiteArticle], count: int) -> list[SiteArticle]:
    """The newest articles that are not hot and that no article links to (so
    that deleting one leaves no broken link, which would stop the publish)."""
    linked = linked_paths(articles)
    newest = sorted(articles, key=lambda a: a.date, reverse=True)
    found = [a for a in newest if "Hot" not in a.fields and a.path not in linked]
    if len(found) < count:
        raise BenchError("too few articles for the changes of (a)")
    return found[:count]


def week_change(content: Path) -> Change:
    """The newest work-calendar week: the first meeting moves to another room."""
    week = max((content / "schedule").rglob("*-W*.md"))
    year, number = week.stem.split("-W")
    text = week.read_text(encoding="utf-8")
    place = re.search(r"^(\s*- Địa điểm:).*$", text, re.MULTILINE)
    room = "Hội trường tầng 2 (đổi phòng)"
    edited = text[: place.start()] + f"{place.group(1)} {room}" + text[place.end() :]
    page = f"lich-cong-tac/{year}/tuan-{int(number):02d}/index.html"
    return Change(
        "week",
        f"an edited work-calendar week ({week.stem})",
        lambda: week.write_text(edited, encoding="utf-8"),
        shows_text(lambda output: output / page, room),
    )


def plan_changes(articles: list[SiteArticle], content: Path) -> list[Change]:
    """(a)'s changes, each to one of the newest articles, as editors make
    them; applied one after another, in this order."""
    body, title, moved, tagged, hot, gone = recent_articles(articles, 6)
    newest = max(articles, key=lambda a: a.date)
    fresh = replace(
        newest,
        slug="hoi-thao-ung-dung-khoa-hoc-va-cong-nghe-trong-chuyen-doi-so",
        title="Hội thảo ứng dụng khoa học và công nghệ trong chuyển đổi số",
        date=newest.date + timedelta(minutes=30),
        summary="Sở Khoa học và Công nghệ tổ chức hội thảo về ứng dụng khoa học "
        "và công nghệ trong chuyển đổi số của doanh nghiệp.",
        body=[*body.body, edit_note("NEWARTICLE")],
        fields={},
    )
    middle = len(body.body) // 2
    edited_body = replace(body, body=list(body.body))
    edited_body.body[middle] += " " + edit_note("BODYEDIT")
    retitled = replace(title, title=f"{title.title} (cập nhật)")
    categories = sorted({a.category for a in articles} - {moved.category})
    recategorised = replace(moved, category=categories[0])
    uses = Counter(tag for a in articles for tag in a.tags)
    tag = min((t for t in uses if t not in tagged.tags), key=lambda t: (uses[t], t))
    retagged = replace(tagged, tags=[tag, *tagged.tags[1:]])
    made_hot = replace(hot, fields={**hot.fields, "Hot": "yes"})
    return [
        Change(
            "new",
            "a new article",
            lambda: save(content, fresh),
            shows_text(lambda output: article_page(output, fresh), "NEWARTICLE"),
        ),
        Change(
            "body",
            "an edited body",
            lambda: save(content, edited_body),
            shows_text(lambda output: article_page(output, body), "BODYEDIT"),
        ),
        Change(
            "title",
            "an edited title",
            lambda: save(content, retitled),
            shows_text(lambda output: article_page(output, title), retitled.title),
        ),
        Change(
            "category",
            "an edited category",
            lambda: save(content, recategorised),
            lists_article(f"chuyen-muc/{slugify(categories[0])}/index.html", moved),
        ),
        Change(
            "tags",
            "edited tags",
            lambda: save(content, retagged),
            lists_article(f"the/{slugify(tag)}/index.html", tagged),
        ),
        Change(
            "hot", "the hot flag on", lambda: save(content, made_hot), in_hot_news(hot)
        ),
        Change(
            "deleted",
            "a deleted article",
            lambda: (content / gone.path).unlink(),
            lambda output: not article_page(output, gone).exists(),
        ),
        week_change(content),
    ]


# ---------- (d) the preview server ----------

# Printed by safe_publish (SYNC_OUTPUT) once the served folder has a build,
# and by Pelican's autoreload when a rebuild starts.
PREVIEW_UP_TO_DATE = "Đã cập nhật "
PREVIEW_REBUILDING = "re-generating..."


class LogCount:
    """How often a text occurs in a growing log, read on from where it was left."""

    def __init__(self, log: Path, offset: int, text: str):
        self.log, self.offset, self.text = log, offset, text.encode()
        self.count, self.tail = 0, b""

    def __call__(self) -> int:
        with self.log.open("rb") as handle:
            handle.seek(self.offset)
            new = handle.read()
        self.offset += len(new)
        seen = self.tail + new
        self.count += seen.count(self.text)
        self.tail = seen[-(len(self.text) - 1) :]
        return self.count


class PreviewServer:
    """`pelican --autoreload -e LIVE_RELOAD=true BUILD_QUICK_PREVIEW=true`, as
    scripts/serve.sh runs it (without its web server, which serves the page
    from disk), from its first build to the end of the `with` block."""

    def __init__(self, command: list[str], log: Path, timeout: float):
        self.command, self.log, self.timeout = command, log, timeout

    def __enter__(self) -> PreviewServer:
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"\n$ {shlex.join(self.command)}\n")
            out.flush()
            self.builds = LogCount(self.log, out.tell(), PREVIEW_UP_TO_DATE)
            self.rebuilds = LogCount(self.log, out.tell(), PREVIEW_REBUILDING)
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=ENV,
                start_new_session=True,  # its own process group, ended as one
            )
        self.wait(lambda: self.builds() >= 1, "the first preview build")
        time.sleep(WATCHER_START)
        return self

    def __exit__(self, *_) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def building(self) -> bool:
        """A rebuild has started and not ended (the first build is no rebuild)."""
        return self.rebuilds() + 1 > self.builds()

    def wait(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.perf_counter() + self.timeout
        while not condition():
            if self.process.poll() is not None:
                raise BenchError(
                    f"the preview stopped ({self.process.returncode}) before {what}"
                )
            if time.perf_counter() > deadline:
                raise BenchError(f"no {what} after {self.timeout:.0f} s")
            time.sleep(0.005)


def idle_save(server, content, article, page, marker) -> dict:
    """A save while the server waits: seconds to its page, and to the end of
    the rebuild it starts."""
    done = server.builds()
    saved = time.perf_counter()
    edit(content, article, marker, DAY_FIRST)
    server.wait(lambda: marker in page_text(page), "page after an idle save")
    seconds = time.perf_counter() - saved
    server.wait(lambda: server.builds() > done, "rebuild after an idle save")
    rebuild = time.perf_counter() - saved
    time.sleep(WATCHER_START)
    return {"case": "idle", "seconds": seconds, "rebuild": rebuild,
            "during_rebuild": False, "kept": marker in page_text(page)}  # fmt: skip


def busy_save(server, content, article, page, marker) -> dict:
    """A first save starts a rebuild; a second save, BUSY_DELAY after the
    first one's page, is timed to its page. It lands during the rebuild if
    that rebuild had started and no build ended from the first save to the
    second save's page."""
    done = server.builds()
    edit(content, article, f"{marker}A", DAY_FIRST)
    server.wait(lambda: f"{marker}A" in page_text(page), "page of a first save")
    time.sleep(BUSY_DELAY)
    running = server.building() and server.builds() == done
    saved = time.perf_counter()
    edit(content, article, f"{marker}B", DAY_FIRST)
    server.wait(lambda: f"{marker}B" in page_text(page), "page of a second save")
    seconds = time.perf_counter() - saved
    running = running and server.building() and server.builds() == done
    # The first save's rebuild, then the one for the save it missed.
    server.wait(lambda: server.builds() >= done + 2, "rebuilds after two saves")
    time.sleep(WATCHER_START)
    kept = f"{marker}B" in page_text(page)
    return {"case": "busy", "seconds": seconds, "rebuild": None,
            "during_rebuild": running, "kept": kept}  # fmt: skip


def preview_saves(run: SizeRun, content: Path, article: SiteArticle) -> list[dict]:
    """(d): saves of one article with the preview server running."""
    timeout = 3 * run.runs["ours"][-1]["wall"] + 120 if "ours" in run.runs else 900
    command = run.pelican(content, ROOT / "pelicanconf.py", "ours")
    command += ["--autoreload", "-e", "LIVE_RELOAD=true", "BUILD_QUICK_PREVIEW=true"]
    page = article_page(run.out("ours"), article)
    log = run.folder / "logs" / "preview.log"
    with PreviewServer(command, log, timeout) as server:
        saves = [
            idle_save(server, content, article, page, f"IDLESAVE{n:02d}")
            for n in range(PREVIEW_SAVES)
        ]
        saves += [
            busy_save(server, content, article, page, f"BUSYSAVE{n:02d}")
            for n in range(PREVIEW_SAVES)
        ]
    edit(content, article, "", DAY_FIRST)
    wait_for_removal(run.out("ours"))
    for case in ("idle", "busy"):
        shown = ", ".join(
            f"{s['seconds']:.2f}"
            + ("" if case == "idle" or s["during_rebuild"] else " (not during it)")
            for s in saves
            if s["case"] == case
        )
        print(f"[{run.size:,}] preview, {case}: save to page {shown} s", flush=True)
    return saves


# ---------- one size ----------


def clean_builds(run: SizeRun, sites: dict, steps: set[str], repeat: int) -> None:
    """(c) and (e): each build into empty output and cache folders."""
    ours = run.pelican(sites["ours"], ROOT / "pelicanconf.py", "ours")
    for _ in range(repeat):
        if "clean" in steps and "hugo" in sites:
            run.clean("hugo")
            run.step("hugo", run.hugo(sites["hugo"]), "hugo")
        if "clean" in steps and "vanilla" in sites:
            run.clean("vanilla")
            vanilla = run.pelican(sites["vanilla"], HERE / "vanillaconf.py", "vanilla")
            run.step("vanilla", vanilla, "vanilla")
        run.clean("ours")
        run.step("ours", ours, "ours")


def compare_rebuilds(
    run: SizeRun, sites: dict, article: SiteArticle, repeat: int
) -> None:
    """(a)'s comparisons after one edited body: Hugo's whole CLI build again
    into its folder; vanilla Pelican with its content cache, which a first
    build fills."""
    for turn in range(repeat):
        marker = f"COMPAREEDIT{turn:02d}"
        if "hugo" in sites:
            if not run.out("hugo").exists():
                run.step("hugo", run.hugo(sites["hugo"]), "hugo")
            write_hugo_article(sites["hugo"], article, marker)
            run.step("hugo-rebuild", run.hugo(sites["hugo"]))
            require(article_page(run.out("hugo"), article), marker)
            write_hugo_article(sites["hugo"], article)
        if "vanilla" in sites:
            cached = run.pelican(sites["vanilla"], HERE / "vanillaconf.py", "vanilla")
            cached += ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
            run.clean("vanilla")
            run.step("vanilla-cold", cached)
            edit(sites["vanilla"], article, marker, ISO)
            run.step("vanilla-rebuild", cached)
            require(run.out("vanilla") / f"{article.slug}.html", marker)
            edit(sites["vanilla"], article, "", ISO)


def publish_changes(
    run: SizeRun, content: Path, changes: list[Change], identical: bool
) -> list[dict]:
    """(a) and (b): the published state, then each change and the publish."""
    publish = run.pelican(content, ROOT / "publishconf.py", "publish")
    clean = run.pelican(content, ROOT / "publishconf.py", "clean")
    run.clean("publish")
    run.step("publish", publish, "publish", publishes=True)
    rows = []
    for change in changes:
        if change.shown(run.out("publish")):
            raise BenchError(f"the site shows {change.label} before it is made")
        change.apply()
        measured = run.step(
            f"publish: {change.key}",
            publish,
            "publish",
            publishes=True,
            log="publish",
            record=False,
        )
        if measured.swapped is None:
            raise BenchError(f"after {change.label}, no new site was swapped in")
        row = {"key": change.key, "change": change.label, **asdict(measured)}
        row["shown"] = change.shown(run.out("publish"))
        if identical:
            run.clean("clean")
            run.step("publish-clean", clean, "clean", publishes=True)
            found = differences(run.out("publish"), run.out("clean"))
            row |= {"identical": not found, "differences": found[:20]}
            row["different_files"] = len(found)
            run.clean("clean")
        print(
            f"[{run.size:,}]   {change.label}: shown {row['shown']}, identical "
            f"{row.get('identical', 'not checked')}",
            flush=True,
        )
        rows.append(row)
    return rows


def bench_size(size: int, work: Path, repeat: int, steps: set[str]) -> dict:
    """The steps `steps` at one corpus size (plan_sizes)."""
    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    run = SizeRun(size, folder)
    started = time.perf_counter()
    articles = site_articles(size)
    sites = {"ours": write_site(articles, folder / "ours")}
    others = steps & {"clean", "publish"}
    if others and "vanilla" in steps:
        folders = ("pages", "images", "files")
        sites["vanilla"] = write_site(articles, folder / "vanilla", ISO, folders)
    if others and "hugo" in steps:
        sites["hugo"] = write_hugo(articles, folder / "hugo")
    facts = corpus_facts(articles, sites["ours"], time.perf_counter() - started)
    print(
        f"[{size:,}] corpus: {facts['words_per_article']:.0f} syllables an article, "
        f"{facts['source_bytes'] / MIB:.1f} MiB of Markdown, written in "
        f"{facts['seconds']:.1f} s; steps: {', '.join(sorted(steps))}",
        flush=True,
    )
    result = {"size": size, "steps": sorted(steps), "corpus": facts}
    if steps & {"clean", "memory"}:
        clean_builds(run, sites, steps, repeat)
    if "preview" in steps:
        result["preview"] = preview_saves(run, sites["ours"], articles[size // 2])
    if "publish" in steps:
        changes = plan_changes(articles, sites["ours"])
        compare_rebuilds(run, sites, recent_articles(articles, 1)[0], repeat)
        identical = "identical" in steps
        result["publish"] = publish_changes(run, sites["ours"], changes, identical)
    problems = {
        log.stem: count_problems(log) for log in sorted((folder / "logs").glob("*.log"))
    }
    return result | {"outputs": run.outputs, "runs": run.runs, "problems": problems}


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


def seconds_text(value: dict | None) -> str:
    if not value:
        return "not measured"
    return f"{value['wall']:.1f} s wall, {value['cpu']:.1f} s CPU"


def ratio(ours: dict | None, other: dict | None, key: str) -> str:
    if not ours or not other or not other[key]:
        return "–"
    return f"{ours[key] / other[key]:.2f}"


def memory(value: dict | None) -> str:
    return f"{value['peak'] / MIB:,.0f} MiB" if value else "–"


def previews(result: dict) -> list[dict]:
    """The preview's saves; results from before issue 18 hold idle seconds."""
    return [
        save
        if isinstance(save, dict)
        else {
            "case": "idle",
            "seconds": save,
            "rebuild": None,
            "kept": True,
            "during_rebuild": False,
        }  # fmt: skip
        for save in result.get("preview") or []
    ]


def at_target(results: list[dict], wanted: int, has) -> tuple[dict | None, bool]:
    """The result at the target's size, or else the largest that has the
    measure; and whether it is the target's size."""
    having = [r for r in results if has(r)]
    for result in having:
        if result["size"] == wanted:
            return result, True
    return (having[-1], False) if having else (None, False)


def verdict(ok: bool, exact: bool, wanted: str) -> str:
    if not exact:
        return f"not measured at {wanted}"
    return "yes" if ok else "**no**"


def elsewhere(result: dict, exact: bool) -> str:
    return "" if exact else f" (at {result['size']:,} articles)"


def publish_target(results: list[dict]) -> str:
    wanted = TARGETS["a"]
    label = (
        f"(a) publish after one change, {wanted:,} articles: at most "
        f"{PUBLISH_SECONDS:.0f} s from the command to the new site in place"
    )
    result, exact = at_target(results, wanted, lambda r: r.get("publish"))
    if not result:
        return f"| {label} | not measured | – |"
    rows = result["publish"]
    slowest = max(rows, key=lambda row: row["swapped"])
    typical = statistics.median(row["swapped"] for row in rows)
    value = (
        f"slowest {slowest['swapped']:.1f} s ({slowest['change']}), median "
        f"{typical:.1f} s, {len(rows)} changes{elsewhere(result, exact)}"
    )
    missing = [row["change"] for row in rows if not row["shown"]]
    if missing:
        value += f"; not shown in the published site: {', '.join(missing)}"
    ok = slowest["swapped"] <= PUBLISH_SECONDS and not missing
    return f"| {label} | {value} | {verdict(ok, exact, f'{wanted:,}')} |"


def identical_target(results: list[dict]) -> str:
    label = (
        "(b) after each change, byte-identical to a clean publish of the same "
        "content (`SOURCE_DATE_EPOCH` set)"
    )
    checked = [
        (result["size"], row)
        for result in results
        for row in result.get("publish", [])
        if "identical" in row
    ]
    if not checked:
        return f"| {label} | not measured | – |"
    same = sum(row["identical"] for _, row in checked)
    sizes = ", ".join(f"{size:,}" for size in sorted({size for size, _ in checked}))
    value = f"{same} of {len(checked)} changes identical, {sizes} articles"
    differing = [row["change"] for _, row in checked if not row["identical"]]
    if differing:
        value += f"; differs after: {', '.join(differing)}"
    return f"| {label} | {value} | {'yes' if same == len(checked) else '**no**'} |"


def clean_targets(results: list[dict]) -> list[str]:
    """A row for each of the target's sizes; if neither was measured, one row
    for the largest size that was."""

    def has(result: dict) -> bool:
        return bool(summary(result, "ours") and summary(result, "vanilla"))

    picks = [(size, *at_target(results, size, has)) for size in TARGETS["c"]]
    if any(exact for _, _, exact in picks):
        picks = [
            (size, result if exact else None, exact) for size, result, exact in picks
        ]
    else:
        picks = picks[-1:]
    return [clean_row(size, result, exact) for size, result, exact in picks]


def clean_row(size: int, result: dict | None, exact: bool) -> str:
    label = (
        "(c) clean preview build, every plugin on: at most vanilla Pelican "
        f"4.12's wall time, {size:,} articles"
    )
    if result is None:
        return f"| {label} | not measured | – |"
    ours, vanilla = summary(result, "ours"), summary(result, "vanilla")
    value = (
        f"{ours['wall']:.1f} s against {vanilla['wall']:.1f} s: "
        f"{ratio(ours, vanilla, 'wall')} wall ({ratio(ours, vanilla, 'cpu')} "
        f"CPU){elsewhere(result, exact)}"
    )
    ok = ours["wall"] <= vanilla["wall"]
    return f"| {label} | {value} | {verdict(ok, exact, f'{size:,}')} |"


PREVIEW_CASES = {
    "idle": "saves while the server is idle",
    "busy": "saves while the rebuild an earlier save started still runs",
}


def preview_targets(results: list[dict]) -> list[str]:
    wanted = TARGETS["d"]
    result, exact = at_target(results, wanted, previews)
    rows = []
    for case, words in PREVIEW_CASES.items():
        label = (
            f"(d) preview, from save to page at most {PREVIEW_SECONDS} s, "
            f"{wanted:,} articles: {words}"
        )
        saves = [s for s in previews(result) if s["case"] == case] if result else []
        counted = [s for s in saves if s["during_rebuild"] or case == "idle"]
        if not counted:
            value = (
                f"none of {len(saves)} saves landed during a rebuild"
                if saves
                else "not measured"
            )
            rows.append(f"| {label} | {value} | – |")
            continue
        slowest = max(s["seconds"] for s in counted)
        value = (
            f"slowest {slowest:.2f} s, median "
            f"{statistics.median(s['seconds'] for s in counted):.2f} s, "
            f"{len(counted)} saves{elsewhere(result, exact)}"
        )
        if len(counted) < len(saves):
            value += f"; {len(saves) - len(counted)} more landed after it ended"
        lost = sum(not s["kept"] for s in saves)
        if lost:
            value += f"; {lost} pages lost the save after the rebuilds"
        ok = slowest <= PREVIEW_SECONDS and not lost
        rows.append(f"| {label} | {value} | {verdict(ok, exact, f'{wanted:,}')} |")
    return rows


def memory_target(results: list[dict]) -> str:
    wanted = TARGETS["e"]
    label = (
        f"(e) peak memory of the clean preview build at most 1 GB, {wanted:,} articles"
    )
    result, exact = at_target(results, wanted, lambda r: summary(r, "ours"))
    if not result:
        return f"| {label} | not measured | – |"
    ours = summary(result, "ours")
    value = memory(ours) + elsewhere(result, exact)
    return (
        f"| {label} | {value} | {verdict(ours['peak'] <= GIB, exact, f'{wanted:,}')} |"
    )


def target_rows(results: list[dict]) -> list[str]:
    return [
        publish_target(results),
        identical_target(results),
        *clean_targets(results),
        *preview_targets(results),
        memory_target(results),
    ]


def identical_text(row: dict) -> str:
    if "identical" not in row:
        return "not checked"
    if row["identical"]:
        return "yes"
    shown = ", ".join(f"`{name}`" for name in row["differences"][:3])
    return f"**no**: {row['different_files']:,} files ({shown}…)"


def publish_section(results: list[dict]) -> list[str]:
    lines = [
        "## (a) Publish after one change, and (b)",
        "",
        "The changes are made one after another, in this order, each followed "
        "by the publish command into the same published folder.",
    ]
    if not any(result.get("publish") for result in results):
        lines += ["", "Not measured in this run."]
    for result in results:
        rows = result.get("publish")
        if not rows:
            continue
        clean = summary(result, "publish")
        hugo, vanilla = (
            summary(result, "hugo-rebuild"),
            summary(result, "vanilla-rebuild"),
        )
        lines += [
            "",
            f"### {result['size']:,} articles",
            "",
            f"Clean publish (the state the first change starts from): "
            f"{seconds_text(clean)}. After an edited body, Hugo's whole CLI build "
            f"again: {seconds_text(hugo)}; vanilla Pelican's rebuild with its "
            f"content cache: {seconds_text(vanilla)}.",
            "",
            "| Change | New site in place, s | Command exit, s | CPU, s | Pages "
            "rendered / reused | In place ÷ clean publish | ÷ Hugo rebuild | ÷ "
            "vanilla cached rebuild | Shown in the site | (b) identical to a clean "
            "publish |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for row in rows:
            in_place = {"wall": row["swapped"]}
            pages = (
                f"{row['rendered']:,} / {row['reused']:,}"
                if row["rendered"] is not None
                else "–"
            )
            lines.append(
                f"| {row['change']} | {row['swapped']:.1f} | {row['wall']:.1f} | "
                f"{row['cpu']:.1f} | {pages} | {ratio(in_place, clean, 'wall')} | "
                f"{ratio(in_place, hugo, 'wall')} | "
                f"{ratio(in_place, vanilla, 'wall')} | "
                f"{'yes' if row['shown'] else '**no**'} | {identical_text(row)} |"
            )
    return lines


def clean_section(results: list[dict]) -> list[str]:
    lines = [
        "## (c) Clean builds: wall / CPU seconds",
        "",
        "| Articles | ours, preview (every plugin) | vanilla Pelican | Hugo | "
        "ours/vanilla wall (CPU) | ours/Hugo wall (CPU) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ours, vanilla = summary(result, "ours"), summary(result, "vanilla")
        hugo = summary(result, "hugo")
        if not ours:
            continue
        lines.append(
            f"| {result['size']:,} | {seconds(ours)} | {seconds(vanilla)} | "
            f"{seconds(hugo)} | {ratio(ours, vanilla, 'wall')} "
            f"({ratio(ours, vanilla, 'cpu')}) | {ratio(ours, hugo, 'wall')} "
            f"({ratio(ours, hugo, 'cpu')}) |"
        )
    return lines


def preview_section(results: list[dict]) -> list[str]:
    lines = [
        "## (d) Preview: from saving an article to its page",
        "",
        "| Articles | Saves | Count | Median, s | Slowest, s | Landed during a "
        "rebuild | Page right after the rebuilds | Save → rebuild ended, median |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for case, words in PREVIEW_CASES.items():
            saves = [s for s in previews(result) if s["case"] == case]
            if not saves:
                continue
            times = [s["seconds"] for s in saves]
            rebuilds = [s["rebuild"] for s in saves if s["rebuild"] is not None]
            rebuild = f"{statistics.median(rebuilds):.1f} s" if rebuilds else "–"
            during = (
                f"{sum(s['during_rebuild'] for s in saves)} of {len(saves)}"
                if case == "busy"
                else "–"
            )
            lines.append(
                f"| {result['size']:,} | {words} | {len(saves)} | "
                f"{statistics.median(times):.2f} | {max(times):.2f} | {during} | "
                f"{sum(s['kept'] for s in saves)} of {len(saves)} | {rebuild} |"
            )
    return lines


def memory_section(results: list[dict]) -> list[str]:
    lines = [
        "## (e) Peak memory of the build's process tree",
        "",
        "| Articles | ours, clean preview build | vanilla | Hugo | ours/vanilla | "
        "ours/Hugo | ours, clean publish | ours, publish after a change (highest) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ours, vanilla = summary(result, "ours"), summary(result, "vanilla")
        hugo = summary(result, "hugo")
        changes = result.get("publish") or []
        after = {"peak": max(row["peak"] for row in changes)} if changes else None
        lines.append(
            f"| {result['size']:,} | {memory(ours)} | {memory(vanilla)} | "
            f"{memory(hugo)} | {ratio(ours, vanilla, 'peak')} | "
            f"{ratio(ours, hugo, 'peak')} | {memory(summary(result, 'publish'))} | "
            f"{memory(after)} |"
        )
    return lines


def facts_sections(results: list[dict]) -> list[str]:
    lines = [
        "## What each build wrote",
        "",
        "| Articles | Build | HTML pages | Files | MiB | Warnings / errors logged |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    names = {"ours": "ours, preview", "publish": "ours, publish", "vanilla": "vanilla"}
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
    return lines


def report(results: list[dict], machine: dict, run: dict) -> str:
    command = run.get("arguments")
    if command is None:  # results from before issue 18
        sizes = ",".join(str(r["size"]) for r in results)
        command = f"--sizes {sizes} --repeat {run['repeat']}"
    load_start = ", ".join(f"{v:.2f}" for v in run["load_start"])
    load_end = ", ".join(f"{v:.2f}" for v in run["load_end"])
    invocation = f".venv/bin/python bench/build/run.py {command}".rstrip()
    lines = [
        "# Build benchmark: publishing one change, clean builds, preview, memory",
        "",
        f"Written by `{invocation}` on {run['date']} (do not edit by hand). "
        "Issue 18 sets the targets "
        "(issue 7's target of Hugo's clean build time is withdrawn; Hugo and "
        "vanilla Pelican stay as comparisons). These numbers are never "
        "pass/fail tests.",
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
            f"Clean builds and the comparisons ran {run['repeat']} times (medians "
            "of the times, highest memory); each change and each save once."
            if run["repeat"] > 1
            else "Each build ran once."
        ),
        "",
        "## Targets (issue 18)",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
        *target_rows(results),
        "",
        *publish_section(results),
        "",
        *clean_section(results),
        "",
        *preview_section(results),
        "",
        *memory_section(results),
        "",
        *facts_sections(results),
        "",
        *METHOD,
    ]
    return "\n".join(lines) + "\n"


METHOD = """## Method

- Corpus: `bench/corpus.py` (`site_articles`), deterministic: the search
  benchmark's department-style text (about 600 syllables an article) with the
  header fields editors write (`Title`, day-first `Date` with a time,
  `Category` from `CATEGORIES`, `Tags`, `Author: Name - Unit` from 40
  reporters, `Summary`; some `Image`/`ImageAlt`, `Hot`/`HotUntil`, `Featured`,
  `Attachments`, `Related`, `LegacyURL`), links to other articles
  (`{filename}/articles/…`), plus the project's own pages, linked websites,
  work calendar (`content/schedule/<year>/<year>-W<nn>.md`), images and
  attachments. Written once as our content; for vanilla Pelican with ISO
  dates (Pelican reads 12/03 as 3 December); for Hugo as YAML front matter
  (the byline split into `authors` and `units` taxonomies, links through
  `ref`).
- (a) `python -m pelican CONTENT -s publishconf.py -o PUBLISHED --cache-path
  CACHE` (absolute addresses, hashed assets, gzip and brotli copies, safe
  publish), with `SOURCE_DATE_EPOCH` set for every publish (1 January 2026,
  after the newest article, so every publish shows the same day). First a
  clean publish into an empty folder with an empty cache; then, one after
  another: a new article (the newest, in the category of the newest one); an
  edited body (a sentence added to a middle paragraph); an edited title; an
  edited category; edited tags (the first tag replaced by the least used
  tag); the hot flag turned on; a deleted article; an edited work-calendar
  week (the newest week: the first meeting's room). Each change is made to
  another of the newest articles that are not hot and that no article links
  to, and is followed by the same command into the same folder, with its
  cache. *New site in place*: from the command's start to the published
  path becoming the new folder (safe_publish swaps it in with one
  `renameat2`; the path's inode is read every 2 ms while the command runs).
  *Command exit*: the build's caches are saved after the swap. The old folder
  is removed by a process of its own after the swap, not counted; the next
  command starts once it is gone. *Pages rendered / reused*: the build's
  summary line ("Dựng N trang từ mẫu, dùng lại M trang không đổi"). *Shown in
  the site*: the published site shows the change (the article's page, the
  new category's or tag's first page listing the article, the home page's
  Tin nóng box, the deleted page gone, the week's page). Comparisons, after
  an edited body (the first of the changed articles): Hugo's whole CLI build
  into its folder again, with its cache folder (Hugo has no incremental CLI
  build); vanilla Pelican with `CACHE_CONTENT` and `LOAD_CONTENT_CACHE`, a
  first build filling the cache, then the edit and the rebuild. Ratios use
  the time to the new site in place.
- (b) After each change's publish, a clean publish of the same content into
  another empty folder with an empty cache (same `SOURCE_DATE_EPOCH`), then
  every file of the two folders compared byte for byte (`filecmp`, not
  shallow). Only at small sizes (`--identical-up-to`); `tests/test_incremental.py`
  proves the same on every kind of change, for preview and publish builds.
- (c) `python -m pelican CONTENT -s pelicanconf.py -o OUT --cache-path CACHE`:
  the preview settings, every plugin on, into an empty output folder with an
  empty cache folder. Vanilla: `python -m pelican CONTENT -s
  bench/build/vanillaconf.py`: Pelican's default theme, no plugins, default
  settings except the time zone, language, slugs from file names (generated
  titles repeat) and ten articles a listing page (Pelican's default puts
  every article on one page). Hugo: `hugo --source SITE --destination OUT`
  with `bench/build/hugo/`: home, article pages (tags, byline,
  previous/next, five related by Hugo's related content over tags, leaving
  out tags on more than 10% of the articles, as ours does with terms),
  paginated category, tag, author, unit and section pages, term lists, the
  sidebar's hot and featured news, RSS feeds of 50 items (Hugo makes one for
  every term too) and a sitemap. Not in Hugo: our date archives, search
  index, JSON export, legacy redirects, work calendar and text-based related
  ranking.
- (d) `pelican CONTENT -s pelicanconf.py … --autoreload -e LIVE_RELOAD=true
  BUILD_QUICK_PREVIEW=true` (what `scripts/serve.sh` runs, without its web
  server, which serves the page from disk), started after (c)'s clean build
  into the same folders; the article is the middle one of the corpus and
  each save adds a last paragraph with a new code. Idle: the server's builds
  have ended ("Đã cập nhật" printed) and 1.5 s passed (the watcher that
  writes a saved article's page starts about a second after a build); timed
  from writing the file to its page holding the code (polled every 5 ms),
  then the rebuild is waited for. During a rebuild: a first save, its page,
  2 s more so that the rebuild it started runs, then a second save, timed to
  its page; it counts as landed during the rebuild when no "Đã cập nhật"
  line was printed between the first save and the second save's page. Then
  both rebuilds are waited for, and the page must still hold the second
  save.
- Warnings and errors: lines the builds logged at those levels. Vanilla logs
  three warnings a build (docutils has no Vietnamese localisation; it reads
  the project's English pages as translations without originals); any other
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
  would report at least the benchmark's own size.
""".splitlines()


# ---------- main ----------


def sizes_of(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def plan_sizes(arguments) -> dict[int, set[str]]:
    """The steps to run at each size: each step at its own sizes, or at
    every size of --sizes; less what --skip leaves out."""
    skip = {s.strip() for s in arguments.skip.split(",") if s.strip()}
    plan: dict[int, set[str]] = {}
    for step, default in STEP_SIZES.items():
        chosen = getattr(arguments, f"{step}_sizes")
        if chosen is None:
            chosen = arguments.sizes or default
        for size in sizes_of(chosen):
            plan.setdefault(size, set()).add(step)
    for size, steps in plan.items():
        steps |= {"hugo", "vanilla", "identical"}
        if size > arguments.identical_up_to:
            steps.discard("identical")
        steps -= skip
    return {
        size: steps for size, steps in sorted(plan.items()) if steps & set(STEP_SIZES)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        help="comma-separated article counts, every step at each (default: "
        "each step at its own sizes, below)",
    )
    for step, words in (
        ("publish", "(a) publish after one change"),
        ("clean", "(c) clean builds: ours, vanilla and Hugo"),
        ("preview", "(d) the preview server"),
        ("memory", "(e) our clean preview build alone, for its memory"),
    ):
        parser.add_argument(
            f"--{step}-sizes",
            help=f"sizes of {words} (default: {STEP_SIZES[step]}, or --sizes)",
        )
    parser.add_argument(
        "--identical-up-to",
        type=int,
        default=1000,
        help="(b) compare each publish with a clean publish at sizes up to this "
        "(default: %(default)s; 0: never)",
    )
    parser.add_argument(
        "--skip",
        default="",
        help=f"comma-separated steps to leave out: {', '.join(STEPS)}",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each clean build and comparison (default: %(default)s)",
    )
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
    unknown = {s.strip() for s in arguments.skip.split(",") if s.strip()} - set(STEPS)
    if unknown:
        parser.error(f"unknown steps to skip: {', '.join(sorted(unknown))}")
    plan = plan_sizes(arguments)
    if not plan:
        parser.error("no step left to run")
    if any("hugo" in steps for steps in plan.values()) and not shutil.which(HUGO):
        parser.error("hugo is not installed: sudo apt-get install -y hugo")
    machine = describe_machine()
    run = {
        "date": datetime.now(ZONE).strftime("%Y-%m-%d %H:%M %Z"),
        "arguments": shlex.join(sys.argv[1:] if argv is None else argv),
        "repeat": arguments.repeat,
        "load_start": os.getloadavg(),
        "code": code_state(),
    }
    print(f"{machine['cpu']}, {machine['cores']} CPUs; load {run['load_start']}")
    started = time.perf_counter()
    results = []
    output.parent.mkdir(parents=True, exist_ok=True)
    for size, steps in plan.items():
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
