"""`sokhcn new`: arguments, questions, categories, no overwrite, and a real build."""

from __future__ import annotations

import argparse
import builtins
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import read_settings

from commands import new_article

SETTINGS = str(Path(__file__).resolve().parents[2] / "pelicanconf.py")
SEED_TITLE = "Sở Khoa học và Công nghệ họp giao ban tháng 10"
SEED_SLUG = "so-khoa-hoc-va-cong-nghe-hop-giao-ban-thang-10"


class FakeStdin:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def close(self) -> None:
        """A forked child of the build (multiprocessing) closes its stdin."""


def run_new(tmp_path: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    new_article.add_arguments(parser)
    args = parser.parse_args(
        ["--content-dir", str(tmp_path / "content"), "--settings", SETTINGS, *argv]
    )
    return new_article.run(args)


@pytest.fixture
def no_tty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(tty=False))


@pytest.fixture
def answers(monkeypatch):
    """Pretend a person types the given answers, one per question."""
    asked: list[str] = []

    def feed(*replies: str) -> list[str]:
        queue = list(replies)
        monkeypatch.setattr(sys, "stdin", FakeStdin(tty=True))

        def fake_input(prompt: str = "") -> str:
            asked.append(prompt)
            if not queue:
                raise EOFError
            return queue.pop(0)

        monkeypatch.setattr(builtins, "input", fake_input)
        return asked

    return feed


def article_file(tmp_path: Path, year: int = 2017, slug: str = SEED_SLUG) -> Path:
    return tmp_path / "content" / "articles" / str(year) / f"{slug}.md"


def test_arguments_write_the_header_in_order(tmp_path, no_tty, capsys):
    code = run_new(
        tmp_path,
        "--title", f"  {SEED_TITLE} ",
        "--category", "tin hoat dong",
        "--tags", "họp giao ban, sơ kết,, Họp giao ban",
        "--author", "Trương Thế Bình - Văn phòng",
        "--date", "16/11/2017 10:00",
        "--hot",
        "--featured",
    )  # fmt: skip
    assert code == 0
    path = article_file(tmp_path)
    assert path.read_text(encoding="utf-8") == (
        f"Title: {SEED_TITLE}\n"
        "Date: 16/11/2017 10:00\n"
        "Category: Tin hoạt động\n"
        "Tags: họp giao ban, sơ kết\n"
        "Author: Trương Thế Bình - Văn phòng\n"
        "Hot: yes\n"
        "Featured: yes\n"
        "Status: draft\n"
        "\n"
        "Viết nội dung bài tại đây.\n"
    )
    assert str(path) in capsys.readouterr().out


def test_optional_fields_are_left_out(tmp_path, no_tty):
    code = run_new(
        tmp_path,
        "--title", "Thông báo nghỉ Tết",
        "--category", "THÔNG BÁO",
        "--date", "05/02/2020 08:05",
    )  # fmt: skip
    assert code == 0
    text = article_file(tmp_path, 2020, "thong-bao-nghi-tet").read_text("utf-8")
    assert text == (
        "Title: Thông báo nghỉ Tết\nDate: 05/02/2020 08:05\nCategory: Thông báo\n"
        "Status: draft\n\nViết nội dung bài tại đây.\n"
    )
    assert "Summary" not in text and "Tags" not in text


def test_nfd_title_is_written_as_nfc(tmp_path, no_tty):
    nfd = "Ho\u0323p giao ban"  # "Họp" typed as o + combining dot below
    assert run_new(
        tmp_path, "--title", nfd, "--category", "Tin hoạt động",
        "--date", "01/03/2021",
    ) == 0  # fmt: skip
    text = article_file(tmp_path, 2021, "hop-giao-ban").read_text("utf-8")
    assert text.startswith("Title: Họp giao ban\nDate: 01/03/2021 00:00\n")


def test_default_date_is_now_in_vietnam(tmp_path, no_tty):
    assert run_new(tmp_path, "--title", "Tin mới", "--category", "Thông báo") == 0
    path = next((tmp_path / "content" / "articles").glob("*/tin-moi.md"))
    date_line = path.read_text("utf-8").splitlines()[1]
    match = re.fullmatch(r"Date: (\d\d/\d\d/\d{4} \d\d:\d\d)", date_line)
    assert match
    written = datetime.strptime(match[1], "%d/%m/%Y %H:%M")
    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    assert timedelta(0) <= now - written < timedelta(minutes=2)
    assert path.parent.name == str(written.year)


def test_interactive_questions(tmp_path, answers, capsys):
    asked = answers(
        "",  # an empty title is asked again
        SEED_TITLE,
        "42",  # no such category
        "1",
        "họp giao ban",
        "Trương Thế Bình - Văn phòng",
    )
    assert run_new(tmp_path, "--date", "16/11/2017 10:00") == 0
    assert asked[0] == asked[1] == "Tiêu đề bài viết: "
    out = capsys.readouterr().out
    assert "1. Tin hoạt động" in out and "8. Thông báo" in out
    assert "Không có chuyên mục này" in out
    text = article_file(tmp_path).read_text("utf-8")
    assert text.splitlines()[:5] == [
        f"Title: {SEED_TITLE}",
        "Date: 16/11/2017 10:00",
        "Category: Tin hoạt động",
        "Tags: họp giao ban",
        "Author: Trương Thế Bình - Văn phòng",
    ]


@pytest.mark.parametrize(
    ("typed", "configured"),
    [
        ("tin hoat dong", "Tin hoạt động"),
        ("TIÊU CHUẨN - ĐO LƯỜNG - CHẤT LƯỢNG", "Tiêu chuẩn - Đo lường - Chất lượng"),
        ("tieu chuan do luong chat luong", "Tiêu chuẩn - Đo lường - Chất lượng"),
        ("de tai du an", "Đề tài - dự án"),
        ("Chuye\u0302\u0309n đo\u0302\u0309i so\u0302\u0301", "Chuyển đổi số"),
    ],
)
def test_category_spelling_is_forgiven(typed, configured):
    categories = read_settings(SETTINGS)["CATEGORIES"]
    assert new_article.match_category(typed, categories) == configured


def test_interactive_category_by_name_and_skipped_optionals(tmp_path, answers):
    answers("chuyen doi so", "", "")
    assert run_new(tmp_path, "--title", "Số hoá hồ sơ", "--date", "02/01/2024") == 0
    text = article_file(tmp_path, 2024, "so-hoa-ho-so").read_text("utf-8")
    assert text.splitlines()[2:5] == ["Category: Chuyển đổi số", "Status: draft", ""]


def test_interrupted_questions_write_nothing(tmp_path, answers, capsys):
    answers(SEED_TITLE)  # then end of input
    assert run_new(tmp_path, "--date", "16/11/2017 10:00") == 2
    assert "chưa tạo bài viết" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()


def test_missing_fields_without_terminal(tmp_path, no_tty, capsys):
    assert run_new(tmp_path, "--title", "Tin") == 2
    err = capsys.readouterr().err
    assert "thiếu --category (chuyên mục)" in err and "sokhcn new --title" in err
    assert run_new(tmp_path) == 2
    assert "thiếu --title (tiêu đề), --category (chuyên mục)" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "content").exists()


def test_unknown_category_lists_the_valid_ones(tmp_path, no_tty, capsys):
    code = run_new(tmp_path, "--title", "Tin", "--category", "Tin hoat dongg")
    assert code == 2
    err = capsys.readouterr().err
    assert 'chuyên mục "Tin hoat dongg" không có trong danh sách' in err
    for category in ("Tin hoạt động", "Sở hữu trí tuệ", "Thông báo"):
        assert category in err
    assert not (tmp_path / "content").exists()


def test_invalid_date_is_explained(tmp_path, no_tty, capsys):
    code = run_new(
        tmp_path, "--title", "Tin", "--category", "Thông báo", "--date", "31/02/2020"
    )
    assert code == 2
    assert "tháng 2 năm 2020 chỉ có 29 ngày" in capsys.readouterr().err
    code = run_new(
        tmp_path, "--title", "Tin", "--category", "Thông báo", "--date", "ngày mai"
    )
    assert code == 2
    assert "dd/mm/yyyy HH:MM" in capsys.readouterr().err


def test_never_overwrites(tmp_path, no_tty, capsys):
    argv = ["--title", SEED_TITLE, "--category", "Tin hoạt động"]
    assert run_new(tmp_path, *argv, "--date", "16/11/2017 10:00") == 0
    path = article_file(tmp_path)
    path.write_text("Bài đã viết xong, không được mất.\n", encoding="utf-8")
    capsys.readouterr()
    # Same title, and a title that differs only in diacritics: the same file name.
    for title in (SEED_TITLE, "So Khoa hoc va Cong nghe hop giao ban thang 10"):
        code = run_new(tmp_path, "--title", title, "--category", "Thông báo",
                       "--date", "20/11/2017 09:00")  # fmt: skip
        assert code == 1
        err = capsys.readouterr().err
        assert str(path) in err and "không ghi đè" in err
        assert f"{SEED_SLUG}-2.md" in err
    assert path.read_text(encoding="utf-8") == "Bài đã viết xong, không được mất.\n"
    assert list(path.parent.iterdir()) == [path]


def test_missing_settings_file(tmp_path, no_tty, capsys):
    parser = argparse.ArgumentParser()
    new_article.add_arguments(parser)
    args = parser.parse_args(
        ["--title", "Tin", "--category", "Thông báo",
         "--settings", str(tmp_path / "khong-co.py")]
    )  # fmt: skip
    assert new_article.run(args) == 2
    assert "không tìm thấy tệp cấu hình" in capsys.readouterr().err


def test_written_file_builds_into_a_draft_page(tmp_path, no_tty, make_site):
    run_new(
        tmp_path / "cmd",
        "--title", SEED_TITLE,
        "--category", "tin hoạt động",
        "--tags", "họp giao ban",
        "--author", "Trương Thế Bình - Văn phòng",
        "--date", "05/02/2020 08:30",
        "--hot",
    )  # fmt: skip
    path = article_file(tmp_path / "cmd", 2020)
    site = make_site(
        {f"articles/2020/{path.name}": path.read_text("utf-8")},
        LINKED_WEBSITES_FILE="",
    )
    assert not site.exists(f"tin-tuc/2020/{SEED_SLUG}/")  # a draft is not published
    page = site.soup(f"ban-nhap/{SEED_SLUG}/")
    assert page.select_one("h1.article__title").get_text() == SEED_TITLE
    time = page.select_one(".article__date time")
    assert time.get_text() == "05/02/2020 08:30"
    assert time["datetime"].startswith("2020-02-05T08:30:00+07:00")
    assert page.select_one(".article__category a").get_text() == "Tin hoạt động"
    byline = page.select_one(".byline").get_text(" ", strip=True)
    assert byline == "Trương Thế Bình - Văn phòng"
    assert "Viết nội dung bài tại đây." in page.select_one(".article__body").get_text()


def test_sokhcn_new_entry_point(tmp_path, no_tty, capsys):
    from commands.main import main

    code = main(
        ["new", "--title", "Tin mới", "--category", "Thông báo",
         "--date", "02/01/2024 08:00", "--content-dir", str(tmp_path / "content"),
         "--settings", SETTINGS]
    )  # fmt: skip
    assert code == 0
    assert article_file(tmp_path, 2024, "tin-moi").is_file()


def test_help_lists_the_configured_categories(monkeypatch, capsys):
    from commands.main import main

    monkeypatch.chdir(Path(SETTINGS).parent)
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    categories = read_settings(SETTINGS)["CATEGORIES"]
    assert "một trong: " + "; ".join(categories) in help_text
    assert "CATEGORIES" not in help_text


def test_help_without_a_settings_file_names_the_setting(tmp_path):
    help_text = new_article.category_help(str(tmp_path / "pelicanconf.py"))
    assert help_text.startswith("chuyên mục, một trong CATEGORIES của ")
