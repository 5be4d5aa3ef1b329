"""The layer that adapts Pelican to a large site: every patch of Pelican's
internals is here, listed in docs/architecture.md with its reason and
guarded by a test (tests/test_pelican_patches.py).

- Reading: on every core, and from the build's cache for a file read before
  (``reading.py``).
- Pages: what each page reads is recorded, and a page whose inputs did not
  change is linked from the served folder instead of rendered
  (``recording.py``, ``page_memo.py``).
- Writing: each generator's pages on every core; its phases timed
  (``writing.py``, ``report.py``).
- Once a build, not once a page: the sidebar (the ``render_once`` filter),
  content URLs, the taxonomy lists' membership (``once.py``).
- The preview server: the saved article's page first, and a rebuild for a
  file saved during a build (``quick_preview.py``, ``saves_during_build.py``).
"""

from .once import render_once
from .report import BuildReport
from .signals import register

# The page memo links unchanged pages into the new folder safe_publish makes.
REQUIRES = ["safe_publish"]

__all__ = ["BuildReport", "register", "render_once"]
