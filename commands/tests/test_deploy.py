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
    code, _ = deploy(published, target, capfd)
    assert code == 0
    assert (target / "tin-tuc/b.html").read_text(encoding="utf-8") == "bài b"


def test_second_deploy_sends_changes_and_deletes_removed_files(
    published, tmp_path, capfd
):
    target = tmp_path / "server"
    deploy(published, target, capfd)
    (published / "tin-tuc/a.html").write_text("bài a, sửa", encoding="utf-8")
    (published / "tin-tuc/b.html").unlink()
    code, lines = deploy(published, target, capfd)
    assert code == 0
    changed = [line.split(" ", 1)[1] for line in lines if line.startswith(">f")]
    deleted = [line.split(" ", 1)[1] for line in lines if line.startswith("*deleting")]
    assert changed == ["tin-tuc/a.html"]
    assert [name.strip() for name in deleted] == ["tin-tuc/b.html"]
    first_deletion = next(i for i, line in enumerate(lines) if line[0] == "*")
    last_upload = max(i for i, line in enumerate(lines) if line.startswith(">f"))
    assert first_deletion > last_upload
    assert (target / "tin-tuc/a.html").read_text(encoding="utf-8") == "bài a, sửa"
    assert not (target / "tin-tuc/b.html").exists()


def test_a_preview_build_is_refused(published, tmp_path, capfd):
    (published / "loi-noi-dung").mkdir()
    code, lines = deploy(published, tmp_path / "server", capfd)
    assert code == 2
    assert "bản xem trước" in lines[0]
    assert not (tmp_path / "server").exists()
