"""The postings of each run of months, kept between builds.

Documents are numbered newest first, so the articles of consecutive months are
a contiguous run, and the runs' postings join end to end
(``PartialIndex.extend``). A run's
key digests what indexing reads: each article's address, day, category,
title, tags and the rendered article region (not the whole page: the sidebar
changes with every new article), plus this plugin's code and the shared text
rules. A rebuild after one edit indexes one run again, not the site.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from datetime import date, timedelta
from pathlib import Path

import vietnamese

from .extract import article_region

EPOCH = date(1970, 1, 1)
KEPT_BUILDS = 3  # preview and publish builds (other addresses) alternate


def month_of(day: int) -> int:
    moment = EPOCH + timedelta(days=day)
    return moment.year * 12 + moment.month - 1


def runs_by_month(documents: list, at_least: int) -> list[list]:
    """Consecutive documents (newest first) cut into runs of whole months, each
    of at least ``at_least`` documents but the newest. Runs are counted from
    the oldest month, so a new article changes only the newest run."""
    months: list[list] = []
    last = None
    for document in reversed(documents):
        month = month_of(document.day)
        if month != last:
            months.append([])
            last = month
        months[-1].append(document)
    runs: list[list] = [[]]
    for month in months:
        if len(runs[-1]) >= at_least:
            runs.append([])
        runs[-1] += month
    return [run[::-1] for run in reversed(runs) if run]


@functools.cache
def _code_digest() -> str:
    """Once per process: the preview server keeps running the code it loaded."""
    digest = hashlib.sha1()
    for folder in (Path(__file__).parent, Path(vietnamese.__file__).parent):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _region_digest(html_path: str) -> str:
    try:
        html = Path(html_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "unreadable"
    return hashlib.sha1(article_region(html).encode("utf-8")).hexdigest()


class PartialCache:
    """Pickled ``PartialIndex`` of each run, in ``folder``, by key."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.code = _code_digest()
        self.used: list[str] = []

    def key(self, run: list) -> str:
        digest = hashlib.sha1(self.code.encode())
        for document in run:
            fields = [document.url, document.day, document.category, document.title]
            fields += [document.extra, _region_digest(document.html_path)]
            digest.update(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def has(self, key: str) -> bool:
        """Whether the run is kept; either way it belongs to this build."""
        self.used.append(key)
        return self._path(key).is_file()

    def load(self, key: str):
        self.used.append(key)
        try:
            with self._path(key).open("rb") as file:
                return pickle.load(file)
        except Exception:  # noqa: BLE001 - any unreadable cache: index again
            return None

    def save(self, key: str, partial) -> None:
        """Before the partial is merged: merging changes its lists in place.
        A run with an unreadable page or without a title is never kept, so
        every build reports it again."""
        if partial.unreadable or partial.missing_titles:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self._path(key).with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            pickle.dump(partial, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self._path(key))

    def forget_old(self) -> None:
        """Keep the runs of the last few builds; remove the rest."""
        if not self.folder.is_dir():
            return
        ledger = self.folder / "builds.json"
        try:
            builds = json.loads(ledger.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            builds = []
        builds = [*builds[-(KEPT_BUILDS - 1) :], sorted(set(self.used))]
        ledger.write_text(json.dumps(builds), encoding="utf-8")
        keep = {key for build in builds for key in build}
        for path in self.folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
