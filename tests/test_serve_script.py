"""`bash scripts/serve.sh`: another port with PORT, errors in Vietnamese, and
stopping it stops the processes it started."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time

import pytest
from desk_site import PROJECT, alive, children_of, make_project, serving_desk
from local_nginx import free_port


def serve_script(port: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        ["bash", "scripts/serve.sh"],
        cwd=PROJECT,
        env={**os.environ, "PORT": port, "COLUMNS": "200"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **options,
    )


def test_a_port_in_use_is_told_in_vietnamese():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve_script(str(port))
        output, _ = process.communicate(timeout=300)
    assert process.returncode == 2
    assert f"Lỗi: cổng {port} đang được một chương trình khác dùng" in output
    assert f"PORT={port + 1} bash scripts/serve.sh" in output
    assert "Traceback" not in output


def test_a_port_that_is_not_a_number_is_told_in_vietnamese():
    process = serve_script("tam-muoi")
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 2
    assert (
        output.strip()
        == "Lỗi: PORT phải là một số, ví dụ PORT=8001 bash scripts/serve.sh"
    )


def wait_for_line(process: subprocess.Popen, text: str, seconds: float = 300) -> str:
    seen = []
    deadline = time.monotonic() + seconds
    for line in process.stdout:
        seen.append(line)
        if text in line:
            return "".join(seen)
        assert time.monotonic() < deadline, "".join(seen)
    raise AssertionError("".join(seen))


def test_port_and_stopping_with_ctrl_c():
    port = free_port()
    process = serve_script(str(port))
    try:
        said = wait_for_line(process, "Bấm Ctrl+C để dừng.")
        assert f"Bàn biên tập:    http://127.0.0.1:{port}/quan-tri/" in said
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        helpers = children_of(process.pid)
        assert len(helpers) >= 2  # the build loop and the desk's backend
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Đã dừng trang xem trước và bàn biên tập." in rest
    assert "Traceback" not in said + rest
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in helpers if alive(pid)]


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_or_killed_server_takes_its_helpers_along(tmp_path, how):
    project = make_project(tmp_path / "project")
    with serving_desk(project) as served:
        helpers = children_of(served.process.pid)
        assert helpers
        served.process.send_signal(how)
        served.process.wait(timeout=60)
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in helpers if alive(pid)]
