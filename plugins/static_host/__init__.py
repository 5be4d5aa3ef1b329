"""Static host: output ready for any web server or CDN.

With `FINGERPRINT_ASSETS`, CSS and JavaScript get content-hashed names (so they
can be cached forever) and every page points to them; with `PRECOMPRESS`, text
files get gzip and brotli copies beside them.
"""

from .fingerprint import HASHED_NAME, fingerprint_assets
from .precompress import precompress_tree
from .signals import register

__all__ = ["HASHED_NAME", "fingerprint_assets", "precompress_tree", "register"]
