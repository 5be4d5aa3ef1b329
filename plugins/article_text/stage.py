"""The text stage: each article's text made once, as the file is read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pelican.utils import (
    strip_toc_elements_from_html,
    truncate_html_paragraphs,
    truncate_html_words,
)

from .text import Terms, blocks_text, collapse, headings_of, terms_of

FIELD = "article_text"  # where the reader's metadata carries it


@dataclass(frozen=True, slots=True)
class ArticleText:
    """Plain text (NFC, whitespace collapsed) and the terms of each part."""

    title: str
    lead: str  # the written lead (Summary), or ""
    summary: str  # the lead, or the opening that listings show
    body: str
    headings: tuple[str, ...]
    title_terms: Terms
    lead_terms: Terms
    body_terms: Terms

    def digest(self) -> str:
        """Changes whenever any of the text does."""
        digest = hashlib.sha1()
        for part in (self.title, self.summary, self.body_terms.exact):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(self.lead_terms.exact.encode("utf-8"))
        return digest.hexdigest()


def make_text(title: str, body_html: str, lead_html: str, settings) -> ArticleText:
    body = blocks_text(body_html or "")
    lead = blocks_text(lead_html or "")
    return ArticleText(
        title=collapse(title),
        lead=collapse(lead),
        summary=collapse(lead) or opening(body_html or "", settings),
        body=collapse(body),
        headings=headings_of(body_html or ""),
        title_terms=terms_of(title),
        lead_terms=terms_of(lead),
        body_terms=terms_of(body),
    )


def opening(body_html: str, settings) -> str:
    """The plain text of the summary Pelican makes when there is no Summary
    (Content.get_summary, with the same settings)."""
    paragraphs = settings.get("SUMMARY_MAX_PARAGRAPHS")
    if paragraphs is not None:
        body_html = truncate_html_paragraphs(body_html, paragraphs)
    words = settings.get("SUMMARY_MAX_LENGTH")
    if words is not None:
        suffix = settings.get("SUMMARY_END_SUFFIX", "…")
        body_html = truncate_html_words(body_html, words, suffix)
    return collapse(blocks_text(strip_toc_elements_from_html(body_html)))


def add_text(_path, content, metadata, settings):
    """A reading step: the text of what was just read and sanitised."""
    title = metadata.get("title") or ""
    metadata[FIELD] = make_text(
        str(title), content or "", metadata.get("summary") or "", settings
    )
    return content, metadata


def keep_out_of_metadata(content) -> None:
    """``content_object_init``: the text is an attribute of the article
    (Pelican made one of every field), not one of its header fields."""
    content.metadata.pop(FIELD, None)


def text_of(content) -> ArticleText:
    """The text of an article or page (made now if it was not read from a file)."""
    found = getattr(content, FIELD, None)
    if found is None:
        found = make_text(
            content.title, content._content, content.metadata.get("summary"),
            content.settings,
        )  # fmt: skip
        setattr(content, FIELD, found)
    return found
