"""The settings content_check's tests check with: the plugin alone, with the
project's categories (a check names the allowed ones) and its addresses of
articles and categories (a check resolves links to them)."""

from __future__ import annotations

from pathlib import Path

from pelican.settings import read_settings

import pelicanconf
from conftest import plugin_settings


def settings_for(content: Path, **overrides) -> dict:
    return read_settings(
        None,
        override=plugin_settings(
            "content_check",
            content,
            content / "out",
            CATEGORIES=pelicanconf.CATEGORIES,
            ARTICLE_PATHS=["articles"],
            PAGE_PATHS=["pages"],
            **{
                name: getattr(pelicanconf, name)
                for name in (
                    "SLUGIFY_SOURCE",
                    "ARTICLE_URL",
                    "ARTICLE_SAVE_AS",
                    "CATEGORY_URL",
                )
            },
            **overrides,
        ),
    )
