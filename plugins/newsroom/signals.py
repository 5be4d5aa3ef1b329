"""Signal handlers that wire the newsroom content model into Pelican."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Article
from pelican.utils import order_content

from . import collections
from .metadata import NewsroomMarkdownReader, end_of_day
from .units import UnitsGenerator

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# Unit pages where a site does not place them, as Pelican's author pages.
DEFAULTS = {
    "UNIT_URL": "unit/{slug}.html",
    "UNIT_SAVE_AS": "unit/{slug}.html",
    "UNITS_SAVE_AS": "units.html",
}


def add_defaults(pelican) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


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


def describe_attachment(article, path: str) -> dict:
    """A missing file has no size; content_check reports it (once)."""
    full_path = os.path.join(article.settings["PATH"], path)
    size = os.path.getsize(full_path) if os.path.isfile(full_path) else None
    return {"path": path, "name": os.path.basename(path), "size": size}


def build_time(settings) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible-builds.org), so that
    two builds of the same content can be byte-identical."""
    zone = ZoneInfo(settings["TIMEZONE"])
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), zone)
    return datetime.now(zone).replace(microsecond=0)


def order_ties_by_file(generator) -> None:
    """Pelican reads files in set order, which changes from run to run; sorting
    by file first makes articles of the same minute keep one order in every
    build (the configured order is stable, so it keeps this one for ties)."""
    order = generator.settings["ARTICLE_ORDER_BY"]
    for name in ("articles", "hidden_articles", "drafts"):
        contents = getattr(generator, name, None)
        if contents:
            contents.sort(key=lambda content: content.source_path)
            setattr(generator, name, order_content(contents, order))


def build_collections(generator) -> None:
    settings = generator.settings
    now = build_time(settings)
    articles = generator.articles
    context = generator.context
    context["BUILD_TIME"] = now
    context["hot_articles"] = collections.hot_articles(articles, now)
    context["featured_articles"] = collections.featured_articles(articles)
    context["units"] = collections.group_by_unit(articles)
    context["menu_categories"] = collections.ordered_categories(
        generator.categories, settings.get("CATEGORIES", [])
    )
    # The categories alone, for what every page shows (menu, search box):
    # moving an article to another category changes no page but its lists.
    context["category_list"] = [category for category, _ in context["menu_categories"]]


def add_units_generator(_pelican):
    return UnitsGenerator


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.readers_init.connect(install_reader)
    signals.content_object_init.connect(enrich_article)
    signals.article_generator_pretaxonomy.connect(order_ties_by_file)
    signals.article_generator_finalized.connect(build_collections)
    signals.get_generators.connect(add_units_generator)
