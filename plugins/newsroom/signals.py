"""Signal handlers that wire the newsroom content model into Pelican."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Article

from . import collections
from .metadata import NewsroomMarkdownReader, end_of_day
from .units import UnitsGenerator

logger = logging.getLogger(__name__)

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")


def install_reader(readers) -> None:
    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension] = NewsroomMarkdownReader


def enrich_article(content) -> None:
    if not isinstance(content, Article):
        return
    settings = content.settings
    zone = ZoneInfo(settings["TIMEZONE"])
    hot_until = content.metadata.get("hotuntil")
    content.hot_until = (
        end_of_day(hot_until).replace(tzinfo=zone) if hot_until else None
    )
    content.hot = content.metadata.get("hot", False)
    content.featured = content.metadata.get("featured", False)
    content.attachment_files = [
        describe_attachment(content, path)
        for path in content.metadata.get("attachments", [])
    ]
    warn_unknown_category(content)


def describe_attachment(article, path: str) -> dict:
    full_path = os.path.join(article.settings["PATH"], path)
    size = os.path.getsize(full_path) if os.path.isfile(full_path) else None
    if size is None:
        logger.error(
            "%s: không tìm thấy tệp đính kèm %s (hãy đặt tệp vào content/files)",
            article.source_path,
            path,
        )
    return {"path": path, "name": os.path.basename(path), "size": size}


def warn_unknown_category(article) -> None:
    known = article.settings.get("CATEGORIES") or []
    category = getattr(article, "category", None)
    if known and category is not None and category.name not in known:
        logger.error(
            '%s: chuyên mục "%s" không có trong CATEGORIES của pelicanconf.py',
            article.source_path,
            category.name,
        )


def build_collections(generator) -> None:
    settings = generator.settings
    now = datetime.now(ZoneInfo(settings["TIMEZONE"])).replace(microsecond=0)
    articles = generator.articles
    context = generator.context
    context["BUILD_TIME"] = now
    context["hot_articles"] = collections.hot_articles(articles, now)
    context["featured_articles"] = collections.featured_articles(articles)
    context["units"] = collections.group_by_unit(articles)
    context["menu_categories"] = collections.ordered_categories(
        generator.categories, settings.get("CATEGORIES", [])
    )


def add_units_generator(_pelican):
    return UnitsGenerator


def register() -> None:
    signals.readers_init.connect(install_reader)
    signals.content_object_init.connect(enrich_article)
    signals.article_generator_finalized.connect(build_collections)
    signals.get_generators.connect(add_units_generator)
