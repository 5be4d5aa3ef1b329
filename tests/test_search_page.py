"""The search page over the sample site: whole syllables once submitted, prefix
completions only while typing, documents (Văn bản) found by their number, and
the choice of news or documents."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import PROJECT
from vietnamese import fold, tokenize

QUERY_SCRIPT = PROJECT / "plugins/search_index/tests/query_index.js"


def run_queries(site, *requests: dict) -> list[dict]:
    """The real search.js in node over the site's index: [{urls, fallback}]."""
    done = subprocess.run(
        ["node", str(QUERY_SCRIPT), str(site.output / "tim-kiem/chi-muc")],
        input=json.dumps(list(requests)),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def articles_holding(site, syllables: list[str]) -> set[str]:
    """Articles holding every syllable, on folded text, in what the index reads:
    title, lead, body, byline (author and unit) and tags."""
    found = set()
    for path in (site.output / "tin-tuc").rglob("index.html"):
        page = site.soup(path.relative_to(site.output).as_posix())
        parts = page.select(
            ".article__title, .article__lead, .article__body, .byline, .tag-list"
        )
        words = {fold(word) for part in parts for word in tokenize(part.get_text(" "))}
        if words >= set(syllables):
            found.add(Path(path.relative_to(site.output)).parent.as_posix() + "/")
    return found


def test_dau_tu_finds_exactly_the_articles_holding_both_syllables(project_site):
    expected = articles_holding(project_site, ["dau", "tu"])
    assert len(expected) == 28
    for typing in (False, True):  # "tu" is too short to be a prefix
        request = {"text": "dau tu", "typing": typing, "kind": "tin-bai"}
        result = run_queries(project_site, request)[0]
        assert set(result["urls"]) == expected and not result["fallback"]
    every = run_queries(project_site, {"text": "dau tu"})[0]
    kinds = zip(every["urls"], every["kinds"], strict=True)
    documents = {found for found, kind in kinds if kind == "van-ban"}
    assert documents and set(every["urls"]) == expected | documents


def test_a_submitted_query_matches_whole_syllables_only(project_site):
    expected = articles_holding(project_site, ["hop", "giao", "ban"])
    submitted, typing = run_queries(
        project_site,
        {"text": "hop giao ban", "kind": "tin-bai"},
        {"text": "hop giao ban", "typing": True, "kind": "tin-bai"},
    )
    assert set(submitted["urls"]) == expected
    # While typing, "ban" may still become "bằng": more articles, those first.
    assert set(typing["urls"]) > expected


def marks(page) -> list[str]:
    return page.locator("[data-search-list] mark").all_inner_texts()


def answered(page, status: str) -> None:
    page.wait_for_function(
        "text => document.querySelector('[data-search-status]').textContent"
        ".startsWith(text)",
        arg=status,
    )


@pytest.mark.browser
def test_highlighting_while_typing_and_once_submitted(
    browser, served_project, project_site
):
    submitted = len(articles_holding(project_site, ["hop", "giao", "ban"]))
    page = browser.new_page()
    page.goto(f"{served_project}/tim-kiem/?loai=tin-bai")  # news only
    page.locator("#tk-noi-dung").press_sequentially("hop giao ban", delay=20)
    answered(page, "Tìm thấy 17 tin bài")
    typed = {fold(word) for word in marks(page)}
    assert "bang" in typed, "while typing, the last syllable is a prefix"
    assert all(word in ("hop", "giao") or word.startswith("ban") for word in typed)
    page.press("#tk-noi-dung", "Enter")
    answered(page, f"Tìm thấy {submitted} tin bài")
    assert {fold(word) for word in marks(page)} == {"hop", "giao", "ban"}
    assert "bằng" not in marks(page)
    page.reload()  # the address holds a submitted query
    answered(page, f"Tìm thấy {submitted} tin bài")
    assert {fold(word) for word in marks(page)} == {"hop", "giao", "ban"}
    page.close()


NUMBER_DOCUMENT = "van-ban/2024/qd-215-ubnd-cong-bo-tthc/"
# A news article on the same decision, with the number in its title and body.
NUMBER_ARTICLE = (
    "tin-tuc/2024/cong-bo-danh-muc-thu-tuc-hanh-chinh-theo-quyet-dinh-215-qd-ubnd/"
)


def result_paths(page) -> list[str]:
    links = page.locator("[data-search-list] .search-result__title a")
    return [
        urlsplit(href).path.lstrip("/")
        for href in links.evaluate_all("all => all.map(a => a.href)")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("text", ["215/QĐ-UBND", "215/QD-UBND", "215 qd ubnd"])
def test_a_document_number_finds_the_document_first(browser, served_project, text):
    page = browser.new_page()
    page.goto(f"{served_project}/tim-kiem/")
    page.fill("#tk-noi-dung", text)
    page.press("#tk-noi-dung", "Enter")
    answered(page, "Tìm thấy")
    found = result_paths(page)
    assert found[0] == NUMBER_DOCUMENT
    assert NUMBER_ARTICLE in found
    first = page.locator(".search-result").first
    assert first.locator(".meta").inner_text() == "Văn bản · ban hành 22/01/2024"
    assert page.locator("[data-search-reading]").count() == 0  # not read as Telex
    page.close()


@pytest.mark.browser
def test_news_queries_still_find_the_news_and_the_kind_narrows(
    browser, served_project, project_site
):
    holding = len(articles_holding(project_site, ["hop", "giao", "ban"]))
    page = browser.new_page()
    page.goto(f"{served_project}/tim-kiem/?q=hop+giao+ban")
    answered(page, "Tìm thấy")
    status = page.locator("[data-search-status]").inner_text()
    assert f"({holding} tin bài, " in status
    assert result_paths(page)[0].startswith("tin-tuc/")
    page.goto(f"{served_project}/tim-kiem/?q=hop+giao+ban&loai=van-ban")
    answered(page, "Tìm thấy")
    assert page.get_by_role("radio", name="Văn bản").is_checked()
    assert page.get_by_role("checkbox", name="Thông báo").is_disabled()
    assert all(path.startswith("van-ban/") for path in result_paths(page))
    page.close()
