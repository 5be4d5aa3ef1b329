"""Reading the rendered article: NFC, whitespace, regions and excerpts."""

import unicodedata

from search_index.extract import EXCERPT_LENGTH, extract_article, shorten

PAGE = """<!DOCTYPE html><html><body><header><nav>Trang chủ Tin hoạt động</nav></header>
<main><article class="article"><header class="article__header">
<p class="article__category"><a href="/c/">Tin hoạt động</a></p>
<h1 class="article__title">Họp   giao ban
 tháng 11 &amp; &lt;b&gt;</h1></header>
<div class="article__lead"><p>Tóm tắt <em>ngắn</em>.</p></div>
<div class="article__body"><p>Đoạn một.</p><p>Đoạn<br>hai.</p>
<ul><li>Mục</li></ul></div>
<footer class="article__footer"><p class="byline">Người viết</p></footer></article>
<section class="other-news"><h2>Các tin khác</h2></section></main>
<aside>Tin nóng: Đông Triều</aside></body></html>"""


def test_title_lead_and_body_only():
    text = extract_article(PAGE)
    assert text.title == "Họp giao ban tháng 11 & <b>"
    assert text.lead == "Tóm tắt ngắn."
    assert text.body == "Đoạn một. Đoạn hai. Mục"
    assert text.found_title


def test_nfd_pages_read_as_nfc():
    text = extract_article(unicodedata.normalize("NFD", PAGE))
    assert text.title == "Họp giao ban tháng 11 & <b>"
    assert unicodedata.is_normalized("NFC", text.body)


def test_missing_parts():
    text = extract_article("<main><p>Không có bài.</p></main>")
    assert (text.title, text.lead, text.body, text.found_title) == ("", "", "", False)


def test_excerpt_is_the_lead_else_the_body_shortened_at_a_word():
    assert extract_article(PAGE).excerpt == "Tóm tắt ngắn."
    long_body = PAGE.replace("<p>Tóm tắt <em>ngắn</em>.</p>", "").replace(
        "Đoạn một.", "Khoa học và công nghệ " * 40
    )
    excerpt = extract_article(long_body).excerpt
    assert excerpt.endswith("…") and len(excerpt) <= EXCERPT_LENGTH + 1
    assert shorten("một hai ba", 100) == "một hai ba"
