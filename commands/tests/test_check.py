"""`sokhcn check`: every problem printed, exit code 1 on errors, without building."""

from __future__ import annotations

from commands.main import main
from conftest import PROJECT, write_files


def test_check_reports_problems_without_building(tmp_path, monkeypatch, capsys):
    content = tmp_path / "content"
    write_files(
        content,
        {
            "articles/ok.md": "Title: Đúng\nDate: 1/1/2020\nCategory: Thông báo\n\nA\n",
            "articles/sai.md": "Title: Sai\nDate: 2020-13-01\nCategory: Tin tuc\n\nB\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    settings = str(PROJECT / "pelicanconf.py")
    code = main(["check", "content", "--settings", settings])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0].startswith("content/articles/sai.md:2: lỗi: Date:")
    assert lines[1].startswith('content/articles/sai.md:3: lỗi: chuyên mục "Tin tuc"')
    assert lines[-1] == "Kiểm tra 2 tệp nội dung: 2 lỗi, 0 cảnh báo."
    assert not (tmp_path / "output").exists()


def test_check_of_the_project_content_passes(monkeypatch, capsys):
    monkeypatch.chdir(PROJECT)
    assert main(["check"]) == 0
    assert "0 lỗi" in capsys.readouterr().out
