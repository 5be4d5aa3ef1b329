"""The English home, hreflang alternates and the English menu as the project's
theme shows them (plugins/english_pages/tests builds with the plugin alone)."""

from __future__ import annotations

import pytest

from english_pages.tests.test_english_pages import ARTICLE, FILES


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import Site, build, write_files

    root = tmp_path_factory.mktemp("english_pages")
    write_files(root / "content", FILES)
    return Site(build(root / "content", root / "output", LINKED_WEBSITES_FILE=""))


def alternates(page) -> dict[str, str]:
    links = page.select('head link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


def test_the_english_home_is_at_en(site):
    assert not site.exists("en/home/")
    page = site.soup("en/")
    assert page.html["lang"] == "en"
    assert page.select_one("main h1").get_text() == "Welcome"
    assert page.select_one(".breadcrumb") is None
    assert page.select_one(".site-header__brand")["href"] == "/en/"


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [("", "en/"), ("gioi-thieu/", "en/about-us/"), ("lien-he/", "en/contact/")],
)
def test_counterparts_carry_alternates_both_ways(site, vietnamese, english):
    expected = {
        "vi": f"http://127.0.0.1:8000/{vietnamese}",
        "en": f"http://127.0.0.1:8000/{english}",
        "x-default": f"http://127.0.0.1:8000/{vietnamese}",
    }
    assert alternates(site.soup(vietnamese)) == expected
    assert alternates(site.soup(english)) == expected
    back = site.soup(english).select_one(".site-header__lang a")
    assert back.get_text() == "Tiếng Việt" and back["href"] == f"/{vietnamese}"


def test_pages_without_a_counterpart_have_no_alternates(site):
    assert alternates(site.soup("tin-tuc/2017/tin/")) == {}
    assert alternates(site.soup("chuyen-muc/tin-hoat-dong/")) == {}


def test_english_menu_home_first_then_by_order(site):
    page = site.soup("en/contact/")
    menu = [(a.get_text(), a["href"]) for a in page.select(".main-nav a")]
    assert menu == [
        ("Home", "/en/"),
        ("About us", "/en/about-us/"),
        ("Contact", "/en/contact/"),
        ("Tiếng Việt", "/"),
    ]
    assert page.select_one('.main-nav a[aria-current="page"]').get_text() == "Contact"


def test_vietnamese_header_links_the_english_home(site):
    link = site.soup("tin-tuc/2017/tin/").select_one(".site-header__lang a")
    assert (link.get_text(), link["href"], link["lang"]) == ("English", "/en/", "en")


def test_no_english_home_no_english_link(make_site):
    built = make_site(
        {
            "articles/2017/tin.md": ARTICLE,
            "pages/contact.md": FILES["pages/contact.md"],
        },
        LINKED_WEBSITES_FILE="",
    )
    assert built.soup("").select_one(".site-header__lang") is None
    assert alternates(built.soup("")) == {}
