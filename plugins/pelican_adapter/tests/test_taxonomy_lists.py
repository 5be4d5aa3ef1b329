"""Tag, category and author lists with a set lookup for ``in``: the same
answers as a list's, after any change, and the same pages from a real build."""

from __future__ import annotations

import pickle

import pytest
from pelican import signals

from conftest import Site, plugin_build, write_files
from pelican_adapter.once import ArticleList


class Item:
    """Compares by identity, like Pelican's content objects."""


ITEMS = [Item() for _ in range(6)]
CHANGES = {
    "append": lambda items: items.append(ITEMS[5]),
    "extend": lambda items: items.extend(ITEMS[4:6]),
    "+=": lambda items: items.__iadd__([ITEMS[5]]),
    "*=": lambda items: items.__imul__(2),
    "insert": lambda items: items.insert(0, ITEMS[5]),
    "replace one": lambda items: items.__setitem__(0, ITEMS[5]),
    "replace a slice": lambda items: items.__setitem__(slice(0, 2), [ITEMS[5]]),
    "del": lambda items: items.__delitem__(0),
    "del a slice": lambda items: items.__delitem__(slice(0, 2)),
    "remove": lambda items: items.remove(ITEMS[1]),
    "pop": lambda items: items.pop(),
    "clear": lambda items: items.clear(),
    "extend, asking 'in' meanwhile": lambda items: items.extend(
        item for item in ITEMS if item not in items
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_membership_follows_every_change_to_the_list(change):
    plain, indexed = list(ITEMS[:4]), ArticleList(ITEMS[:4])
    assert [item in indexed for item in ITEMS] == [True] * 4 + [False] * 2
    CHANGES[change](plain)
    CHANGES[change](indexed)
    assert list(indexed) == plain
    assert [item in indexed for item in ITEMS] == [item in plain for item in ITEMS]
    assert Item() not in indexed


def test_a_pickled_copy_answers_for_its_own_items():
    indexed = ArticleList(ITEMS[:4])
    assert ITEMS[0] in indexed  # the set is made
    copied = pickle.loads(pickle.dumps(indexed))
    assert type(copied) is ArticleList
    assert all(item in copied for item in copied)
    assert ITEMS[0] not in copied


def article(number: int, tags: str, author: str) -> str:
    return f"""
        Title: Tin số {number}
        Date: 2024-03-{number:02d} 08:00
        Category: {"Thông báo" if number % 2 else "Tin hoạt động"}
        Tags: {tags}
        Author: {author}

        Nội dung tin số {number}.
        """


FILES = {
    "articles/tin-1.md": article(1, "đầu tư, chuyển đổi số", "Trương Thế Bình"),
    "articles/tin-2.md": article(2, "đầu tư", "Nguyễn Văn An"),
    "articles/tin-3.md": article(3, "chuyển đổi số", "Trương Thế Bình"),
    "articles/tin-4.md": article(4, "đầu tư", "Trương Thế Bình"),
    "articles/tin-5.md": article(5, "sở hữu trí tuệ", "Nguyễn Văn An"),
}


def listed(site: Site, url: str) -> list[str]:
    return [a.get_text() for a in site.soup(url).select("main li a")]


def test_a_build_lists_each_tag_category_and_author_newest_first(tmp_path):
    seen = {}

    def look(generator, writer):
        seen["tags"] = list(generator.tags.values())
        seen["pairs"] = [pair[1] for pair in generator.categories + generator.authors]

    signals.article_writer_finalized.connect(look)
    try:
        write_files(tmp_path / "content", FILES)
        site = plugin_build(
            "pelican_adapter", tmp_path / "content", tmp_path / "output"
        )
    finally:
        signals.article_writer_finalized.disconnect(look)
    # The pages were written from the set-lookup lists...
    lists = seen["tags"] + seen["pairs"]
    assert len(lists) == 3 + 2 + 2  # tags, categories, authors
    assert all(type(articles) is ArticleList for articles in lists)
    # ...and list what a plain list would.
    assert listed(site, "tag/dau-tu.html") == ["Tin số 4", "Tin số 2", "Tin số 1"]
    assert listed(site, "tag/chuyen-doi-so.html") == ["Tin số 3", "Tin số 1"]
    assert listed(site, "category/thong-bao.html") == [
        "Tin số 5",
        "Tin số 3",
        "Tin số 1",
    ]
    assert listed(site, "category/tin-hoat-dong.html") == ["Tin số 4", "Tin số 2"]
    assert listed(site, "author/truong-the-binh.html") == [
        "Tin số 4",
        "Tin số 3",
        "Tin số 1",
    ]
