"""Queries typed in Telex or VNI with the input method off, in Chromium, over a
site built from the search benchmark's corpus (bench/corpus.py, bench/search).

Every probe of bench/search typed in Telex or VNI finds exactly what its
accented form finds; every ordinary probe, and English words and codes that the
site has, find what they find as typed (``nguyen-van=1``, today's search).
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from collections import Counter
from urllib.parse import quote

import pytest
from search_site import build_site

from conftest import PROJECT, serving, write_files
from vietnamese import canonical, fold, nfc, tokenize

pytestmark = pytest.mark.browser

BENCH = PROJECT / "bench"
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402


def bench_search_probes():
    """The query lists of bench/search/run.py (read, never run)."""
    path = BENCH / "search" / "run.py"
    spec = importlib.util.spec_from_file_location("bench_search", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PROBES = bench_search_probes()
BENCH_PROBES = (
    {PROBES.FIRST_QUERY, *PROBES.LATER_QUERIES}
    | {q for forms in PROBES.RECALL_PROBES.values() for q in forms}
    | {q for forms in PROBES.PHRASE_PROBES.values() for q in forms}
)
ORDINARY = sorted(
    BENCH_PROBES
    | {"Quang Ninh", "ISO 9001", "215/QĐ-UBND", "offer", "seen", "coffee", "ss"}
    | {"coffee offer", "has seen", "how are you", "giấy A4", "covid19", "H5N1"}
)
# English and codes that the site has: they must keep finding it.
ENGLISH = """\
Title: Quang Ninh welcomes partners in science and technology
Date: 20/11/2025 09:00
Category: Tin hoạt động

The delegation has seen the coffee processing line; the offer was accepted.
The laboratory is certified to ISO 9001 under Decision 215/QĐ-UBND. ss
"""

TONE_KEYS = {"\u0301": ("s", "1"), "\u0300": ("f", "2"), "\u0309": ("r", "3")}
TONE_KEYS |= {"\u0303": ("x", "4"), "\u0323": ("j", "5")}
LETTER_KEYS = {"đ": ("dd", "d9"), "â": ("aa", "a6"), "ê": ("ee", "e6")}
LETTER_KEYS |= {"ô": ("oo", "o6"), "ă": ("aw", "a8")}
LETTER_KEYS |= {"ơ": ("ow", "o7"), "ư": ("uw", "u7")}


def typed(text: str, method: int, tone_last: bool) -> str:
    """How a reader types ``text`` with the input method off: Telex (0) or VNI
    (1), each tone key at the end of the word or right after its vowel."""
    words = []
    for word in nfc(text).split():
        keys, tone = "", ""
        for ch in word:
            base, *marks = unicodedata.normalize("NFD", ch.lower())
            tone_marks = [m for m in marks if m in TONE_KEYS]
            letter = nfc(base + "".join(m for m in marks if m not in TONE_KEYS))
            keys += LETTER_KEYS.get(letter, (letter, letter))[method]
            if tone_marks:
                tone = TONE_KEYS[tone_marks[0]][method]
                keys += "" if tone_last else tone
        keys += tone if tone_last else ""
        words.append(keys.capitalize() if word[0].isupper() else keys)
    return " ".join(words)


def accented_form(probe: str, articles) -> str:
    """The accented phrase an unaccented probe stands for: the commonest
    sequence of syllables in the corpus that folds to it."""
    wanted = [fold(token) for token in tokenize(probe)]
    seen = Counter()
    for article in articles:
        tokens = tokenize(article.text())
        for i in range(len(tokens) - len(wanted) + 1):
            window = tokens[i : i + len(wanted)]
            if [fold(token) for token in window] == wanted:
                seen[" ".join(window)] += 1
    return seen.most_common(1)[0][0]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    articles = corpus.generate(240)
    root = tmp_path_factory.mktemp("typed-queries")
    corpus.write_corpus(articles, root)
    write_files(root / "content", {"articles/2025/english.md": ENGLISH})
    site = build_site(root, files={}, RELATED_COUNT=0)
    with serving(site.output) as base:
        yield articles, base


@pytest.fixture
def search_page(browser, corpus_site):
    _, base = corpus_site
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base}/tim-kiem/")
    yield page
    context.close()
    assert problems == []


SEARCH_ALL = """async (requests) => {
  const root = document.querySelector("[data-search]");
  const index = new VnSearch.Index(root.getAttribute("data-search-index"), (url) =>
    fetch(url).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b)));
  const out = [];
  for (const [text, verbatim] of requests) {
    const result = await VnSearch.search(index, {
      text, categories: [], from: null, to: null, sort: "lien-quan", verbatim });
    const reading = result.reading && result.reading.text;
    out.push({ ids: Array.from(result.ids), reading });
  }
  return out;
}"""


def search_all(page, requests):
    return page.evaluate(SEARCH_ALL, [list(request) for request in requests])


def test_telex_and_vni_forms_of_every_probe_find_what_the_accented_form_finds(
    corpus_site, search_page
):
    articles, _ = corpus_site
    phrases = {canonical(phrase) for phrase in PROBES.RECALL_PROBES}
    phrases |= {canonical(phrase) for phrase in PROBES.PHRASE_PROBES}
    phrases |= {accented_form(probe, articles) for probe in BENCH_PROBES}
    forms = {
        phrase: [typed(phrase, method, last) for method in (0, 1) for last in (1, 0)]
        for phrase in sorted(phrases)
    }
    assert "d9o6ng trie62u" in [f.lower() for f in forms["Đông Triều"]]
    assert "ddoong trieeuf" in [f.lower() for f in forms["Đông Triều"]]
    texts = [*forms, *(form for typed_forms in forms.values() for form in typed_forms)]
    found = search_all(search_page, [(text, False) for text in texts])
    results = dict(zip(texts, found, strict=True))
    for phrase, typed_forms in forms.items():
        expected = results[phrase]
        assert expected["ids"], phrase
        assert expected["reading"] is None, phrase
        for form in typed_forms:
            assert results[form]["ids"] == expected["ids"], (phrase, form)
            assert fold(results[form]["reading"]) == fold(phrase), (phrase, form)
    assert len(forms) >= 10


def test_no_ordinary_probe_changes_its_results(search_page):
    requests = [(probe, verbatim) for probe in ORDINARY for verbatim in (False, True)]
    results = search_all(search_page, requests)
    for i, probe in enumerate(ORDINARY):
        read, as_typed = results[2 * i], results[2 * i + 1]
        assert read["reading"] is None, probe
        assert read["ids"] == as_typed["ids"], probe
    found = {probe: results[2 * i]["ids"] for i, probe in enumerate(ORDINARY)}
    for probe in ("offer", "seen", "coffee", "ss", "ISO 9001", "215/QĐ-UBND"):
        assert len(found[probe]) == 1, probe  # the English article, as today


def test_the_page_says_how_it_understood_the_query(corpus_site, search_page):
    page = search_page
    page.fill("#tk-noi-dung", "ddoong trieeuf")
    page.press("#tk-noi-dung", "Enter")
    reading = page.locator("[data-search-reading]")
    reading.wait_for()
    assert reading.inner_text() == (
        "Đã hiểu là: đông triều. Tìm đúng như đã gõ “ddoong trieeuf”"
    )
    status = page.locator("[data-search-status]").inner_text()
    assert status.startswith("Tìm thấy") and "“đông triều”" in status
    shown = page.locator("[data-search-list] li").count()
    marks = page.locator("[data-search-list] mark").all_inner_texts()
    assert shown > 0 and {fold(mark) for mark in marks} <= {"dong", "trieu"}
    # The same count as the accented query.
    _, base = corpus_site
    page.goto(f"{base}/tim-kiem/?q={quote('Đông Triều ')}")
    page.locator("[data-search-status]:has-text('Tìm thấy')").wait_for()
    accented = page.locator("[data-search-status]").inner_text()
    assert accented.split(" tin bài")[0] == status.split(" tin bài")[0]
    # "Tìm đúng như đã gõ" searches the letters as typed.
    page.goto(f"{base}/tim-kiem/?q=d9o6ng+trie62u")
    reading.wait_for()
    assert reading.inner_text().startswith("Đã hiểu là: đông triều.")
    page.get_by_role("link", name="Tìm đúng như đã gõ “d9o6ng trie62u”").click()
    page.locator("[data-search-status]:has-text('Không tìm thấy')").wait_for()
    assert "nguyen-van=1" in page.url
    assert reading.is_hidden()
