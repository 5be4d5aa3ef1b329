"""Text typed in an old font (TCVN3, VNI): an error in every check and build,
naming each file and its lines (the preview's banner and the failing publish:
tests/test_content_problems_site.py)."""

from __future__ import annotations

import logging

from conftest import write_files
from content_check import LegacyFontProblem, check_content

from .settings import settings_for

TCVN3_ARTICLE = """\
Title: Së KHOA HäC Vµ C«NG NGHÖ Tæ CHøC HéI NGHÞ
Date: 16/11/2017 10:00
Category: Tin hoạt động
Tags: héi nghÞ, khoa häc

Ngµy 16/11, Së Khoa häc vµ C«ng nghÖ tæ chøc héi nghÞ tæng kÕt n¨m 2017.

Tham dù cã ®¹i diÖn c¸c phßng, ®¬n vÞ thuéc Së.
"""
VNI_ARTICLE = """\
Title: Hoäi nghò toång keát naêm 2017
Date: 17/11/2017 08:00
Category: Tin hoạt động

Baùo caùo ñaùnh giaù keát quaû thöïc hieän nhieäm vuï khoa hoïc vaø coâng ngheä.
"""
# The same words in Unicode, with an English line, a code and the micro sign.
CLEAN_ARTICLE = """\
Title: Hội nghị tổng kết năm 2017
Date: 18/11/2017 08:00
Category: Tin hoạt động

Sở Khoa học và Công nghệ tổ chức hội nghị theo Quyết định 215/QĐ-UBND.

The department met to review the ISO 9001:2015 audit; particles of 2,5 µm.
"""


FILES = {
    "articles/2017/tcvn3.md": TCVN3_ARTICLE,
    "articles/2017/vni.md": VNI_ARTICLE,
    "articles/2017/unicode.md": CLEAN_ARTICLE,
}


def test_each_file_in_a_legacy_font_is_one_error_with_its_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "content"
    write_files(root, FILES)
    problems, count = check_content(settings_for(root))
    assert count == 3
    assert [str(problem) for problem in problems] == [
        "content/articles/2017/tcvn3.md:1: lỗi: chữ gõ bằng bảng mã cũ TCVN3 (ABC,"
        " phông .VnTime), không phải Unicode, ở dòng 1, 4, 6, 8: “Title: Së KHOA HäC"
        " Vµ C«NG NGHÖ Tæ CHøC HéI NGHÞ” đọc đúng là “Title: SỞ KHOA HỌC VÀ CÔNG NGHỆ"
        " TỔ CHỨC HỘI NGHỊ” (chạy lệnh sokhcn convert content/articles/2017/tcvn3.md:"
        " lệnh cho xem từng dòng đổi trước khi ghi, và giữ bản cũ ở tệp .bak)",
        "content/articles/2017/vni.md:1: lỗi: chữ gõ bằng bảng mã cũ VNI-Windows"
        " (phông VNI-Times), không phải Unicode, ở dòng 1, 5: “Title: Hoäi nghò toång"
        " keát naêm 2017” đọc đúng là “Title: Hội nghị tổng kết năm 2017” (chạy lệnh"
        " sokhcn convert content/articles/2017/vni.md: lệnh cho xem từng dòng đổi"
        " trước khi ghi, và giữ bản cũ ở tệp .bak)",
    ]
    assert all(isinstance(problem, LegacyFontProblem) for problem in problems)
    assert [problem.lines for problem in problems] == [(1, 4, 6, 8), (1, 5)]


def test_a_build_logs_each_file_once_and_lists_it(
    plugin_site, tmp_path, monkeypatch, caplog
):
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.ERROR):
        site = plugin_site("content_check", FILES, CONTENT_PROBLEMS_SAVE_AS="loi.html")
    legacy = [message for message in caplog.messages if "bảng mã cũ" in message]
    assert [message.split(": lỗi")[0] for message in legacy] == [
        "content/articles/2017/tcvn3.md:1",
        "content/articles/2017/vni.md:1",
    ]
    page = site.text("loi.html")
    assert "bảng mã cũ TCVN3" in page and "bảng mã cũ VNI" in page
