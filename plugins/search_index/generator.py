"""The Pelican side: index every published article's text."""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from article_text import text_of
from build_runtime import BuildCache, in_child

from .builder import Document, IndexOptions, build_index

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX_PATH": "tim-kiem/chi-muc",
    "SEARCH_INDEX_SHARD_BYTES": IndexOptions.shard_bytes,
    "SEARCH_INDEX_HEAVY_BYTES": IndexOptions.heavy_bytes,
    "SEARCH_INDEX_DOCS_PER_FILE": IndexOptions.docs_per_file,
    "SEARCH_INDEX_PROCESSES": IndexOptions.processes,
    "SEARCH_INDEX_RUN_DOCUMENTS": IndexOptions.run_documents,
}
EPOCH = date(1970, 1, 1)


def newest_first(articles) -> list:
    by_source = sorted(articles, key=lambda article: article.source_path)
    return sorted(by_source, key=lambda article: article.date, reverse=True)


def category_list(context, configured: list[str]) -> list[tuple[str, str]]:
    """(slug, name) of every category, in the configured menu order."""
    found = {c.name: c.slug for c, _ in context.get("categories", [])}
    names = [name for name in configured if name in found]
    names += sorted(name for name in found if name not in names)
    return [(found[name], name) for name in names]


def searchable_extra(article) -> str:
    """Tags, author and unit: words a reader may search that the body lacks."""
    parts = [tag.name for tag in getattr(article, "tags", None) or []]
    for attribute in ("author", "unit"):
        value = getattr(article, attribute, None)
        if value is not None:
            parts.append(getattr(value, "name", str(value)))
    return " · ".join(parts)


def document_of(article, category_index: dict[str, int]) -> Document:
    category = getattr(article, "category", None)
    return Document(
        url=article.url,
        day=(article.date.date() - EPOCH).days,
        category=category_index.get(category.slug, -1) if category else -1,
        text=text_of(article),
        extra=searchable_extra(article),
    )


def index_site(documents, categories, target, options, settings):
    """In a child process: the postings (about 30 MB a thousand articles)
    would otherwise stay with the build."""
    cache = BuildCache(settings, "search-index")
    summary = build_index(documents, categories, target, options, cache)
    cache.save()
    return summary


class SearchIndexGenerator(Generator):
    """Indexes the published articles' text into the output folder."""

    def generate_output(self, writer) -> None:
        settings = {**DEFAULTS, **self.settings}
        started = time.perf_counter()
        categories = category_list(self.context, settings.get("CATEGORIES") or [])
        index = {slug: i for i, (slug, _) in enumerate(categories)}
        articles = newest_first(self.context.get("articles", []))
        documents = [document_of(a, index) for a in articles]
        target = Path(self.output_path) / settings["SEARCH_INDEX_PATH"].strip("/")
        options = IndexOptions(
            shard_bytes=int(settings["SEARCH_INDEX_SHARD_BYTES"]),
            heavy_bytes=int(settings["SEARCH_INDEX_HEAVY_BYTES"]),
            docs_per_file=int(settings["SEARCH_INDEX_DOCS_PER_FILE"]),
            processes=int(settings["SEARCH_INDEX_PROCESSES"]),
            run_documents=int(settings["SEARCH_INDEX_RUN_DOCUMENTS"]),
        )
        summary = in_child(
            index_site, documents, categories, target, options, self.settings
        )
        logger.info(
            "Chỉ mục tìm kiếm: %d bài, %d khoá, %d tệp, %.0f KB, %.1f giây",
            summary.documents,
            summary.keys,
            summary.files,
            summary.bytes / 1024,
            time.perf_counter() - started,
        )


def add_defaults(pelican) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def add_generator(_pelican):
    return SearchIndexGenerator


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
