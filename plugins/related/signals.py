"""Attach Tin liên quan, Các tin khác and previous/next to every article."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from pelican import signals
from pelican.generators import Generator

from article_text import text_of
from build_runtime import in_child

from .chronology import other_news, previous_next
from .overrides import Catalogue, resolve
from .ranking import Document, Options, rank_related


def document_from_article(article) -> Document:
    """The facts and text stage of a Pelican article that ranking uses."""
    return Document(
        path=source_key(article),
        date=article.date,
        category=article.category.name,
        text=text_of(article),
        tags=tuple(tag.name for tag in getattr(article, "tags", None) or ()),
    )


def source_key(content) -> str:
    return content.relative_source_path.replace(os.sep, "/")


def attach_related(articles: Sequence, context: Mapping, settings: Mapping) -> None:
    """Set related_articles, other_news, previous_article and next_article."""
    documents = [document_from_article(a) for a in articles]
    catalogue = catalogue_of(documents, context, settings)
    pinned = {i: resolve(article, catalogue) for i, article in enumerate(articles)}
    for draft in unpublished_articles(context):
        resolve(draft, catalogue)  # report broken references before publishing
    # In a child process: the ranking's term tables (about 20 MB a thousand
    # articles) would otherwise stay with the build until it ends.
    options = Options.from_settings(settings)
    related = in_child(rank_related, documents, options, pinned)
    older = other_news(documents, int(settings.get("OTHER_NEWS_COUNT", 6)))
    scope = settings.get("PREVIOUS_NEXT_SCOPE", "site")
    neighbours = previous_next(documents, scope)
    for index, article in enumerate(articles):
        article.related_articles = [articles[i] for i in related[index]]
        article.other_news = [articles[i] for i in older[index]]
        before, after = neighbours[index]
        article.previous_article = None if before is None else articles[before]
        article.next_article = None if after is None else articles[after]


def unpublished_articles(context: Mapping) -> tuple:
    return (*context.get("drafts", ()), *context.get("hidden_articles", ()))


def catalogue_of(documents, context: Mapping, settings: Mapping) -> Catalogue:
    pages = (
        *context.get("pages", ()),
        *context.get("hidden_pages", ()),
        *context.get("draft_pages", ()),
    )
    return Catalogue(
        published={document.path: index for index, document in enumerate(documents)},
        unpublished={source_key(article) for article in unpublished_articles(context)},
        pages={source_key(page) for page in pages},
        content_root=settings["PATH"],
    )


class RelatedGenerator(Generator):
    """Runs after every article is read (and after every plugin's
    article_generator_finalized handler), before any page is written."""

    def generate_context(self) -> None:
        articles = list(self.context.get("articles", ()))
        attach_related(articles, self.context, self.settings)


def add_generator(_pelican):
    return RelatedGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)
