"""Every problem of a content folder, reported in one run with file and line."""

from __future__ import annotations

import json
import logging
import textwrap
import unicodedata

import pytest

from conftest import write_files
from content_check import check_content

from .settings import settings_for

GOOD = """
    Title: Bài đúng
    Date: 05/02/2020 08:00
    Category: Thông báo
    Image: images/anh.svg
    ImageAlt: Ảnh minh họa
    Attachments: files/a.pdf

    Xem [bài]({filename}/articles/2020/bai-khac.md) và ![ảnh]({static}/images/anh.svg).
    """
OTHER = "Title: Bài khác\nDate: 2020-03-01\nCategory: Thông báo\n\nNội dung.\n"


@pytest.fixture(autouse=True)
def in_project_folder(tmp_path, monkeypatch):
    """Problems name files from the working folder, as an editor runs the check."""
    monkeypatch.chdir(tmp_path)


def problems_of(tmp_path, files: dict[str, str]) -> list[str]:
    root = tmp_path / "content"
    write_files(root, files)
    problems, _ = check_content(settings_for(root))
    return [str(problem) for problem in problems]


@pytest.fixture
def base_files():
    return {
        "articles/2020/bai-dung.md": GOOD,
        "articles/2020/bai-khac.md": OTHER,
        "images/anh.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "files/a.pdf": "%PDF-1.4",
    }


def test_a_correct_article_has_no_problem(tmp_path, base_files):
    assert problems_of(tmp_path, base_files) == []


def test_every_problem_is_reported_in_one_run(tmp_path, base_files):
    files = dict(base_files)
    files["articles/2020/nhieu-loi.md"] = """
        Titel: Thiếu tiêu đề
        Date: 31/02/2017
        Category: Thong bao
        Image: images/khong-co.svg
        Hot: có lẽ
        HotUntil: ngày mai
        Attachments: files/mat.pdf

        Liên kết [hỏng]({filename}/articles/2020/khong-co.md), [tương đối](khong-co.md),
        ảnh <img src="{static}/images/mat.png" alt="x"> và [trang lạ](/trang-la/).
        """
    found = problems_of(tmp_path, files)
    path = "content/articles/2020/nhieu-loi.md"
    expected = [
        (1, 'cảnh báo: trường "Titel" không được hỗ trợ', 'có phải là "Title"?'),
        (1, 'lỗi: thiếu trường bắt buộc "Title"', "Title: ..."),
        (2, 'lỗi: Date: Ngày "31/02/2017" không hợp lệ', "05/02/2020"),
        (3, 'lỗi: chuyên mục "Thong bao" không có trong danh sách', '"Thông báo"?'),
        (4, "lỗi: ảnh đại diện chưa có lời mô tả (ImageAlt)", "ImageAlt:"),
        (4, 'lỗi: không tìm thấy ảnh "images/khong-co.svg"', "content/images"),
        (5, 'lỗi: Giá trị "có lẽ" không hợp lệ', ""),
        (6, "lỗi: Hotuntil: Ngày", ""),
        (7, 'lỗi: không tìm thấy tệp đính kèm "files/mat.pdf"', "content/files"),
        (9, 'lỗi: liên kết "{filename}/articles/2020/khong-co.md" trỏ tới tệp', ""),
        (9, 'lỗi: liên kết tương đối "khong-co.md"', "{filename}"),
        (10, 'lỗi: liên kết "{static}/images/mat.png"', ""),
        (10, 'lỗi: liên kết "/trang-la/" không trỏ tới trang nào', ""),
    ]
    for line, start, fix in expected:
        prefix = f"{path}:{line}: {start}"
        matches = [p for p in found if p.startswith(prefix) and fix in p]
        assert matches, (prefix, fix, found)
    assert len([p for p in found if p.startswith(path)]) == len(expected)


def test_empty_body_and_unknown_status(tmp_path, base_files):
    files = dict(base_files)
    files["articles/2020/rong.md"] = (
        "Title: Rỗng\nDate: 01/01/2020\nCategory: Thông báo\nStatus: xuatban\n"
    )
    found = problems_of(tmp_path, files)
    assert any("rong.md:4: lỗi: trạng thái" in p for p in found)
    assert any("rong.md:5: lỗi: bài chưa có nội dung" in p for p in found)


def test_clashing_addresses_including_diacritics_only(tmp_path, base_files):
    files = dict(base_files)
    files["articles/2020/bao-tang.md"] = OTHER.replace("Bài khác", "Bảo tàng")
    files["articles/2020/bảo-tàng.md"] = OTHER.replace("Bài khác", "Bao tang")
    found = problems_of(tmp_path, files)
    clash = [p for p in found if "trùng địa chỉ" in p]
    assert len(clash) == 1
    assert "bảo-tàng.md:1: lỗi" in clash[0]
    assert "content/articles/2020/bao-tang.md" in clash[0]


def test_translation_names_a_page_of_the_other_language(tmp_path, base_files):
    files = dict(base_files)
    files["pages/gioi-thieu.md"] = "Title: Giới thiệu\n\nNội dung.\n"
    files["pages/about-us.md"] = (
        "Title: About us\nLang: en\nTranslation: gioi-thieu\n\nText.\n"
    )
    files["pages/contact.md"] = (
        "Title: Contact\nLang: en\nTranslation: lien-he\n\nText.\n"
    )
    files["pages/lien-lac.md"] = "Title: Liên lạc\nTranslation: contact-us\n\nA.\n"
    found = problems_of(tmp_path, files)
    assert found == [
        "content/pages/contact.md:3: lỗi: không có trang tiếng Việt nào có Slug"
        ' "lien-he" (viết Slug (tên tệp, không có .md) của trang tiếng Việt tương'
        " ứng)",
        "content/pages/lien-lac.md:2: lỗi: không có trang tiếng Anh nào có Slug"
        ' "contact-us" (viết Slug (tên tệp, không có .md) của trang tiếng Anh tương'
        " ứng)",
    ]


def test_unicode_warnings(tmp_path, base_files):
    files = dict(base_files)
    decomposed = textwrap.dedent(OTHER).replace("Bài khác", "Bài tổ hợp")
    files["articles/2020/to-hop.md"] = decomposed
    files["articles/2020/eth.md"] = OTHER.replace("Nội dung.", "\u00d0ồng Nai.")
    root = tmp_path / "content"
    write_files(root, files)
    target = root / "articles/2020/to-hop.md"
    target.write_text(unicodedata.normalize("NFD", decomposed), encoding="utf-8")
    found = [str(p) for p in check_content(settings_for(root))[0]]
    assert any("to-hop.md:1: cảnh báo: 3 dòng có chữ ở dạng tổ hợp" in p for p in found)
    assert any("eth.md:5: cảnh báo: có chữ Ð (U+00D0)" in p for p in found)
    assert not any(
        p.startswith("content/articles/2020/to-hop.md:3: lỗi") for p in found
    )


def test_path_outside_output_is_an_error_and_is_not_written(plugin_site, caplog):
    with caplog.at_level(logging.ERROR):
        site = plugin_site(
            "content_check",
            {
                "articles/x.md": (
                    "Title: X\nDate: 01/01/2020\nCategory: Thông báo\n"
                    "Save_as: ../output-old/x.html\n\nNội dung.\n"
                )
            },
            CATEGORIES=["Thông báo"],
        )
    assert any("ra ngoài thư mục xuất bản" in m for m in caplog.messages)
    assert not (site.output.parent / "output-old").exists()
    assert site.exists("x.html")


PREVIEW = {
    "CATEGORIES": ["Thông báo"],
    "CONTENT_PROBLEMS_SAVE_AS": "loi-noi-dung.html",
    "CONTENT_PROBLEMS_JSON_SAVE_AS": "loi.json",
}


def test_preview_lists_problems_on_a_page_and_in_a_file(plugin_site):
    site = plugin_site(
        "content_check",
        {
            "articles/a.md": "Title: A\nDate: 01/01/2020\nCategory: Thông báo\n\nA.\n",
            "articles/b.md": "Title: B\nDate: 31/02/2020\nCategory: Thông báo\n\nB.\n",
        },
        **PREVIEW,
    )
    page = site.soup("loi-noi-dung.html")
    rows = page.select("main tbody tr")
    assert len(rows) == 1
    assert rows[0].code.get_text().endswith("articles/b.md:2")
    assert "Kiểm tra 2 tệp nội dung: 1 lỗi, 0 cảnh báo." in page.get_text()
    problems = json.loads(site.text("loi.json"))
    assert problems["summary"] == "Kiểm tra 2 tệp nội dung: 1 lỗi, 0 cảnh báo."
    [problem] = problems["problems"]
    assert problem["file"] == "articles/b.md" and problem["line"] == 2
    assert problem["is_error"] and "không có thật" in problem["message"]


def test_publish_builds_write_no_problems_file(plugin_site):
    site = plugin_site(
        "content_check",
        {"articles/a.md": "Title: A\nDate: 01/01/2020\nCategory: Thông báo\n\nA.\n"},
        **{**PREVIEW, "CONTENT_PROBLEMS_SAVE_AS": ""},
    )
    assert not site.exists("loi.json")
