"""Pages whose recorded inputs did not change are not rendered again.

Every build writes into a new folder, which then replaces the served one
(safe_publish). A page whose inputs (recording.py) all have the digests the
last build recorded, and whose served file is still the one that build
wrote (same inode, size and time: the quick preview or a person may have
changed it), is hard-linked from the served folder instead of rendered and
written. The memo is kept in the build's cache, whose key covers the code,
the settings and the templates: when any of them changes, every page renders.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from jinja2 import Template
from jinja2.utils import missing

from build_runtime import SHARE_FROM, BuildCache, file_stamp, on_every_core

from . import recording
from .recording import ABSENT, SKIPPED, Page, Recorder, key_of

INPUTS = "inputs"  # the cache entry with each keyed read's digest
# Keyed reads per article (about twenty) times BUILD_PARALLEL_FROM: fewer
# are checked in the build's process.
READS_PER_ARTICLE = 20


class Reused(str):
    """What a reused page "renders" to: the served file to link."""

    source: Path


class PageMemo:
    """A page's record: the digests of the site-wide names it read (one tuple
    shared by the pages that read the same ones), of its own names, the sets
    of keyed reads (its own, and those of the parts rendered once, shared by
    every page showing them), and its file's stamp."""

    def __init__(self, settings, served: Path, templates: str, context: dict):
        self.served = served
        self.context = context  # the build's, which every page copies
        self.parallel_from = READS_PER_ARTICLE * int(
            settings.get("BUILD_PARALLEL_FROM", SHARE_FROM)
        )
        self.cache = BuildCache(settings, f"pages-{folder_key(served)}", templates)
        self.old_inputs: dict = self.cache.get(INPUTS) or {}
        self.changed: set | None = None  # keyed reads whose digest changed
        self.objects: dict[tuple, object] = {}
        self.pending: dict[str, tuple] = {}  # rendered, not yet written
        self.verdicts: dict[int, bool] = {}  # site names, shared reads: unchanged
        self.interned: dict[tuple, tuple] = {}
        self.reused = self.rendered = 0
        self.forked_at = None  # in a writing worker: what it inherited

    # -- one page --------------------------------------------------------

    def reuse(self, name: str, context: dict, env) -> Reused | None:
        record = self.cache.get(("page", name))
        if record is None:
            return None
        site, own, reads, stamp = record
        shared = self.context
        # A page's own value for a site-wide name is not the site's verdict.
        if any(context.get(n, missing) is not shared.get(n, missing) for n, _ in site):
            return None
        if not self._unchanged(site, self._site_unchanged):
            return None
        recorder = recording.recorder
        for variable, digest in own.items():
            value = context.get(variable, missing)
            if value is missing:
                value = env.globals.get(variable, ABSENT)
            if recorder.name_digest(variable, value) != digest:
                return None
        changed = self.changed_reads()
        if not all(self._unchanged(part, changed.isdisjoint) for part in reads):
            return None
        source = self.served / name
        if file_stamp(source) != stamp:
            return None
        self.pending[name] = (site, own, reads)
        self.reused += 1
        reused = Reused(name)
        reused.source = source
        return reused

    def _unchanged(self, part, check) -> bool:
        """``check(part)``, once a build for a part many pages share."""
        found = self.verdicts.get(id(part))
        if found is None:
            found = self.verdicts[id(part)] = check(part)
        return found

    def _site_unchanged(self, site: tuple) -> bool:
        digest = recording.recorder.name_digest
        return all(
            name in self.context and digest(name, self.context[name]) == old
            for name, old in site
        )

    def rendered_page(self, name: str, page: Page) -> None:
        recorder = recording.recorder
        site, own = [], {}
        for variable, value in page.names.items():
            digest = recorder.name_digest(variable, value)
            if self.context.get(variable, missing) is value:
                site.append((variable, digest))
            else:
                own[variable] = digest
        site = tuple(sorted(site))
        site = self.interned.setdefault(site, site)
        # A tuple: a fifth of a set's memory, and only ever checked against
        # the changed reads (tens of thousands of pages keep one).
        reads = (tuple(page.keyed), *page.shared)
        self.pending[name] = (site, own, reads)
        self.rendered += 1

    def written(self, path: str, name: str) -> None:
        """Pelican's content_written: the page is on disk, its record complete
        (the file's stamp is taken once every file is final)."""
        found = self.pending.pop(name, None)
        if found is not None:
            self.cache.put(("page", name), (*found, None))

    # -- the build -------------------------------------------------------

    def know_objects(self, context) -> None:
        """The site's keyed objects, where keyed reads are read again: every
        one the context holds, however deep."""
        seen: set[int] = set()
        stack = [value for name, value in context.items() if name != "settings"]
        while stack:
            value = stack.pop()
            if id(value) in seen or isinstance(value, (str, bytes, int, float)):
                continue
            seen.add(id(value))
            key = key_of(value)
            if key is not None:
                self.objects.setdefault(key, value)
            if isinstance(value, dict):
                stack += value.values()
            elif isinstance(value, (list, tuple, set, frozenset)):
                stack += value
            elif hasattr(value, "__dict__") and not isinstance(value, type):
                stack += [v for k, v in vars(value).items() if k not in SKIPPED]

    def changed_reads(self) -> set:
        """The keyed reads of the last build whose value is not the same now,
        worked out on every core (every page of a big site reads thousands)."""
        if self.changed is None:
            recorder = recording.recorder
            reads = list(self.old_inputs)

            def digests(read):
                return recorder.current(read, self.objects)

            found = on_every_core(digests, reads, share_from=self.parallel_from)
            recorder.keyed.update(zip(reads, found, strict=True))
            self.changed = {
                read
                for read, digest in zip(reads, found, strict=True)
                if digest != self.old_inputs[read]
            }
        return self.changed

    # -- writing workers -------------------------------------------------

    def fork(self) -> None:
        """In a writing worker: count and send back only its own work."""
        self.reused = self.rendered = 0
        self.forked_at = (set(self.cache.new), len(recording.recorder.keyed))

    def worker_records(self) -> tuple[dict, list, tuple[int, int]]:
        pages, keyed_count = self.forked_at
        new = {k: v for k, v in self.cache.new.items() if k not in pages}
        reads = list(recording.recorder.keyed.items())[keyed_count:]
        return new, reads, (self.reused, self.rendered)

    def merge(self, pages: dict, reads: list, counts: tuple[int, int]) -> None:
        for key, record in pages.items():
            self.cache.put(key, record)
        recording.recorder.keyed.update(reads)
        self.reused += counts[0]
        self.rendered += counts[1]

    def save(self, output: Path) -> None:
        """At the end of the build, when every file in ``output`` is final
        (precompression may have put the served copy of a page back)."""
        recorder = recording.recorder
        parts: dict[int, frozenset] = {}
        for key, value in self.cache.new.items():
            if isinstance(key, tuple) and key[0] == "page":
                parts.update((id(part), part) for part in value[2])
                self.cache.new[key] = (*value[:3], file_stamp(output / key[1]))
        reads = set().union(*parts.values())
        inputs = {read: recorder.current(read, self.objects) for read in reads}
        self.cache.put(INPUTS, inputs)
        self.cache.save_when_built()


def folder_key(served: Path) -> str:
    return hashlib.sha1(str(served.resolve()).encode()).hexdigest()[:8]


# -- the memo of the build under way ------------------------------------------

active: PageMemo | None = None


class RecordingTemplate(Template):
    """Every template of a recording environment (Environment.template_class,
    Jinja's documented hook): a page asks the memo first, and what it reads
    while it renders is recorded."""

    def render(self, *args, **kwargs):
        memo, recorder = active, recording.recorder
        context = dict(*args, **kwargs)
        name = context.get("output_file")
        if memo is None or not name or recorder.page is not None:
            return super().render(context)
        reused = memo.reuse(name, context, self.environment)
        if reused is not None:
            return reused
        recorder.page = Page()
        try:
            output = super().render(context)
            memo.rendered_page(name, recorder.page)
        finally:
            recorder.page = None
        return output


class LinkingFile(io.TextIOBase):
    """What Pelican's writer writes a page (or a feed) into: a Reused page
    becomes a hard link to the served file."""

    def __init__(self, handle, path: str):
        super().__init__()
        self.handle, self.path = handle, path

    def close(self) -> None:
        self.handle.close()
        super().close()

    def flush(self) -> None:
        if not self.handle.closed:
            self.handle.flush()

    def write(self, text: str) -> int:
        if not isinstance(text, Reused) or self.handle.name != self.path:
            return self.handle.write(text)
        self.handle.close()
        os.unlink(self.path)
        try:
            os.link(text.source, self.path)
        except OSError:  # another file system: the bytes, then
            Path(self.path).write_bytes(text.source.read_bytes())
        return len(text)


def link_reused_pages(writer) -> None:
    """Pelican's writer renders a page, opens its file with ``_open_w`` (which
    also refuses a second write to one file) and writes the text once."""
    if getattr(writer, "_links_reused", False):
        return
    open_file = writer._open_w

    def _open_w(filename, encoding, override=False):
        skipped = filename in writer._overridden_files and not override
        if not skipped and os.path.lexists(filename):
            # Written again (an override): a reused page there is a link to
            # the served file, which opening it for writing would change.
            os.unlink(filename)
        return LinkingFile(open_file(filename, encoding, override), filename)

    writer._open_w = _open_w
    writer._links_reused = True


def new_recorder() -> None:
    recording.recorder = Recorder()
