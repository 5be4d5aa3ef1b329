"""Safe publish: every build writes into a new folder that replaces the served
one in one step (Linux renameat2), so a reader never sees half a site.

With `SAFE_PUBLISH = True` (publishconf.py) a build that logged an error is
thrown away and the published site is kept; this holds for a plain
`pelican content -s publishconf.py`. With `SYNC_OUTPUT = True` (pelicanconf.py,
the preview) the new folder replaces the served one, problems or not.
"""

from .signals import PublishAborted, register
from .swap import swap_directories

REQUIRES: list[str] = []

__all__ = ["PublishAborted", "register", "swap_directories"]
