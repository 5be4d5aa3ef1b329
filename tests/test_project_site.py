"""The real site, built from content/: the seed article, chrome and every page type."""

from __future__ import annotations

import re

SEED_URL = (
    "tin-tuc/2017/so-khoa-hoc-va-cong-nghe-hop-danh-gia-ket-qua-hoat-dong-thang-10/"
)
SIDEBAR_ORDER = [
    "search-box",
    "hot-news",
    "featured-news",
    "recent-documents",
    "work-calendar",
    "article-calendar",
    "linked-websites",
]


def sidebar_widgets(page) -> list[str]:
    sidebar = page.select_one("aside.sidebar")
    return [
        section["class"][1] for section in sidebar.find_all("section", recursive=False)
    ]


def test_seed_article_page(project_site):
    page = project_site.soup(SEED_URL)
    title = page.select_one("h1.article__title").get_text()
    assert title.startswith(
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ HỌP ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG THÁNG 10"
    )
    assert page.select_one(".article__date time").get_text() == "16/11/2017 10:00"
    assert (
        page.select_one(".byline").get_text(" ", strip=True)
        == "Trương Thế Bình - Văn phòng"
    )
    facts = page.select_one(".article__facts").get_text(" ", strip=True)
    assert "Chuyên mục: Tin hoạt động" in facts
    assert page.select(".tag-list a"), "the seed article has tags"
    body = page.select_one(".article__body").get_text(" ", strip=True)
    assert "Đ/c Tạ Duy Thịnh - Giám đốc Sở chủ trì cuộc họp" in body
    assert len(page.select(".article__body ul li")) >= 4
    assert page.select_one("[data-print]").get_text() == "In bài viết"
    assert page.select(".other-news li"), "Các tin khác lists older news"


def test_every_sidebar_widget_in_the_seed_order(project_site):
    for url in ("", SEED_URL, "chuyen-muc/thong-bao/", "gioi-thieu/", "404.html"):
        page = project_site.soup(url)
        assert sidebar_widgets(page) == SIDEBAR_ORDER, url
    widget = project_site.soup(SEED_URL).select_one(".work-calendar")
    assert widget.h2.get_text() == "Lịch công tác"
    # Built today, the widget shows this week's items or says the week is empty.
    assert widget.select(".work-calendar__item") or widget.select_one(".widget__empty")
    assert page.select_one(".visit-counter") is None, "hidden until configured"


def test_search_box_fields(project_site):
    form = project_site.soup("").select_one(".search-box form")
    assert form["action"] == "/tim-kiem/" and form["method"] == "get"
    for field in form.select("input, select"):
        label = form.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text().strip(), field
    options = [o.get_text() for o in form.select("select option")]
    assert options[0] == "Tất cả chuyên mục"
    assert "Tiêu chuẩn - Đo lường - Chất lượng" in options
    assert {f["name"] for f in form.select("[name]")} == {
        "chuyen-muc",
        "q",
        "tu-ngay",
        "den-ngay",
    }


def test_header_navigation_and_date_line(project_site):
    page = project_site.soup("")
    assert (
        page.select_one(".site-header__name").get_text()
        == "Sở Khoa học và Công nghệ tỉnh Quảng Ninh"
    )
    date_line = page.select_one("[data-today]").get_text()
    assert re.fullmatch(
        r"(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4}", date_line
    )
    menu = [a.get_text() for a in page.select(".main-nav a")]
    assert menu[:2] == ["Trang chủ", "Giới thiệu"]
    assert "Chỉ đạo điều hành" in menu and menu[-1] == "Liên hệ"
    assert page.select_one("a.skip-link")["href"] == "#noi-dung"


def test_home_page_boxes(project_site):
    page = project_site.soup("")
    assert page.select_one(".spotlight__lead img")["alt"].strip()
    assert len(page.select(".latest .teaser")) == 5
    blocks = page.select(".category-block")
    assert len(blocks) >= 8
    assert all(1 <= len(block.select("li")) <= 4 for block in blocks)
    hot = page.select(".hot-news li")
    assert hot and all(not li.has_attr("hidden") for li in hot[:5])


def test_static_and_english_pages(project_site):
    for url in (
        "gioi-thieu/",
        "chuc-nang-nhiem-vu/",
        "co-cau-to-chuc/",
        "lanh-dao-so/",
        "lien-he/",
    ):
        assert (
            project_site.soup(url).select_one("h1.article__title").get_text().strip()
        ), url
    for url in ("en/about-us/", "en/contact/"):
        page = project_site.soup(url)
        assert page.html["lang"] == "en"
        assert page.select_one(".breadcrumb")["aria-label"] == "Breadcrumb"


def test_other_page_types_exist(project_site):
    for url in (
        "chuyen-muc/",
        "the/",
        "tac-gia/",
        "don-vi/",
        "luu-tru/",
        "tim-kiem/",
        "so-do-cong/",
        "404.html",
        "website-lien-ket/",
        "luu-tru/2017/",
        "luu-tru/2017/11/",
    ):
        page = project_site.soup(url)
        assert page.select_one("main h1").get_text().strip(), url


def test_site_map_links_every_category_and_page(project_site):
    page = project_site.soup("so-do-cong/")
    hrefs = {a["href"] for a in page.select("main a")}
    home = project_site.soup("")
    for link in home.select(".category-block h2 a"):
        assert link["href"] in hrefs
    assert {"/gioi-thieu/", "/lien-he/", "/en/about-us/", "/en/contact/"} <= hrefs


def test_content_volume(project_site):
    articles = list((project_site.output / "tin-tuc").rglob("index.html"))
    assert len(articles) >= 41
    categories = project_site.soup("chuyen-muc/").select("main .directory li")
    assert len(categories) >= 8


def test_shipped_content_has_no_problem():
    """The sample content builds without a single warning (an NFD article did)."""
    from pelican.settings import read_settings

    from conftest import PROJECT
    from content_check import check_content

    settings = read_settings(
        str(PROJECT / "pelicanconf.py"), override={"PATH": str(PROJECT / "content")}
    )
    problems, files = check_content(settings)
    assert files > 60 and [str(p) for p in problems] == []
