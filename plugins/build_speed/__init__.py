"""Build speed: work a build does once instead of once per page, and a report.

- `render_once`, a Jinja filter: a macro whose output is the same on every
  page (the sidebar) is rendered once per build and SITEURL.
- Content URLs are worked out once, when every generator has read its
  content, instead of on each of the many times the templates ask for them.
- Markdown is read on every core and cached by file hash, settings and code;
  pages are rendered and written on every core.
- Long builds print what they have read and written every few seconds, and
  every build ends with the time each phase took.
- `call_in_child` runs work whose memory should not outlive it (the related
  ranking) in a forked child, and `map_on_every_core` shares a loop out among
  forked children; `may_fork` is the one rule for when forking is safe, and
  `frozen_heap` keeps forked children from copying the build's memory, for
  every plugin that forks.
"""

from .forking import call_in_child, frozen_heap, map_on_every_core, may_fork
from .progress import BuildReport
from .render_once import render_once
from .signals import register

__all__ = [
    "BuildReport",
    "call_in_child",
    "frozen_heap",
    "map_on_every_core",
    "may_fork",
    "register",
    "render_once",
]
