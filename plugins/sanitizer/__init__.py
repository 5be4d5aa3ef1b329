"""Sanitizer: raw HTML in Markdown bodies and leads is cleaned to a safe allow-list,
and body headings are renumbered to fit under the page's h1."""

from .cleaning import clean_html
from .outline import fit_heading_outline
from .signals import register

__all__ = ["clean_html", "fit_heading_outline", "register"]
