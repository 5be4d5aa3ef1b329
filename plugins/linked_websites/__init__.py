"""Linked websites (Website liên kết): grouped links read from a Markdown data file."""

from .signals import register

__all__ = ["register"]
