"""Legacy redirects: old portal addresses (`LegacyURL:`) lead to the new pages.

Writes an nginx map and a JSON table of {old address: new URL}, an HTML page with
a meta refresh at each old path, and one script-driven page per old `.aspx` path
for addresses keyed by query string (`ChiTietTinTuc.aspx?nid=7705`).
"""

from .generator import register

REQUIRES: list[str] = []

__all__ = ["register"]
