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

import hashlib
import json
import math
import pickle
import shutil
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from article_text import ArticleText, terms_of
from build_runtime import BuildCache, on_every_core
from vietnamese import fold

from .index_format import (
    compress,
    id_list,
    keyed_file,
    put_varint,
    read_varint,
    varint,
)
from .terms import group_of, hash_key

FORMAT_VERSION = 1
META = "meta.bin"
# Occurrence weights, doubled so they stay integers: title 3, lead and tags 1.5,
# body 1.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT = 6, 3, 2, 3
K1, B = 1.2, 0.75
# A posting stores one byte ("code"): 16 steps of doubled weighted term frequency
# times 16 steps of document length. Scores come from the code once the
# collection statistics are known.
TF_STEPS = (2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 25, 32, 40)
_TF_CODE = [16 * max(0, sum(s <= tf for s in TF_STEPS) - 1) for tf in range(41)]
UNINFORMATIVE_PAIR = 0.9  # below this many articles one process is faster


EXCERPT_LENGTH = 220
EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class Document:
    """One article to index: its text, and what the text does not tell."""

    url: str
    day: int  # local calendar day, days since 1970-01-01
    category: int  # index in the category list, -1 for none
    text: ArticleText
    extra: str = ""  # tags, author and unit: searchable, not shown

    def key(self) -> str:
        """Changes whenever what indexing reads does."""
        facts = [self.url, self.day, self.category, self.extra, self.text.digest()]
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


FORM_MARK = "="  # "=bản": documents with that accented form; never a folded key


class PartialIndex:
    """Postings of a contiguous run of documents, with local ids from 0.

    ``postings`` maps a key to [varint gaps, one code byte per posting, last id].
    Accented forms are keys too ("=bản"), so one loop files everything.
    """

    def __init__(self) -> None:
        self.postings: dict[str, list] = {}
        self.records: list[list] = []
        self.lengths = [0] * 16

    def add_document(self, document: Document) -> None:
        text = document.text
        fields = (
            (TITLE_WEIGHT, text.title_terms),
            (LEAD_WEIGHT, text.lead_terms),
            (BODY_WEIGHT, text.body_terms),
            (EXTRA_WEIGHT, terms_of(document.extra)),
        )
        keys: list[str] = []
        forms: set[str] = set()
        length = 0
        for weight, terms in fields:
            syllables = terms.syllables()
            length += len(syllables)
            keys += (syllables + terms.pairs()) * weight
            forms |= terms.forms()
        counts = Counter(keys)
        for form in forms:
            counts[FORM_MARK + form] = 0
        dl_bucket = length_bucket(length)
        self.lengths[dl_bucket] += 1
        self._add_postings(counts, dl_bucket)
        excerpt = shorten(text.lead or text.body or text.title, EXCERPT_LENGTH)
        self.records.append(
            [text.title, document.url, document.day, document.category, excerpt]
        )

    def _add_postings(self, counts: Counter, dl_bucket: int) -> None:
        doc_id = len(self.records)
        postings = self.postings
        get = postings.get
        tf_code = _TF_CODE
        for key, tf2 in counts.items():
            code = tf_code[tf2 if tf2 < 40 else 40] + dl_bucket
            item = get(key)
            if item is None:
                postings[key] = [bytearray(varint(doc_id)), bytearray((code,)), doc_id]
                continue
            gap = doc_id - item[2] - 1
            if gap < 0x80:
                item[0].append(gap)
            else:
                item[0] += varint(gap)
            item[1].append(code)
            item[2] = doc_id

    def extend(self, later: PartialIndex) -> None:
        """Append the documents of ``later``, which follow ours.

        Id lists join end to end: only the first gap of each later list changes.
        """
        offset = len(self.records)
        ours = self.postings
        for key, (gaps, codes, last) in later.postings.items():
            first, position = read_varint(gaps, 0)
            mine = ours.get(key)
            if mine is None:
                ours[key] = [
                    bytearray(varint(offset + first)) + gaps[position:],
                    codes,
                    offset + last,
                ]
                continue
            mine[0] += varint(offset + first - mine[2] - 1)
            mine[0] += gaps[position:]
            mine[1] += codes
            mine[2] = offset + last
        self.records += later.records
        self.lengths = [a + b for a, b in zip(self.lengths, later.lengths, strict=True)]


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

    def postings_payload(self, key: str, item: list) -> bytes:
        gaps, codes, _ = item
        df = len(codes)
        idf = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        present = set(codes)
        best = idf * max(self.table[code] for code in present)
        most = self.options.pair_levels if " " in key else 255
        levels = max(1, min(most, math.ceil(best / self.options.precision)))
        step = best / levels
        out = bytearray(varint(df))
        out += gaps
        put_varint(out, max(1, round(step * 1000)))
        put_varint(out, levels)
        if levels > 1:
            mapping = bytearray(256)
            for code in present:
                mapping[code] = min(levels - 1, int(idf * self.table[code] / step))
            out += codes.translate(mapping)
        return bytes(out)

    def forms_payload(self, key: str, forms: list[str]) -> bytes:
        """The accented forms of ``key`` and the documents that use each."""
        df = len(self.index.postings[key][1])
        out = bytearray(varint(len(forms)))
        for form in sorted(forms):
            gaps, codes, _ = self.index.postings[FORM_MARK + form]
            raw = form.encode("utf-8")
            put_varint(out, len(raw))
            out += raw
            put_varint(out, len(codes))
            if len(codes) < df:
                out += gaps
        return bytes(out)

    def files(self) -> dict[str, bytes]:
        """{path: bytes}: "meta.bin", the gzip JSON manifest, and the gzip data
        files under "<build>/", where build is their content hash."""
        out: dict[str, bytes] = {}
        postings, forms_of = {}, defaultdict(list)
        for key, item in self.index.postings.items():
            if key.startswith(FORM_MARK):
                forms_of[fold(key[1:])].append(key[1:])
            elif " " not in key or self.informative(key, len(item[1])):
                postings[key] = self.postings_payload(key, item)
        shards, heavy = self._place(postings, out, "s", "k")
        forms = {key: self.forms_payload(key, f) for key, f in forms_of.items()}
        form_shards, heavy_forms = self._place(forms, out, "f", "kf")
        self._place_records(out)
        out["ngay.bin"] = compress(json.dumps(self._day_runs()).encode())
        members = defaultdict(list)
        for doc_id, record in enumerate(self.index.records):
            members[record[3]].append(doc_id)
        for number in range(len(self.categories)):
            out[f"c/{number}.bin"] = compress(id_list(members[number]))
        build = content_hash(out)
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
            "heavy": heavy,
            "heavyForms": heavy_forms,
        }
        text = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
        # Data files live in a folder named by their content hash, so a host
        # can cache them forever; only the small manifest is revalidated.
        out = {f"{build}/{path}": data for path, data in out.items()}
        out[META] = compress(text.encode("utf-8"))
        return out

    def _place(self, payloads, out, shard_dir, heavy_dir) -> tuple[int, list[str]]:
        """Big entries get a file each; the rest share files by group hash.

        Returns the number of shared files and the big keys, most documents
        first, which the client needs to find their files and to complete a
        prefix with the most frequent keys first.
        """
        heavy = [k for k, p in payloads.items() if len(p) > self.options.heavy_bytes]
        heavy.sort(key=lambda k: (-len(self.index.postings[k][1]), k))
        heavy_set = set(heavy)
        groups: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
        light = 0
        for key, payload in payloads.items():
            if key in heavy_set:
                name = f"{heavy_dir}/{hash_key(key):08x}.bin"
                out[name] = compress(keyed_file([(key, payload)]))
            else:
                groups[group_of(key)].append((key, payload))
                light += len(key) + len(payload) + 4
        shard_count = 1
        while shard_count * self.options.shard_bytes < light:
            shard_count *= 2
        shards: dict[int, list[tuple[str, bytes]]] = defaultdict(list)
        for group, items in groups.items():
            shards[hash_key(group) & (shard_count - 1)] += items
        # Every shared file exists, empty or not: a key that is not in the index
        # still hashes to one, and the client reads it to learn so.
        for number in range(shard_count):
            out[f"{shard_dir}/{number:x}.bin"] = compress(keyed_file(shards[number]))
        return shard_count, heavy

    def _place_records(self, out: dict[str, bytes]) -> None:
        size = self.options.docs_per_file
        records = self.index.records
        for start in range(0, len(records), size):
            block = json.dumps(
                records[start : start + size], ensure_ascii=False, separators=(",", ":")
            )
            out[f"d/{start // size}.bin"] = compress(block.encode("utf-8"))

    def _day_runs(self) -> list[list[int]]:
        """[[day, number of documents], ...] newest first: ids per day."""
        runs: list[list[int]] = []
        for record in self.index.records:
            if runs and runs[-1][0] == record[2]:
                runs[-1][1] += 1
            else:
                runs.append([record[2], 1])
        return runs


def content_hash(files: dict[str, bytes]) -> str:
    """12 hex digits that change whenever any file's name or bytes change."""
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    return digest.hexdigest()[:12]


def write_files(target: Path, files: dict[str, bytes]) -> None:
    """Replace the folder's content; threads overlap the many small writes."""
    if target.exists():
        shutil.rmtree(target)
    for folder in {Path(relative).parent for relative in files}:
        (target / folder).mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        # list() waits for every write and raises the first error.
        list(
            pool.map(
                lambda item: (target / item[0]).write_bytes(item[1]), files.items()
            )
        )


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
    are, the others indexed on every core."""
    runs = runs_by_month(documents, options.run_documents)
    keys = [run_key(run) for run in runs]
    # Kept pickled: merging changes a run's lists in place.
    kept = [cache.get(key) if cache else None for key in keys]
    missing = [i for i, pickled in enumerate(kept) if pickled is None]
    fresh = on_every_core(
        lambda i: pickle.dumps(index_run(runs[i]), pickle.HIGHEST_PROTOCOL),
        missing, options.processes, share_from=2,
    )  # fmt: skip
    for i, pickled in zip(missing, fresh, strict=True):
        kept[i] = pickled
        if cache is not None:
            cache.put(keys[i], pickled)
    index = PartialIndex()
    for pickled in kept:
        index.extend(pickle.loads(pickled))
    return index


def build_index(
    documents: list[Document],
    categories: list[tuple[str, str]],
    target: Path,
    options: IndexOptions | None = None,
    cache: BuildCache | None = None,
) -> IndexSummary:
    """Write the index of ``documents`` (newest first) into the folder ``target``."""
    options = options or IndexOptions()
    index = index_documents(list(documents), options, cache)
    files = IndexWriter(index, categories, options).files()
    write_files(target, files)
    return IndexSummary(
        documents=len(index.records),
        keys=len(index.postings),
        files=len(files),
        bytes=sum(map(len, files.values())),
    )
