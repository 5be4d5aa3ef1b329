"""XSS payloads in titles, tags, summaries, bodies and file names come out inert."""

from __future__ import annotations

import pytest

from sanitizer import clean_html, fit_heading_outline

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">bấm</a>',
    '<a href="JaVaScRiPt:alert(1)">bấm</a>',
    '<iframe src="https://ac.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=x></object><embed src=x>",
    '<form action="https://ac.example/"><input name=q></form>',
    '"><script>alert(document.cookie)</script>',
    "<details open ontoggle=alert(1)>",
    '<base href="https://ac.example/">',
    '<meta http-equiv="refresh" content="0;url=https://ac.example/">',
]
DANGEROUS = (
    "<script", "onerror", "onload", "ontoggle", "javascript:", "<iframe", "<object",
    "<embed", "<form", "<input", "<base", "<meta http-equiv", "style=", "<style",
)  # fmt: skip


def assert_inert(html: str, where: str) -> None:
    lowered = html.lower()
    for marker in DANGEROUS:
        assert marker not in lowered, (where, marker)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_clean_html_removes_active_content(payload):
    assert_inert(clean_html(payload), payload)


def test_clean_html_keeps_news_structure():
    html = (
        '<h2 id="muc-1">Mục</h2><p><strong>Đậm</strong> <a href="https://chinhphu.vn">'
        'liên kết</a></p><ul><li>một</li></ul><table><tr><th scope="col">A</th></tr>'
        '</table><img src="/images/a.svg" alt="Ảnh">'
    )
    cleaned = clean_html(html)
    for kept in ('<h2 id="muc-1">', "<strong>", 'href="https://chinhphu.vn"', "<li>",
                 'scope="col"', 'alt="Ảnh"'):  # fmt: skip
        assert kept in cleaned


def test_payloads_everywhere_in_a_real_build(make_site):
    files = {}
    for number, payload in enumerate(PAYLOADS):
        one_line = payload.replace("\n", " ")
        files[f"articles/2020/bai-{number}.md"] = (
            f"Title: Tiêu đề {one_line}\n"
            f"Date: 01/02/2020 08:{number:02d}\n"
            "Category: Thông báo\n"
            f"Tags: thẻ {one_line.replace(',', ' ')}\n"
            f"Summary: Lời dẫn {one_line}\n\n"
            f"Nội dung {payload}\n\n<div>{payload}</div>\n"
        )
    files['articles/2020/"><script>alert(1)<"script>.md'] = (
        "Title: Tên tệp lạ\nDate: 02/02/2020\nCategory: Thông báo\n\nNội dung.\n"
    )
    site = make_site(files, LINKED_WEBSITES_FILE="")
    pages = site.html_pages()
    assert len(list(site.output.glob("tin-tuc/2020/*/index.html"))) == len(files)
    for page in pages:
        soup = site.soup(str(page.relative_to(site.output)))
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue  # structured data, checked in tests/test_publishing.py
            assert script.get("src", "").endswith(".js"), page
        for tag in soup.find_all(True):
            for attribute in tag.attrs:
                assert not attribute.lower().startswith("on"), (page, tag)
            for attribute in ("href", "src", "action"):
                assert "javascript:" not in tag.get(attribute, "").lower(), (page, tag)
            assert tag.name not in ("iframe", "object", "embed", "base"), page
            if tag.name == "form":  # only the theme's own search form
                assert tag["action"] == "/tim-kiem/", page
        for body in soup.select(".article__body, .article__lead"):
            assert body.find(["input", "form", "style", "svg", "math"]) is None, page
    for feed in site.output.glob("feeds/*.xml"):
        assert "<script" not in feed.read_text("utf-8").lower().replace(
            "&lt;script", ""
        )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h3>A</h3><p>x</p><h3>B</h3>", "<h2>A</h2><p>x</p><h2>B</h2>"),
        ("<h2>A</h2><h4 id='b'>B</h4>", "<h2>A</h2><h3 id='b'>B</h3>"),
        ("<h1>A</h1><h2>B</h2>", "<h2>A</h2><h3>B</h3>"),
        ("<h2>A</h2><h3>B</h3>", "<h2>A</h2><h3>B</h3>"),
        ("<p>không có tiêu đề</p>", "<p>không có tiêu đề</p>"),
    ],
)
def test_body_headings_fit_under_the_page_title(html, expected):
    assert fit_heading_outline(html) == expected
