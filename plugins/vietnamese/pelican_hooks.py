"""Pelican signal handlers: Vietnamese slugs, NFC Markdown, Jinja filters, and
distinct output paths for titles that differ only in diacritics."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, MutableMapping
from itertools import count
from typing import Any

from jinja2 import Undefined
from pelican import signals

from .dates import format_date
from .markdown_nfc import NfcExtension
from .text import (
    SLUG_REGEX_SUBSTITUTIONS,
    fold,
    format_number,
    slugify,
    vn_sorted,
)

logger = logging.getLogger(__name__)

REGEX_SETTINGS = (
    "SLUG_REGEX_SUBSTITUTIONS",
    "CATEGORY_REGEX_SUBSTITUTIONS",
    "TAG_REGEX_SUBSTITUTIONS",
    "AUTHOR_REGEX_SUBSTITUTIONS",
)
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)
# Set on an item we re-slugged, so a cached item can be restored and re-checked.
BASE_SLUG_ATTR = "_vietnamese_base_slug"


# --- Jinja filters ---------------------------------------------------------------


def _missing(value: Any) -> bool:
    # Like Jinja's default Undefined, a missing value renders as "".
    return value is None or isinstance(value, Undefined)


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _lookup(item: Any, attribute: str) -> Any:
    """Follow a dotted path like Jinja's ``attribute=``: "name", "0.name"."""
    value = item
    for part in attribute.split("."):
        if isinstance(value, Mapping):
            value = value[part]
        elif part.isdigit() and isinstance(value, tuple | list):
            value = value[int(part)]
        else:
            value = getattr(value, part)
    return value


def _sort_text(item: Any, attribute: str | None) -> str:
    # Pelican passes tags/categories/authors as (Tag, articles) pairs.
    if isinstance(item, tuple) and not (attribute and attribute[0].isdigit()):
        item = item[0]
    value = _lookup(item, attribute) if attribute else getattr(item, "name", item)
    return _text(value)


def vn_sort(
    items: Iterable[Any], attribute: str | None = None, reverse: bool = False
) -> list[Any]:
    """Jinja filter: sort strings, named objects or (object, …) pairs in Vietnamese
    order; ``attribute`` picks a (dotted) attribute to sort by."""
    return vn_sorted(
        items, key=lambda item: _sort_text(item, attribute), reverse=reverse
    )


def vn_date(value: Any, style: str = "date") -> str:
    """Jinja filter: ``{{ article.date|vn_date("weekday") }}``."""
    return "" if _missing(value) else format_date(value, style)


def vn_number(value: Any) -> str:
    """Jinja filter: ``{{ 18663365|vn_number }}`` → 18.663.365."""
    return "" if _missing(value) else format_number(value)


def vn_fold(value: Any) -> str:
    return fold(_text(value))


def vn_slug(value: Any) -> str:
    return slugify(_text(value))


def jinja_filters() -> dict[str, Any]:
    return {
        "vn_date": vn_date,
        "vn_number": vn_number,
        "vn_sort": vn_sort,
        "vn_fold": vn_fold,
        "vn_slug": vn_slug,
    }


# --- settings ----------------------------------------------------------------


def _with_nfc_extension(markdown_settings: dict[str, Any]) -> dict[str, Any]:
    """Copy of Pelican's MARKDOWN setting with the NFC extension added once."""
    extensions = list(markdown_settings.get("extensions", []))
    already = any(
        isinstance(ext, NfcExtension) or ext == "vietnamese.markdown_nfc"
        for ext in extensions
    )
    if not already:
        extensions.insert(0, NfcExtension())
    return {**markdown_settings, "extensions": extensions}


def configure(settings: MutableMapping[str, Any]) -> None:
    """Apply the plugin's settings; new dicts, so DEFAULT_CONFIG is never mutated."""
    for name in REGEX_SETTINGS:
        settings[name] = list(SLUG_REGEX_SUBSTITUTIONS)
    settings["MARKDOWN"] = _with_nfc_extension(settings.get("MARKDOWN") or {})
    # Filters the site defines itself win over ours.
    settings["JINJA_FILTERS"] = {**jinja_filters(), **settings.get("JINJA_FILTERS", {})}
    if settings.get("SLUGIFY_USE_UNICODE"):
        logger.warning(
            "SLUGIFY_USE_UNICODE = True làm hỏng slug tiếng Việt; hãy đặt là False"
        )


def on_initialized(pelican: Any) -> None:
    configure(pelican.settings)


# --- output path collisions -----------------------------------------------------


def _collect(generator: Any, names: Iterable[str]) -> list[Any]:
    items: dict[int, Any] = {}
    for name in names:
        for item in getattr(generator, name, None) or []:
            items.setdefault(id(item), item)
    return list(items.values())


def _restore_base_slug(item: Any) -> None:
    base = getattr(item, BASE_SLUG_ATTR, None)
    if base is not None:
        item.slug = base
        delattr(item, BASE_SLUG_ATTR)


def _try_suffixes(item: Any, base: str, taken: set[str]) -> bool:
    """Set the first free slug of base-2, base-3, …; False if save_as ignores it."""
    path = item.save_as
    for number in count(2):
        item.slug = f"{base}-{number}"
        if item.save_as == path:
            item.slug = base
            return False
        if item.save_as not in taken:
            return True
    raise AssertionError("unreachable")


def _give_distinct_slug(item: Any, first: Any, taken: set[str]) -> None:
    path, base = item.save_as, getattr(item, "slug", None)
    names = (path, first.relative_source_path, item.relative_source_path)
    if base and _try_suffixes(item, base, taken):
        setattr(item, BASE_SLUG_ATTR, base)
        logger.warning(
            'Trùng đường dẫn "%s" giữa "%s" và "%s": bài sau được đổi sang "%s"',
            *names,
            item.url,
        )
        return
    logger.error(
        'Trùng đường dẫn "%s" giữa "%s" và "%s" nhưng không đổi được: '
        "save_as không chứa {slug}. Hãy đặt Slug riêng cho một trong hai bài.",
        *names,
    )


def resolve_collisions(items: Iterable[Any]) -> None:
    """Keep the first item (source-path order) on each save_as; re-slug the rest."""
    ordered = sorted(items, key=lambda item: item.source_path or "")
    for item in ordered:
        _restore_base_slug(item)
    natural = {item.save_as for item in ordered}
    kept: dict[str, Any] = {}
    for item in ordered:
        path = item.save_as
        if not path:
            continue  # save_as "" means the item is not written
        if path in kept:
            _give_distinct_slug(item, kept[path], natural | kept.keys())
        kept.setdefault(item.save_as, item)


def on_articles_read(generator: Any) -> None:
    resolve_collisions(_collect(generator, ARTICLE_LISTS))


def on_pages_finalized(generator: Any) -> None:
    resolve_collisions(_collect(generator, PAGE_LISTS))


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.article_generator_pretaxonomy.connect(on_articles_read)
    signals.page_generator_finalized.connect(on_pages_finalized)
