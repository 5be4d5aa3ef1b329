"""The ChiTietTinTuc.aspx page in Debian's Chromium: old addresses land on articles."""

from __future__ import annotations

import pytest
from test_legacy_redirects_site import FILES, build

from conftest import serving

pytestmark = pytest.mark.browser


@pytest.fixture
def served(make_site):
    site = build(make_site, FILES)
    with serving(site.output) as base:
        yield base


def open_page(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: m.type == "error" and problems.append(f"console: {m.text}"),
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(url)
    return context, page, problems


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/ChiTietTinTuc.aspx?nid=7705", "/tin-tuc/2017/hop-giao-ban/"),
        ("/ChiTietTinTuc.aspx?nid=9034&tabid=59", "/tin-tuc/2018/techmart/"),
        ("/ChiTietTinTuc.aspx?NID=7705", "/tin-tuc/2017/hop-giao-ban/"),
    ],
)
def test_old_address_lands_on_the_article(browser, served, old, new):
    context, page, problems = open_page(browser, served + old)
    page.wait_for_url(served + new)
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().strip()
    assert problems == []
    context.close()


def test_meta_refresh_page_lands_on_the_article(browser, served):
    context, page, problems = open_page(browser, served + "/Portals/0/tin-cu.html")
    page.wait_for_url(served + "/tin-tuc/2016/tin-cu/")
    assert page.locator("h1.article__title").inner_text() == "Tin cũ"
    assert problems == []
    context.close()


def test_unknown_address_explains_and_links_home(browser, served):
    context, page, problems = open_page(browser, served + "/ChiTietTinTuc.aspx?nid=1")
    missing = page.locator('[data-legacy-state="missing"]')
    missing.wait_for(state="visible")
    assert "Không tìm thấy bài viết" in missing.inner_text()
    assert page.locator('[data-legacy-state="nojs"]').is_hidden()
    assert page.url == served + "/ChiTietTinTuc.aspx?nid=1"
    assert page.get_by_role("link", name="Sơ đồ cổng").first.is_visible()
    assert problems == []
    context.close()


def test_without_javascript_the_page_offers_links(browser, served):
    context, page, problems = open_page(
        browser, served + "/ChiTietTinTuc.aspx?nid=7705", java_script_enabled=False
    )
    assert page.locator('[data-legacy-state="nojs"]').is_visible()
    assert page.locator('[data-legacy-state="loading"]').is_hidden()
    links = page.locator("[data-legacy-redirect] a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "/" in hrefs and "/so-do-cong/" in hrefs
    assert problems == []
    context.close()
