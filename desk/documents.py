"""The documents database (official_documents) as the desk needs it: the page
a document file gives, and the documents a new one can replace or amend."""

from __future__ import annotations

from pathlib import Path

from official_documents import read_library


def in_documents(settings, relative: str) -> bool:
    """`relative` (from the content folder) is a document file's path."""
    folder = (settings.get("DOCUMENTS_PATH") or "").strip("/")
    return bool(folder) and relative.startswith(f"{folder}/")


def document_page(settings, path: Path) -> str | None:
    """The address of the document in `path` ("van-ban/2024/qd-215/"); None when
    it has no page (no number or issue date, a duplicate number)."""
    path = path.resolve()
    for document in read_library(settings).documents:
        if Path(document.source_path).resolve() == path:
            return document.url
    return None


def known_documents(settings) -> list[dict]:
    """Each document with a page, newest first, as the form offers them."""
    return [
        {
            "number": document.number,
            "year": document.issued.year,
            "title": document.title,
            "summary": document.summary,
            "issued": f"{document.issued:%d/%m/%Y}",
        }
        for document in read_library(settings).documents
    ]
