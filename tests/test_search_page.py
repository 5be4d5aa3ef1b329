"""The search page over the sample site: whole syllables once submitted, prefix
completions only while typing, and its form laid out like the sidebar's box."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

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
        result = run_queries(project_site, {"text": "dau tu", "typing": typing})[0]
        assert set(result["urls"]) == expected and not result["fallback"]


def test_a_submitted_query_matches_whole_syllables_only(project_site):
    expected = articles_holding(project_site, ["hop", "giao", "ban"])
    submitted, typing = run_queries(
        project_site,
        {"text": "hop giao ban"},
        {"text": "hop giao ban", "typing": True},
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
    page.goto(f"{served_project}/tim-kiem/")
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
