"""Steps every file's reading goes through, for plugins that change or add to
what a reader returns (sanitising, the article text)."""

from __future__ import annotations

import functools


def add_reading_step(readers, step) -> None:
    """At Pelican's ``readers_init``: each reader's ``(content, metadata)``
    goes through ``step(path, content, metadata, settings)``, which returns
    them. Steps run in the order they are added (the plugins' order), inside
    the reader, so whatever reads a file (the build, its workers, the preview's
    quick page) gets the same result, and the build's cache keeps it."""
    for extension, reader_class in readers.reader_classes.items():
        if reader_class:
            readers.reader_classes[extension] = _with_step(reader_class, step)


@functools.cache
def _with_step(reader_class, step):
    def read(self, path):
        content, metadata = reader_class.read(self, path)
        return step(path, content, metadata, self.settings)

    return type(reader_class.__name__, (reader_class,), {"read": read})
