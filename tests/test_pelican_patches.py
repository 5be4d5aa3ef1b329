"""Guards for every place where a plugin reaches into Pelican's internals
(docs/architecture.md, "Patches of Pelican"). Each test states what the patch
relies on and fails when a Pelican release changes it, so an upgrade of
Pelican is safe: read the patch again before changing the pin."""

from __future__ import annotations

import copy
import inspect

import pelican
import pytest
from jinja2 import Environment, Template
from pelican import generators, readers, writers
from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG

from conftest import write_files
from pelican_adapter import page_memo, writing
from pelican_adapter.once import ArticleList


def test_pelican_is_the_pinned_release():
    """The patches below were checked against this release."""
    assert pelican.__version__ == "4.12.0"


def test_run_is_called_on_the_instance():
    """safe_publish wraps ``pelican.run`` on the instance; the command line
    and the autoreload loop call it there."""
    assert "run" in pelican.main.__code__.co_names
    assert "pelican.run()" in inspect.getsource(pelican.autoreload)


def test_autoreload_waits_through_the_module_global():
    """saves_during_build replaces ``pelican.wait_for_changes``; the loop
    looks the name up in the module each time."""
    assert "wait_for_changes" in pelican.autoreload.__code__.co_names
    parameters = list(inspect.signature(pelican.wait_for_changes).parameters)
    assert parameters[:2] == ["settings_file", "settings"]


def test_generators_are_run_through_their_instance_methods():
    """writing.adapt_generator replaces ``generate_context`` and
    ``generate_output`` on each generator; Pelican.run calls them there."""
    source = inspect.getsource(pelican.Pelican.run)
    assert "p.generate_context()" in source
    assert "p.generate_output(writer)" in source


def test_the_writer_opens_a_page_with_open_w_and_writes_it_once(tmp_path):
    """page_memo.link_reused_pages wraps ``Writer._open_w``: the writer
    renders a page, opens its file with it, and writes the text in one call;
    a second write to one file is refused there."""
    writer = writers.Writer(str(tmp_path), settings=copy.deepcopy(DEFAULT_CONFIG))
    page_memo.link_reused_pages(writer)
    reused = page_memo.Reused("a.html")
    reused.source = tmp_path / "served.html"
    reused.source.write_text("trang cũ", encoding="utf-8")
    template = Environment().from_string("{{ text }}")

    class Returns(Template):
        def render(self, *_args, **_kwargs):
            return reused

    writer.write_file("b.html", template, {}, text="trang mới")
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "trang mới"
    template.__class__ = Returns
    writer.write_file("a.html", template, {})
    assert (tmp_path / "a.html").stat().st_ino == reused.source.stat().st_ino
    with pytest.raises(RuntimeError):
        writer.write_file("a.html", template, {})


def test_get_content_is_memoised_on_the_class():
    """writing.forget_rendered_content empties the cache of Pelican's
    ``memoized`` get_content, kept on the class for the whole build."""
    memoized = Content.__dict__["get_content"]
    assert isinstance(memoized.cache, dict)
    article = Article(
        "<p>x</p>", {"title": "A"}, settings=copy.deepcopy(DEFAULT_CONFIG)
    )
    memoized.cache.clear()
    article.get_content("")
    assert memoized.cache
    writing.forget_rendered_content()
    assert not memoized.cache


def test_discarded_fields_are_pelicans_private_marker():
    """reading.without_discarded leaves out fields set to ``_DISCARD`` before
    a reader's result is cached (a pickled copy is no longer the marker)."""
    assert readers._filter_discardable_metadata({"a": readers._DISCARD}) == {}
    tags = readers.METADATA_PROCESSORS["tags"]
    assert tags("", copy.deepcopy(DEFAULT_CONFIG)) is readers._DISCARD


def test_override_url_is_what_url_answers(tmp_path):
    """once.freeze_urls stores each URL as Pelican's ``override_url``."""
    article = Article(
        "x", {"title": "A", "slug": "a"}, settings=copy.deepcopy(DEFAULT_CONFIG)
    )  # fmt: skip
    save_as = article.save_as
    article.override_url = "tin-tuc/a/"
    assert article.url == "tin-tuc/a/" and article.save_as == save_as


def test_taxonomy_pages_filter_articles_by_membership():
    """once.index_taxonomies gives tags, categories and authors ArticleLists
    because Pelican writes their pages with ``a in articles``."""
    source = inspect.getsource(generators.ArticlesGenerator.generate_tags)
    assert "if article in articles" in source
    items = [object(), object()]
    listed = ArticleList(items)
    assert items[1] in listed and object() not in listed and listed == items


def test_the_kept_generator_holds_the_lists_the_quick_preview_reads(tmp_path):
    """quick_preview.Snapshot keeps the articles generator between builds and
    reads its lists of articles, translations and drafts."""
    content = tmp_path / "content"
    write_files(content, {"a.md": "Title: A\nDate: 2024-01-01\n\nx\n"})
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(content), CACHE_PATH=str(tmp_path))
    settings["READERS"] = {}
    context = {**settings, "generated_content": {}, "static_links": set()}
    generator = generators.ArticlesGenerator(
        context=context,
        settings=settings, path=str(content), theme=settings["THEME"],
        output_path=str(tmp_path / "out"),
    )  # fmt: skip
    generator.generate_context()
    for name in (
        "translations", "articles", "hidden_translations", "hidden_articles",
        "drafts_translations", "drafts",
    ):  # fmt: skip
        assert isinstance(getattr(generator, name), list), name
