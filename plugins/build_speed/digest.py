"""Deterministic digests of what a template renders from.

A page's inputs are the build's shared context (every article's metadata,
the sidebar's data, the settings) and its own variables (the article itself,
the page of a listing). Content objects count in two ways: the page's own
article or page with its body and the links only its own page shows
(related articles, other news, previous/next); every other one (in the shared
context, in a listing) by its metadata and summary, which is all a listing
shows. So an edit that changes other articles' related lists renders those
articles' pages again, not every page. A content object inside another one
counts by its address: its metadata is in the shared context. A value this
module does not know is digested by its ``repr``; one that differs from build
to build (an object address) only makes the page render again, it never keeps
a stale one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import types
from datetime import date, datetime, time
from pathlib import PurePath

from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

# Never digested: the whole context again, or settings (in the context already).
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings"})
# Shown by an article's own page only (theme/templates/article.html); counted
# with the body. A template that shows them for listed articles must add
# them to the listing's digest.
OWN_PAGE_ATTRIBUTES = frozenset(
    {"_content", "related_articles", "other_news", "previous_article", "next_article"}
)
# The variables that hold a page's own content object.
OWN_CONTENT_VARIABLES = frozenset({"article", "page"})
# Not rendered, and different from build to build: where the build writes
# (safe_publish's temporary folder), the static files in set order (the same
# objects are in "static_content"), and what changes on every page while
# writing (relative URLs; a page's own copy counts).
SKIPPED_CONTEXT = frozenset(
    {"OUTPUT_PATH", "staticfiles", "localsiteurl", "output_file"}
)
MAX_DEPTH = 24
# Containers bigger than this, and other objects, are digested once a build:
# the context's lists of every article appear on every page.
SMALL = 16


class Digester:
    """Digests of one build; content objects, big containers and other objects
    are digested once each (they do not change while pages are written)."""

    def __init__(self):
        self._contents: dict[tuple[int, bool], tuple[Content, bytes]] = {}
        # Past MAX_DEPTH a page is never reused: this differs in every build.
        self._unknown = os.urandom(16)
        self._values: dict[tuple, tuple[object, bytes]] = {}
        self._in_progress: set[int] = set()

    def content(self, content: Content, with_body: bool) -> bytes:
        key = (id(content), with_body)
        if key not in self._contents:
            digest = hashlib.sha1(type(content).__name__.encode())
            for name in sorted(vars(content)):
                if name in SKIPPED_ATTRIBUTES or (
                    name in OWN_PAGE_ATTRIBUTES and not with_body
                ):
                    continue
                digest.update(name.encode() + b"=")
                self.feed(digest, vars(content)[name], with_body=False, nested=True)
            # Worked out from the body on access when the file has no Summary:
            # listings show it.
            digest.update(b"summary=" + _summary(content).encode())
            self._contents[key] = (content, digest.digest())  # keeps the id in use
        return self._contents[key][1]

    def of(self, value, with_body: bool) -> bytes:
        digest = hashlib.sha1()
        self.feed(digest, value, with_body)
        return digest.digest()

    def feed(self, digest, value, with_body: bool, nested=False, depth=0) -> None:
        update = digest.update
        if depth > MAX_DEPTH:
            update(self._unknown)
        elif value is None or isinstance(value, (bool, int, float, str, bytes)):
            update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, Content):
            # An article linked from another one (related, previous): its
            # address here; its metadata is in the shared context.
            if nested:
                update(b"C:" + str(getattr(value, "url", "")).encode() + b";")
            else:
                update(b"C:" + self.content(value, with_body))
        elif isinstance(value, (datetime, date, time)):
            update(f"{type(value).__name__}:{value.isoformat()};".encode())
        elif isinstance(value, URLWrapper):
            update(
                f"{type(value).__name__}:{value.name}|{value.slug}|{value.url};".encode()
            )
        elif isinstance(value, Paginator):
            update(
                f"Paginator:{value.name}|{value.num_pages}|{value.per_page};".encode()
            )
        elif isinstance(value, PurePath):
            update(f"path:{value};".encode())
        elif isinstance(value, (types.FunctionType, types.MethodType)):
            update(_function_digest(value))
        elif isinstance(value, type) or not _is_container(value):
            update(repr(value).encode())
        elif _is_small(value):
            self._feed_container(digest, value, with_body, nested, depth)
        else:
            update(b"#" + self._once(value, with_body, nested, depth))

    def _once(self, value, with_body: bool, nested: bool, depth: int) -> bytes:
        # Depth is part of the key: a digest stops at MAX_DEPTH, counted from
        # the page's variables (a chain of linked objects would never end).
        key = (id(value), with_body, nested, depth)
        if key in self._values:
            return self._values[key][1]
        if id(value) in self._in_progress:
            return b"<cycle>"  # already being digested, further up
        self._in_progress.add(id(value))
        digest = hashlib.sha1()
        self._feed_container(digest, value, with_body, nested, depth)
        self._in_progress.discard(id(value))
        self._values[key] = (value, digest.digest())  # keeps the id in use
        return self._values[key][1]

    def _feed_container(self, digest, value, with_body, nested, depth) -> None:
        update = digest.update
        feed = self.feed
        if isinstance(value, Page):
            update(f"Page:{value.number}|{value.save_as}|{value.url};".encode())
            feed(digest, list(value.object_list), with_body, nested, depth + 1)
        elif isinstance(value, dict):
            update(b"{")
            for key in sorted(value, key=repr):
                feed(digest, key, with_body, nested, depth + 1)
                feed(digest, value[key], with_body, nested, depth + 1)
            update(b"}")
        elif isinstance(value, (list, tuple)):
            update(b"[")
            for item in value:
                feed(digest, item, with_body, nested, depth + 1)
            update(b"]")
        elif isinstance(value, (set, frozenset)):
            update(b"{" + b"".join(sorted(self.of(v, with_body) for v in value)) + b"}")
        else:
            if dataclasses.is_dataclass(value):
                names = [field.name for field in dataclasses.fields(value)]
            else:
                names = sorted(set(vars(value)) - SKIPPED_ATTRIBUTES)
            update(type(value).__qualname__.encode() + b"(")
            for name in names:
                update(name.encode() + b"=")
                item = getattr(value, name)
                self._feed_attribute(digest, item, with_body, nested, depth)
            update(b")")

    def _feed_attribute(self, digest, value, with_body, nested, depth) -> None:
        if _is_entity(value):
            # A linked page (an archive's previous day, its month): its
            # address, as for content objects; chains end here.
            digest.update(b"ref:" + value.url.encode() + b";")
        else:
            self.feed(digest, value, with_body, nested, depth + 1)


def _is_container(value) -> bool:
    return isinstance(value, (dict, list, tuple, set, frozenset)) or hasattr(
        value, "__dict__"
    )


def _is_entity(value) -> bool:
    """An object with its own page (not a container, not content)."""
    return (
        hasattr(value, "__dict__")
        and isinstance(getattr(value, "url", None), str)
        and not isinstance(value, (Content, URLWrapper, type))
    )


def _is_small(value) -> bool:
    return (
        isinstance(value, (dict, list, tuple, set, frozenset)) and len(value) <= SMALL
    )


def _summary(content: Content) -> str:
    if getattr(content, "_content", None) is None:  # a static file
        return ""
    return str(content.summary)


def _function_digest(function) -> bytes:
    """A function by its name and code, so editing a helper in the settings
    file renders the pages again."""
    function = getattr(function, "__func__", function)
    code = getattr(function, "__code__", None)
    parts = [function.__module__ or "", function.__qualname__]
    if code is not None:
        parts.append(code.co_code.hex())
        parts += [
            c.co_code.hex() if isinstance(c, types.CodeType) else repr(c)
            for c in code.co_consts
        ]
    return ("fn:" + "|".join(parts) + ";").encode()
