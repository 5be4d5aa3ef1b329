"""`sokhcn import` converts text typed in an old font (TCVN3, VNI) as it imports."""

from __future__ import annotations

import shutil

from bs4 import BeautifulSoup, Comment

from vietnamese import legacy_lines, nfc
from vietnamese.tests.legacy_fonts import to_tcvn3, to_vni

from .test_import_legacy import PORTAL, SEED_CAPTURE, SEED_FILE, run_import

ARTICLE_PARTS = "[id$=lblTieuDe], [id$=lblTomTat], [id$=lblNoiDung], [id$=lblTacGia]"


def article_in_font(tmp_path, encode):
    """The seed page saved again with its article typed in an old font; the
    portal's menus and sidebar stay Unicode."""
    folder = tmp_path / "trang"
    shutil.copytree(PORTAL, folder)
    page = folder / "ChiTietTinTuc_7705.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for part in soup.select(ARTICLE_PARTS):
        for string in part.find_all(string=True):
            if not isinstance(string, Comment):
                string.replace_with(encode(str(string)))
    page.write_text(str(soup), encoding="utf-8")
    assert legacy_lines(page.read_text("utf-8").splitlines())
    return page


def imported(tmp_path, name: str) -> str:
    return (tmp_path / name / "content" / "articles" / SEED_FILE).read_text("utf-8")


def test_a_page_typed_in_vni_imports_as_the_unicode_page(tmp_path, capsys):
    assert run_import(tmp_path / "unicode", PORTAL / "ChiTietTinTuc_7705.html") == 0
    page = article_in_font(tmp_path, to_vni)
    assert run_import(tmp_path / "vni", page) == 0
    assert imported(tmp_path, "vni") == imported(tmp_path, "unicode")
    assert "đoạn gõ bằng bảng mã cũ VNI-Windows" in capsys.readouterr().err


def test_a_page_typed_in_tcvn3_imports_as_the_unicode_page(tmp_path, capsys):
    assert run_import(tmp_path / "unicode", PORTAL / "ChiTietTinTuc_7705.html") == 0
    page = article_in_font(tmp_path, to_tcvn3)
    assert run_import(tmp_path / "tcvn3", page) == 0
    got, want = imported(tmp_path, "tcvn3"), imported(tmp_path, "unicode")
    # TCVN3 stores "Đ/c Tạ Duy Thịnh" and "Ủy" with small codes for capitals
    # with tones; the title in capitals comes back in capitals (.VnTimeH).
    assert got.lower() == want.lower()
    assert got.splitlines()[0] == want.splitlines()[0]
    assert "Author: Trương Thế Bình - Văn phòng" in got  # the byline was found
    assert legacy_lines(got.splitlines()) == []
    assert "đoạn gõ bằng bảng mã cũ TCVN3" in capsys.readouterr().err


def test_a_capture_saved_in_the_font_itself(tmp_path, capsys):
    """A .txt that an old Windows editor saved: the font's bytes, not UTF-8."""
    assert run_import(tmp_path / "unicode", SEED_CAPTURE) == 0
    capture = tmp_path / "cu.txt"
    text = nfc(SEED_CAPTURE.read_text(encoding="utf-8"))
    capture.write_bytes(to_tcvn3(text).encode("cp1252"))  # "…" is 0x85 there
    assert run_import(tmp_path / "tcvn3", capture) == 0
    got, want = imported(tmp_path, "tcvn3"), imported(tmp_path, "unicode")
    assert got.lower() == want.lower()
    assert "Windows-1258" not in capsys.readouterr().err
