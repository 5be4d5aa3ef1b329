"""Pages whose inputs did not change are not rendered again.

Each page's key digests the template sources, this build's code (plugins and
installed packages), the shared context (settings, every article's metadata
and summary, the sidebar's data) and the page's own variables (the article
with its body, the listing page). When the key is the one recorded for the
page by the last build, and the served copy still has the bytes that build
wrote (the quick preview or a person may have changed it since), that copy is
what the writer writes: same bytes, no rendering. Anything else renders.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from datetime import datetime
from pathlib import Path

from .digest import OWN_CONTENT_VARIABLES, SKIPPED_CONTEXT, Digester

MISSING = object()


def templates_digest(env) -> bytes:
    digest = hashlib.sha1()
    for name in sorted(env.list_templates()):
        source, _, _ = env.loader.get_source(env, name)
        digest.update(name.encode() + b"\0" + source.encode("utf-8") + b"\0")
    return digest.digest()


class PageMemo:
    """The keys and output digests of the pages of the last build."""

    def __init__(self, memo_file: Path, served: Path, code: str):
        self.memo_file = memo_file
        self.served = served
        self.code = code.encode()
        self.digester = Digester()
        self.old: dict[str, tuple[bytes, bytes]] = self._load()
        self.new: dict[str, tuple[bytes, bytes]] = {}
        self.reused = self.rendered = 0

    def _load(self) -> dict:
        try:
            with self.memo_file.open("rb") as file:
                entries = pickle.load(file)
        except Exception:  # noqa: BLE001 - any unreadable memo: render everything
            return {}
        return entries if isinstance(entries, dict) else {}

    def shared_key(self, generator) -> bytes:
        """What every page of ``generator`` renders from."""
        shared = {
            k: v for k, v in generator.context.items() if k not in SKIPPED_CONTEXT
        }
        # Pages show the day of the build, never its time (a test checks the
        # theme), so pages built on the same day can be reused.
        if isinstance(shared.get("BUILD_TIME"), datetime):
            shared["BUILD_TIME"] = shared["BUILD_TIME"].date()
        digest = hashlib.sha1(self.code)
        digest.update(templates_digest(generator.env))
        digest.update(self.digester.of(shared, with_body=False))
        return digest.digest()

    def remember_shared_key(self, generator) -> bytes:
        """The shared key of ``generator``, worked out on first use."""
        if not hasattr(generator, "_page_memo_key"):
            generator._page_memo_key = self.shared_key(generator)
        return generator._page_memo_key

    def page_key(self, shared_key: bytes, template, context, localcontext) -> bytes:
        own = {
            name: value
            for name, value in localcontext.items()
            if context.get(name, MISSING) is not value
        }
        digest = hashlib.sha1(shared_key + str(template.name).encode())
        for name in sorted(own):
            whole = name in OWN_CONTENT_VARIABLES
            digest.update(name.encode() + b"=")
            digest.update(self.digester.of(own[name], with_body=whole))
        return digest.digest()

    def reuse(self, name: str, key: bytes) -> str | None:
        """The served copy of ``name`` if the last build wrote it with ``key``."""
        old = self.old.get(name)
        if old is None or old[0] != key:
            return None
        try:
            data = (self.served / name).read_bytes()
        except OSError:
            return None
        if hashlib.sha1(data).digest() != old[1]:
            return None
        self.new[name] = old
        self.reused += 1
        return data.decode("utf-8")

    def record(self, name: str, key: bytes, output: str) -> None:
        self.new[name] = (key, hashlib.sha1(output.encode("utf-8")).digest())
        self.rendered += 1

    def save(self) -> None:
        """Only the pages of this build are kept."""
        self.memo_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.memo_file.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            pickle.dump(self.new, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.memo_file)


class RememberedTemplate:
    """A generator's template whose ``render`` asks the memo first."""

    def __init__(self, template, generator, memo: PageMemo):
        self._template = template
        self._generator = generator
        self._memo = memo

    def render(self, localcontext):
        name = localcontext.get("output_file")
        if not name:
            return self._template.render(localcontext)
        memo = self._memo
        generator = self._generator
        shared = memo.remember_shared_key(generator)
        key = memo.page_key(shared, self._template, generator.context, localcontext)
        reused = memo.reuse(name, key)
        if reused is not None:
            return reused
        output = self._template.render(localcontext)
        memo.record(name, key, output)
        return output

    def __getattr__(self, name):
        return getattr(self._template, name)
