"""The search fixture site (plugins/search_index/tests/fixture_site.py) built
with every plugin and the project's theme: the search page, and documents
(Văn bản) in the index."""

from __future__ import annotations

from pathlib import Path

import pelicanconf
from conftest import Site, build, clear_pelican_signals, write_files
from search_index.tests.fixture_site import FILES

PLUGINS = [name for name in pelicanconf.PLUGINS if name != "search_index"]
PLUGINS.append("search_index")


def build_site(root: Path, files: dict[str, str] | None = None, **overrides) -> Site:
    """Build the fixture site (or ``files``) with the whole project."""
    clear_pelican_signals()
    content = root / "content"
    write_files(content, FILES if files is None else files)
    overrides = {"PLUGINS": PLUGINS, "LINKED_WEBSITES_FILE": "", **overrides}
    output = build(content, root / "output", **overrides)
    clear_pelican_signals()
    return Site(output)
