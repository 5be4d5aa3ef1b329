"""Atom and RSS feeds of the newest documents, with absolute links."""

from __future__ import annotations

import io
from datetime import datetime, time
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed, Rss201rev2Feed

from .document_file import Document

FEED_CLASSES = {"atom": Atom1Feed, "rss": Rss201rev2Feed}


def description(document: Document) -> str:
    parts = [
        document.summary,
        f"Cơ quan ban hành: {document.issuer}",
        f"Ngày ban hành: {document.issued:%d/%m/%Y}",
    ]
    if document.effective:
        parts.append(f"Ngày hiệu lực: {document.effective:%d/%m/%Y}")
    if document.draft and document.comment_until:
        parts.append(f"Lấy ý kiến đến: {document.comment_until:%d/%m/%Y}")
    return ". ".join(parts) + "."


def feed(documents: list[Document], settings, path: str, kind: str) -> str:
    origin = (settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip("/")
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh")
    index_url = settings.get("DOCUMENTS_URL") or "van-ban/"
    generator = FEED_CLASSES[kind](
        title=f"Văn bản - {settings.get('SITENAME', '')}",
        link=f"{origin}/{index_url}",
        feed_url=f"{origin}/{path}",
        description="Văn bản mới ban hành và dự thảo lấy ý kiến",
        language="vi",
    )
    for document in documents[: settings.get("FEED_MAX_ITEMS") or 50]:
        url = f"{origin}/{document.url}"
        issued = datetime.combine(document.issued, time(), zone)
        generator.add_item(
            title=f"{document.title}: {document.summary}",
            link=url,
            unique_id=url,
            description=description(document),
            pubdate=issued,
            updateddate=issued,
            categories=[document.kind, *document.sectors],
        )
    stream = io.StringIO()
    generator.write(stream, "utf-8")
    return stream.getvalue()
