"""The search page in Debian's Chromium over a real fixture build."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from search_site import build_site

from conftest import serving
from search_index.tests.fixture_site import (
    ARTICLES,
    DOCUMENT_FILES,
    FILES,
    NUMBER_ARTICLE,
    document_url,
    url,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build_site(tmp_path_factory.mktemp("search-browser"))
    with serving(site.output) as base:
        yield base


@pytest.fixture
def open_page(browser):
    contexts = []
    problems: list[str] = []

    def open_(address: str, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda m: m.type in ("error", "warning") and problems.append(m.text),
        )
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss())
        )
        page.goto(address)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert problems == []


def results(page) -> list[str]:
    links = page.locator("[data-search-list] .search-result__title a")
    return [
        urlsplit(href).path.lstrip("/")
        for href in links.evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
    ]


def wait_for_answer(page) -> str:
    status = page.locator("[data-search-status]")
    page.wait_for_function(
        "s => s.textContent && s.textContent !== 'Đang tìm…'",
        arg=status.element_handle(),
    )
    return status.inner_text()


def search(page, text: str) -> str:
    page.fill("#tk-noi-dung", text)
    page.press("#tk-noi-dung", "Enter")
    page.wait_for_function(
        "q => new URLSearchParams(location.search).get('q') === q", arg=text
    )
    return wait_for_answer(page)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dau tu", ["thu-hut-dau-tu"]),
        ("dong trieu", ["gom-su-dong-trieu"]),
        ("hoa nhap", ["hoa-nhap-cong-dong", "giao-duc-hoa-nhap"]),
        ("thuy san", ["nuoi-trong-thuy-san", "che-bien-thuy-san"]),
        ("thủy sản", ["nuoi-trong-thuy-san", "che-bien-thuy-san"]),
    ],
)
def test_probe_queries_from_the_address(open_page, served, text, expected):
    page = open_page(f"{served}/tim-kiem/?q={text}")
    status = wait_for_answer(page)
    assert status.startswith("Tìm thấy")
    found = results(page)
    assert {url(slug) for slug in expected} <= set(found)
    assert page.locator("#tk-noi-dung").input_value() == text


def test_matched_syllables_are_marked(open_page, served):
    page = open_page(f"{served}/tim-kiem/?q=dong+trieu")
    wait_for_answer(page)
    first = page.locator(".search-result").first
    assert first.locator(".search-result__title mark").all_inner_texts() == [
        "Đông",
        "Triều",
    ]
    assert "Triều" in first.locator(".search-result__snippet mark").all_inner_texts()
    assert first.locator("time").get_attribute("datetime") == "2019-03-01"
    assert "01/03/2019 · Sở hữu trí tuệ" in first.locator(".meta").inner_text()


@pytest.mark.parametrize("text", ["hop giao ban", "hop giao bản"])
def test_phrase_ranking_in_the_page(open_page, served, text):
    page = open_page(f"{served}/tim-kiem/")
    search(page, text)
    assert set(results(page)[:2]) == {
        url("hop-giao-ban-thang-11"),
        url("hop-giao-ban-quy-iv"),
    }


def test_last_syllable_prefix_only_while_typing(open_page, served):
    page = open_page(f"{served}/tim-kiem/")
    page.locator("#tk-noi-dung").press_sequentially("tin", delay=20)
    page.wait_for_function("() => location.search === '?q=tin'")
    wait_for_answer(page)
    found = results(page)
    assert found[0] == url("ban-tin-khoa-hoc") and url("tinh-than-doi-moi") in found
    page.press("#tk-noi-dung", "Enter")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-search-list] li').length === 1"
    )
    assert results(page) == [url("ban-tin-khoa-hoc")]
    search(page, "tin ")
    assert results(page) == [url("ban-tin-khoa-hoc")]


def test_one_and_several_categories(open_page, served):
    page = open_page(f"{served}/tim-kiem/")
    page.check("input[name='chuyen-muc'][value='thong-bao']")
    page.click(".search-form__submit")
    assert wait_for_answer(page) == "Có 2 tin bài phù hợp, mới nhất trước."
    assert results(page) == [url("ban-tin-khoa-hoc"), url("canh-bao-lua-dao")]
    page.check("input[name='chuyen-muc'][value='so-huu-tri-tue']")
    page.click(".search-form__submit")
    page.wait_for_function("() => location.search.split('chuyen-muc').length === 3")
    wait_for_answer(page)
    assert results(page)[-1] == url("gom-su-dong-trieu")
    assert len(results(page)) == 3


def test_inclusive_date_range_newest_first(open_page, served):
    page = open_page(f"{served}/tim-kiem/?tu-ngay=01/01/2016&den-ngay=31/12/2016")
    assert wait_for_answer(page) == "Có 2 tin bài phù hợp, mới nhất trước."
    assert results(page) == [url("che-bien-thuy-san"), url("nuoi-trong-thuy-san")]
    page.fill("#tk-tu-ngay", "02/01/2016")
    page.fill("#tk-den-ngay", "30/12/2016")
    page.click(".search-form__submit")
    page.wait_for_function("() => location.search.includes('02%2F01%2F2016')")
    assert wait_for_answer(page).startswith("Không tìm thấy tin bài nào")


def test_bad_date_is_explained(open_page, served):
    page = open_page(f"{served}/tim-kiem/?q=thuy+san&tu-ngay=31/02/2020")
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent"
        ".startsWith('Ngày không hợp lệ')"
    )
    assert page.locator("#tk-tu-ngay").get_attribute("aria-invalid") == "true"
    assert page.locator("#tk-tu-ngay-loi").is_visible()
    assert page.locator("[data-search-results]").is_hidden()


def test_no_results_and_the_all_but_one_fallback(open_page, served):
    page = open_page(f"{served}/tim-kiem/")
    assert search(page, "xyzqwv").startswith("Không tìm thấy tin bài nào chứa “xyzqwv”")
    assert page.locator("[data-search-results]").is_hidden()
    status = search(page, "dong trieu xyzqwv ")
    assert "Không có tin bài nào chứa đủ tất cả các từ" in status
    assert "trừ một từ" in status
    assert results(page)[0] == url("gom-su-dong-trieu")


def test_html_in_titles_stays_text(open_page, served):
    page = open_page(f"{served}/tim-kiem/?q=lua+dao")
    wait_for_answer(page)
    title = page.locator(".search-result__title").first
    assert (
        title.inner_text()
        == 'Cảnh báo <script>alert("x")</script> & <b>lừa đảo</b> qua mạng'
    )
    assert page.locator("[data-search-list] script, [data-search-list] b").count() == 0
    assert title.locator("mark").all_inner_texts() == ["lừa", "đảo"]


def test_address_keeps_the_state_and_back_works(open_page, served):
    page = open_page(f"{served}/tim-kiem/")
    search(page, "dau tu")
    search(page, "thuy san")
    page.select_option("#tk-sap-xep", "moi-nhat")
    page.click(".search-form__submit")
    page.wait_for_function("() => location.search.includes('sap-xep=moi-nhat')")
    wait_for_answer(page)
    assert results(page)[0] == url("kiem-dinh-phuong-tien-do")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('sap-xep')")
    assert page.locator("#tk-sap-xep").input_value() == "lien-quan"
    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('#tk-noi-dung').value === 'dau tu'"
    )
    wait_for_answer(page)
    assert results(page)[0] == url("thu-hut-dau-tu")
    page.go_forward()
    page.wait_for_function(
        "() => document.querySelector('#tk-noi-dung').value === 'thuy san'"
    )
    assert url("che-bien-thuy-san") in results(page)


def test_pages_of_results(open_page, served):
    page = open_page(f"{served}/tim-kiem/?tu-ngay=01/01/2000")
    status = wait_for_answer(page)
    assert status == f"Có {len(ARTICLES)} tin bài phù hợp, mới nhất trước. Trang 1/2."
    assert len(results(page)) == 10
    page.click("[data-search-pages] a:has-text('Trang sau')")
    page.wait_for_function("() => location.search.includes('trang=2')")
    wait_for_answer(page)
    assert len(results(page)) == len(ARTICLES) - 10
    assert page.evaluate("document.activeElement.id") == "tk-ket-qua"
    assert page.locator("[data-search-list]").get_attribute("start") == "11"
    page.go_back()
    page.wait_for_function("() => !location.search.includes('trang=2')")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-search-list] li').length === 10"
    )


def test_the_sidebar_box_lands_on_results(open_page, served):
    page = open_page(f"{served}/{url('gom-su-dong-trieu')}")
    page.fill("#tim-kiem-noi-dung", "hoa nhap")
    page.press("#tim-kiem-noi-dung", "Enter")
    page.wait_for_url("**/tim-kiem/?**")
    query = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    assert query["q"] == ["hoa nhap"] and query["chuyen-muc"] == [""]
    wait_for_answer(page)
    assert url("giao-duc-hoa-nhap") in results(page)


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "!!! ??? ... ---",
        "🎉🔥👍",
        "' OR 1=1 --",
    ],
)
def test_bad_input_is_harmless(open_page, served, text):
    page = open_page(f"{served}/tim-kiem/")
    status = search(page, text)
    assert status
    assert page.locator("main img, main script:not([src])").count() == 0
    assert page.evaluate("document.title").startswith("Tìm kiếm")


def test_a_very_long_query_is_cut(open_page, served):
    text = "đầu tư " * 1000
    page = open_page(f"{served}/tim-kiem/?q={text}")
    status = wait_for_answer(page)
    assert "chỉ dùng 200 ký tự, 10 từ đầu" in status
    assert results(page)[0] == url("thu-hut-dau-tu")


def test_status_is_a_live_region_and_fields_are_labelled(open_page, served):
    page = open_page(f"{served}/tim-kiem/")
    status = page.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    for name in ["Nội dung", "Từ ngày", "Đến ngày", "Sắp xếp", "Thông báo"]:
        form = page.locator("[data-search-form]")
        assert form.get_by_label(name, exact=True).count() == 1, name
    page.keyboard.press("Tab")
    page.focus("#tk-noi-dung")
    page.keyboard.type("dong trieu")
    page.keyboard.press("Enter")
    assert wait_for_answer(page).startswith("Tìm thấy")


def test_without_javascript_the_page_explains_and_links_archives(open_page, served):
    page = open_page(f"{served}/tim-kiem/?q=dau+tu", java_script_enabled=False)
    assert page.locator("[data-search-nojs]").is_visible()
    assert page.locator("[data-search-form]").is_hidden()
    browse = page.locator("[data-search-browse]")
    assert browse.is_visible()
    assert browse.get_by_role("link", name="Thông báo").count() == 1


@pytest.fixture(scope="module")
def served_documents(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-browser-documents")
    site = build_site(root, {**FILES, **DOCUMENT_FILES})
    with serving(site.output) as base:
        yield base


def test_a_document_result_shows_its_kind_and_issue_date(open_page, served_documents):
    page = open_page(f"{served_documents}/tim-kiem/?q=215+qd+ubnd")
    assert wait_for_answer(page) == (
        "Tìm thấy 2 kết quả (1 tin bài, 1 văn bản) cho “215 qd ubnd”, "
        "liên quan nhất trước."
    )
    assert results(page) == [
        document_url("2024/qd-215"),
        f"tin-tuc/2024/{NUMBER_ARTICLE}/",
    ]
    first, second = page.locator(".search-result").all()
    assert first.locator(".meta").inner_text() == "Văn bản · ban hành 22/01/2024"
    assert first.locator("time").get_attribute("datetime") == "2024-01-22"
    assert first.locator(".search-result__title mark").all_inner_texts() == [
        "215",
        "QĐ",
        "UBND",
    ]
    assert second.locator(".meta").inner_text() == "25/01/2024 · Chỉ đạo điều hành"


def test_the_kind_choice_narrows_and_comes_back_with_the_address(
    open_page, served_documents
):
    page = open_page(f"{served_documents}/tim-kiem/?q=quyet+dinh&loai=van-ban")
    status = "Tìm thấy 3 văn bản cho “quyet dinh”, liên quan nhất trước."
    assert wait_for_answer(page) == status
    assert all(found.startswith("van-ban/") for found in results(page))
    form = page.locator("[data-search-form]")
    kinds = form.get_by_role("group", name="Tìm trong")
    box = form.get_by_role("checkbox", name="Chỉ đạo điều hành")
    assert kinds.get_by_role("radio", name="Văn bản").is_checked()
    assert box.is_disabled()  # documents have no category

    # With the keyboard: the arrow keys move through the radio group.
    kinds.get_by_role("radio", name="Văn bản").focus()
    page.keyboard.press("ArrowLeft")
    assert kinds.get_by_role("radio", name="Tin bài").is_checked()
    assert box.is_enabled()
    page.click(".search-form__submit")
    page.wait_for_function("() => location.search.includes('loai=tin-bai')")
    assert wait_for_answer(page).startswith("Tìm thấy 1 tin bài cho")
    assert results(page) == [f"tin-tuc/2024/{NUMBER_ARTICLE}/"]

    kinds.get_by_role("radio", name="Tin bài").focus()
    page.keyboard.press("ArrowLeft")
    assert kinds.get_by_role("radio", name="Tất cả").is_checked()
    page.click(".search-form__submit")
    page.wait_for_function("() => !location.search.includes('loai')")
    assert wait_for_answer(page).startswith("Tìm thấy 4 kết quả (1 tin bài, 3 văn bản)")

    box.check()  # a category leaves the documents out
    page.click(".search-form__submit")
    page.wait_for_function("() => location.search.includes('chuyen-muc')")
    assert wait_for_answer(page).startswith("Tìm thấy 1 tin bài cho")

    for kind, disabled in (("Tất cả", False), ("Tin bài", False), ("Văn bản", True)):
        page.go_back()
        page.wait_for_function(
            "name => document.querySelector('input[name=loai]:checked')"
            ".parentNode.textContent.trim() === name",
            arg=kind,
        )
        assert box.is_disabled() is disabled
    assert wait_for_answer(page) == status
