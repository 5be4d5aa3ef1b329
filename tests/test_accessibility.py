"""WCAG 2.1 A/AA and best practices with axe-core, keyboard use, text size, mobile."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_types import PAGE_TYPES, SEED_URL

from conftest import NODE_MODULES

pytestmark = pytest.mark.browser
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_TAGS = [*WCAG_TAGS, "best-practice"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", list(PAGE_TYPES))
@pytest.mark.parametrize("text_size", ["0", "2"])
def test_no_axe_violations(browser, served_project, name, text_size):
    page = browser.new_page()
    page.add_init_script(f"localStorage.setItem('sokhcn-co-chu', '{text_size}')")
    page.goto(f"{served_project}/{PAGE_TYPES[name]}", wait_until="networkidle")
    assert axe_violations(page) == [], name
    page.close()


def test_skip_link_is_first_and_moves_focus_to_main(browser, served_project):
    page = browser.new_page()
    page.goto(f"{served_project}/{SEED_URL}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Bỏ qua, đến nội dung chính"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    page.close()


def test_focus_is_visible(browser, served_project):
    page = browser.new_page()
    page.goto(f"{served_project}/")
    for _ in range(4):
        page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.close()


def test_linked_websites_open_with_the_keyboard(browser, served_project):
    page = browser.new_page()
    page.goto(f"{served_project}/")
    summary = page.locator(".linked-websites summary").nth(1)
    link = page.locator(".linked-websites details").nth(1).locator("a").first
    assert not link.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert link.is_visible()
    link.focus()
    assert page.evaluate("document.activeElement.href").startswith("https://")
    page.close()


def test_text_size_control_is_remembered(browser, served_project):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_project}/")
    base = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    page.get_by_role("button", name="A+ (tăng cỡ chữ)").click()
    page.get_by_role("button", name="A+ (tăng cỡ chữ)").click()
    larger = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    assert larger == pytest.approx(base * 1.25)
    page.goto(f"{served_project}/{SEED_URL}")
    again = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    assert again == larger
    reset = page.get_by_role("button", name="A (cỡ chữ mặc định)")
    reset.focus()
    page.keyboard.press("Enter")
    assert reset.get_attribute("aria-pressed") == "true"
    assert page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    ) == pytest.approx(base)
    context.close()


def test_text_size_control_is_hidden_without_javascript(project_site):
    control = project_site.soup("").select_one("[data-text-size-control]")
    assert control.has_attr("hidden")


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_screenshots_and_no_horizontal_scrolling(browser, served_project, name):
    """Every page type at 320 px (the smallest phone), 390 px (a common phone)
    and 1280 px; the 390 and 1280 px screenshots go to test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    slug = name.replace(" ", "-")
    for width in (320, 390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(f"{served_project}/{PAGE_TYPES[name]}", wait_until="networkidle")
        if page.locator("[data-search-status]").count():
            page.wait_for_function(
                "() => !document.querySelector('[data-search-status]')"
                ".textContent.startsWith('Đang tìm')"
            )
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
        if width != 320:
            page.screenshot(path=str(ARTIFACTS / f"{slug}-{width}.png"), full_page=True)
        page.close()
