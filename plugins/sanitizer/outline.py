"""Fitting body headings under the page's h1, without skipped levels.

Editors often start a section with `###`. Under the article's h1 that skips a
level (WCAG 1.3.1, and the Nu HTML checker reports it), so the levels a body
uses are renumbered in order: the highest becomes h2, the next h3, and so on.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def fit_heading_outline(html: str) -> str:
    levels = sorted({int(level) for _, level in HEADING.findall(html)})
    renumbered = {level: min(6, 2 + rank) for rank, level in enumerate(levels)}
    if all(old == new for old, new in renumbered.items()):
        return html
    return HEADING.sub(lambda match: f"<{match[1]}h{renumbered[int(match[2])]}", html)
