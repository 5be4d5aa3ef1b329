"""Newsroom: the department's content model on top of Pelican.

Day-first dates, "Name - Unit" bylines, hot and featured news, attachments and
unit (đơn vị) pages.
"""

from .metadata import parse_flag, split_byline
from .signals import register

REQUIRES: list[str] = []

__all__ = ["parse_flag", "register", "split_byline"]
