"""Machine-readable output: XML sitemap, robots.txt and a JSON export of articles."""

from .signals import register

__all__ = ["register"]
