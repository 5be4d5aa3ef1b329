"""The English section of the sample site: English all around the text, a way
back to Vietnamese, and hreflang between the pages that are the same page."""

from __future__ import annotations

import re

import pytest
from bs4 import NavigableString
from page_types import SEED_URL

ENGLISH_URLS = ["en/", "en/about-us/", "en/contact/"]
# Letters and signs an English text may use besides ASCII.
ENGLISH_EXTRA = set("“”‘’–—›☰·…")
WEEKDAY_DATE = re.compile(
    r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} (January|February|March|"
    r"April|May|June|July|August|September|October|November|December) \d{4}"
)


def text_in_language(element, language: str) -> list[str]:
    """The text of `element` whose nearest lang attribute is `language`."""
    found = []
    for node in element.find_all(string=True):
        if isinstance(node, NavigableString) and node.strip():
            holder = node.find_parent(attrs={"lang": True})
            if holder is not None and holder["lang"] == language:
                found.append(node.strip())
    return found


@pytest.mark.parametrize("url", ENGLISH_URLS)
def test_the_chrome_of_english_pages_is_english(project_site, url):
    page = project_site.soup(url)
    assert page.html["lang"] == "en"
    chrome = page.select("header.site-header, nav.breadcrumb, aside.sidebar, footer")
    assert len(chrome) >= 3
    for part in chrome:
        for text in text_in_language(part, "en"):
            assert set(text) <= ENGLISH_EXTRA | set(map(chr, range(128))), text
    assert WEEKDAY_DATE.fullmatch(page.select_one("[data-today]").get_text())
    titles = [h2.get_text() for h2 in page.select("aside.sidebar .widget__title")]
    assert titles == [
        "Search",
        "Hot news",
        "Featured news",
        "New documents",
        "Work calendar",
        "News by month",
        "Linked websites",
    ]
    footer = page.select_one("footer").get_text(" ", strip=True)
    assert "Address: 5th floor" in footer and "Telephone: +84 203 3835 410" in footer


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("en/", ""), ("en/about-us/", "gioi-thieu/"), ("en/contact/", "lien-he/")],
)
def test_tieng_viet_link_back_and_alternates(project_site, english, vietnamese):
    back = project_site.soup(english).select_one(".site-header__lang a")
    assert (back.get_text(), back["href"], back["lang"]) == (
        "Tiếng Việt",
        f"/{vietnamese}",
        "vi",
    )
    for url in (english, vietnamese):
        links = project_site.soup(url).select('link[rel="alternate"][hreflang]')
        assert {(link["hreflang"], link["href"]) for link in links} == {
            ("vi", f"http://127.0.0.1:8000/{vietnamese}"),
            ("en", f"http://127.0.0.1:8000/{english}"),
            ("x-default", f"http://127.0.0.1:8000/{vietnamese}"),
        }


def test_the_english_home_page(project_site):
    page = project_site.soup("en/")
    links = {a["href"] for a in page.select("main a")}
    assert {"/en/about-us/", "/en/contact/", "/", "/lich-cong-tac/"} <= links
    menu = [a.get_text() for a in page.select(".main-nav a")]
    assert menu == ["Home", "About us", "Contact", "Tiếng Việt"]


@pytest.mark.parametrize("url", ["", SEED_URL, "chuyen-muc/thong-bao/", "404.html"])
def test_vietnamese_header_links_the_english_home(project_site, url):
    link = project_site.soup(url).select_one(".site-header__lang a")
    assert (link.get_text(), link["href"]) == ("English", "/en/")


@pytest.mark.browser
def test_the_date_line_follows_the_visitors_clock_in_english(browser, served_project):
    page = browser.new_page()
    page.clock.set_fixed_time("2027-01-04T18:30:00Z")  # Tuesday 01:30 in Vietnam
    page.goto(f"{served_project}/en/contact/")
    date_line = page.locator("[data-today]")
    assert date_line.inner_text() == "Tuesday, 5 January 2027"
    assert date_line.get_attribute("datetime") == "2027-01-05"
    page.close()
