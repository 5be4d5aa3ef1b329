"""The Pelican side: index the rendered articles once they are written."""

from __future__ import annotations

import logging
import os
import time
from datetime import date
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from build_speed import call_in_child

from .builder import Document, IndexOptions, build_index

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_INDEX_PATH": "tim-kiem/chi-muc",
    "SEARCH_INDEX_SHARD_BYTES": IndexOptions.shard_bytes,
    "SEARCH_INDEX_HEAVY_BYTES": IndexOptions.heavy_bytes,
    "SEARCH_INDEX_DOCS_PER_FILE": IndexOptions.docs_per_file,
    "SEARCH_INDEX_PROCESSES": IndexOptions.processes,
    "SEARCH_INDEX_RUN_DOCUMENTS": IndexOptions.run_documents,
    # Each month's postings are kept in CACHE_PATH/search_index between builds.
    "SEARCH_INDEX_CACHE": True,
    # From this many articles the index is built in a fresh Python process:
    # memory matters more than the second it takes to start.
    "SEARCH_INDEX_FRESH_PROCESS_FROM": 2000,
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


def document_of(article, output_path: str, category_index: dict[str, int]) -> Document:
    category = getattr(article, "category", None)
    return Document(
        url=article.url,
        html_path=os.path.join(output_path, article.save_as),
        day=(article.date.date() - EPOCH).days,
        category=category_index.get(category.slug, -1) if category else -1,
        title=article.title,
        extra=searchable_extra(article),
        source=article.relative_source_path or article.source_path,
    )


class SearchIndexGenerator(Generator):
    """Runs after the article pages are written: reads them back from output/."""

    def generate_output(self, writer) -> None:
        settings = {**DEFAULTS, **self.settings}
        started = time.perf_counter()
        categories = category_list(self.context, settings.get("CATEGORIES") or [])
        index = {slug: i for i, (slug, _) in enumerate(categories)}
        articles = newest_first(self.context.get("articles", []))
        documents = [document_of(a, self.output_path, index) for a in articles]
        target = Path(self.output_path) / settings["SEARCH_INDEX_PATH"].strip("/")
        options = IndexOptions(
            shard_bytes=int(settings["SEARCH_INDEX_SHARD_BYTES"]),
            heavy_bytes=int(settings["SEARCH_INDEX_HEAVY_BYTES"]),
            docs_per_file=int(settings["SEARCH_INDEX_DOCS_PER_FILE"]),
            processes=int(settings["SEARCH_INDEX_PROCESSES"]),
            run_documents=int(settings["SEARCH_INDEX_RUN_DOCUMENTS"]),
        )
        cache = None
        if settings["SEARCH_INDEX_CACHE"]:
            cache = Path(settings["CACHE_PATH"]).resolve() / "search_index"
        # In a child process: the postings and the page text read back (about
        # 30 MB a thousand articles) would otherwise stay with the build. For
        # a big site a fresh one, whose memory does not start as the build's.
        summary = call_in_child(
            build_index, documents, categories, target, options, cache,
            fresh=len(documents) >= int(settings["SEARCH_INDEX_FRESH_PROCESS_FROM"]),
        )  # fmt: skip
        for source in summary.unreadable:
            logger.error(
                "%s:%d: không đọc được trang đã dựng của bài này nên bài không có "
                "trong chỉ mục tìm kiếm (kiểm tra ARTICLE_SAVE_AS và thư mục output)",
                source,
                1,
            )
        for source in summary.missing_titles:
            logger.error(
                "%s:%d: trang đã dựng không có phần tử .article__title; chỉ mục tìm "
                "kiếm dùng Title trong tệp (sửa theme/templates/article.html)",
                source,
                1,
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
