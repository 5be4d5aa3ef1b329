"""Safe publish: build into a temporary folder, swap it in only when nothing failed.

Active when the settings say `SAFE_PUBLISH = True` (publishconf.py), so it holds
for a plain `pelican content -s publishconf.py`. With `SYNC_OUTPUT = True`
instead (pelicanconf.py, the preview), every build also goes to a temporary
folder, and then only the files that changed are moved into the served folder.
"""

from .signals import PublishAborted, register
from .swap import swap_directories
from .sync import sync_into

__all__ = ["PublishAborted", "register", "swap_directories", "sync_into"]
