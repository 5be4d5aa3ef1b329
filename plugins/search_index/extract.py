"""Text of a rendered article page: title, lead and body, read with BeautifulSoup."""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from bs4.builder import HTMLParserTreeBuilder

from vietnamese import nfc

# Parsing only the article's header, lead and body is several times faster than
# the whole page (menus, sidebar, "Các tin khác"). The footer (byline, tags)
# follows the body in theme/templates/article.html.
_ARTICLE_STARTS = ('<h1 class="article__title"', '<article class="article"')
_ARTICLE_ENDS = ('<footer class="article__footer"', "</article>", "</main>")
_PARTS = ["article__title", "article__lead", "article__body"]
# Block elements end a word; inline ones (a, em, strong) do not.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
EXCERPT_LENGTH = 220


@dataclass(frozen=True)
class ArticleText:
    title: str
    lead: str
    body: str
    found_title: bool

    @property
    def excerpt(self) -> str:
        """The opening words shown under a result: the lead, else the body."""
        return shorten(self.lead or self.body, EXCERPT_LENGTH)


def clean(text: str) -> str:
    """NFC with runs of whitespace collapsed: NFD pages read like any other.

    ``str.split`` splits where ``\\s`` matches, at a third of a regex's cost."""
    return " ".join(nfc(text).split())


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


def article_region(html: str) -> str:
    start = next((i for i in map(html.find, _ARTICLE_STARTS) if i >= 0), -1)
    if start < 0:
        return html
    for marker in _ARTICLE_ENDS:
        end = html.find(marker, start)
        if end > 0:
            return html[start:end]
    return html[start:]


def _text(element) -> str:
    """Text of an element; block elements separate words, inline ones do not."""
    parts = []
    for node in element.descendants:
        if type(node) is NavigableString:
            parts.append(node)
        elif node.name in _BLOCKS:
            parts.append(" ")
    return clean("".join(parts))


_builder: HTMLParserTreeBuilder | None = None


def _soup(html: str) -> BeautifulSoup:
    # One tree builder per process: building it for every page costs a third
    # of the parse time of a short article.
    global _builder
    if _builder is None:
        _builder = HTMLParserTreeBuilder()
    return BeautifulSoup(html, builder=_builder)


def extract_article(html: str) -> ArticleText:
    """The text of ``.article__title``, ``.article__lead`` and ``.article__body``."""
    soup = _soup(article_region(html))
    found = {}
    for element in soup.find_all(class_=_PARTS):
        for name in element.get("class", ()):
            found.setdefault(name, element)
    title = found.get("article__title")
    return ArticleText(
        title="" if title is None else _text(title),
        lead=_text(found["article__lead"]) if "article__lead" in found else "",
        body=_text(found["article__body"]) if "article__body" in found else "",
        found_title=title is not None,
    )
