"""Content problems across the site: the preview's problems page and banners
in the project's theme, a publish refused with the same count as `sokhcn check`
(plugins/content_check/tests builds with the plugin alone)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import PROJECT, write_files
from content_check.tests.test_legacy_font import CLEAN_ARTICLE, FILES
from content_check.tests.test_reported_once import BROKEN

ERRORS = re.compile(r"(\d+) lỗi, (\d+) cảnh báo")


def run(*command: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    return result.stdout + result.stderr


def test_preview_lists_problems_on_a_page_and_a_banner(make_site):
    site = make_site(
        {
            "articles/a.md": "Title: A\nDate: 01/01/2020\nCategory: Thông báo\n\nA.\n",
            "articles/b.md": "Title: B\nDate: 31/02/2020\nCategory: Thông báo\n\nB.\n",
        },
        LINKED_WEBSITES_FILE="",
    )
    page = site.soup("loi-noi-dung/")
    rows = page.select("table.problems tbody tr")
    assert len(rows) == 1
    assert rows[0].code.get_text().endswith("articles/b.md:2")
    banner = site.soup("tin-tuc/2020/a/").select_one(".problems-banner")
    assert banner.a["href"] == "/loi-noi-dung/"
    assert "1 lỗi" in banner.get_text()
    problems = json.loads(site.text("loi-noi-dung/loi.json"))
    assert problems["summary"] == "Kiểm tra 2 tệp nội dung: 1 lỗi, 0 cảnh báo."
    [problem] = problems["problems"]
    assert problem["file"] == "articles/b.md" and problem["line"] == 2
    assert problem["is_error"] and "không có thật" in problem["message"]


def test_check_build_and_publish_refusal_count_the_same_errors(tmp_path):
    content = tmp_path / "content"
    write_files(content, BROKEN)
    checked = run("commands.main", "check", str(content))
    errors, warnings = map(int, ERRORS.search(checked).groups())
    assert (errors, warnings) == (5, 1), checked
    published = run(
        "pelican", str(content), "-s", str(PROJECT / "publishconf.py"),
        "-o", str(tmp_path / "out"), "--cache-path", str(tmp_path / "cache"),
        "-e", 'LINKED_WEBSITES_FILE=""',
    )  # fmt: skip
    assert f"Có {errors} lỗi: không xuất bản" in published, published
    logged = [line for line in published.splitlines() if " ERROR " in line]
    assert len(logged) == errors, logged
    for english in ("Could not process", "Skipping", "Unable to find", "Duplicate"):
        assert english not in published, english


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
