"""Search index: a static, sharded index of the articles' text for search.js.

The browser client is theme/static/js/search.js (with vntext.js); the search page
is theme/templates/search.html. See README.md for the file formats and ranking.
"""

from .builder import Document, IndexOptions, build_index
from .generator import register
from .terms import group_of, hash_key, parse_query

REQUIRES = ["article_text"]

__all__ = [
    "Document",
    "IndexOptions",
    "build_index",
    "group_of",
    "hash_key",
    "parse_query",
    "register",
]
