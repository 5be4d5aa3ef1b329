"""Render a generated corpus with Pelican and the project's theme (article pages).

    python bench/search/render.py CONTENT OUTPUT

Only what the benchmark reads is written: article pages and the search page.
Listings, feeds and archives are switched off to keep 20,000 articles quick.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

OFF = {
    name: ""
    for name in [
        "TAG_SAVE_AS",
        "TAGS_SAVE_AS",
        "AUTHOR_SAVE_AS",
        "AUTHORS_SAVE_AS",
        "CATEGORY_SAVE_AS",
        "CATEGORIES_SAVE_AS",
        "ARCHIVES_SAVE_AS",
        "YEAR_ARCHIVE_SAVE_AS",
        "MONTH_ARCHIVE_SAVE_AS",
        "DAY_ARCHIVE_SAVE_AS",
        "UNIT_SAVE_AS",
        "UNITS_SAVE_AS",
    ]
}
FEEDS_OFF = {
    name: None
    for name in [
        "FEED_ALL_ATOM",
        "FEED_ALL_RSS",
        "CATEGORY_FEED_ATOM",
        "CATEGORY_FEED_RSS",
    ]
}


def render(content: Path, output: Path) -> None:
    import pelicanconf

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            # The index is built afterwards, measured on its own (run.py).
            "PLUGINS": [p for p in pelicanconf.PLUGINS if p != "search_index"],
            "CACHE_PATH": str(output.parent / "cache"),
            "LINKED_WEBSITES_FILE": "",
            "DIRECT_TEMPLATES": ["search"],
            "PAGINATED_TEMPLATES": {},
            "DELETE_OUTPUT_DIRECTORY": True,
            **OFF,
            **FEEDS_OFF,
        },
    )
    Pelican(settings).run()


if __name__ == "__main__":
    render(Path(sys.argv[1]), Path(sys.argv[2]))
