"""Article lists of tags, categories and authors whose ``in`` is a set lookup.

Pelican writes each tag, category and author page with
``[a for a in self.dates if a in articles]``: every article is looked up in
the list of every tag, which is quadratic. At 3,000 articles that was 1.9 s
in each writing process; it grows with the square of the site.
"""

from __future__ import annotations


class ArticleList(list):
    """A list whose membership test is a set lookup by identity.

    Pelican's content objects compare by identity, so the answer is the
    list's own. Any change to the list drops the set; the next ``in`` makes it
    again.
    """

    _members: set[int] | None = None

    def __contains__(self, item) -> bool:
        if self._members is None:
            self._members = {id(member) for member in self}
        return id(item) in self._members


def _dropping_members(name: str):
    change = getattr(list, name)

    def changed(self, *args):
        self._members = None
        return change(self, *args)

    changed.__name__ = name
    return changed


for _name in (
    "__setitem__", "__delitem__", "__iadd__", "__imul__",
    "append", "extend", "insert", "remove", "pop", "clear",
):  # fmt: skip
    setattr(ArticleList, _name, _dropping_members(_name))


def index_taxonomies(generator) -> int:
    """Give the article generator's tags, categories and authors ArticleLists.

    They hold the same articles in the same order as the lists they replace,
    which stay wherever else they are (the context's ``tags``). Returns how
    many lists were replaced.
    """
    replaced = 0
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = ArticleList(articles)
            replaced += 1
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if not isinstance(pairs, list):
            continue
        for position, (key, articles) in enumerate(pairs):
            pairs[position] = (key, ArticleList(articles))
            replaced += 1
    return replaced
