"""The text stage: each article's and page's text, made once as it is read.

Right after reading and sanitising, every file's plain title, lead, listing
summary, body and headings, and their folded syllables and pairs (the
``vietnamese`` rules), become an ``ArticleText``. The search index, the related
ranking and the JSON export read it; none of them parses HTML or knows the
theme. Like the reading, it is made on every core and kept in the build's cache.
"""

from pelican import signals

from build_runtime import add_reading_step

from .stage import ArticleText, add_text, keep_out_of_metadata, make_text, text_of
from .text import Terms, terms_of

REQUIRES = ["sanitizer"]


def add_text_to_every_read(readers) -> None:
    add_reading_step(readers, add_text)


def register() -> None:
    signals.readers_init.connect(add_text_to_every_read)
    signals.content_object_init.connect(keep_out_of_metadata)


__all__ = ["ArticleText", "Terms", "make_text", "register", "terms_of", "text_of"]
