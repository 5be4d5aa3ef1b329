"""Sanitizer: raw HTML in Markdown bodies and leads is cleaned to a safe allow-list,
and body headings are renumbered to fit under the page's h1."""

from .cleaning import ATTRIBUTES as ALLOWED_ATTRIBUTES
from .cleaning import TAGS as ALLOWED_TAGS
from .cleaning import clean_html
from .outline import fit_heading_outline
from .signals import register

REQUIRES: list[str] = []

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "clean_html",
    "fit_heading_outline",
    "register",
]
