"""The widget in Debian's Chromium: the visitor's clock picks the week."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from test_work_calendar_site import SITE_SETTINGS

from conftest import serving
from work_calendar.tests.helpers import SCHEDULE_FILES

pytestmark = pytest.mark.browser
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A site built as if on Thursday 16/11/2017 (week 46)."""
    from conftest import build, write_files

    root = tmp_path_factory.mktemp("work_calendar_browser")
    write_files(root / "content", SCHEDULE_FILES)
    output = build(
        root / "content", root / "output", SCHEDULE_TODAY="16/11/2017", **SITE_SETTINGS
    )
    with serving(output) as base:
        yield base


def open_widget(browser, base: str, clock: str, **options):
    """Open the home page at the instant `clock` (ISO with offset)."""
    context = browser.new_context(**options)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and problems.append(r.url))
    page.on("request", lambda r: requests.append(r.url))
    page.clock.set_fixed_time(datetime.fromisoformat(clock))
    page.goto(f"{base}/", wait_until="networkidle")
    return context, page.locator("aside .work-calendar"), problems, requests


def test_the_visitors_week_replaces_the_build_week(browser, served):
    # 10:00 on Thursday 26/11/2026 in Vietnam: week 48 of 2026.
    context, widget, problems, _ = open_widget(
        browser, served, "2026-11-26T03:00:00+00:00"
    )
    expect(widget).to_have_attribute("data-work-calendar-week", "2026-W48")
    week_line = widget.locator(".work-calendar__week a")
    assert week_line.inner_text() == "Tuần 48 (23/11/2026 – 29/11/2026)"
    assert week_line.get_attribute("href").endswith("/lich-cong-tac/2026/tuan-48/")
    assert widget.locator("h3").inner_text() == "Hôm nay, Thứ Năm, 26/11/2026"
    today = widget.locator(".work-calendar__items").first
    assert today.locator(".work-calendar__when").all_inner_texts() == ["14:00"]
    assert today.locator(".work-calendar__place").inner_text() == "Cung Quy hoạch"
    summary = widget.locator("summary")
    assert summary.inner_text() == "Các ngày khác trong tuần (1 mục)"
    summary.click()
    assert widget.locator("details h4").inner_text() == "Thứ Hai, 23/11/2026"
    link = widget.locator("[data-work-calendar-week-link]")
    assert link.is_visible()
    assert link.locator("a").get_attribute("href").endswith("/2026/tuan-48/")
    assert problems == []
    context.close()


def test_a_week_without_schedule_shows_the_empty_state(browser, served):
    context, widget, problems, _ = open_widget(
        browser, served, "2026-12-01T02:00:00+00:00"
    )
    expect(widget.locator(".widget__empty")).to_have_text("Lịch công tác trống")
    assert widget.locator(".work-calendar__week").inner_text() == (
        "Tuần 49 (30/11/2026 – 06/12/2026)"
    )
    assert widget.locator(".work-calendar__item").count() == 0
    assert widget.locator("[data-work-calendar-week-link]").is_hidden()
    assert problems == []
    context.close()


def test_the_day_is_taken_in_vietnam(browser, served):
    # Sunday 19/11/2017 17:30 UTC is already Monday 20/11 (week 47) in Vietnam.
    context, widget, problems, _ = open_widget(
        browser, served, "2017-11-19T17:30:00+00:00", timezone_id="Europe/London"
    )
    expect(widget).to_have_attribute("data-work-calendar-week", "2017-W47")
    assert widget.locator("h3").inner_text() == "Hôm nay, Thứ Hai, 20/11/2017"
    assert widget.locator(".work-calendar__content").all_inner_texts() == [
        "Giao ban đầu tuần"
    ]
    assert problems == []
    context.close()


def test_on_the_build_day_the_page_is_kept_as_built(browser, served):
    context, widget, problems, requests = open_widget(
        browser, served, "2017-11-16T02:00:00+00:00"
    )
    assert widget.locator("h3").inner_text() == "Hôm nay, Thứ Năm, 16/11/2017"
    assert widget.locator("summary").inner_text() == (
        "Các ngày khác trong tuần (4 mục)"
    )
    assert not [url for url in requests if url.endswith(".json")]
    assert problems == []
    context.close()


def test_without_javascript_the_build_week_stays(browser, served):
    context, widget, problems, _ = open_widget(
        browser, served, "2026-12-01T02:00:00+00:00", java_script_enabled=False
    )
    assert widget.get_attribute("data-work-calendar-week") == "2017-W46"
    assert widget.locator(".work-calendar__week a").inner_text() == (
        "Tuần 46 (13/11/2017 – 19/11/2017)"
    )
    assert widget.locator("[data-work-calendar-week-link] a").is_visible()
    context.close()


def test_week_pages_print_on_a4_landscape(browser, served):
    page = browser.new_page()
    page.goto(f"{served}/lich-cong-tac/2017/tuan-46/")
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = (float(n) for n in MEDIA_BOX.search(pdf).groups())
    # A4 is 297 × 210 mm, that is 841.9 × 595.3 points.
    assert (round(width), round(height)) == (842, 595)
    page.emulate_media(media="print")
    assert page.locator(".schedule-nav").is_hidden()
    assert page.locator("aside.sidebar").is_hidden()
    assert page.locator(".schedule-item").first.is_visible()
    page.close()
