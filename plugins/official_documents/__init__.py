"""Văn bản: the documents database that Decree 42/2022 asks of a department's portal.

One Markdown file per document under content/van-ban/<year>/ (document_file.py
says how it reads). The build writes /van-ban/ newest first, static filter
pages by loại, cơ quan ban hành, lĩnh vực, năm and tình trạng, one page per
document, the compact index that documents.js filters in the browser, feeds,
and the "Tiếp cận thông tin" page. content_check reports the problems.
"""

from pelican import signals

from .document_file import (
    FIELD_LABELS,
    FILE_FORMATS,
    Attachment,
    Document,
    Problem,
    number_key,
)
from .export import (
    SearchableDocument,
    documents_json,
    documents_json_path,
    searchable_documents,
    sitemap_entries,
)
from .generator import DocumentsGenerator
from .library import Library, read_library
from .status import Status, status_on


def add_generator(_pelican):
    return DocumentsGenerator


def register() -> None:
    signals.get_generators.connect(add_generator)


# A malformed document is left out; content_check is what reports it.
REQUIRES = ["content_check"]

__all__ = [
    "FIELD_LABELS",
    "FILE_FORMATS",
    "Attachment",
    "Document",
    "Library",
    "Problem",
    "SearchableDocument",
    "Status",
    "documents_json",
    "documents_json_path",
    "number_key",
    "read_library",
    "register",
    "searchable_documents",
    "sitemap_entries",
    "status_on",
]
