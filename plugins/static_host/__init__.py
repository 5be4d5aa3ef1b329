"""Static host: output ready for any web server or CDN.

Templates name theme files with the ``asset`` filter (``{{ "css/site.css"|asset
}}``). With `FINGERPRINT_ASSETS`, CSS and JavaScript get content-hashed names
(so they can be cached forever) as pages are rendered; with `PRECOMPRESS`,
text files get gzip and brotli copies beside them, made again only for files
that changed.
"""

from .fingerprint import HASHED_NAME, asset, asset_path
from .precompress import precompress_tree
from .signals import register

REQUIRES: list[str] = []

__all__ = ["HASHED_NAME", "asset", "asset_path", "precompress_tree", "register"]
