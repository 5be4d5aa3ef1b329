"""Sanitizer: raw HTML in Markdown bodies and leads is cleaned to a safe allow-list."""

from .cleaning import clean_html
from .signals import register

__all__ = ["clean_html", "register"]
