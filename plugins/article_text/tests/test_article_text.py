"""The text stage: plain text and terms, made once as each file is read."""

from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup

import article_text
from article_text import make_text, terms_of, text_of

SETTINGS = {"SUMMARY_MAX_PARAGRAPHS": 1, "SUMMARY_MAX_LENGTH": 5}
BODY = (
    "<p>Sáng 16/11, Sở <strong>họp</strong> giao&nbsp;ban.</p>"
    "<h2>Kết quả</h2><ul><li>Đầu tư</li><li>Hòa nhập</li></ul>"
)


def test_plain_text_of_each_part():
    text = make_text("  Họp  giao ban ", BODY, "<p>Tóm <em>tắt</em>.</p>", SETTINGS)
    assert text.title == "Họp giao ban"
    assert text.lead == text.summary == "Tóm tắt."
    assert text.body == "Sáng 16/11, Sở họp giao ban. Kết quả Đầu tư Hòa nhập"
    assert text.headings == ("Kết quả",)


def test_without_a_lead_the_summary_is_the_opening_listings_show():
    text = make_text("Họp", BODY, "", SETTINGS)
    assert text.lead == ""
    assert text.summary == "Sáng 16/11, Sở họp …"  # five words, as Pelican counts


def test_terms_are_folded_syllables_and_pairs_within_a_sentence():
    syllables, pairs, forms = terms_of("Chè hoa vàng Đầm Hà. Hội đồng").keys()
    assert syllables == ["che", "hoa", "vang", "dam", "ha", "hoi", "dong"]
    assert pairs == ["che hoa", "hoa vang", "vang dam", "dam ha", "hoi dong"]
    assert forms == {"chè", "vàng", "đầm", "hà", "hội", "đồng"}


def test_blocks_end_pairs_and_inline_markup_does_not():
    text = make_text("", "<p>nghiệm <b>thu</b></p><p>hội đồng</p>", "", SETTINGS)
    assert text.body_terms.keys()[1] == ["nghiem thu", "hoi dong"]


def test_tone_placement_case_and_nfd_do_not_matter():
    old = make_text("HÒA BÌNH", "<p>thủy lợi</p>", "", SETTINGS)
    new = make_text("hoà bình", unicodedata.normalize("NFD", "<p>thuỷ lợi</p>"), "", {})
    assert old.title_terms.folded == new.title_terms.folded == "hoa binh"
    assert old.body_terms == new.body_terms
    assert unicodedata.is_normalized("NFC", new.body)


def test_the_digest_follows_the_text():
    first = make_text("A", "<p>Sở KH&amp;CN</p>", "", SETTINGS)
    assert (
        first.digest() == make_text("A", "<p>Sở KH&amp;CN</p>", "", SETTINGS).digest()
    )
    # The same terms, other text: an excerpt shows the difference.
    assert first.digest() != make_text("A", "<p>sở kh-cn</p>", "", SETTINGS).digest()


ARTICLE = """\
Title: Nghiệm thu đề tài nuôi hàu
Date: 16/11/2017 10:00
Category: Tin hoạt động
Summary: Hội đồng <em>nghiệm thu</em> đề tài.

Đề tài đạt loại khá.<script>alert(1)</script>

## Kết luận

Hội đồng thống nhất.
"""


def test_a_build_gives_every_article_and_page_its_text_after_sanitising(
    plugin_site, monkeypatch
):
    made = []
    original = article_text.stage.make_text

    def counting(*args):
        made.append(args[0])
        return original(*args)

    monkeypatch.setattr(article_text.stage, "make_text", counting)
    site = plugin_site(
        "article_text",
        {
            "articles/2017/nghiem-thu.md": ARTICLE,
            "pages/gioi-thieu.md": "Title: Giới thiệu\n\nSở Khoa học.\n",
        },
        SLUGIFY_SOURCE="basename",
    )
    assert sorted(made) == ["Giới thiệu", "Nghiệm thu đề tài nuôi hàu"]  # once each
    assert site.exists("nghiem-thu.html")


def test_text_of_reads_what_the_reader_made(plugin_site):
    captured = {}

    from pelican import signals

    def keep(generator):
        for article in generator.articles:
            captured[article.slug] = (text_of(article), article)

    signals.article_generator_finalized.connect(keep)
    no_lead = ARTICLE.replace("Summary:", "Tags:")
    plugin_site(
        "article_text",
        {"articles/2017/nghiem-thu.md": ARTICLE, "articles/2017/khong.md": no_lead},
        SLUGIFY_SOURCE="basename",
        SUMMARY_MAX_PARAGRAPHS=1,
    )
    text, article = captured["nghiem-thu"]
    assert text.lead == "Hội đồng nghiệm thu đề tài."
    assert "alert" not in text.body and text.headings == ("Kết luận",)
    assert text.body == "Đề tài đạt loại khá. Kết luận Hội đồng thống nhất."
    text, article = captured["khong"]
    assert text.lead == ""
    # The opening is the summary Pelican itself makes for listings.
    shown = BeautifulSoup(article.summary, "html.parser").get_text()
    assert text.summary == " ".join(shown.split()) == "Đề tài đạt loại khá."
