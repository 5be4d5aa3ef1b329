"""Build the search index of a corpus, as the plugin does in a build.

    python bench/search/index_site.py CONTENT OUTPUT CORPUS_JSON

Runs on its own so that run.py can watch its memory. Each article first goes
through what a build's reading does for every page: the Markdown reader (with
the NFC extension), the sanitiser and the text stage. Then the index is built
from the text stage into OUTPUT, as the plugin writes it. Both phases are
timed; the second is what the index adds to a build. Pagefind, measured beside
it, starts from the rendered pages: each engine from what the build gives it.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from markdown import Markdown  # noqa: E402

from article_text import make_text  # noqa: E402
from pelicanconf import CATEGORIES, SUMMARY_MAX_LENGTH  # noqa: E402
from sanitizer import clean_html, fit_heading_outline  # noqa: E402
from search_index import Document, build_index  # noqa: E402
from vietnamese import slugify  # noqa: E402
from vietnamese.markdown_nfc import NfcExtension  # noqa: E402

SETTINGS = {"SUMMARY_MAX_PARAGRAPHS": 1, "SUMMARY_MAX_LENGTH": SUMMARY_MAX_LENGTH}


def documents(content: Path, manifest: list[dict]) -> list[Document]:
    reader = Markdown(
        extensions=[NfcExtension(), "extra", "meta", "toc"], output_format="html5"
    )
    inline = Markdown(output_format="html5")
    ordered = sorted(manifest, key=lambda a: a["slug"])
    ordered.sort(key=lambda a: a["date"], reverse=True)
    found = []
    for article in ordered:
        when = datetime.fromisoformat(article["date"])
        path = content / "articles" / str(when.year) / f"{article['slug']}.md"
        body = reader.reset().convert(path.read_text(encoding="utf-8"))
        meta = reader.Meta
        lead = inline.reset().convert(" ".join(meta.get("summary", [""])))
        text = make_text(
            meta["title"][0],
            fit_heading_outline(clean_html(body)),
            clean_html(lead) if meta.get("summary") else "",
            SETTINGS,
        )
        found.append(
            Document(
                url=article["url"],
                day=(when.date() - date(1970, 1, 1)).days,
                category=CATEGORIES.index(article["category"]),
                text=text,
                extra=" · ".join([*article["tags"], *article["author"].split(" - ")]),
            )
        )
    return found


def main(content: Path, output: Path, corpus: Path) -> None:
    manifest = json.loads(corpus.read_text("utf-8"))
    categories = [(slugify(name), name) for name in CATEGORIES]
    started = time.perf_counter()
    found = documents(content, manifest)
    read = time.perf_counter()
    cpu = used_cpu()
    summary = build_index(found, categories, output / "tim-kiem" / "chi-muc")
    report = {
        **summary.__dict__,
        "text_seconds": read - started,
        "index_seconds": time.perf_counter() - read,
        "index_cpu_seconds": used_cpu() - cpu,
    }
    print(json.dumps(report))


def used_cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(
            resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
