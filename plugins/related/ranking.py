"""Tin liên quan: rank articles by shared content, tags and category.

Near-linear in the number of articles, never all pairs:

1. every article becomes TF-IDF weights over its terms (folded syllables and
   adjacent pairs), title and lead counting more than the body, normalised to
   unit length (cosine); terms in a large share of the articles ("khoa học",
   "tỉnh") are dropped;
2. an inverted index maps each remaining term to the articles that weigh it
   most (at most `posting_limit` of them, a "champion list");
3. each article looks up its `query_terms` best terms; the articles met most
   often (`candidates` of them) get their exact cosine similarity, plus the
   shared-tag and same-category bonuses, and the best `count` are kept (top-k).

So the work per article is bounded (`query_terms × posting_limit` look-ups,
`candidates` exact scores) whatever the size of the site; the counting and
the scoring run in C (Counter, map, sum). Shared tags add more when the tag is
rarer; the same category adds a small bonus. Ties go to the newer article,
then to the smaller path. The result does not depend on the order of the input.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from itertools import chain, islice
from operator import itemgetter

from article_text import ArticleText
from build_runtime import on_every_core

from .terms import tag_key, weighted_frequencies


@dataclass(frozen=True)
class Document:
    """What ranking needs to know about one article: its text stage."""

    path: str  # relative to the content folder: unique, used for ties
    date: datetime
    category: str
    text: ArticleText
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Options:
    """Tuning; each field can be set in pelicanconf.py as RELATED_<FIELD>."""

    count: int = 5
    # A word of the title counts as often as 3 of the body, of the lead as 2.
    title_weight: int = 3
    lead_weight: int = 2
    # A pair of syllables ("hoa vàng") weighs as 2 lone syllables ("hoa").
    pair_weight: float = 2.0
    # Added per shared tag, scaled by how rare the tag is (0 to 1).
    tag_weight: float = 0.05
    # Added to an article already found when it is in the same category.
    category_weight: float = 0.02
    # A term (or tag) in more than this share of the articles is dropped ...
    max_document_share: float = 0.1
    # ... but never one in this many articles or fewer (small sites).
    min_document_limit: int = 10
    # How many of its best terms an article looks up in the index.
    query_terms: int = 20
    # How many articles the index keeps per term: those that weigh it most.
    posting_limit: int = 50
    # How many of the articles met most often get an exact score.
    candidates: int = 20
    # Below this (content and tags), an article is not related.
    min_score: float = 0.03
    # Only the start of a long body counts: news put the subject first.
    body_syllables: int = 1100

    @classmethod
    def from_settings(cls, settings: Mapping) -> Options:
        values = {}
        for field in fields(cls):
            key = f"RELATED_{field.name.upper()}"
            if key in settings:
                values[field.name] = type(getattr(cls, field.name))(settings[key])
        return cls(**values)


@dataclass
class Index:
    vectors: list[dict[str, float]]  # shareable terms of each document
    postings: dict[str, list[int]]  # term -> documents that weigh it most
    tags: list[dict[str, float]]  # tag key -> bonus, for each document
    tag_postings: dict[str, list[int]]


def rank_related(
    documents: Sequence[Document],
    options: Options = Options(),
    pinned: Mapping[int, Sequence[int]] | None = None,
) -> list[list[int]]:
    """For each document, the indices of its related documents, best first.

    `pinned` maps a document to the ones an editor chose (`Related:`): they
    come first, in their order, and the ranked ones fill up to `count`. A
    document related to nothing (and with nothing pinned) gets the newest
    documents of its category.
    """
    pinned = pinned or {}
    # Work in one canonical order so that the input order changes nothing.
    order = sorted(range(len(documents)), key=lambda i: documents[i].path)
    canonical = [documents[i] for i in order]
    position = {original: new for new, original in enumerate(order)}
    index = build_index(canonical, options)
    newest = newest_first(canonical)
    rank = [0] * len(canonical)
    for place, doc in enumerate(newest):
        rank[doc] = place
    by_category = group_by_category(canonical, newest)
    results: list[list[int]] = [[] for _ in documents]
    for doc, original in enumerate(order):
        chosen = [position[i] for i in pinned.get(original, ())]
        wanted = max(0, options.count - len(chosen))
        ranked = best_candidates(doc, index, canonical, rank, options, set(chosen))
        picked = chosen + ranked[:wanted]
        if not picked:
            fallback = (c for c in by_category[canonical[doc].category] if c != doc)
            picked = list(islice(fallback, options.count))
        results[original] = [order[c] for c in picked]
    return results


def build_index(documents: Sequence[Document], options: Options) -> Index:
    def term_counts(doc: int) -> tuple[tuple[str, ...], array]:
        # A tuple of terms and an array of counts: a third of a Counter's
        # memory, until they are weighed.
        text = documents[doc].text
        counts = weighted_frequencies(
            [
                (text.title_terms, options.title_weight, None),
                (text.lead_terms, options.lead_weight, None),
                (text.body_terms, 1, options.body_syllables),
            ]
        )
        return tuple(counts), array("I", counts.values())

    # Counting the terms of every article is most of the work: on every core.
    frequencies: list = on_every_core(term_counts, range(len(documents)))
    document_frequency: Counter = Counter()
    for terms, _counts in frequencies:
        document_frequency.update(terms)
    total = len(documents)
    limit = common_limit(total, options)
    idf = inverse_document_frequencies(document_frequency, total, limit, options)
    del document_frequency
    vectors = []
    for position, (terms, counts) in enumerate(frequencies):
        vectors.append(weigh(zip(terms, counts, strict=True), idf))
        frequencies[position] = None  # free the memory as we go
    # Per term, its documents and their weights in two lists: a (document,
    # weight) tuple per entry would take four times the memory.
    entries: dict[str, tuple[list[int], list[float]]] = {}
    for doc, vector in enumerate(vectors):
        for term, weight in vector.items():
            found = entries.get(term)
            if found is None:
                entries[term] = ([doc], [weight])
            else:
                found[0].append(doc)
                found[1].append(weight)
    postings = {
        term: champions(docs, weights, options.posting_limit)
        for term, (docs, weights) in entries.items()
    }
    tags, tag_postings = index_tags(documents, limit, options)
    return Index(vectors, postings, tags, tag_postings)


def common_limit(total: int, options: Options) -> int:
    """Terms in more articles than this are too common to tell articles apart."""
    return max(options.min_document_limit, int(options.max_document_share * total))


def inverse_document_frequencies(
    document_frequency: Counter, total: int, limit: int, options: Options
) -> dict[str, tuple[float, bool]]:
    """term -> (IDF times the pair weight, whether another article has it too).

    Terms in more than `limit` articles are left out: too common to tell
    articles apart.
    """
    pair_weight = options.pair_weight
    return {
        term: (
            math.log(total / seen_in) * (pair_weight if " " in term else 1.0),
            seen_in > 1,
        )
        for term, seen_in in document_frequency.items()
        if seen_in <= limit
    }


def weigh(
    terms: Iterable[tuple[str, int]], idf: Mapping[str, tuple[float, bool]]
) -> dict[str, float]:
    """Unit-length TF-IDF weights of the terms another article can share.

    Raw (weighted) frequency: an article repeats its subject ("lúa chịu mặn"
    five times) and says its boilerplate once ("xếp loại Đạt"). The length
    counts the terms only this article has too, so that an article that
    mostly talks about something else scores lower.
    """
    shared: dict[str, float] = {}
    norm = 0.0
    for term, frequency in terms:
        found = idf.get(term)
        if found is None:
            continue
        weight = frequency * found[0]
        norm += weight * weight
        if found[1]:
            shared[term] = weight
    if not norm:
        return {}
    scale = 1.0 / math.sqrt(norm)
    return {term: weight * scale for term, weight in shared.items()}


def champions(docs: Sequence[int], weights: Sequence[float], size: int) -> list[int]:
    """The `size` documents with the highest weight (ties: the smaller
    document), in document order; `docs` is in document order."""
    if len(docs) <= size:
        return list(docs)
    best = heapq.nlargest(size, range(len(docs)), key=lambda i: (weights[i], -docs[i]))
    return sorted(docs[i] for i in best)


def index_tags(documents: Sequence[Document], limit: int, options: Options):
    keys = [sorted({tag_key(tag) for tag in document.tags}) for document in documents]
    tag_frequency: Counter = Counter()
    for doc_keys in keys:
        tag_frequency.update(doc_keys)
    total = len(documents)
    top = math.log(total) if total > 1 else 1.0
    # A tag on more articles than an index entry holds says little: no bonus.
    most = min(limit, options.posting_limit)
    tags = [
        {
            key: options.tag_weight * math.log(total / tag_frequency[key]) / top
            for key in doc_keys
            if 1 < tag_frequency[key] <= most
        }
        for doc_keys in keys
    ]
    tag_postings: dict[str, list[int]] = defaultdict(list)
    for doc, doc_tags in enumerate(tags):
        for key in doc_tags:
            tag_postings[key].append(doc)
    return tags, tag_postings


def best_candidates(
    doc: int,
    index: Index,
    documents: Sequence[Document],
    rank: Sequence[int],
    options: Options,
    skip: set[int],
) -> list[int]:
    """The `count` best other documents, best first, leaving out `skip`."""
    category = documents[doc].category
    bonus = options.category_weight
    scored = []
    for other, score in candidate_scores(doc, index, options):
        if score >= options.min_score and other not in skip:
            same = documents[other].category == category
            scored.append((round(score + bonus * same, 9), -rank[other], other))
    return [other for _score, _rank, other in heapq.nlargest(options.count, scored)]


def candidate_scores(doc: int, index: Index, options: Options):
    """(document, content and tag score) of the documents met most often.

    Counting the meetings is cheap (in C); only the `candidates` met most
    often get the exact cosine over all shared terms, plus shared-tag bonuses.
    """
    vector = index.vectors[doc]
    query = heapq.nlargest(options.query_terms, vector.items(), key=itemgetter(1, 0))
    met = Counter(chain.from_iterable(index.postings[term] for term, _w in query))
    own_tags = index.tags[doc]
    met.update(chain.from_iterable(index.tag_postings[key] for key in own_tags))
    met.pop(doc, None)
    # Stable sort: among equal counts, the order the index met them in.
    pool = sorted(met.items(), key=itemgetter(1), reverse=True)[: options.candidates]
    own_keys = frozenset(vector)  # intersected in C with each candidate's terms
    for other, _times in pool:
        other_vector = index.vectors[other]
        shared = own_keys.intersection(other_vector)
        # fsum: exactly rounded, so the set's (hash-seeded) order cannot matter.
        score = math.fsum([vector[term] * other_vector[term] for term in shared])
        other_tags = index.tags[other]
        if own_tags and other_tags:
            score += sum(own_tags[key] for key in other_tags if key in own_tags)
        yield other, score


def newest_first(documents: Sequence[Document]) -> list[int]:
    """Indices by date, newest first; the same date by path."""
    by_path = sorted(range(len(documents)), key=lambda i: documents[i].path)
    return sorted(by_path, key=lambda i: documents[i].date, reverse=True)


def group_by_category(
    documents: Sequence[Document], newest: Sequence[int]
) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for doc in newest:
        groups[documents[doc].category].append(doc)
    return groups
