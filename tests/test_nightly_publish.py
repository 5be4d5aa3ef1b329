"""The nightly publish's systemd units: valid, and they run the publish."""

from __future__ import annotations

import subprocess

from conftest import PROJECT

FOLDER = PROJECT / "deploy/nightly-publish"


def test_the_units_are_valid_and_run_after_midnight_in_vietnam(tmp_path):
    for name in ("sokhcn-nightly-publish.service", "sokhcn-nightly-publish.timer"):
        text = (FOLDER / name).read_text(encoding="utf-8")
        # systemd-analyze checks that the program and folder exist: here's.
        text = text.replace("/srv/sokhcn/du-an/.venv", str(PROJECT / ".venv"))
        text = text.replace("/srv/sokhcn/du-an", str(PROJECT))
        text = text.replace("User=sokhcn", "User=root").replace("=sokhcn", "=root")
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", *map(str, sorted(tmp_path.glob("sokhcn-*")))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
    calendar = subprocess.run(
        ["systemd-analyze", "calendar", "*-*-* 00:05:00 Asia/Ho_Chi_Minh"],
        capture_output=True,
        text=True,
    )
    assert calendar.returncode == 0, calendar.stderr
    assert "Asia/Ho_Chi_Minh" in calendar.stdout
    service = (FOLDER / "sokhcn-nightly-publish.service").read_text("utf-8")
    assert "ExecStart=/srv/sokhcn/du-an/.venv/bin/sokhcn publish" in service
