"""Build the search index from the text stage of each article.

Documents are numbered newest first, so a date range is a range of ids and
"newest first" is ascending id order. Each key (folded syllable or adjacent pair)
gets a postings list with a quantised BM25 score per document; the accented forms
of each syllable get their own lists for the exact-diacritic boost.

Documents are indexed in runs of whole months, on every core; the runs'
postings join end to end, so merging costs one varint per key, not one per
posting. A run whose articles did not change comes from the build's cache.
"""

from __future__ import annotations

import gc
import hashlib
import json
import math
import os
import pickle
import shutil
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from article_text import ArticleText, terms_of
from build_runtime import SHARE_FROM, BuildCache, in_shares, worker_count
from vietnamese import fold

from .index_format import (
    Parts,
    compress,
    id_list,
    keyed_file,
    put_varint,
    varint,
)
from .terms import group_of, hash_key, identifier_key

FORMAT_VERSION = 3  # 2: kinds (tin bài, văn bản); 3: heads and tails
META = "meta.bin"
RECORD_FOLDER = "d"  # "<build>/d/<n>.bin": result records, a block a file
PENDING_RECORDS = ".d"  # where they are written until the build is named
# What a result is: (slug, name); a record's kind is its position, left out when 0.
KINDS = (("tin-bai", "Tin bài"), ("van-ban", "Văn bản"))
# Occurrence weights, doubled so they stay integers: title 3, lead and tags 1.5,
# body 1.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT = 6, 3, 2, 3
K1, B = 1.2, 0.75
# A posting stores one byte ("code"): 16 steps of doubled weighted term frequency
# times 16 steps of document length. Scores come from the code once the
# collection statistics are known.
TF_STEPS = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 25, 32, 40)
UNINFORMATIVE_PAIR = 0.9  # see IndexWriter.informative
FileData = str | bytes | Parts  # an index file: JSON text, or binary data


EXCERPT_LENGTH = 220
EPOCH = date(1970, 1, 1)
WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


@dataclass(frozen=True)
class Document:
    """One article or document to index: its text, and what the text does not
    tell."""

    url: str
    day: int  # local calendar day, days since 1970-01-01
    category: int  # index in the category list, -1 for none
    text: ArticleText
    extra: str = ""  # tags, author and unit: searchable, not shown
    kind: int = 0  # index in KINDS: 0 a news article, 1 a document (văn bản)
    number: str = ""  # a document's số ký hiệu: a query of it finds it first

    def key(self) -> str:
        """Changes whenever what indexing reads does."""
        facts = [self.url, self.day, self.category, self.kind, self.number]
        facts += [self.extra, self.text.digest()]
        return json.dumps(facts, ensure_ascii=False)


@dataclass
class IndexOptions:
    shard_bytes: int = 6_000  # target uncompressed size of a shared postings file
    heavy_bytes: int = 3_000  # an entry bigger than this gets a file of its own
    docs_per_file: int = 1  # result records per file
    precision: float = 0.25  # largest rounding error of a posting's score
    pair_levels: int = 4  # pairs only boost phrases: a few score steps do
    processes: int = 0  # 0: one per core, at most four
    # Whole months, at least this many documents a run. Bigger runs merge
    # quicker; smaller ones make a rebuild index fewer again.
    run_documents: int = 300


@dataclass
class IndexSummary:
    documents: int = 0
    keys: int = 0
    files: int = 0
    bytes: int = 0


def length_bucket(length: int) -> int:
    if length <= 16:
        return 0
    return min(15, round(2 * math.log2(length / 16)))


def bucket_length(bucket: int) -> float:
    return 16 * 2 ** (bucket / 2)


# A posting's code for each doubled weighted term frequency up to 255, one
# table per document length bucket.
_CODES = [
    [16 * max(0, sum(s <= tf2 for s in TF_STEPS) - 1) + bucket for tf2 in range(256)]
    for bucket in range(16)
]


class PartialIndex:
    """Postings of a contiguous run of documents, with local ids from 0.

    ``postings`` maps a key to [varint gaps after the first id, one code byte
    per posting, next id (one past the last), first id]; ``forms`` maps an
    accented form ("bản") to the same, for the documents that use it. With the
    first id apart, joining lists end to end needs no decoding.
    """

    def __init__(self) -> None:
        self.postings: dict[str, list] = {}
        self.forms: dict[str, list] = {}
        self.records: list[list] = []
        self.lengths = [0] * 16

    def add_document(self, document: Document) -> None:
        text = document.text
        syllables, pairs, forms = text.body_terms.keys()
        length = len(syllables)
        # The body, most of the text, is counted once and its counts scaled.
        body = Counter(syllables)
        body.update(pairs)
        scaled = map(BODY_WEIGHT.__mul__, body.values())
        counts = Counter(dict(zip(body, scaled, strict=True)))
        keys: list[str] = []
        for weight, terms in (
            (TITLE_WEIGHT, text.title_terms),
            (LEAD_WEIGHT, text.lead_terms),
            (EXTRA_WEIGHT, terms_of(document.extra)),
        ):
            syllables, pairs, more_forms = terms.keys()
            length += len(syllables)
            keys += (syllables + pairs) * weight
            forms |= more_forms
        counts.update(keys)
        if identifier := identifier_key(document.number):
            counts[identifier] = 1
        bucket = length_bucket(length)
        self.lengths[bucket] += 1
        doc_id = len(self.records)
        _file(self.postings, doc_id, counts, _CODES[bucket])
        _file(self.forms, doc_id, dict.fromkeys(forms, 0), _CODES[bucket])
        excerpt = shorten(text.lead or text.body or text.title, EXCERPT_LENGTH)
        record = [text.title, document.url, document.day, document.category, excerpt]
        self.records.append(record + [document.kind] if document.kind else record)

    def extend(self, later: PartialIndex) -> None:
        """Append the documents of ``later``, which follow ours.

        Id lists join end to end: only the first gap of each later list changes.
        ``later`` is used up: its lists become ours.
        """
        if not self.records:
            self.postings, self.forms = later.postings, later.forms
            self.records, self.lengths = later.records, later.lengths
            return
        offset = len(self.records)
        _join(self.postings, later.postings, offset)
        _join(self.forms, later.forms, offset)
        self.records += later.records
        self.lengths = [a + b for a, b in zip(self.lengths, later.lengths, strict=True)]


def _file(lists: dict, doc_id: int, counts: dict, codes: list[int]) -> None:
    """Add document ``doc_id`` to the list of each key of ``counts``, with the
    code of its count; the build's innermost loop."""
    get, next_id = lists.get, doc_id + 1  # one int for every key
    for key, tf2 in counts.items():
        code = codes[tf2 if tf2 < 256 else 255]
        item = get(key)
        if item is None:
            lists[key] = [bytearray(), bytearray((code,)), next_id, doc_id]
            continue
        gap = doc_id - item[2]
        if gap < 0x80:
            item[0].append(gap)
        else:
            item[0] += varint(gap)
        item[1].append(code)
        item[2] = next_id


def _join(ours: dict, later: dict, offset: int) -> None:
    """Append the lists of ``later`` (ids from 0) to ours, its ids moved by
    ``offset``; ``later``'s lists become ours."""
    get = ours.get
    for key, item in later.items():
        mine = get(key)
        if mine is None:
            item[2] += offset
            item[3] += offset
            ours[key] = item
            continue
        put_varint(mine[0], offset + item[3] - mine[2])
        mine[0] += item[0]
        mine[1] += item[1]
        mine[2] = offset + item[2]


def index_run(documents: list[Document]) -> PartialIndex:
    partial = PartialIndex()
    for document in documents:
        partial.add_document(document)
    return partial


class IndexWriter:
    """Turn the postings of all documents into the index files."""

    def __init__(self, index: PartialIndex, categories, options: IndexOptions):
        self.index = index
        self.categories = categories
        self.options = options
        self.count = len(index.records)
        self.table = self._score_table()

    def _score_table(self) -> list[float]:
        """BM25's term-frequency part (without idf) for each of the 256 codes."""
        lengths = self.index.lengths
        documents = sum(lengths) or 1
        average = sum(bucket_length(b) * n for b, n in enumerate(lengths)) / documents
        table = []
        for code in range(256):
            tf = TF_STEPS[code >> 4] / 2
            norm = 1 - B + B * bucket_length(code & 15) / (average or 1.0)
            table.append(tf * (K1 + 1) / (tf + K1 * norm))
        return table

    def informative(self, pair: str, df: int) -> bool:
        """Whether a pair ranks anything: not when (nearly) every document with
        its rarer syllable has the pair, as "khoa" nearly always comes as "khoa
        học". Those pairs would boost every match alike, so they are left out.
        """
        first, second = pair.split(" ", 1)
        rarer = min(
            len(self.index.postings[first][1]), len(self.index.postings[second][1])
        )
        return df < UNINFORMATIVE_PAIR * rarer

    def postings_payload(self, key: str, item: list) -> tuple[bytes, bytes]:
        """(head, tail): count, step, levels and ids; a level byte per posting."""
        gaps, codes, _, first = item
        df = len(codes)
        idf = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        present = set(codes)
        best = idf * max(self.table[code] for code in present)
        most = self.options.pair_levels if " " in key else 255
        levels = max(1, min(most, math.ceil(best / self.options.precision)))
        step = best / levels
        milli = max(1, round(step * 1000))
        if len(present) == 1:
            # Every posting has the top level, (levels - 0.5) steps: one level
            # of twice that score gives the same, with no byte per posting.
            milli, levels = (2 * levels - 1) * milli, 1
        head = bytearray(varint(df))
        put_varint(head, milli)
        put_varint(head, levels)
        put_varint(head, first)
        head += gaps
        if levels == 1:
            return bytes(head), b""
        mapping = bytearray(256)
        for code in present:
            mapping[code] = min(levels - 1, int(idf * self.table[code] / step))
        return bytes(head), codes.translate(mapping)

    def forms_payload(self, key: str, forms: list[str]) -> tuple[bytes, bytes]:
        """The accented forms of ``key`` and the documents that use each."""
        df = len(self.index.postings[key][1])
        out = bytearray(varint(len(forms)))
        for form in sorted(forms):
            gaps, codes, _, first = self.index.forms[form]
            raw = form.encode("utf-8")
            put_varint(out, len(raw))
            out += raw
            put_varint(out, len(codes))
            if len(codes) < df:
                put_varint(out, first)
                out += gaps
        return bytes(out), b""

    def files(self, records: dict[str, str]) -> tuple[str, dict[str, FileData]]:
        """(build, {path: JSON text or binary data}): "meta.bin", the manifest,
        and the data files under "<build>/", where build is their content hash,
        the result records' (from record_files, written apart) included. They
        are written compressed."""
        out: dict[str, FileData] = {}
        postings = {
            key: self.postings_payload(key, item)
            for key, item in self.index.postings.items()
            if " " not in key or self.informative(key, len(item[1]))
        }
        forms_of = defaultdict(list)
        for form in self.index.forms:
            forms_of[fold(form)].append(form)
        shards, heavy = self._place(postings, out, "s", "k")
        forms = {key: self.forms_payload(key, f) for key, f in forms_of.items()}
        form_shards, heavy_forms = self._place(forms, out, "f", "kf")
        out["ngay.bin"] = json.dumps(self._day_runs())
        members, of_kind = defaultdict(list), defaultdict(list)
        for doc_id, record in enumerate(self.index.records):
            members[record[3]].append(doc_id)
            of_kind[record[5] if len(record) > 5 else 0].append(doc_id)
        for number in range(len(self.categories)):
            out[f"c/{number}.bin"] = id_list(members[number])
        for number in range(len(KINDS)):
            out[f"t/{number}.bin"] = id_list(of_kind[number])
        in_folder = {f"{RECORD_FOLDER}/{name}": data for name, data in records.items()}
        build = content_hash(out | in_folder)
        meta = {
            "version": FORMAT_VERSION,
            "build": build,
            "count": self.count,
            "shards": shards,
            "formShards": form_shards,
            "docsPerFile": self.options.docs_per_file,
            "categories": [
                [slug, name, len(members[number])]
                for number, (slug, name) in enumerate(self.categories)
            ],
            "kinds": [
                [slug, name, len(of_kind[number])]
                for number, (slug, name) in enumerate(KINDS)
            ],
            "heavy": heavy,
            "heavyForms": heavy_forms,
        }
        text = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
        # Data files live in a folder named by their content hash, so a host
        # can cache them forever; only the small manifest is revalidated.
        files = {f"{build}/{path}": data for path, data in out.items()}
        files[META] = text
        return build, files

    def _place(self, payloads, out, shard_dir, heavy_dir) -> tuple[int, list[str]]:
        """Big entries get a file each; the rest share files by group hash.

        Returns the number of shared files and the big keys, most documents
        first, which the client needs to find their files and to complete a
        prefix with the most frequent keys first.
        """
        big = self.options.heavy_bytes
        heavy = [k for k, parts in payloads.items() if sum(map(len, parts)) > big]
        heavy.sort(key=lambda k: (-len(self.index.postings[k][1]), k))
        heavy_set = set(heavy)
        groups: dict[str, list[tuple[str, bytes, bytes]]] = defaultdict(list)
        light = 0
        for key, (head, tail) in payloads.items():
            if key in heavy_set:
                name = f"{heavy_dir}/{hash_key(key):08x}.bin"
                out[name] = keyed_file([(key, head, tail)])
            else:
                groups[group_of(key)].append((key, head, tail))
                light += len(key) + len(head) + len(tail) + 4
        shard_count = 1
        while shard_count * self.options.shard_bytes < light:
            shard_count *= 2
        shards: dict[int, list[tuple[str, bytes, bytes]]] = defaultdict(list)
        for group, items in groups.items():
            shards[hash_key(group) & (shard_count - 1)] += items
        # Every shared file exists, empty or not: a key that is not in the index
        # still hashes to one, and the client reads it to learn so.
        for number in range(shard_count):
            out[f"{shard_dir}/{number:x}.bin"] = keyed_file(shards[number])
        return shard_count, heavy

    def record_files(self) -> dict[str, str]:
        """{"<n>.bin": JSON}: the result records, ``docs_per_file`` a file."""
        size, records = self.options.docs_per_file, self.index.records
        return {
            f"{start // size}.bin": json.dumps(
                records[start : start + size], ensure_ascii=False, separators=(",", ":")
            )
            for start in range(0, len(records), size)
        }

    def _day_runs(self) -> list[list[int]]:
        """[[day, number of documents], ...] newest first: ids per day."""
        runs: list[list[int]] = []
        for record in self.index.records:
            if runs and runs[-1][0] == record[2]:
                runs[-1][1] += 1
            else:
                runs.append([record[2], 1])
        return runs


def content_hash(files: dict[str, FileData]) -> str:
    """12 hex digits that change whenever any file's name or content changes."""
    digest = hashlib.sha1()
    for path in sorted(files):
        data = files[path]
        digest.update(path.encode() + b"\0")
        if isinstance(data, str):
            data = data.encode("utf-8")
        digest.update(data if isinstance(data, bytes) else b"".join(data))
    return digest.hexdigest()[:12]


def write_index(target: Path, writer: IndexWriter) -> tuple[int, int]:
    """Replace the folder's content with the index files, compressed; returns
    how many files and bytes. The result records, a small file per document
    and most of the files, are written by a second process while this one
    makes and writes the rest, into a folder that becomes "<build>/d" once the
    build is named."""
    if target.exists():
        shutil.rmtree(target)
    pending = target / PENDING_RECORDS
    pending.mkdir(parents=True)
    records = writer.record_files()

    def write_rest() -> tuple[int, int, str]:
        build, files = writer.files(records)
        for folder in {relative.rpartition("/")[0] for relative in files}:
            (target / folder).mkdir(parents=True, exist_ok=True)
        return len(files), write_share(target, files), build

    jobs = (write_rest, lambda: write_share(pending, records))
    if writer.count >= SHARE_FROM:
        (files, written, build), record_bytes = in_shares(
            lambda share: jobs[share](), len(jobs)
        )
    else:
        (files, written, build), record_bytes = [job() for job in jobs]
    pending.rename(target / build / RECORD_FOLDER)
    return files + len(records), written + record_bytes


def write_share(target: Path, files: dict[str, FileData]) -> int:
    """Compress and write ``files`` into existing folders; one thread writes,
    opening each file relative to its folder, which is quicker than by path."""
    packed = compressed(files)
    folders: dict[str, int] = {}
    try:
        for relative, data in zip(files, packed, strict=True):
            folder, _, name = relative.rpartition("/")
            if folder not in folders:
                folders[folder] = os.open(target / folder, os.O_RDONLY)
            handle = os.open(name, WRITE_FLAGS, 0o644, dir_fd=folders[folder])
            with open(handle, "wb") as file:
                file.write(data)
    finally:
        for handle in folders.values():
            os.close(handle)
    return sum(map(len, packed))


def compressed(files: dict[str, FileData]) -> list[bytes]:
    """Each file's data compressed, in order, on every core: zlib lets other
    threads run."""
    data, threads = list(files.values()), worker_count()
    packed: list[bytes] = [b""] * len(data)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        shares = [data[first::threads] for first in range(threads)]
        for first, share in enumerate(pool.map(lambda s: [*map(compress, s)], shares)):
            packed[first::threads] = share
    return packed


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


def month_of(day: int) -> int:
    moment = EPOCH + timedelta(days=day)
    return moment.year * 12 + moment.month - 1


def runs_by_month(documents: list[Document], at_least: int) -> list[list[Document]]:
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


def run_key(run: list[Document]) -> str:
    digest = hashlib.sha1()
    for document in run:
        digest.update(document.key().encode("utf-8"))
    return digest.hexdigest()


def index_documents(
    documents: list[Document], options: IndexOptions, cache: BuildCache | None = None
) -> PartialIndex:
    """The postings of every run, merged in order: the cached runs as they
    are, the others indexed. Each core merges a share of consecutive runs, so
    this process joins only one partial index a core."""
    runs = runs_by_month(documents, options.run_documents)
    keys = [run_key(run) for run in runs] if cache else []
    # Kept pickled: merging changes a run's lists in place.
    kept = [cache.get(key) for key in keys] if cache else [None] * len(runs)
    # A run to index costs about ten times one to load.
    weights = [
        len(run) * (10 if pickled is None else 1)
        for run, pickled in zip(runs, kept, strict=True)
    ]
    shares = consecutive_shares(
        weights, min(worker_count({"BUILD_PROCESSES": options.processes}), len(runs))
    )

    def merge_share(share: int) -> tuple[dict[int, bytes], PartialIndex]:
        fresh, merged = {}, PartialIndex()
        for i in shares[share]:
            if kept[i] is None:
                part = index_run(runs[i])
                if cache is not None:
                    fresh[i] = pickle.dumps(part, pickle.HIGHEST_PROTOCOL)
            else:
                part = pickle.loads(kept[i])
            merged.extend(part)
        return fresh, merged

    index = PartialIndex()
    for fresh, merged in in_shares(merge_share, len(shares)):
        for i, pickled in fresh.items():
            cache.put(keys[i], pickled)
        index.extend(merged)
    return index


@contextmanager
def collector_paused():
    """Indexing makes millions of small lists and no reference cycles, so the
    garbage collector would only walk them again and again (a tenth of the
    time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def consecutive_shares(weights: list[int], shares: int) -> list[range]:
    """Indexes 0…len(weights)-1 cut into at most ``shares`` consecutive ranges
    of about equal weight."""
    total, ranges, start, running = sum(weights), [], 0, 0
    for i, weight in enumerate(weights):
        running += weight
        if running * shares >= total * (len(ranges) + 1) and i + 1 < len(weights):
            ranges.append(range(start, i + 1))
            start = i + 1
    return [*ranges, range(start, len(weights))] if weights else []


def build_index(
    documents: list[Document],
    categories: list[tuple[str, str]],
    target: Path,
    options: IndexOptions | None = None,
    cache: BuildCache | None = None,
) -> IndexSummary:
    """Write the index of ``documents`` (newest first) into the folder ``target``."""
    options = options or IndexOptions()
    with collector_paused():
        index = index_documents(list(documents), options, cache)
        files, written = write_index(target, IndexWriter(index, categories, options))
    return IndexSummary(
        documents=len(index.records),
        keys=len(index.postings),
        files=files,
        bytes=written,
    )
