"""Build the search index of a rendered corpus, as the plugin does in a build.

    python bench/search/index_site.py OUTPUT CORPUS_JSON

Runs on its own so that run.py can time it and watch its memory. The documents
come from the corpus manifest (the metadata Pelican's article objects carry);
the text comes from the rendered pages in OUTPUT.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from pelicanconf import CATEGORIES  # noqa: E402
from search_index import Document, build_index  # noqa: E402
from vietnamese import slugify  # noqa: E402


def documents(output: Path, manifest: list[dict]) -> list[Document]:
    ordered = sorted(manifest, key=lambda a: a["slug"])
    ordered.sort(key=lambda a: a["date"], reverse=True)
    return [
        Document(
            url=a["url"],
            html_path=str(output / a["url"] / "index.html"),
            day=(datetime.fromisoformat(a["date"]).date() - date(1970, 1, 1)).days,
            category=CATEGORIES.index(a["category"]),
            title=a["title"],
            extra=" · ".join([*a["tags"], *a["author"].split(" - ")]),
            source=a["slug"],
        )
        for a in ordered
    ]


def main(output: Path, corpus: Path) -> None:
    manifest = json.loads(corpus.read_text("utf-8"))
    categories = [(slugify(name), name) for name in CATEGORIES]
    summary = build_index(
        documents(output, manifest), categories, output / "tim-kiem" / "chi-muc"
    )
    print(json.dumps(summary.__dict__))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
