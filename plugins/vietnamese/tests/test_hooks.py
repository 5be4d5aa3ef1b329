"""Settings, filters and slug-collision handling of pelican_hooks.py."""

import logging
from datetime import datetime
from types import SimpleNamespace

import pytest
from jinja2 import Undefined
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.urlwrappers import Category, Tag

from vietnamese import pelican_hooks
from vietnamese.markdown_nfc import NfcExtension
from vietnamese.text import SLUG_REGEX_SUBSTITUTIONS


@pytest.fixture
def settings(tmp_path):
    settings = read_settings(
        override={
            "PATH": str(tmp_path),
            "ARTICLE_TRANSLATION_ID": None,
            "PAGE_TRANSLATION_ID": None,
            "JINJA_FILTERS": {"site_filter": str.upper},
        }
    )
    pelican_hooks.configure(settings)
    return settings


def make_article(settings, title, name, **metadata):
    metadata = {"title": title, "date": datetime(2024, 1, 2), **metadata}
    path = f"{settings['PATH']}/{name}"
    return Article("nội dung", metadata=metadata, settings=settings, source_path=path)


def test_configure_sets_all_slug_substitutions(settings):
    for name in pelican_hooks.REGEX_SETTINGS:
        assert settings[name] == SLUG_REGEX_SUBSTITUTIONS
    assert Category("Thông báo", settings).slug == "thong-bao"
    assert Tag("Nghị định 42/2022/NĐ-CP", settings).slug == "nghi-dinh-42-2022-nd-cp"


def test_configure_adds_markdown_extension_once(settings):
    pelican_hooks.configure(settings)
    extensions = settings["MARKDOWN"]["extensions"]
    assert sum(isinstance(e, NfcExtension) for e in extensions) == 1
    assert settings["MARKDOWN"]["output_format"] == "html5"
    assert "extensions" not in DEFAULT_CONFIG["MARKDOWN"]


def test_configure_merges_jinja_filters(settings):
    filters = settings["JINJA_FILTERS"]
    assert filters["site_filter"] is str.upper
    assert {"vn_date", "vn_number", "vn_sort", "vn_fold", "vn_slug"} <= set(filters)
    assert DEFAULT_CONFIG["JINJA_FILTERS"] == {}


def test_filters():
    assert pelican_hooks.vn_date(datetime(2017, 11, 16), "weekday") == (
        "Thứ Năm, 16/11/2017"
    )
    assert pelican_hooks.vn_date(None) == ""
    assert pelican_hooks.vn_date(Undefined(name="BUILD_TIME"), "iso") == ""
    assert pelican_hooks.vn_number(Undefined()) == ""
    assert pelican_hooks.vn_slug(Undefined()) == ""
    assert pelican_hooks.vn_number(18663365) == "18.663.365"
    assert pelican_hooks.vn_fold("Đồng Nai") == "dong nai"
    assert pelican_hooks.vn_slug("KH&CN") == "kh-cn"


def test_vn_sort_strings_objects_pairs_and_attribute(settings):
    names = ["Gia Lai", "Đà Nẵng", "Dương"]
    expected = ["Dương", "Đà Nẵng", "Gia Lai"]
    assert pelican_hooks.vn_sort(names) == expected
    tags = [Tag(name, settings) for name in names]
    assert [t.name for t in pelican_hooks.vn_sort(tags)] == expected
    pairs = [(tag, []) for tag in tags]
    assert [t.name for t, _ in pelican_hooks.vn_sort(pairs)] == expected
    rows = [SimpleNamespace(title=name) for name in names]
    by_title = pelican_hooks.vn_sort(rows, attribute="title", reverse=True)
    assert [r.title for r in by_title] == expected[::-1]
    dicts = [{"place": {"name": name}} for name in names]
    by_path = pelican_hooks.vn_sort(dicts, attribute="place.name")
    assert [d["place"]["name"] for d in by_path] == expected


def test_url_and_save_as_follow_slug_lazily(settings):
    article = make_article(settings, "Bảo tàng", "a.md")
    assert article.save_as == "bao-tang.html"
    article.slug = "bao-tang-2"
    assert article.save_as == "bao-tang-2.html"
    assert article.url == "bao-tang-2.html"


def test_later_source_gets_the_suffix(settings, caplog):
    first = make_article(settings, "Bảo tàng", "a.md")
    second = make_article(settings, "Bao tang", "b.md")
    with caplog.at_level(logging.WARNING, logger="vietnamese"):
        pelican_hooks.resolve_collisions([second, first])
    assert first.save_as == "bao-tang.html"
    assert second.save_as == "bao-tang-2.html"
    [record] = caplog.records
    message = record.getMessage()
    assert "a.md" in message and "b.md" in message and "bao-tang-2.html" in message


def test_suffix_skips_paths_taken_by_other_items(settings):
    items = [
        make_article(settings, "Bảo tàng", "a.md"),
        make_article(settings, "Bao tang", "b.md"),
        make_article(settings, "Bảo tàng 2", "c.md"),
        make_article(settings, "Bảo Tàng", "d.md"),
    ]
    pelican_hooks.resolve_collisions(items)
    assert [i.save_as for i in items] == [
        "bao-tang.html",
        "bao-tang-3.html",
        "bao-tang-2.html",
        "bao-tang-4.html",
    ]


def test_resolution_is_repeatable(settings):
    items = [
        make_article(settings, t, n)
        for t, n in [("Bao tang", "b.md"), ("Bảo tàng", "a.md")]
    ]
    pelican_hooks.resolve_collisions(items)
    pelican_hooks.resolve_collisions(items)  # e.g. articles restored from the cache
    assert [i.slug for i in items] == ["bao-tang-2", "bao-tang"]


def test_fixed_save_as_is_reported_not_changed(settings, caplog):
    first = make_article(settings, "Một", "a.md", save_as="trung.html")
    second = make_article(settings, "Hai", "b.md", save_as="trung.html")
    with caplog.at_level(logging.ERROR, logger="vietnamese"):
        pelican_hooks.resolve_collisions([first, second])
    assert second.slug == "hai"
    assert "không đổi được" in caplog.records[0].getMessage()


def test_collect_reads_every_list_once(settings):
    article = make_article(settings, "Một", "a.md")
    generator = SimpleNamespace(articles=[article], drafts=[article], translations=None)
    assert pelican_hooks._collect(generator, pelican_hooks.ARTICLE_LISTS) == [article]
