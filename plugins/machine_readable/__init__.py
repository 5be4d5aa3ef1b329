"""Machine-readable output: sitemap, robots.txt, JSON export, absolute feed links."""

from .signals import register

__all__ = ["register"]
