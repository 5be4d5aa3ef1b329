"""Related links under each article: Tin liên quan, Các tin khác, previous/next.

Computed once per build over all published articles, in near-linear time (an
inverted index and a top-k per article). Editors can choose related articles
themselves with `Related:` in the article header.
"""

from .chronology import other_news, previous_next
from .ranking import Document, Options, rank_related
from .signals import attach_related, document_from_article, register

REQUIRES = ["article_text"]

__all__ = [
    "Document",
    "Options",
    "attach_related",
    "document_from_article",
    "other_news",
    "previous_next",
    "rank_related",
    "register",
]
