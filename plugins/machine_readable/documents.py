"""Building the sitemap, robots.txt and the JSON export from the site context."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from article_text import text_of


def absolute(origin: str, url: str) -> str:
    return f"{origin.rstrip('/')}/{url.lstrip('/')}"


def lastmod(item) -> str | None:
    moment = getattr(item, "modified", None) or getattr(item, "date", None)
    return moment.isoformat(timespec="seconds") if moment else None


def sitemap_entries(context) -> list[tuple[str, str | None]]:
    """(url, lastmod) for every public page: home, articles, pages, listings."""
    entries: list[tuple[str, str | None]] = [("", None)]
    entries += [(item.url, lastmod(item)) for item in context.get("articles", [])]
    entries += [(item.url, lastmod(item)) for item in context.get("pages", [])]
    for key in ("categories", "tags", "authors", "units"):
        entries += [(wrapper.url, None) for wrapper, _ in context.get(key, [])]
    return entries


def sitemap_xml(origin: str, entries) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, modified in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(absolute(origin, url))}</loc>")
        if modified:
            lines.append(f"    <lastmod>{modified}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(origin: str, sitemap_path: str, export_path: str) -> str:
    return (
        "User-agent: *\n"
        "Allow: /\n"
        f"# Dữ liệu có cấu trúc: {absolute(origin, export_path)}\n"
        f"Sitemap: {absolute(origin, sitemap_path)}\n"
    )


def article_record(article, origin: str) -> dict:
    unit = getattr(article, "unit", None)
    return {
        "title": article.title,
        "url": absolute(origin, article.url),
        "date": article.date.isoformat(timespec="seconds"),
        "modified": lastmod(article),
        "category": article.category.name,
        "tags": [tag.name for tag in getattr(article, "tags", [])],
        "author": article.author.name if hasattr(article, "author") else None,
        "unit": unit.name if unit else None,
        "summary": text_of(article).summary,
        "image": absolute(origin, article.image)
        if getattr(article, "image", None)
        else None,
        "hot": bool(getattr(article, "hot", False)),
        "featured": bool(getattr(article, "featured", False)),
    }


def articles_json(context, origin: str) -> str:
    records = [article_record(item, origin) for item in context.get("articles", [])]
    return json.dumps({"articles": records}, ensure_ascii=False, indent=1) + "\n"
