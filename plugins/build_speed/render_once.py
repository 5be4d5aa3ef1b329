"""Render a page-independent macro once per build instead of once per page."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from jinja2 import pass_context
from markupsafe import Markup

# Pelican makes a new Jinja environment for every generator of every build,
# so a cache kept per environment never outlives the build that filled it.
_RENDERED: WeakKeyDictionary = WeakKeyDictionary()


@pass_context
def render_once(context, macro) -> Markup:
    """``{{ sidebar_component.sidebar|render_once }}``: call ``macro()`` once.

    The key includes SITEURL, which Pelican changes per page when
    RELATIVE_URLS is on; the macro must not read anything else that differs
    between pages.
    """
    cache = _RENDERED.setdefault(context.environment, {})
    key = (macro.name, context.get("SITEURL"))
    if key not in cache:
        cache[key] = Markup(macro())
    return cache[key]
