"""Static files (pictures, attachments) linked, not copied, when unchanged.

Every build writes a new folder, so Pelican would copy every picture and
attachment every time. A file whose source has the size, time and inode it
had when the served copy was made, and whose served copy is the one that
build left, is hard-linked from the served folder instead; the others are
copied as Pelican copies them (into the new folder, where no file exists
yet, so a served copy is never written into).
"""

from __future__ import annotations

import os
from pathlib import Path

from build_runtime import BuildCache, file_stamp


class StaticLinks:
    def __init__(self, settings, served: Path, folder_key: str):
        self.served = served
        self.cache = BuildCache(settings, f"static-{folder_key}")
        self.sources: dict[str, tuple] = {}  # save_as: the source's stamp

    def adapt(self, generator) -> None:
        """Replace the static generator's ``_copy_staticfile`` (a patch: see
        docs/architecture.md)."""
        copy = generator._copy_staticfile

        def copy_or_link(static) -> None:
            source = file_stamp(os.path.join(generator.path, static.source_path))
            target = os.path.join(generator.output_path, static.save_as)
            old = self.served / static.save_as
            known = self.cache.get(static.save_as)
            if known is not None and known == (source, file_stamp(old)):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(old, target)
            else:
                copy(static)
            self.sources[static.save_as] = source

        generator._copy_staticfile = copy_or_link

    def save(self, output: Path) -> None:
        """Once every file in ``output`` is final (precompression may have put
        the served copy of an unchanged file back)."""
        for save_as, source in self.sources.items():
            self.cache.put(save_as, (source, file_stamp(output / save_as)))
        self.cache.save_when_built()
