"""`sokhcn deploy` with real rsync to a local folder: changes only, deletes last."""

from __future__ import annotations

import pytest

from commands.main import main


@pytest.fixture
def published(tmp_path):
    output = tmp_path / "output"
    (output / "tin-tuc").mkdir(parents=True)
    (output / "index.html").write_text("trang chủ", encoding="utf-8")
    (output / "tin-tuc/a.html").write_text("bài a", encoding="utf-8")
    (output / "tin-tuc/b.html").write_text("bài b", encoding="utf-8")
    return output


def deploy(output, target, capfd) -> tuple[int, list[str]]:
    code = main(["deploy", f"{target}/", "--output", str(output)])
    lines = [line for line in capfd.readouterr().out.splitlines() if line.strip()]
    return code, lines


def test_first_deploy_uploads_everything(published, tmp_path, capfd):
    target = tmp_path / "server"
    code, lines = deploy(published, target, capfd)
    assert code == 0
    assert (target / "tin-tuc/b.html").read_text(encoding="utf-8") == "bài b"
    assert sorted(lines[:-1]) == [
        "tải lên  index.html",
        "tải lên  tin-tuc/a.html",
        "tải lên  tin-tuc/b.html",
    ]
    assert lines[-1] == "Đã tải lên 3 tệp, 0 tệp không đổi, đã xoá 0 tệp."


def test_second_deploy_sends_changes_and_deletes_removed_files(
    published, tmp_path, capfd
):
    target = tmp_path / "server"
    deploy(published, target, capfd)
    (published / "tin-tuc/a.html").write_text("bài a, sửa", encoding="utf-8")
    (published / "tin-tuc/b.html").unlink()
    (target / "thu-muc-cu").mkdir()
    (target / "thu-muc-cu/c.html").write_text("bài c", encoding="utf-8")
    code, lines = deploy(published, target, capfd)
    assert code == 0
    # Uploads first, deletions last (--delete-after), then the summary.
    assert lines[0] == "tải lên  tin-tuc/a.html"
    assert sorted(lines[1:-1]) == [
        "xoá      thu-muc-cu/",
        "xoá      thu-muc-cu/c.html",
        "xoá      tin-tuc/b.html",
    ]
    assert lines[-1] == "Đã tải lên 1 tệp, 1 tệp không đổi, đã xoá 2 tệp và 1 thư mục."
    assert (target / "tin-tuc/a.html").read_text(encoding="utf-8") == "bài a, sửa"
    assert not (target / "tin-tuc/b.html").exists()
    assert not (target / "thu-muc-cu").exists()


def test_nothing_to_send_says_so(published, tmp_path, capfd):
    target = tmp_path / "server"
    deploy(published, target, capfd)
    code, lines = deploy(published, target, capfd)
    assert code == 0
    assert lines == ["Không có gì thay đổi: 3 tệp trên máy chủ đã giống bản xuất bản."]


def test_dry_run_lists_and_changes_nothing(published, tmp_path, capfd):
    target = tmp_path / "server"
    deploy(published, target, capfd)
    (published / "moi.html").write_text("mới", encoding="utf-8")
    code = main(["deploy", f"{target}/", "--output", str(published), "--dry-run"])
    lines = capfd.readouterr().out.splitlines()
    assert code == 0
    assert lines == [
        "tải lên  moi.html",
        "Sẽ tải lên 1 tệp, 3 tệp không đổi, sẽ xoá 0 tệp. Chạy thử: chưa thay đổi gì.",
    ]
    assert not (target / "moi.html").exists()


def test_an_rsync_failure_is_reported(published, tmp_path, capfd):
    code, lines = deploy(published, tmp_path / "khong-co" / "server", capfd)
    assert code != 0
    assert lines[-1].startswith("Lỗi: rsync dừng với mã")


def test_a_preview_build_is_refused(published, tmp_path, capfd):
    (published / "loi-noi-dung").mkdir()
    code, lines = deploy(published, tmp_path / "server", capfd)
    assert code == 2
    assert "bản xem trước" in lines[0]
    assert not (tmp_path / "server").exists()
