"""Machine-readable output: sitemap, robots.txt, JSON export, absolute feed links."""

from .signals import register

REQUIRES = ["article_text"]

__all__ = ["register"]
