"""The newsroom model as the project's theme shows it: dates, bylines, unit
pages, the Tin nóng and Tin tiêu điểm boxes, the home's spotlight, attachments.
(plugins/newsroom/tests builds with the plugin alone and the minimal theme.)"""

from __future__ import annotations

import pytest

from newsroom.tests.test_newsroom import ARTICLES


@pytest.fixture
def site(make_site):
    return make_site(ARTICLES, LINKED_WEBSITES_FILE="")


def test_day_first_dates(site):
    page = site.soup("tin-tuc/2020/hop-giao-ban/")
    time = page.select_one(".article__date time")
    assert time.get_text() == "05/02/2020 08:30"
    assert time["datetime"].startswith("2020-02-05T08:30:00+07:00")


def test_byline_splits_author_and_unit(site):
    page = site.soup("tin-tuc/2020/hop-giao-ban/")
    byline = page.select_one(".byline")
    assert byline.get_text(" ", strip=True) == "Trương Thế Bình - Văn phòng"
    links = [a["href"] for a in byline.find_all("a")]
    assert links == ["/tac-gia/truong-the-binh/", "/don-vi/van-phong/"]


def test_unit_pages_list_their_articles(site):
    unit = site.soup("don-vi/van-phong/")
    titles = [a.get_text() for a in unit.select(".teaser__title a")]
    assert titles == ["Họp giao ban tháng 2", "Tin tiêu điểm có ảnh"]
    index = site.soup("don-vi/")
    names = [a.get_text() for a in index.select(".directory a")]
    assert names == ["Phòng Quản lý khoa học", "Văn phòng"]


def test_hot_box_leaves_out_expired_articles(site):
    box = site.soup("").select_one(".hot-news")
    titles = [a.get_text() for a in box.select("li a")]
    assert titles == ["Họp giao ban tháng 2"]
    item = box.select_one("li")
    assert item["data-hot-until"].startswith("2099-12-31T23:59:59")


def test_featured_box_and_home_spotlight(site):
    home = site.soup("")
    featured = home.select(".featured-news li a")
    assert [a.get_text() for a in featured] == ["Tin tiêu điểm có ảnh"]
    lead = home.select_one(".spotlight__lead")
    assert lead.img["alt"] == "Ảnh minh họa"
    assert (
        lead.select_one(".spotlight__summary").get_text() == "Đoạn đầu tiên là lời dẫn."
    )


def test_attachments_are_listed_with_size(site):
    page = site.soup("tin-tuc/2018/tieu-diem/")
    item = page.select_one(".attachments li")
    assert item.a["href"] == "/files/ke-hoach.pdf"
    assert "KB" in item.get_text()
    assert site.exists("files/ke-hoach.pdf")
