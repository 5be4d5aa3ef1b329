"""The build's runtime library, for any plugin: several processes, one cache.

- ``in_shares``, ``on_every_core``, ``in_child``: work in forked processes
  (``may_fork`` says when that is safe; ``frozen_heap`` keeps children from
  copying the build's memory).
- ``BuildCache``: values kept between builds, keyed by code, settings,
  templates and content, so never stale.
- ``add_reading_step``: a step every file's reading goes through.
"""

from .cache import (
    BuildCache,
    code_digest,
    file_digest,
    save_pending,
    templates_digest,
)
from .reading import add_reading_step
from .workers import (
    collecting_warnings,
    frozen_heap,
    in_child,
    in_shares,
    may_fork,
    on_every_core,
    worker_count,
)

__all__ = [
    "add_reading_step",
    "BuildCache",
    "code_digest",
    "collecting_warnings",
    "file_digest",
    "frozen_heap",
    "in_child",
    "in_shares",
    "may_fork",
    "on_every_core",
    "save_pending",
    "templates_digest",
    "worker_count",
]
