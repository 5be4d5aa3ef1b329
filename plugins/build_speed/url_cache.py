"""Work out each article's and page's URL once, when the content is final.

Pelican formats the URL settings again on every access (copying the metadata
and resolving the source path each time); a listing page asks for dozens of
them, which made this about a sixth of a whole build.
"""

from __future__ import annotations

from pelican.contents import Article, Page

URL_KEYS = ("url", "save_as")


def freeze_urls(contents) -> int:
    """Store each object's URL and file name as Pelican's own overrides."""
    frozen = 0
    for content in contents:
        if not isinstance(content, (Article, Page)):
            continue
        for key in URL_KEYS:
            # Read before setting: the property answers from the settings.
            setattr(content, f"override_{key}", getattr(content, key))
        frozen += 1
    return frozen
