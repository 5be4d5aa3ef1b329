"""Every document under DOCUMENTS_PATH: checks across files, links and addresses.

`read_library` is called twice in a build (by content_check's report and by the
generator) and by `sokhcn check`; it reads the files once and answers again
from memory while no document file, attached file or setting changed.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown

from sanitizer import clean_html, fit_heading_outline
from vietnamese import slugify

from .document_file import (
    Attachment,
    Document,
    Problem,
    Reference,
    number_key,
    read_document,
)

DEFAULTS = {
    # The folder of document files inside the content folder; "" turns it off.
    "DOCUMENTS_PATH": "van-ban",
    "DOCUMENTS_URL": "van-ban/",
    "DOCUMENT_URL": "van-ban/{year}/{slug}/",
    "DOCUMENT_FACET_URL": "van-ban/{group}/{slug}/",
    "DOCUMENTS_INDEX_JSON": "van-ban/chi-muc.json",
    "DOCUMENTS_FEED_ATOM": "feeds/van-ban.atom.xml",
    "DOCUMENTS_FEED_RSS": "feeds/van-ban.rss.xml",
    "DOCUMENTS_JSON_SAVE_AS": "du-lieu/van-ban.json",
    "DOCUMENTS_RECENT_COUNT": 5,
    "DOCUMENT_KINDS": [],
    "DOCUMENT_ISSUERS": [],
    "DOCUMENT_SECTORS": [],
    # The address drafts' comments go to when a draft names none.
    "DOCUMENTS_COMMENT_EMAIL": "",
    "ACCESS_TO_INFORMATION_URL": "tiep-can-thong-tin/",
    "ACCESS_TO_INFORMATION": {},
    # A day ("dd/mm/yyyy") to build as if it were today: previews and tests.
    "DOCUMENTS_TODAY": None,
}
META = "markdown.extensions.meta"
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
LIST_SETTINGS = ("DOCUMENT_KINDS", "DOCUMENT_ISSUERS", "DOCUMENT_SECTORS")


def setting(settings, name: str):
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def save_as(url: str) -> str:
    return url + "index.html" if url.endswith("/") or not url else url


@dataclass
class Library:
    """The documents newest first, every problem found, and the files read."""

    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    file_count: int = 0
    named_files: set[str] = field(default_factory=set)  # found or not
    access_forms: list[tuple[str, Attachment]] = field(default_factory=list)


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


_memo: dict = {"key": None, "library": None, "attached": {}}


def read_library(settings) -> Library:
    """Every document and problem; from memory while nothing it read changed."""
    root = Path(settings["PATH"])
    relative = setting(settings, "DOCUMENTS_PATH")
    folder = root / relative
    if not relative or not folder.is_dir():
        return Library()
    sources = sorted(folder.rglob("*.md"))
    key = (
        str(root.resolve()),
        tuple((str(path), stamp(path)) for path in sources),
        tuple(
            repr(setting(settings, name))
            for name in (*LIST_SETTINGS, "DOCUMENT_URL", "DOCUMENTS_COMMENT_EMAIL")
        ),
        repr(settings.get("MARKDOWN")),
    )
    attached = _memo["attached"]
    if _memo["key"] == key and all(stamp(p) == s for p, s in attached.items()):
        return _memo["library"]
    library = build_library(root, sources, settings)
    _memo.update(
        key=key,
        library=library,
        attached={root / path: stamp(root / path) for path in library.named_files},
    )
    return library


def display_path(path: Path) -> str:
    """The path shown to the editor: from the working folder when inside it."""
    shown = os.path.relpath(path)
    return path.as_posix() if shown.startswith("..") else shown


def build_library(root: Path, sources: list[Path], settings) -> Library:
    lists = {name: list(setting(settings, name)) for name in LIST_SETTINGS}
    library = Library(file_count=len(sources))
    documents, unplaced = [], []
    for path in sources:
        document, problems = read_document(path, display_path(path), root, lists)
        library.problems += problems
        if document is None:
            continue
        library.named_files.update(document.named_files)
        placed = document.number and document.issued
        (documents if placed else unplaced).append(document)
    documents.sort(key=lambda d: d.source_path)
    documents.sort(key=lambda d: d.issued, reverse=True)
    library.documents = drop_duplicates(documents, library.problems)
    place(library.documents, settings, library.problems)
    link(library, unplaced, library.problems)
    render_bodies(library.documents, settings)
    default_email = setting(settings, "DOCUMENTS_COMMENT_EMAIL") or (
        settings.get("CONTACT") or {}
    ).get("email", "")
    for document in library.documents:
        if document.draft and not document.comment_email:
            document.comment_email = default_email
    read_access_forms(root, settings, library)
    return library


def read_access_forms(root: Path, settings, library: Library) -> None:
    """The request forms offered on "Tiếp cận thông tin" must exist."""
    forms = (setting(settings, "ACCESS_TO_INFORMATION") or {}).get("forms") or []
    for label, path in forms:
        relative = path.lstrip("/")
        library.named_files.add(relative)
        target = root / relative
        if target.is_file():
            library.access_forms.append(
                (label, Attachment(relative, target.stat().st_size))
            )
            continue
        library.problems.append(
            Problem(
                "pelicanconf.py",
                1,
                f'ACCESS_TO_INFORMATION: không tìm thấy mẫu "{label}" ở '
                f"content/{relative}",
                "đặt tệp mẫu vào content/files/ hoặc sửa đường dẫn trong "
                "pelicanconf.py",
            )
        )


def drop_duplicates(documents: list[Document], problems: list[Problem]):
    """One document per số ký hiệu and year: numbers start again every year."""
    seen: dict[tuple[str, int], Document] = {}
    kept = []
    for document in sorted(documents, key=lambda d: d.source_path):
        key = (number_key(document.number), document.issued.year)
        if key in seen:
            first = seen[key]
            problems.append(
                Problem(
                    document.source_path,
                    document.line_of("number"),
                    f'trùng số ký hiệu "{document.number}" năm {document.issued.year}'
                    f" với tệp {first.source_path}",
                    "sửa số ký hiệu cho đúng, hoặc xoá tệp bị trùng",
                    field="number",
                )
            )
            continue
        seen[key] = document
        kept.append(document)
    return [d for d in documents if d in kept]


def place(documents: list[Document], settings, problems: list[Problem]) -> None:
    """Each document's address: the year of issue and the file's name."""
    pattern = setting(settings, "DOCUMENT_URL")
    owners: dict[str, Document] = {}
    for document in sorted(documents, key=lambda d: d.source_path):
        url = pattern.format(
            year=document.issued.year, slug=slugify(document.file_stem)
        )
        if url in owners:
            problems.append(
                Problem(
                    document.source_path,
                    1,
                    f'trùng địa chỉ "/{url}" với tệp {owners[url].source_path}',
                    "đổi tên một trong hai tệp",
                )
            )
            continue
        owners[url] = document
        document.url, document.save_as = url, save_as(url)
    documents[:] = [d for d in documents if d.url]


def link(library: Library, unplaced: list[Document], problems: list[Problem]) -> None:
    """Thay thế / Sửa đổi, both ways; a replaced document ends when the one
    replacing it takes effect (or at its own expiry, if sooner). The links of
    documents without a page (no number or date) are checked all the same."""
    by_number = defaultdict(list)
    for document in library.documents:
        by_number[number_key(document.number)].append(document)
    for document in unplaced:
        for ref in document.replaces_refs + document.amends_refs:
            resolve(document, ref, by_number, problems)
    for document in library.documents:
        for refs, forward, backward in (
            (document.replaces_refs, "replaces", "replaced_by"),
            (document.amends_refs, "amends", "amended_by"),
        ):
            for ref in refs:
                target = resolve(document, ref, by_number, problems)
                if target is None:
                    continue
                getattr(document, forward).append(target)
                if not document.draft:  # a draft changes nothing yet
                    getattr(target, backward).append(document)
    for document in library.documents:
        ends = [d.effective for d in document.replaced_by if d.effective]
        if document.expires:
            ends.append(document.expires)
        document.ends = min(ends) if ends else None


def resolve(document: Document, ref: Reference, by_number, problems) -> Document | None:
    candidates = by_number.get(number_key(ref.number), [])
    if ref.year:
        candidates = [d for d in candidates if d.issued.year == ref.year]
    where = (document.source_path, ref.line)
    if not candidates:
        known = [d.number for docs in by_number.values() for d in docs]
        guess = difflib.get_close_matches(ref.number, known, n=1, cutoff=0.8)
        maybe = f' (có phải là "{guess[0]}"?)' if guess else ""
        hint = f"kiểm tra số ký hiệu{maybe}, hoặc thêm tệp của văn bản đó trước"
        message = f'không có văn bản nào số "{ref.text}" để liên kết'
        problems.append(Problem(*where, message, hint, field=ref.field))
        return None
    if len(candidates) > 1:
        years = ", ".join(str(d.issued.year) for d in candidates)
        problems.append(
            Problem(
                *where,
                f'có {len(candidates)} văn bản số "{ref.number}" (năm {years})',
                "ghi thêm năm ban hành, ví dụ "
                f'"{ref.number} ({candidates[0].issued.year})"',
                field=ref.field,
            )
        )
        return None
    if candidates[0] is document:
        message = f'văn bản tự liên kết tới chính nó ("{ref.text}")'
        fix = "bỏ số ký hiệu của chính văn bản này"
        problems.append(Problem(*where, message, fix, field=ref.field))
        return None
    return candidates[0]


def body_markdown(settings) -> Markdown:
    """The site's Markdown without the meta extension: the header is read
    already, and a body line like "Ghi chú: ..." is text."""
    configured = settings.get("MARKDOWN") or {}
    configs = {
        name: config
        for name, config in (configured.get("extension_configs") or {}).items()
        if name != META
    }
    names = [e for e in configured.get("extensions") or [] if e != META]
    names += [name for name in configs if name not in names]
    output = configured.get("output_format", "html5")
    return Markdown(extensions=names, extension_configs=configs, output_format=output)


def render_bodies(documents: list[Document], settings) -> None:
    """The optional body: Markdown, sanitised and outlined as articles are."""
    markdown = body_markdown(settings)
    for document in documents:
        if body := document.body.strip():
            markdown.reset()
            # Renumbered before cleaning: the allow-list has no h1.
            html = under_section_heading(fit_heading_outline(markdown.convert(body)))
            document.content_html = clean_html(html)


def under_section_heading(html: str) -> str:
    """The body sits under the page's h2 "Nội dung": its headings start at h3."""
    return HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)
