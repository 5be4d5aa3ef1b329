"""Work done once a build instead of once a page."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from jinja2 import pass_context
from markupsafe import Markup
from pelican.contents import Article, Page

from . import recording

# Pelican makes a new Jinja environment for every generator of every build, so
# a cache kept per environment never outlives the build that filled it.
_RENDERED: WeakKeyDictionary = WeakKeyDictionary()


@pass_context
def render_once(context, template_name: str, macro_name: str) -> Markup:
    """``{{ "components/sidebar.html"|render_once("sidebar") }}``: the macro's
    output, made once per environment and SITEURL (which Pelican changes per
    page when RELATIVE_URLS is on). The macro must not read anything else
    that differs between pages. What it read counts for every page showing it.

    The template is loaded only then: importing it "with context" on every
    page was a tenth of the rendering time of a 3,000-article build.
    """
    cache = _RENDERED.setdefault(context.environment, {})
    key = (template_name, macro_name, context.get("SITEURL"))
    recorder = recording.recorder
    if key not in cache:
        page, recorder.page = recorder.page, recording.Page()
        try:
            template = context.environment.get_template(template_name)
            # As `{% import template_name with context %}` makes it.
            module = template.make_module(context.get_all(), True)
            output = Markup(getattr(module, macro_name)())
            read = recorder.page
            cache[key] = (output, read.names, frozenset(read.keyed))
        finally:
            recorder.page = page
    output, names, reads = cache[key]
    if recorder.page is not None:
        recorder.page.show(names, reads)
    return output


def freeze_urls(contents) -> None:
    """Pelican formats an article's URL again on every access (copying its
    metadata, resolving its source path), a sixth of a build once listings ask
    for dozens each. Each URL is stored, once every generator has read its
    content, as Pelican's own ``override_url`` (not ``save_as``: an
    ``override_save_as`` would make the writer skip, not refuse, a second
    page written to one file)."""
    for content in contents:
        if isinstance(content, (Article, Page)) and not hasattr(
            content, "override_url"
        ):
            content.override_url = content.url  # read from the settings first


class ArticleList(list):
    """A list whose ``in`` is a set lookup by identity (Pelican's content
    objects compare by identity, so the answer is the list's own). Any change
    drops the set; the next ``in`` makes it again."""

    _members: set[int] | None = None

    def __contains__(self, item) -> bool:
        if self._members is None:
            self._members = {id(member) for member in self}
        return id(item) in self._members

    def __reduce__(self):
        # A copy in another process holds other objects: its set starts anew.
        return (ArticleList, (list(self),))


def _dropping_members(name: str):
    change = getattr(list, name)

    def changed(self, *args):
        # Dropped after the change too: an ``in`` asked while it runs makes a
        # set of the half-changed list.
        self._members = None
        try:
            return change(self, *args)
        finally:
            self._members = None

    changed.__name__ = name
    return changed


for _name in (
    "__setitem__", "__delitem__", "__iadd__", "__imul__",
    "append", "extend", "insert", "remove", "pop", "clear",
):  # fmt: skip
    setattr(ArticleList, _name, _dropping_members(_name))


def index_taxonomies(generator) -> None:
    """Pelican writes each tag, category and author page with ``[a for a in
    self.dates if a in articles]``: quadratic (8.4 s of CPU in each writing
    process at 10,000 articles, 0.6 s with these lists). The generator's lists
    become ArticleLists with the same articles in the same order; the
    context's categories and authors are the generator's own lists, changed
    in place."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = ArticleList(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            for position, (key, articles) in enumerate(pairs):
                pairs[position] = (key, ArticleList(articles))
