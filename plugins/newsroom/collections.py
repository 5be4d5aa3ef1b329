"""Collections built once all articles are read: hot, featured, units, menu order."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime


def hot_articles(articles, now: datetime) -> list:
    """Hot articles, newest first, without those already expired at build time.

    The browser hides the ones that expire after the build (see site.js).
    """
    return [
        article
        for article in articles
        if getattr(article, "hot", False)
        and (getattr(article, "hot_until", None) is None or article.hot_until >= now)
    ]


def featured_articles(articles) -> list:
    return [article for article in articles if getattr(article, "featured", False)]


def group_by_unit(articles) -> list[tuple]:
    """(unit, articles newest first) pairs, in first-seen order."""
    groups = defaultdict(list)
    for article in articles:
        unit = getattr(article, "unit", None)
        if unit is not None:
            groups[unit].append(article)
    return list(groups.items())


def ordered_categories(categories, configured: list[str]) -> list[tuple]:
    """Categories in the configured menu order; unlisted ones keep theirs, last."""
    position = {name: index for index, name in enumerate(configured)}
    return sorted(
        categories, key=lambda pair: position.get(pair[0].name, len(position))
    )
