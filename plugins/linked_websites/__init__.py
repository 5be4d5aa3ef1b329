"""Linked websites (Website liên kết): grouped links read from a Markdown data file."""

from .data_file import parse as parse_linked_websites
from .signals import register

REQUIRES: list[str] = []

__all__ = ["parse_linked_websites", "register"]
