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


def test_bodies_and_leads_are_cleaned_in_a_real_build(plugin_site):
    files = {
        f"bai-{number}.md": (
            f"Title: Bài {number}\nDate: 2020-02-01 08:{number:02d}\n"
            f"Summary: Lời dẫn {payload.replace(chr(10), ' ')}\n\n"
            f"Nội dung {payload}\n\n<div>{payload}</div>\n"
        )
        for number, payload in enumerate(PAYLOADS)
    }
    site = plugin_site("sanitizer", files, SLUGIFY_SOURCE="basename")
    for number, payload in enumerate(PAYLOADS):
        article = site.soup(f"bai-{number}.html").article
        lead, body = article.select_one(".summary"), article.select_one(".content")
        assert "Lời dẫn" in lead.get_text() and "Nội dung" in body.get_text()
        for part in (lead, body):
            assert_inert(str(part), payload)
            forbidden = ["script", "iframe", "object", "embed", "base", "form"]
            assert part.find([*forbidden, "input", "style", "svg", "math"]) is None


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
