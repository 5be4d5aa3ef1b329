""" "Xuất bản" on the desk: `sokhcn publish` in a child process, one at a time,
its lines kept for the desk to show as progress."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ADDRESS = "Địa chỉ trên cổng: "
KEPT_LINES = 400


class Publisher:
    def __init__(self, project: Path, settings_file: Path):
        self.project = project
        self.settings_file = settings_file
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.state: dict = {"running": False, "lines": [], "code": None}

    def start(self, file: str | None, editor: str | None) -> bool:
        """False when a publish is already running."""
        with self.lock:
            if self.state["running"]:
                return False
            command = [sys.executable, "-m", "commands.main", "publish"]
            command += ["-s", str(self.settings_file)]
            if file:
                command += ["--file", file]
            self.state = {
                "running": True,
                "lines": [],
                "code": None,
                "address": None,
                "file": file,
                "editor": editor,
                "started": time.time(),
            }
            self.process = subprocess.Popen(
                command,
                cwd=self.project,
                env={**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1"},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        threading.Thread(target=self._follow, args=(self.process,), daemon=True).start()
        return True

    def _follow(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            line = line.rstrip("\n")
            with self.lock:
                self.state["lines"] = [*self.state["lines"], line][-KEPT_LINES:]
                if line.startswith(ADDRESS):
                    self.state["address"] = line.removeprefix(ADDRESS).strip()
        code = process.wait()
        with self.lock:
            self.state = {
                **self.state,
                "running": False,
                "code": code,
                "finished": time.time(),
            }

    def snapshot(self) -> dict:
        with self.lock:
            return dict(self.state)

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
