"""Safe publish: build into a temporary folder, swap it in only when nothing failed.

Active when the settings say `SAFE_PUBLISH = True` (publishconf.py), so it holds
for a plain `pelican content -s publishconf.py`.
"""

from .signals import PublishAborted, register
from .swap import swap_directories

__all__ = ["PublishAborted", "register", "swap_directories"]
