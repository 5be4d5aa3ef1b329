"""The status and the filters in Debian's Chromium, with the visitor's clock set
around each boundary (Vietnam is UTC+7: 17:00 UTC is midnight there)."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import expect

from conftest import build, serving
from official_documents.tests.helpers import DOCUMENTS, SETTINGS, write_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("documents_browser")
    write_site(root / "content", DOCUMENTS)
    output = build(
        root / "content",
        root / "output",
        DOCUMENTS_TODAY="07/12/2026",
        CACHE_PATH=str(root / "cache"),
        **SETTINGS,
    )
    with serving(output) as base:
        yield base


def open_at(browser, url: str, clock: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.clock.set_fixed_time(datetime.fromisoformat(clock))
    page.goto(url, wait_until="networkidle")
    return context, page, problems


# (page, instant in UTC, status shown)
BOUNDARIES = [
    ("2026/qd-35", "2027-06-30T16:59:00+00:00", "Chưa có hiệu lực"),
    ("2026/qd-35", "2027-06-30T17:00:00+00:00", "Còn hiệu lực"),
    ("2022/qd-2548", "2024-01-21T16:59:00+00:00", "Còn hiệu lực"),
    ("2022/qd-2548", "2024-01-21T17:00:00+00:00", "Hết hiệu lực"),
    ("2021/qd-185", "2025-12-31T16:59:00+00:00", "Còn hiệu lực"),
    ("2021/qd-185", "2025-12-31T17:00:00+00:00", "Hết hiệu lực"),
    ("2026/du-thao-01", "2026-11-24T16:59:00+00:00", "Lấy ý kiến từ 25/11/2026"),
    ("2026/du-thao-01", "2026-11-24T17:00:00+00:00", "Đang lấy ý kiến đến 25/01/2027"),
    ("2026/du-thao-01", "2027-01-25T16:59:00+00:00", "Đang lấy ý kiến đến 25/01/2027"),
    ("2026/du-thao-01", "2027-01-25T17:00:00+00:00", "Đã hết hạn lấy ý kiến"),
]


@pytest.mark.parametrize("slug, clock, shown", BOUNDARIES)
def test_status_is_decided_from_the_visitors_date(browser, served, slug, clock, shown):
    context, page, problems = open_at(browser, f"{served}/van-ban/{slug}/", clock)
    badge = page.locator(".document__status [data-document-status]")
    expect(badge).to_have_text(shown)
    if slug.startswith("2026/du-thao"):
        button = page.get_by_role("link", name="Gửi góp ý")
        open_now = shown.startswith("Đang")
        expect(button).to_be_visible() if open_now else expect(button).to_be_hidden()
    assert problems == []
    context.close()


def test_without_javascript_the_build_days_status_and_filter_pages_stay(
    browser, served
):
    context, page, _ = open_at(
        browser,
        f"{served}/van-ban/",
        "2030-01-01T00:00:00+00:00",
        java_script_enabled=False,
    )
    expect(page.locator("[data-document-filter]")).to_be_hidden()
    expect(page.locator("[data-document-facets]")).to_be_visible()
    badges = page.locator(".document-item [data-document-status]")
    expect(badges.nth(1)).to_have_text("Chưa có hiệu lực")  # as on 07/12/2026
    page.locator("summary", has_text="Loại văn bản").click()
    page.get_by_role("link", name="Kế hoạch", exact=True).click()
    expect(page.locator("h1")).to_have_text("Loại văn bản: Kế hoạch")
    context.close()


def titles(page) -> list[str]:
    return page.locator(".document-item__title").all_inner_texts()


def test_the_filters_combine_with_the_text_box(browser, served):
    context, page, problems = open_at(
        browser, f"{served}/van-ban/", "2026-12-07T03:00:00+00:00"
    )
    expect(page.locator("[data-document-facets]")).to_be_hidden()
    count = page.locator("[data-document-count]")
    expect(count).to_have_text("Có 6 văn bản phù hợp.")
    page.get_by_label("Loại văn bản").select_option("quyet-dinh")
    page.get_by_label("Cơ quan ban hành").select_option(
        "so-khoa-hoc-va-cong-nghe-tinh-quang-ninh"
    )
    expect(count).to_have_text("Có 2 văn bản phù hợp.")
    assert titles(page) == ["Quyết định số 412/QĐ-SKHCN", "Quyết định số 185/QĐ-SKHCN"]
    page.get_by_label("Tình trạng").select_option("het-hieu-luc")
    assert titles(page) == ["Quyết định số 185/QĐ-SKHCN"]
    assert "loai=quyet-dinh" in page.url and "tinh-trang=het-hieu-luc" in page.url
    page.get_by_role("button", name="Xoá bộ lọc").click()
    expect(count).to_have_text("Có 6 văn bản phù hợp.")
    page.get_by_label("Lĩnh vực").select_option("chuyen-doi-so")
    page.get_by_label("Năm ban hành").select_option("2026")
    assert titles(page) == ["Dự thảo Kế hoạch số DT-01/2026/SKHCN"]
    page.get_by_label("Năm ban hành").select_option("2024")
    expect(count).to_have_text(
        "Không có văn bản nào phù hợp. Hãy bỏ bớt điều kiện lọc."
    )
    assert problems == []
    context.close()


@pytest.mark.parametrize("query", ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd"])
def test_a_number_typed_any_way_finds_its_document_first(browser, served, query):
    context, page, _ = open_at(
        browser, f"{served}/van-ban/", "2026-12-07T03:00:00+00:00"
    )
    page.get_by_label("Số ký hiệu, trích yếu hoặc người ký").fill(query)
    expect(page.locator(".document-item__title").first).to_have_text(
        "Quyết định số 215/QĐ-UBND"
    )
    page.get_by_label("Số ký hiệu, trích yếu hoặc người ký").fill("thu tuc hanh chinh")
    assert titles(page) == ["Quyết định số 215/QĐ-UBND"]
    context.close()


def test_the_address_keeps_the_filters_and_statuses_follow_the_clock(browser, served):
    # A year later 35/2026/QĐ-UBND is in effect: the status filter follows.
    context, page, _ = open_at(
        browser,
        f"{served}/van-ban/?tinh-trang=con-hieu-luc&q=quy+dinh",
        "2027-12-07T03:00:00+00:00",
    )
    expect(page.get_by_label("Tình trạng")).to_have_value("con-hieu-luc")
    expect(page.locator(".document-item__title").first).to_have_text(
        "Quyết định số 35/2026/QĐ-UBND"
    )
    context.close()
    # A filter page's link opens the index with that filter.
    context, page, _ = open_at(
        browser, f"{served}/van-ban/loai/ke-hoach/", "2026-12-07T03:00:00+00:00"
    )
    page.get_by_role("link", name="Lọc kết hợp nhiều tiêu chí").click()
    expect(page.get_by_label("Loại văn bản")).to_have_value("ke-hoach")
    assert titles(page) == ["Dự thảo Kế hoạch số DT-01/2026/SKHCN"]
    context.close()
