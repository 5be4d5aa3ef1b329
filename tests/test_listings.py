"""Category, tag and archive listings with numbered pagination, on a fixture site."""

from __future__ import annotations

import pytest


def article(number: int) -> str:
    day = number % 28 + 1
    month = number % 12 + 1
    return f"""
        Title: Thông báo số {number:02d}
        Date: {day:02d}/{month:02d}/2021 09:{number:02d}
        Category: Thông báo
        Tags: {"tuyển dụng" if number % 2 else "đấu thầu"}, thông báo

        Nội dung thông báo số {number}.
        """


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import Site, build, write_files

    root = tmp_path_factory.mktemp("listings")
    files = {f"articles/2021/tb-{n}.md": article(n) for n in range(23)}
    files["articles/2016/cu.md"] = (
        "Title: Tin năm 2016\nDate: 03/04/2016\nCategory: Tin hoạt động\n\nNội dung.\n"
    )
    write_files(root / "content", files)
    return Site(build(root / "content", root / "output", LINKED_WEBSITES_FILE=""))


def titles(page) -> list[str]:
    return [a.get_text() for a in page.select(".teaser__title a")]


def test_category_is_paginated_newest_first(site):
    first = site.soup("chuyen-muc/thong-bao/")
    second = site.soup("chuyen-muc/thong-bao/trang/2/")
    third = site.soup("chuyen-muc/thong-bao/trang/3/")
    assert [len(titles(p)) for p in (first, second, third)] == [10, 10, 3]
    assert not site.exists("chuyen-muc/thong-bao/trang/4/")
    dates = [
        t["datetime"] for p in (first, second, third) for t in p.select(".teaser time")
    ]
    assert dates == sorted(dates, reverse=True)


def test_numbered_pagination_links(site):
    nav = site.soup("chuyen-muc/thong-bao/trang/2/").select_one("nav.pagination")
    links = {a.get_text(" ", strip=True): a["href"] for a in nav.select("a")}
    assert links["‹ Trang trước"] == "/chuyen-muc/thong-bao/"
    assert links["Trang sau ›"] == "/chuyen-muc/thong-bao/trang/3/"
    assert links["Trang 1"] == "/chuyen-muc/thong-bao/"
    current = nav.select_one("[aria-current=page]")
    assert current.get_text(" ", strip=True) == "Trang 2"
    title = site.soup("chuyen-muc/thong-bao/trang/2/").title.get_text()
    assert title.startswith("Thông báo - Trang 2")


def test_tag_pages_and_tag_index_in_vietnamese_order(site):
    page = site.soup("the/dau-thau/")
    assert len(titles(page)) == 10
    names = [a.get_text() for a in site.soup("the/").select("main .directory a")]
    assert names == ["đấu thầu", "thông báo", "tuyển dụng"]


def test_year_and_month_archives(site):
    archive = site.soup("luu-tru/")
    years = [h.a.get_text() for h in archive.select(".archive-year h2")]
    assert years == ["Năm 2021", "Năm 2016"]
    months = [a.get_text() for a in archive.select(".archive-year__months a")]
    assert months[0] == "Tháng 12/2021" and months[-1] == "Tháng 4/2016"
    month = site.soup("luu-tru/2016/04/")
    assert titles(month) == ["Tin năm 2016"]
    assert month.h1.get_text() == "Lưu trữ tháng 4/2016"
    assert site.soup("luu-tru/2021/").h1.get_text() == "Lưu trữ năm 2021"


@pytest.fixture(scope="module")
def long_listing(tmp_path_factory):
    """The same articles two to a page: a category of twelve pages."""
    from conftest import Site, build, write_files

    root = tmp_path_factory.mktemp("long-listing")
    files = {f"articles/tb-{n}.md": article(n) for n in range(23)}
    write_files(root / "content", files)
    return Site(
        build(
            root / "content",
            root / "output",
            LINKED_WEBSITES_FILE="",
            DEFAULT_PAGINATION=2,
        )
    )


def shown_pages(site, path: str) -> list[str]:
    """The page numbers a listing links, "…" for a gap, "[n]" for the current."""
    nav = site.soup(path).select_one("nav.pagination")
    shown = []
    for item in nav.select("li"):
        link = item.select_one(".pagination__link")
        if link is None:
            shown.append(item.get_text(strip=True))
        elif link.get("rel") is None:
            number = link.get_text(" ", strip=True).removeprefix("Trang ")
            shown.append(f"[{number}]" if link.name == "span" else number)
    return shown


def test_long_listings_link_the_ends_and_the_pages_near_the_current_one(long_listing):
    base = "chuyen-muc/thong-bao/"
    assert shown_pages(long_listing, base) == ["[1]", "2", "3", "…", "12"]
    assert shown_pages(long_listing, f"{base}trang/4/") == [
        "1", "2", "3", "[4]", "5", "6", "…", "12",
    ]  # fmt: skip
    assert shown_pages(long_listing, f"{base}trang/6/") == [
        "1", "…", "4", "5", "[6]", "7", "8", "…", "12",
    ]  # fmt: skip
    assert shown_pages(long_listing, f"{base}trang/12/") == [
        "1", "…", "10", "11", "[12]",
    ]  # fmt: skip
    gap = long_listing.soup(f"{base}trang/6/").select_one(".pagination__gap")
    assert gap["aria-hidden"] == "true"  # screen readers hear the page links only
    for page in range(2, 13):
        nav = long_listing.soup(f"{base}trang/{page}/").select_one("nav.pagination")
        for link in nav.select("a[href]"):
            assert long_listing.exists(link["href"].strip("/") + "/"), link["href"]


def test_a_page_without_an_order_is_in_the_site_map_after_the_others(make_site):
    site = make_site(
        {
            "pages/gioi-thieu.md": "Title: Giới thiệu\nOrder: 1\n\nSở.\n",
            "pages/trang-moi.md": "Title: Trang mới\n\nChưa có thứ tự.\n",
        },
        LINKED_WEBSITES_FILE="",
    )
    titles = [a.get_text() for a in site.soup("so-do-cong/").select(".site-map li a")]
    assert titles.index("Giới thiệu") < titles.index("Trang mới")
