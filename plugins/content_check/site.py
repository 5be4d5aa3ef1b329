"""Checking a whole content folder: every file, links, and clashing addresses."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from build_runtime import BuildCache
from vietnamese import parse_date, slugify

from .documents import check_documents
from .header import SourceFile, read_source
from .legacy_font import check_legacy_font
from .links import SiteIndex, check_files, check_links
from .placeholder import check_placeholder
from .problems import Problem, error
from .raw_html import check_raw_html
from .rules import check_article, check_page

SECTION_SETTINGS = (
    "CATEGORY_URL", "TAG_URL", "AUTHOR_URL", "UNIT_URL", "ARCHIVES_SAVE_AS",
    "YEAR_ARCHIVE_URL", "SEARCH_SAVE_AS", "SITEMAP_SAVE_AS", "LINKED_WEBSITES_SAVE_AS",
    "FEED_ALL_ATOM", "ARTICLE_URL", "DRAFT_URL", "SCHEDULE_INDEX_URL",
    "DOCUMENTS_URL", "ACCESS_TO_INFORMATION_URL",
)  # fmt: skip


def check_content(
    settings, cache: BuildCache | None = None
) -> tuple[list[Problem], int]:
    """Every problem of every article and page, and the number of files read.
    With a build cache, a file whose bytes it knows is not read or checked
    again on its own (links, files and addresses are, across files)."""
    root = Path(settings["PATH"])
    problems: list[Problem] = []
    cache = cache or {}
    articles = read_all(root, settings["ARTICLE_PATHS"], problems, cache)
    pages = read_all(root, settings["PAGE_PATHS"], problems, cache)
    urls = {}
    for source in articles:
        urls[source.display] = article_url(source, settings)
    for source in pages:
        urls[source.display] = page_url(source, settings)
    problems += clashing_urls(urls)
    problems += unknown_translations(pages, settings)
    site = SiteIndex(
        {url.strip("/") for url in urls.values() if url},
        sections(settings),
        content_sections(settings),
    )
    for sources, check in ((articles, check_new_article), (pages, check_page)):
        for source in sources:
            problems += local_problems(source, check, settings, cache)
            problems += check_files(source, root)
            problems += check_links(source, root, site)
    document_problems, document_count = check_documents(settings)
    problems += document_problems
    file_count = len(articles) + len(pages) + document_count
    return sorted(set(problems), key=sort_key), file_count


def sort_key(problem: Problem):
    return (problem.path, problem.line, problem.message)


def check_new_article(source: SourceFile, settings) -> Iterator[Problem]:
    """An article's own rules, and the placeholder body `sokhcn new` writes."""
    yield from check_article(source, settings)
    yield from check_placeholder(source)


def local_problems(source: SourceFile, check, settings, cache) -> list[Problem]:
    """The problems a file has on its own, whatever the other files (paths as
    shown from the working folder)."""
    key = ("problems", source.relative, source.digest, os.getcwd())
    found = cache.get(key)
    if found is None:
        found = [*check(source, settings), *check_output_path(source, settings)]
        found += check_legacy_font(source)
        found += check_raw_html(source)
        cache[key] = found
    return found


def read_all(root: Path, folders, problems: list[Problem], cache) -> list[SourceFile]:
    sources = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.md")):
            data = path.read_bytes()
            key = ("source", path.as_posix(), hashlib.sha1(data).hexdigest())
            found = cache.get(key)
            if found is not None:
                sources.append(found)
                continue
            try:
                sources.append(read_source(path, root, data))
                cache[key] = sources[-1]
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


def unknown_translations(pages: list[SourceFile], settings) -> Iterator[Problem]:
    """`Translation:` names the slug of a page in the other language."""
    default = settings["DEFAULT_LANG"]
    slugs = {(p.get("lang") or default, slug_of(p, settings)) for p in pages}
    for page in pages:
        wanted = page.get("translation")
        lang = page.get("lang") or default
        other = "en" if lang == default else default
        if wanted and (other, wanted) not in slugs:
            language = "tiếng Anh" if other == "en" else "tiếng Việt"
            yield error(
                page.display,
                page.line_of("translation"),
                f'không có trang {language} nào có Slug "{wanted}"',
                f"viết Slug (tên tệp, không có .md) của trang {language} tương ứng",
            )


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
