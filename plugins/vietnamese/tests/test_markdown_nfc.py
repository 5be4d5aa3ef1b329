"""The NFC preprocessor runs before the meta extension."""

import unicodedata

import markdown

from vietnamese.markdown_nfc import NfcExtension, NfcPreprocessor, makeExtension

NFD_SOURCE = unicodedata.normalize(
    "NFD",
    "Title: Thông báo tuyển dụng\nCategory: Thông báo\n\nNội dung **Hoà Bình**.\n",
)


def convert(source: str) -> tuple[str, dict]:
    md = markdown.Markdown(extensions=[NfcExtension(), "markdown.extensions.meta"])
    html = md.convert(source)
    return html, md.Meta  # type: ignore[attr-defined]


def test_runs_before_meta():
    md = markdown.Markdown(extensions=["markdown.extensions.meta", NfcExtension()])
    names = [type(p).__name__ for p in md.preprocessors]
    assert names.index("NfcPreprocessor") < names.index("MetaPreprocessor")


def test_nfd_source_gives_nfc_metadata_and_body():
    html, meta = convert(NFD_SOURCE)
    assert meta["title"] == ["Thông báo tuyển dụng"]
    assert meta["category"] == ["Thông báo"]
    assert "<strong>Hoà Bình</strong>" in html
    assert unicodedata.is_normalized("NFC", html)


def test_make_extension_and_string_loading():
    assert isinstance(makeExtension(), NfcExtension)
    md = markdown.Markdown(extensions=["vietnamese.markdown_nfc"])
    assert any(isinstance(p, NfcPreprocessor) for p in md.preprocessors)
