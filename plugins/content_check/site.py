"""Checking a whole content folder: every file, links, and clashing addresses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from vietnamese import parse_date, slugify

from .header import SourceFile, read_source
from .links import SiteIndex, check_files, check_links
from .placeholder import check_placeholder
from .problems import Problem, error
from .raw_html import check_raw_html
from .rules import check_article, check_page

SECTION_SETTINGS = (
    "CATEGORY_URL", "TAG_URL", "AUTHOR_URL", "UNIT_URL", "ARCHIVES_SAVE_AS",
    "YEAR_ARCHIVE_URL", "SEARCH_SAVE_AS", "SITEMAP_SAVE_AS", "LINKED_WEBSITES_SAVE_AS",
    "FEED_ALL_ATOM", "ARTICLE_URL", "DRAFT_URL", "SCHEDULE_INDEX_URL",
)  # fmt: skip


def check_content(settings) -> tuple[list[Problem], int]:
    """Every problem of every article and page, and the number of files read."""
    root = Path(settings["PATH"])
    problems: list[Problem] = []
    articles = read_all(root, settings["ARTICLE_PATHS"], problems)
    pages = read_all(root, settings["PAGE_PATHS"], problems)
    urls = {}
    for source in articles:
        urls[source.display] = article_url(source, settings)
    for source in pages:
        urls[source.display] = page_url(source, settings)
    problems += clashing_urls(urls)
    site = SiteIndex(
        {url.strip("/") for url in urls.values() if url},
        sections(settings),
        content_sections(settings),
    )
    for source in articles:
        problems += check_article(source, settings)
        problems += check_placeholder(source)
    for source in pages:
        problems += check_page(source, settings)
    for source in articles + pages:
        problems += check_files(source, root)
        problems += check_links(source, root, site)
        problems += check_raw_html(source)
        problems += check_output_path(source, settings)
    return sorted(set(problems), key=sort_key), len(articles) + len(pages)


def sort_key(problem: Problem):
    return (problem.path, problem.line, problem.message)


def read_all(root: Path, folders, problems: list[Problem]) -> list[SourceFile]:
    sources = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.md")):
            try:
                sources.append(read_source(path, root))
            except UnicodeDecodeError:
                problems.append(
                    error(
                        path.as_posix(),
                        1,
                        "tệp không được lưu bằng mã UTF-8",
                        "mở tệp và lưu lại với mã hoá UTF-8",
                    )
                )
    return sources


def slug_of(source: SourceFile, settings) -> str:
    explicit = source.get("slug")
    if explicit:
        return explicit
    if settings.get("SLUGIFY_SOURCE") == "basename":
        return slugify(source.path.stem)
    return slugify(source.get("title") or "")


def article_url(source: SourceFile, settings) -> str | None:
    try:
        date = parse_date(source.get("date") or "")
    except ValueError:
        return None
    return settings["ARTICLE_URL"].format(date=date, slug=slug_of(source, settings))


def page_url(source: SourceFile, settings) -> str:
    lang = source.get("lang") or settings["DEFAULT_LANG"]
    key = "PAGE_URL" if lang == settings["DEFAULT_LANG"] else "PAGE_LANG_URL"
    return settings[key].format(slug=slug_of(source, settings), lang=lang)


def clashing_urls(urls: dict[str, str | None]) -> Iterator[Problem]:
    """Two files that give one address: the later one would overwrite the first."""
    owners: dict[str, str] = {}
    for display, url in sorted(urls.items()):
        if url is None:
            continue
        if url in owners:
            yield error(
                display,
                1,
                f'trùng địa chỉ "/{url}" với tệp {owners[url]}'
                " (tên tệp chỉ khác nhau ở dấu cũng cho cùng một địa chỉ)",
                "đổi tên tệp hoặc thêm dòng Slug: với một tên khác",
            )
        else:
            owners[url] = display


def sections(settings) -> set[str]:
    found = set()
    for key in SECTION_SETTINGS:
        value = settings.get(key) or ""
        first = value.split("/", 1)[0]
        if first and "{" not in first:
            found.add(first)
    return found


def content_sections(settings) -> set[str]:
    """Sections whose pages are content files: articles and drafts."""
    return {
        first
        for key in ("ARTICLE_URL", "DRAFT_URL")
        if (first := (settings.get(key) or "").split("/", 1)[0]) and "{" not in first
    }


def check_output_path(source: SourceFile, settings) -> Iterator[Problem]:
    for key in ("save_as", "url"):
        value = source.get(key)
        if value and not stays_inside(settings["OUTPUT_PATH"], value):
            yield error(
                source.display,
                source.line_of(key),
                f'đường dẫn "{value}" ra ngoài thư mục xuất bản',
                "xoá dòng này",
            )


def stays_inside(output: str, relative: str) -> bool:
    base = os.path.abspath(output)
    target = os.path.abspath(os.path.join(base, relative.lstrip("/")))
    return os.path.commonpath([base, target]) == base and not relative.startswith("/")
