"""Text typed in an old font (TCVN3, VNI): an error in every check and build,
a banner in the preview, and a publish build that fails naming each file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from pelican.settings import read_settings

from conftest import PROJECT, write_files
from content_check import LegacyFontProblem, check_content

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


def settings_for(root):
    return read_settings(
        str(PROJECT / "pelicanconf.py"),
        override={"PATH": str(root), "OUTPUT_PATH": str(root / "out")},
    )


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


def test_the_preview_shows_a_banner_naming_each_file(make_site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = make_site(FILES, LINKED_WEBSITES_FILE="")
    for url in ("", "tin-tuc/2017/unicode/", "tin-tuc/2017/tcvn3/"):
        (banner,) = site.soup(url).select(".problems-banner--legacy-font")
        items = [" ".join(li.get_text().split()) for li in banner.select("li")]
        assert "bảng mã cũ (TCVN3 hoặc VNI)" in banner.get_text()
        assert items == [
            "content/articles/2017/tcvn3.md, dòng 1, 4, 6, 8, bảng mã TCVN3 (ABC,"
            " phông .VnTime): sokhcn convert content/articles/2017/tcvn3.md",
            "content/articles/2017/vni.md, dòng 1, 5, bảng mã VNI-Windows (phông"
            " VNI-Times): sokhcn convert content/articles/2017/vni.md",
        ]
    problems_page = site.text("loi-noi-dung/")
    assert "bảng mã cũ TCVN3" in problems_page and "bảng mã cũ VNI" in problems_page


def test_no_banner_without_legacy_text(make_site):
    site = make_site(
        {"articles/2017/unicode.md": CLEAN_ARTICLE}, LINKED_WEBSITES_FILE=""
    )
    assert not site.soup("").select(".problems-banner--legacy-font")


def test_a_publish_build_with_legacy_text_fails_and_names_each_file(tmp_path):
    content = tmp_path / "content"
    write_files(content, FILES)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("bản đang xuất bản", encoding="utf-8")
    extra = {"LINKED_WEBSITES_FILE": "", "CACHE_PATH": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pelican", str(content)]
    command += ["-s", str(PROJECT / "publishconf.py"), "-o", str(output)]
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        # The editor's view: paths from the site's folder; publishconf.py
        # imports pelicanconf from the project.
        env={**os.environ, "COLUMNS": "400", "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0, log
    assert "content/articles/2017/tcvn3.md:1: lỗi: chữ gõ bằng bảng mã cũ TCVN3" in log
    assert "ở dòng 1, 4, 6, 8" in log
    assert "content/articles/2017/vni.md:1: lỗi: chữ gõ bằng bảng mã cũ VNI" in log
    assert "ở dòng 1, 5" in log
    assert "unicode.md:" not in log
    assert "không xuất bản" in log
    assert (output / "index.html").read_text(encoding="utf-8") == "bản đang xuất bản"
