"""Các tin khác and previous/next: article order by date.

Articles are ordered by date, and articles with the same date by path, so the
order never depends on how the files were read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .ranking import Document

SCOPES = ("site", "category")


def oldest_first(documents: Sequence[Document]) -> list[int]:
    return sorted(
        range(len(documents)), key=lambda i: (documents[i].date, documents[i].path)
    )


def other_news(documents: Sequence[Document], count: int) -> list[list[int]]:
    """For each document, the next older documents of its category, newest first."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for doc in oldest_first(documents):
        by_category[documents[doc].category].append(doc)
    result: list[list[int]] = [[] for _ in documents]
    for members in by_category.values():
        for place, doc in enumerate(members):
            result[doc] = members[max(0, place - count) : place][::-1]
    return result


def previous_next(
    documents: Sequence[Document], scope: str = "site"
) -> list[tuple[int | None, int | None]]:
    """For each document, (the one published just before, the one just after).

    `scope` "site" walks every article by date; "category" stays inside the
    document's category.
    """
    if scope not in SCOPES:
        raise ValueError(f"PREVIOUS_NEXT_SCOPE phải là một trong {SCOPES}: {scope!r}")
    sequences: dict[str, list[int]] = defaultdict(list)
    for doc in oldest_first(documents):
        key = documents[doc].category if scope == "category" else ""
        sequences[key].append(doc)
    result: list[tuple[int | None, int | None]] = [(None, None)] * len(documents)
    for members in sequences.values():
        for place, doc in enumerate(members):
            before = members[place - 1] if place > 0 else None
            after = members[place + 1] if place + 1 < len(members) else None
            result[doc] = (before, after)
    return result
