"""Real Pelican builds with the plugin alone: map, JSON, redirect pages and
errors (the script page in the project's theme and in Chromium: tests/)."""

from __future__ import annotations

import json
import logging

import pytest

ORIGIN = "https://sokhcn.example.gov.vn"


def article(title: str, date: str, legacy: str | None = None) -> str:
    legacy_line = f"LegacyURL: {legacy}\n" if legacy else ""
    return (
        f"Title: {title}\nDate: {date}\nCategory: Tin hoạt động\n{legacy_line}\n"
        "Nội dung.\n"
    )


FILES = {
    "articles/2017/hop-giao-ban.md": article(
        "Họp giao ban tháng 10", "16/11/2017 10:00", "ChiTietTinTuc.aspx?nid=7705"
    ),
    "articles/2018/techmart.md": article(
        "Techmart <Quảng Ninh> 2018", "23/11/2018 15:30", "ChiTietTinTuc.aspx?nid=9034"
    ),
    "articles/2016/tin-cu.md": article(
        "Tin cũ", "01/03/2016 08:00", "Portals/0/tin-cu.html"
    ),
    "articles/2019/khong-co.md": article("Tin mới", "01/03/2019 08:00"),
    "pages/gioi-thieu.md": (
        "Title: Giới thiệu\nSlug: gioi-thieu\nLegacyURL: GioiThieu.aspx\n\nSở.\n"
    ),
}


def build(plugin_site, files=FILES, **overrides):
    return plugin_site(
        "legacy_redirects",
        files,
        SLUGIFY_SOURCE="basename",
        SITE_ORIGIN=ORIGIN,
        **overrides,
    )


@pytest.fixture
def site(plugin_site):
    return build(plugin_site)


def test_nginx_map(site):
    text = site.text("redirects/legacy.map")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [
        '"/ChiTietTinTuc.aspx?nid=7705" "/hop-giao-ban.html";',
        '"/ChiTietTinTuc.aspx?nid=9034" "/techmart.html";',
        '"/GioiThieu.aspx" "/pages/gioi-thieu.html";',
        '"/Portals/0/tin-cu.html" "/tin-cu.html";',
    ]
    assert "map $request_uri $legacy_redirect {" in text
    assert "include " in text and "return 301 $legacy_redirect" in text


def test_json_table(site):
    assert json.loads(site.text("redirects/legacy.json")) == {
        "/ChiTietTinTuc.aspx?nid=7705": "/hop-giao-ban.html",
        "/ChiTietTinTuc.aspx?nid=9034": "/techmart.html",
        "/GioiThieu.aspx": "/pages/gioi-thieu.html",
        "/Portals/0/tin-cu.html": "/tin-cu.html",
    }


@pytest.mark.parametrize(
    ("old", "new", "title"),
    [
        ("Portals/0/tin-cu.html", "/tin-cu.html", "Tin cũ"),
        ("GioiThieu.aspx", "/pages/gioi-thieu.html", "Giới thiệu"),
    ],
)
def test_meta_refresh_pages_at_the_old_paths(site, old, new, title):
    page = site.soup(old)
    assert page.html["lang"] == "vi"
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url={new}"
    assert page.find("link", rel="canonical")["href"] == ORIGIN + new
    assert page.find("a", href=new).get_text() == title
    assert page.find("a", href="/so-do-cong/").get_text() == "Sơ đồ cổng"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert title in page.title.get_text()
    assert not page.find("script") and not page.find(style=True)


def test_one_page_for_query_addresses(site):
    box = site.soup("ChiTietTinTuc.aspx").select_one("[data-legacy-redirect]")
    assert box["data-legacy-path"] == "/ChiTietTinTuc.aspx"
    assert box["data-legacy-map"] == "/redirects/legacy.json"
    # No page per nid: a static host cannot tell them apart.
    assert not list(site.output.glob("ChiTietTinTuc.aspx?*"))
    assert not (site.output / "ChiTietTinTuc.aspx/index.html").exists()


def test_no_legacy_urls_gives_empty_tables(plugin_site):
    site = build(plugin_site, {"articles/a.md": article("Tin", "01/01/2020")})
    assert json.loads(site.text("redirects/legacy.json")) == {}
    map_lines = site.text("redirects/legacy.map").splitlines()
    assert all(line.startswith("#") for line in map_lines if line)
    assert not site.exists("ChiTietTinTuc.aspx")


def test_duplicate_legacy_url_is_an_error_naming_both_files(plugin_site, caplog):
    files = {
        **FILES,
        "articles/2019/trung.md": article(
            "Bài trùng", "02/02/2019 09:00", "chitiettintuc.aspx?NID=7705"
        ),
    }
    with caplog.at_level(logging.ERROR):
        site = build(plugin_site, files)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    (duplicate,) = [m for m in errors if "có ở hai bài" in m]
    assert "articles/2017/hop-giao-ban.md" in duplicate
    assert "articles/2019/trung.md" in duplicate
    table = json.loads(site.text("redirects/legacy.json"))
    assert table["/ChiTietTinTuc.aspx?nid=7705"] == "/hop-giao-ban.html"
    assert "/chitiettintuc.aspx?NID=7705" not in table


@pytest.mark.parametrize(
    "legacy",
    ["../../ngoai-output.html", "/Portals/0/tuyet-doi.html", "http://cu.vn/a.html"],
)
def test_address_outside_the_output_is_an_error_and_skipped(
    plugin_site, caplog, tmp_path, legacy
):
    files = {"articles/2019/xau.md": article("Bài xấu", "02/02/2019", legacy)}
    with caplog.at_level(logging.ERROR):
        site = build(plugin_site, files)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("articles/2019/xau.md" in m and legacy in m for m in errors)
    assert json.loads(site.text("redirects/legacy.json")) == {}
    assert not list(tmp_path.rglob("ngoai-output.html"))
    assert not list(tmp_path.rglob("tuyet-doi.html"))


def test_address_of_a_new_page_is_never_replaced(plugin_site, caplog):
    files = {
        "articles/2019/a.md": article("Bài A", "02/02/2019", "index.html"),
        "articles/2019/b.md": article("Bài B", "03/02/2019", "theme/css/site.css"),
    }
    with caplog.at_level(logging.ERROR):
        site = build(plugin_site, files)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("index.html" in m and "trùng" in m for m in errors)
    assert any("theme/css/site.css" in m and "trùng" in m for m in errors)
    assert site.soup("index.html").find("meta", attrs={"http-equiv": "refresh"}) is None
    assert not (site.output / "theme/css/site.css").exists()  # the minimal theme's


def test_site_url_with_a_path(plugin_site):
    site = build(plugin_site, SITEURL="https://sokhcn.example.gov.vn/cong")
    table = json.loads(site.text("redirects/legacy.json"))
    assert table["/ChiTietTinTuc.aspx?nid=7705"] == "/cong/hop-giao-ban.html"
    page = site.soup("Portals/0/tin-cu.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=/cong/tin-cu.html"
