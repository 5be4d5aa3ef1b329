"""What a page is made from, recorded where its templates read it.

A page's inputs are the values its templates read: top-level names (the
article, the listing page, a setting) and the attributes of the site's
objects reached from them (an article's title, a tag's URL). They are
recorded as they are read, through Jinja's own hooks: the context class
(``resolve_or_missing``), the environment's ``getattr`` and ``getitem``, and
the filters the site adds (which read their arguments in Python). Nothing is
promised by convention, so a template that starts showing a new field is
noticed.

Objects with an identity across builds ("keyed": articles and pages by
source file, categories, tags, authors and units by name) count as that
identity where they are held, and each attribute read from them is an input
of its own, whose digest is shared by every page that read it. Any other value
counts by its whole content (lists by their items, objects by their
attributes), digested once a build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import types
from datetime import date, datetime, time

from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS
from jinja2.runtime import Context, Undefined
from jinja2.utils import missing
from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

# Never digested: the whole context again, and the settings (each setting a
# template reads is an input of its own).
SKIPPED = frozenset({"_context", "settings"})
MAX_DEPTH = 24
WHOLE = "*"  # the input "every attribute of this object" (a filter read it)
WHOLE_DEPTH = 2  # ... and of the keyed objects it holds, by theirs in turn


class Absent:
    """A name a page looked for and did not find (``x is defined``)."""

    def __repr__(self) -> str:
        return "<absent>"


ABSENT = Absent()
# Values that never have an identity of their own (checked first: most are).
PLAIN = frozenset(
    {str, Markup, int, float, bool, type(None), list, tuple, dict, datetime, date}
)
MISSING = b"missing"


def key_of(value) -> tuple | None:
    """The identity a value keeps across builds, if it has one: content by
    its source file, categories and the like by name, any other object with a
    page of its own (an archive's month, a calendar's week) by its address."""
    kind = type(value)
    make = _KEY_MAKERS.get(kind)
    if make is None:
        make = _KEY_MAKERS[kind] = _key_maker(kind)
    return make(value)


def _key_maker(kind):
    """How values of a type are keyed, worked out once per type (this runs
    for every attribute a template reads)."""
    name = kind.__name__
    if kind in PLAIN or issubclass(kind, (Paginator, PaginatorPage)):
        return lambda value: None  # Paginators are made per listing page
    if issubclass(kind, Content):
        return lambda value: ("c", name, value.relative_source_path)
    if issubclass(kind, URLWrapper):
        return lambda value: ("w", name, value.name)
    qualname = kind.__qualname__

    def by_address(value):
        url = vars(value).get("url") if hasattr(value, "__dict__") else None
        return ("u", qualname, url) if isinstance(url, str) and url else None

    return by_address


_KEY_MAKERS: dict[type, object] = {}


class Page:
    """The inputs one page read: names and their values, keyed reads, and
    the keyed reads of the parts it shows that were rendered once (a set
    shared by every page showing that part)."""

    def __init__(self):
        self.names: dict[str, object] = {}
        self.keyed: set[tuple] = set()
        self.shared: list[frozenset] = []

    def show(self, names: dict, reads: frozenset) -> None:
        """A part rendered once for many pages, and what it read."""
        self.names.update(names)
        if all(part is not reads for part in self.shared):
            self.shared.append(reads)


class Recorder:
    """Digests of one build, and the page being rendered."""

    def __init__(self):
        self.shared: dict = {}  # the build's context, which pages copy
        self.page: Page | None = None
        self.keyed: dict[tuple, bytes] = {}  # (key, attribute) -> digest
        self._reads: dict[tuple, tuple] = {}  # each read, as recorded first
        self._by_id: dict[int, tuple[object, bytes]] = {}
        self._unknown = os.urandom(16)  # past MAX_DEPTH: never the same twice

    # -- recording -------------------------------------------------------

    def name_read(self, name: str, value) -> None:
        if self.page is not None and name not in self.page.names:
            self.page.names[name] = value

    def attribute_read(self, owner, attribute: str, value) -> None:
        if self.page is None:
            return
        key = key_of(owner)
        if key is not None:
            self.keyed_read(key, attribute, value)

    def keyed_read(self, key: tuple, attribute: str, value) -> None:
        read = (key, attribute)
        # One tuple for each read, however many pages make it: a page's set
        # then holds references, not copies (hundreds of reads a page).
        found = self._reads.get(read)
        if found is None:
            found = self._reads[read] = read
            if read not in self.keyed:
                whole = WHOLE_DEPTH if attribute == WHOLE else 0
                self.keyed[read] = self.digest(value, whole)
        self.page.keyed.add(found)

    def argument_read(self, value, depth: int = 0) -> None:
        """A value handed to a filter: every attribute of a keyed object in it
        counts, since the filter reads them in Python."""
        if self.page is None or depth > 2:
            return
        key = key_of(value)
        if key is not None:
            self.keyed_read(key, WHOLE, value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.argument_read(item, depth + 1)

    # -- digests ---------------------------------------------------------

    def name_digest(self, name: str, value) -> bytes:
        if name == "BUILD_TIME" and isinstance(value, datetime):
            # Pages show the day of the build, never its time (a test checks
            # the theme), so pages built on the same day can be reused.
            value = value.date()
        return self.digest(value)

    def current(self, read: tuple, objects: dict[tuple, object]) -> bytes:
        """The digest of a keyed read in this build."""
        if read not in self.keyed:
            key, attribute = read
            owner = objects.get(key)
            if owner is None:
                self.keyed[read] = MISSING
            elif attribute == WHOLE:
                self.keyed[read] = self.digest(owner, WHOLE_DEPTH)
            else:
                self.keyed[read] = self.digest(read_attribute(owner, attribute))
        return self.keyed[read]

    def digest(self, value, whole: int = 0) -> bytes:
        """``whole``: how many levels of keyed objects count by all their
        attributes rather than by their key."""
        digest = hashlib.sha1()
        self._feed(digest, value, 0, whole)
        return digest.digest()

    def _feed(self, digest, value, depth: int, whole: int = 0) -> None:
        update = digest.update
        kind = type(value)
        if kind is str or kind is Markup:  # the most common, by far
            data = value.encode("utf-8", "surrogatepass")
            update(b"%s%d:" % (kind.__name__.encode(), len(data)) + data)
        elif depth > MAX_DEPTH:
            update(self._unknown)
        elif value is None or isinstance(value, (bool, int, float, str, bytes)):
            update(f"{type(value).__name__}:{value!r};".encode())
        elif isinstance(value, (datetime, date, time)):
            update(f"{type(value).__name__}:{value.isoformat()};".encode())
        elif not whole and (key := key_of(value)) is not None:
            update(repr(key).encode())
        elif isinstance(value, URLWrapper):  # as a whole: what it shows
            update(f"{key_of(value)}|{value.slug}|{value.url};".encode())
        elif isinstance(value, Undefined):
            update(b"undefined;")
        elif isinstance(value, (types.FunctionType, types.MethodType)):
            update(function_digest(value))
        elif isinstance(value, type):
            update(f"type:{value.__module__}.{value.__qualname__};".encode())
        elif isinstance(value, (dict, list, tuple, set, frozenset)) or hasattr(
            value, "__dict__"
        ):
            update(self._once(value, depth, whole))
        else:
            update(repr(value).encode())

    def _once(self, value, depth: int, whole: int) -> bytes:
        """Containers and objects: once a build each (they do not change
        while pages are written), unless they are small."""
        if not whole and id(value) in self._by_id:
            return self._by_id[id(value)][1]
        digest = hashlib.sha1(type(value).__qualname__.encode())
        feed = self._feed
        if isinstance(value, dict):  # in the order a template iterates it
            for key, item in value.items():
                feed(digest, key, depth + 1)
                feed(digest, item, depth + 1, whole)
        elif isinstance(value, (list, tuple)):
            for item in value:
                feed(digest, item, depth + 1, whole)
        elif isinstance(value, (set, frozenset)):
            digest.update(b"".join(sorted(self.digest(item, whole) for item in value)))
        else:  # an object: the keyed ones it holds count one level less whole
            for name in attribute_names(value):
                digest.update(name.encode() + b"=")
                feed(digest, getattr(value, name, None), depth + 1, max(whole - 1, 0))
        found = digest.digest()
        if not whole:
            self._by_id[id(value)] = (value, found)  # keeps the id in use
        return found


def read_attribute(owner, attribute: str):
    """As a template reads it (Environment.getattr), missing as Undefined."""
    try:
        return getattr(owner, attribute)
    except AttributeError:
        return Undefined()


def attribute_names(value) -> list[str]:
    if dataclasses.is_dataclass(value):
        return [field.name for field in dataclasses.fields(value)]
    return sorted(set(vars(value)) - SKIPPED)


def function_digest(function) -> bytes:
    """A function by its name and code, so an edited helper counts."""
    owner = getattr(function, "__self__", None)
    function = getattr(function, "__func__", function)
    code = getattr(function, "__code__", None)
    parts = [function.__module__ or "", function.__qualname__, repr(key_of(owner))]
    if code is not None:
        parts.append(code.co_code.hex())
        parts += [
            c.co_code.hex() if isinstance(c, types.CodeType) else repr(c)
            for c in code.co_consts
        ]
    return ("fn:" + "|".join(parts) + ";").encode()


# -- Jinja's hooks -----------------------------------------------------------

recorder = Recorder()  # the build's, made anew by each build


class RecordingContext(Context):
    """Jinja's documented hook for name lookups (``Environment.context_class``)."""

    def resolve_or_missing(self, key: str):
        if key in self.vars:
            return self.vars[key]
        value = super().resolve_or_missing(key)
        if recorder.page is not None:
            recorder.name_read(key, ABSENT if value is missing else value)
        return value


def record_reads(env) -> None:
    """Make a Jinja environment record what its templates read (before any
    template is loaded: the context class is read when one is)."""
    env.context_class = RecordingContext
    getattr_, getitem_ = env.getattr, env.getitem

    def getattr_recorded(obj, attribute):
        value = getattr_(obj, attribute)
        if recorder.page is not None:
            if isinstance(value, types.MethodType) and key_of(obj) is not None:
                # What a method returns depends on its object as a whole.
                recorder.keyed_read(key_of(obj), WHOLE, obj)
            else:
                recorder.attribute_read(obj, attribute, value)
        return value

    def getitem_recorded(obj, argument):
        value = getitem_(obj, argument)
        if recorder.page is not None and isinstance(argument, str):
            recorder.attribute_read(obj, argument, value)
        return value

    env.getattr, env.getitem = getattr_recorded, getitem_recorded
    record_filters(env)


def record_filters(env) -> None:
    """Wrap the site's filters and tests; again once every generator has
    added its own (a generator may add filters after it is made)."""
    for table in (env.filters, env.tests):
        for name, function in list(table.items()):
            if not _builtin(function) and not hasattr(function, "records_reads"):
                table[name] = _recording_arguments(function)


_JINJA_OWN = {id(f) for f in (*DEFAULT_FILTERS.values(), *DEFAULT_TESTS.values())}


def _builtin(function) -> bool:
    """Jinja's own filters and tests read attributes through the environment."""
    return id(function) in _JINJA_OWN


def _recording_arguments(function):
    def recorded(*args, **kwargs):
        if recorder.page is not None:
            for value in (*args, *kwargs.values()):
                if not isinstance(value, (Context, Markup, str)):
                    recorder.argument_read(value)
        return function(*args, **kwargs)

    for name in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(function, name):
            setattr(recorded, name, getattr(function, name))
    recorded.records_reads = True
    return recorded
