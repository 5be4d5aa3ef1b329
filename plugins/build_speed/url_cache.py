"""Work out each article's and page's URL once, when the content is final.

Pelican formats the URL settings again on every access (copying the metadata
and resolving the source path each time); a listing page asks for dozens of
them, which made this about a sixth of a whole build.
"""

from __future__ import annotations

from pelican.contents import Article, Page


def freeze_urls(contents) -> int:
    """Store each object's URL as Pelican's own ``override_url``.

    Only the URL: listings ask for it again and again, while ``save_as`` is
    read about once, and an ``override_save_as`` would change how Pelican's
    writer treats two pages written to one file (it skips instead of failing).
    """
    frozen = 0
    for content in contents:
        if isinstance(content, (Article, Page)) and not hasattr(
            content, "override_url"
        ):
            # Read before setting: the property answers from the settings.
            content.override_url = content.url
            frozen += 1
    return frozen
