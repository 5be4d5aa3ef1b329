"""Content check: validate every content file and report every problem in one run.

Each problem reads `file:line: message (how to fix)`, in Vietnamese. The same
checks run in every build and in the `sokhcn check` command.
"""

from .addresses import address_of
from .legacy_font import LegacyFontProblem
from .placeholder import PLACEHOLDER_BODY
from .problems import Problem, format_summary
from .signals import register
from .site import check_content

REQUIRES: list[str] = []

__all__ = [
    "PLACEHOLDER_BODY",
    "LegacyFontProblem",
    "Problem",
    "address_of",
    "check_content",
    "format_summary",
    "register",
]
