"""Real builds: the English home at /en/, hreflang both ways, the English menu."""

from __future__ import annotations

import pytest

from english_pages import language_alternates

ARTICLE = "Title: Tin\nDate: 16/11/2017 10:00\nCategory: Tin hoạt động\n\nNội dung.\n"
FILES = {
    "articles/2017/tin.md": ARTICLE,
    "pages/gioi-thieu.md": "Title: Giới thiệu\nOrder: 1\n\nNội dung.\n",
    "pages/lien-he.md": "Title: Liên hệ\nOrder: 5\nTranslation: contact\n\nA.\n",
    "pages/home.md": "Title: Welcome\nSlug: home\nLang: en\nOrder: 9\n\nText.\n",
    "pages/about-us.md": (
        "Title: About us\nLang: en\nOrder: 10\nTranslation: gioi-thieu\n\nText.\n"
    ),
    "pages/contact.md": "Title: Contact\nLang: en\nOrder: 11\n\nText.\n",
}


@pytest.fixture
def site(plugin_site):
    # English pages stand on their own: Pelican's slug groups no translations.
    return plugin_site("english_pages", FILES, PAGE_TRANSLATION_ID=None)


def test_the_english_home_is_at_en(site):
    assert not site.exists("pages/home-en.html")
    page = site.soup("en/")
    assert page.html["lang"] == "en"
    assert page.select_one("main h1").get_text() == "Welcome"
    assert site.context["ENGLISH_HOME_URL"] == "en/"


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("", "en/"),
        ("pages/gioi-thieu.html", "pages/about-us-en.html"),
        ("pages/lien-he.html", "pages/contact-en.html"),
    ],
)
def test_counterparts_are_alternates_both_ways(site, vietnamese, english):
    alternates = site.context["LANGUAGE_ALTERNATES"]
    expected = (("vi", vietnamese), ("en", english))
    assert alternates[vietnamese] == alternates[english] == expected
    assert site.exists(vietnamese or "index.html") and site.exists(english)


def test_pages_without_a_counterpart_have_no_alternates(site):
    assert len(site.context["LANGUAGE_ALTERNATES"]) == 6


def test_english_pages_home_first_then_by_order(site):
    pages = site.context["ENGLISH_PAGES"]
    assert [page.title for page in pages] == ["Welcome", "About us", "Contact"]


def test_no_english_home_no_english_link(plugin_site):
    files = {
        "articles/2017/tin.md": ARTICLE,
        "pages/contact.md": FILES["pages/contact.md"],
    }
    built = plugin_site("english_pages", files, PAGE_TRANSLATION_ID=None)
    assert built.context["ENGLISH_HOME_URL"] is None
    assert built.context["LANGUAGE_ALTERNATES"] == {}


class Page:
    def __init__(self, lang, slug, url, translation=None):
        self.lang, self.slug, self.url = lang, slug, url
        if translation:
            self.translation = translation


def test_language_alternates_from_either_side():
    pages = [
        Page("vi", "gioi-thieu", "gioi-thieu/", translation="about-us"),
        Page("en", "about-us", "en/about-us/"),
        Page("en", "contact", "en/contact/", translation="lien-he"),
        Page("vi", "lien-he", "lien-he/"),
        Page("en", "orphan", "en/orphan/", translation="khong-co"),
    ]
    found = language_alternates(pages, None)
    assert found["en/about-us/"] == (("vi", "gioi-thieu/"), ("en", "en/about-us/"))
    assert found["lien-he/"] == (("vi", "lien-he/"), ("en", "en/contact/"))
    assert "en/orphan/" not in found and "" not in found


def test_english_dates():
    from datetime import date

    from english_pages import english_date

    assert english_date(date(2027, 1, 5)) == "Tuesday, 5 January 2027"
    assert english_date(date(2026, 11, 30), "month") == "November 2026"
