"""Render a page-independent macro once per build instead of once per page."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from jinja2 import pass_context
from markupsafe import Markup

# Pelican makes a new Jinja environment for every generator of every build,
# so a cache kept per environment never outlives the build that filled it.
_RENDERED: WeakKeyDictionary = WeakKeyDictionary()


@pass_context
def render_once(context, template_name: str, macro_name: str) -> Markup:
    """``{{ "components/sidebar.html"|render_once("sidebar") }}``: the macro's
    output, made once per SITEURL.

    The template is loaded only then: importing it "with context" on every page
    (and every template it imports) was a tenth of the rendering time of a
    3,000-article build.
    The key includes SITEURL, which Pelican changes per page when
    RELATIVE_URLS is on; the macro must not read anything else that differs
    between pages.
    """
    cache = _RENDERED.setdefault(context.environment, {})
    key = (template_name, macro_name, context.get("SITEURL"))
    if key not in cache:
        template = context.environment.get_template(template_name)
        # As `{% import template_name with context %}` makes it.
        module = template.make_module(context.get_all(), True)
        cache[key] = Markup(getattr(module, macro_name)())
    return cache[key]
