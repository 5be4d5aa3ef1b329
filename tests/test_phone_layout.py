"""Phones (390 px): search from the header, Tin nóng and Lịch công tác within
two screens, the folded menu, Tab in reading order. No sideways scrolling on
any page type: tests/test_accessibility.py, with the screenshots."""

from __future__ import annotations

import pytest
from page_types import SEED_URL

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    contexts = []

    def open_(url: str, **options):
        context = browser.new_context(viewport=PHONE, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("url", ["", SEED_URL, "en/about-us/"])
def test_header_search_works_on_a_phone(phone, served_project, url):
    page = phone(f"{served_project}/{url}")
    field = page.locator(".header-search input[name=q]")
    assert field.is_visible() and field.bounding_box()["y"] < PHONE["height"]
    field.fill("dau tu")
    field.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=dau+tu")
    status = page.locator("[data-search-status]")
    page.wait_for_function(
        "s => s.textContent.startsWith('Tìm thấy')", arg=status.element_handle()
    )
    assert status.inner_text().startswith("Tìm thấy 28 tin bài")


def test_the_header_search_is_only_for_narrow_screens(browser, served_project):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_project}/")
    assert not page.locator(".header-search").is_visible()
    assert not page.locator(".quick-bar").is_visible()
    assert page.locator(".sidebar .search-box").is_visible()
    page.close()


@pytest.mark.parametrize(
    ("label", "widget"),
    [("Tin nóng", ".hot-news"), ("Lịch công tác", ".work-calendar")],
)
@pytest.mark.parametrize("url", ["", SEED_URL, "tim-kiem/"])
def test_hot_news_and_calendar_within_two_screens(
    phone, served_project, url, label, widget
):
    page = phone(f"{served_project}/{url}")
    link = page.locator(".quick-bar").get_by_role("link", name=label, exact=True)
    assert (
        link.bounding_box()["y"] + link.bounding_box()["height"] <= 2 * PHONE["height"]
    )
    link.click()
    page.wait_for_function("() => window.scrollY > 0")
    box = page.locator(widget).bounding_box()  # relative to the viewport
    assert 0 <= box["y"] < PHONE["height"] / 2, box


def test_menu_folds_on_a_phone_and_opens_with_the_keyboard(phone, served_project):
    page = phone(f"{served_project}/")
    menu = page.locator("#menu-chinh")
    button = page.get_by_role("button", name="Menu")
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Trang chủ"
    button.focus()
    page.keyboard.press(" ")
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"


def test_without_javascript_the_menu_is_open(phone, served_project):
    page = phone(f"{served_project}/", java_script_enabled=False)
    assert page.locator("#menu-chinh").is_visible()
    assert not page.locator("[data-menu-toggle]").is_visible()
    assert page.locator(".header-search").is_visible()


FOCUSED = """stop => {
  const element = document.activeElement, box = element.getBoundingClientRect();
  if (element.matches(stop)) return null;
  return [(element.textContent || element.name).trim(), box.top + scrollY,
          box.bottom + scrollY, box.left];
}"""


def tab_positions(page, stop_at: str) -> list[tuple[str, float, float, float]]:
    """(name, top, bottom, left) of each element Tab reaches, up to `stop_at`."""
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        found = page.evaluate(FOCUSED, stop_at)
        if found is None:
            return seen
        seen.append(tuple(found))
    raise AssertionError(f"Tab never reached {stop_at}: {seen}")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", ["", "en/contact/", "tim-kiem/"])
def test_tab_follows_the_visual_order_of_the_header(
    browser, served_project, width, url
):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(f"{served_project}/{url}", wait_until="networkidle")
    if width < 600:
        page.get_by_role("button", name="Menu").click()
    page.locator(".skip-link").focus()
    stops = tab_positions(page, "main a, main input, main button, main [tabindex]")
    assert len(stops) >= 8
    for before, after in zip(stops, stops[1:], strict=False):
        same_line = after[1] < before[2] and before[1] < after[2]
        assert (same_line and after[3] > before[3]) or after[1] >= before[2] - 1, (
            before,
            after,
        )
    page.close()
