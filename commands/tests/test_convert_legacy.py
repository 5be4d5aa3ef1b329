"""`sokhcn convert`: real content files typed in an old font, back to Unicode."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from commands.main import main
from conftest import PROJECT
from vietnamese import legacy_lines, nfc
from vietnamese.tests.legacy_fonts import to_tcvn3, to_vni

SAMPLES = sorted((PROJECT / "content" / "articles").rglob("*.md"))[:6]
SETTINGS = str(PROJECT / "pelicanconf.py")


def as_legacy(text: str, encode) -> str:
    """A Markdown file as typed in an old font: header values and body."""
    lines = []
    for line in nfc(text).splitlines():
        key, sep, value = line.partition(": ")
        header = sep and key.isascii() and key.isalnum()
        lines.append(f"{key}{sep}{encode(value)}" if header else encode(line))
    return "\n".join(lines) + "\n"


@pytest.fixture
def legacy_files(tmp_path):
    """Real articles of the project, one in each old font, as editors paste them."""
    files = {}
    for number, source in enumerate(SAMPLES):
        encode = to_vni if number % 2 else to_tcvn3
        path = tmp_path / "content" / "articles" / source.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(as_legacy(source.read_text(encoding="utf-8"), encode), "utf-8")
        files[path] = source
    return files


def test_convert_shows_each_line_then_writes_unicode_and_keeps_a_backup(
    legacy_files, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    before = {path: path.read_bytes() for path in legacy_files}
    names = [str(path.relative_to(tmp_path)) for path in legacy_files]
    assert main(["convert", *names]) == 0
    out = capsys.readouterr().out
    for number, (path, source) in enumerate(legacy_files.items()):
        name = str(path.relative_to(tmp_path))
        expected = nfc(source.read_text(encoding="utf-8"))
        written = path.read_text(encoding="utf-8")
        if number % 2:  # VNI has capitals with tones; TCVN3 keeps them in small codes
            assert written == expected
        else:
            assert written.lower() == expected.lower()
        assert path.with_name(path.name + ".bak").read_bytes() == before[path]
        assert f"Đã ghi {name} bằng Unicode. Bản cũ giữ ở {name}.bak." in out
        # Every changed line, old then new, before the file is written.
        old_lines = before[path].decode("utf-8").splitlines()
        new_lines = written.splitlines()
        pairs = enumerate(zip(old_lines, new_lines, strict=True))
        changed = [index for index, (old, new) in pairs if old != new]
        assert changed
        for index in changed:
            shown = f"  dòng {index + 1}:\n    - {old_lines[index].rstrip()}\n"
            assert shown + f"    + {new_lines[index].rstrip()}\n" in out
        font = "VNI-Windows" if number % 2 else "TCVN3 (ABC"
        assert f"{name}: {len(changed)} dòng có chữ gõ bằng bảng mã {font}" in out
    # The content check now passes on the converted files.
    assert main(["check", "content", "--settings", SETTINGS]) == 0
    # A second run has nothing to do and writes no second backup.
    assert main(["convert", *names]) == 0
    assert "không có gì cần chuyển" in capsys.readouterr().out
    assert not list(tmp_path.rglob("*.bak-2"))


def test_xem_only_shows(legacy_files, capsys):
    path = next(iter(legacy_files))
    before = path.read_bytes()
    assert main(["convert", "--xem", str(path)]) == 0
    assert "    + " in capsys.readouterr().out
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".bak").exists()


def test_a_second_backup_never_replaces_the_first(tmp_path, capsys):
    path = tmp_path / "bai.md"
    path.write_text("Title: Héi nghÞ\n\nSë Khoa häc vµ C«ng nghÖ\n", "utf-8")
    (tmp_path / "bai.md.bak").write_text("bản cũ hơn", "utf-8")
    assert main(["convert", str(path)]) == 0
    assert (tmp_path / "bai.md.bak").read_text("utf-8") == "bản cũ hơn"
    assert "Sở Khoa học" in path.read_text("utf-8")
    assert "Héi" in (tmp_path / "bai.md.bak-2").read_text("utf-8")


def test_a_file_saved_in_the_font_itself_not_utf8(tmp_path, capsys):
    text = "Title: Héi nghÞ tæng kÕt\r\n\r\nSë Khoa häc vµ C«ng nghÖ tæ chøc.\r\n"
    path = tmp_path / "cu.txt"
    path.write_bytes(text.encode("latin-1"))  # the bytes a .VnTime editor saved
    assert main(["convert", str(path)]) == 0
    assert path.read_bytes().decode("utf-8") == (
        "Title: Hội nghị tổng kết\r\n\r\nSở Khoa học và Công nghệ tổ chức.\r\n"
    )
    # Not UTF-8 and no legacy font: refused, nothing written.
    other = tmp_path / "khac.md"
    other.write_bytes(b"H\xf4\xf2i ngh\xec")  # "Hội nghí" in Windows-1258
    before = other.read_bytes()
    assert main(["convert", str(other)]) == 1
    assert "không nhận ra chữ TCVN3 hay VNI" in capsys.readouterr().err
    assert other.read_bytes() == before


def run_in_terminal(tmp_path: Path, path: Path, answer: str) -> str:
    """`sokhcn convert` in a terminal (a pseudo-terminal), answering its question."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "commands.main", "convert", str(path)],
        cwd=PROJECT,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, "PYTHONPATH": f"{PROJECT / 'plugins'}{os.pathsep}{PROJECT}"},
    )
    os.close(terminal)
    shown, deadline = b"", time.monotonic() + 60
    while b"[k]:" not in shown and time.monotonic() < deadline:
        if select.select([controller], [], [], 1)[0]:
            shown += os.read(controller, 4096)
    os.write(controller, answer.encode() + b"\n")
    while process.poll() is None and time.monotonic() < deadline:
        if select.select([controller], [], [], 0.5)[0]:
            try:
                shown += os.read(controller, 4096)
            except OSError:
                break
    process.wait(timeout=60)
    os.close(controller)
    return shown.decode("utf-8", errors="replace")


def test_in_a_terminal_it_asks_before_writing(tmp_path):
    path = tmp_path / "bai.md"
    legacy = "Title: Héi nghÞ\n\nSë Khoa häc vµ C«ng nghÖ\n"
    path.write_text(legacy, "utf-8")
    shown = run_in_terminal(tmp_path, path, "k")
    assert "+ Sở Khoa học và Công nghệ" in shown and "không ghi" in shown
    assert path.read_text("utf-8") == legacy
    shown = run_in_terminal(tmp_path, path, "c")
    assert "Đã ghi" in shown
    assert path.read_text("utf-8") == "Title: Hội nghị\n\nSở Khoa học và Công nghệ\n"
    assert legacy_lines(path.read_text("utf-8").splitlines()) == []
