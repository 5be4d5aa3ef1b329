"""The documents as data: the compact index for documents.js, the JSON export,
the sitemap's entries and each document's searchable text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup

from .document_file import Document
from .library import setting
from .status import status_on


@dataclass(frozen=True)
class SearchableDocument:
    """What the site search needs of one document."""

    url: str
    title: str  # số ký hiệu and trích yếu
    text: str  # the body and every field, as plain text
    date: date  # ngày ban hành
    kind: str = "van-ban"


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def plain_text(html: str) -> str:
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def compact_index(documents: list[Document], groups, settings) -> dict:
    """Everything documents.js filters on, newest first; kinds and issuers by
    their position in `groups` (the filters' options)."""
    options = {group.key: [[f.slug, f.name] for f in group.facets] for group in groups}
    position = {
        key: {name: i for i, (_, name) in enumerate(values)}
        for key, values in options.items()
    }
    records = []
    for document in documents:
        record = {
            "url": document.url,
            "number": document.number,
            "kind": position["loai"].get(document.kind),
            "issuer": position["co-quan"].get(document.issuer),
            "sectors": [position["linh-vuc"][s] for s in document.sectors],
            "issued": iso(document.issued),
            "effective": iso(document.effective),
            "ends": iso(document.ends),
            "summary": document.summary,
            "signer": document.signer_name,
        }
        if document.draft:
            record["draft"] = [iso(document.comment_from), iso(document.comment_until)]
        records.append({k: v for k, v in record.items() if v is not None})
    return {"options": options, "documents": records}


def _absolute(origin: str, url: str) -> str:
    return f"{origin.rstrip('/')}/{url.lstrip('/')}"


def document_record(document: Document, origin: str, day: date) -> dict:
    def numbers(documents):
        return [
            {"number": d.number, "url": _absolute(origin, d.url)} for d in documents
        ]

    return {
        "number": document.number,
        "kind": document.kind,
        "issuer": document.issuer,
        "signer": {"name": document.signer_name, "title": document.signer_title}
        if document.signer_name
        else None,
        "issued": iso(document.issued),
        "effective": iso(document.effective),
        "expires": iso(document.expires),
        "ends": iso(document.ends),
        "status": status_on(document, day).label,
        "sectors": document.sectors,
        "summary": document.summary,
        "url": _absolute(origin, document.url),
        "files": [
            {
                "url": _absolute(origin, f.path),
                "format": f.format,
                "size": f.size,
            }
            for f in document.files
        ],
        "replaces": numbers(document.replaces),
        "replaced_by": numbers(document.replaced_by),
        "amends": numbers(document.amends),
        "amended_by": numbers(document.amended_by),
        "draft": {
            "comment_from": iso(document.comment_from),
            "comment_until": iso(document.comment_until),
            "comment_email": document.comment_email,
        }
        if document.draft
        else None,
    }


LEGAL_FORCE = {
    "con-hieu-luc": "https://schema.org/InForce",
    "het-hieu-luc": "https://schema.org/NotInForce",
    "chua-co-hieu-luc": "https://schema.org/NotInForce",
}


def legislation(document: Document, origin: str, day: date) -> dict:
    """schema.org Legislation for the document's page (JSON-LD)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{document.title}: {document.summary}",
        "abstract": document.summary,
        "legislationIdentifier": document.number,
        "legislationType": document.kind,
        "legislationDate": iso(document.issued),
        "datePublished": iso(document.issued),
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": document.issuer,
        },
        "inLanguage": "vi",
        "url": _absolute(origin, document.url),
        "keywords": ", ".join(document.sectors),
        "creativeWorkStatus": "Dự thảo" if document.draft else "Đã ban hành",
        "encoding": [
            {
                "@type": "MediaObject",
                "contentUrl": _absolute(origin, f.path),
                "encodingFormat": f.format,
                "contentSize": f.size_text,
            }
            for f in document.files
        ],
    }
    if document.signer_name:
        data["legislationResponsible"] = {
            "@type": "Person",
            "name": document.signer_name,
            "jobTitle": document.signer_title,
        }
    if force := LEGAL_FORCE.get(status_on(document, day).key):
        data["legislationLegalForce"] = force
    if document.ends:
        data["expires"] = iso(document.ends)
    # Replacing a document is a change in schema.org's terms.
    for name, others in (
        ("legislationChanges", document.replaces),
        ("legislationAmends", document.amends),
    ):
        if others:
            data[name] = [_absolute(origin, other.url) for other in others]
    return data


def documents_json(context, origin: str) -> str | None:
    """du-lieu/van-ban.json: every document with its fields, or None when the
    site has none. Statuses are those of the build's day."""
    documents = context.get("documents") or []
    if not documents:
        return None
    day = context["documents_today"]
    records = [document_record(d, origin, day) for d in documents]
    data = {"status_date": iso(day), "documents": records}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def documents_json_path(context) -> str | None:
    """Where the JSON export of the documents goes, when there is one."""
    if not context.get("documents"):
        return None
    return setting(context, "DOCUMENTS_JSON_SAVE_AS") or None


def sitemap_entries(context) -> list[tuple[str, str | None]]:
    """(url, lastmod) of the documents' pages: the index, the filter pages,
    one per document, and "Tiếp cận thông tin"."""
    documents = context.get("documents") or []
    if not documents:
        return []
    entries = [(context["DOCUMENTS_URL"], iso(documents[0].issued))]
    for group in context["document_facet_groups"]:
        entries += [(f.url, iso(f.documents[0].issued)) for f in group.facets]
    entries += [(d.url, iso(d.issued)) for d in documents]
    entries.append((context["ACCESS_TO_INFORMATION_URL"], None))
    return entries


def searchable_documents(context) -> list[SearchableDocument]:
    """Each document's searchable data, for the site's search index: the
    title is "số ký hiệu trích yếu", the text every field and the body."""
    found = []
    for document in context.get("documents") or []:
        fields = [
            document.title,
            document.kind,
            document.issuer,
            document.signer,
            "; ".join(document.sectors),
            document.summary,
            plain_text(document.content_html),
        ]
        found.append(
            SearchableDocument(
                url=document.url,
                title=f"{document.number} {document.summary}",
                text=" ".join(" ".join(filter(None, fields)).split()),
                date=document.issued,
            )
        )
    return found
