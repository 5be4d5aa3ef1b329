"""decap-server behind our guard (desk/backend/server.js), as a child process.

It listens on 127.0.0.1 only, on a free port the preview server proxies to,
and stops with the preview server (a parent that dies takes it along:
PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

from .rules import backend_rules

SERVER_JS = Path(__file__).resolve().parent / "backend" / "server.js"
READY = "DESK_BACKEND_READY"
GUARD = "Bàn biên tập"
PR_SET_PDEATHSIG = 1


class BackendError(RuntimeError):
    """The backend could not start; the message is for the editor."""


def die_with_parent() -> None:
    """In the child, before exec: be sent SIGTERM when the parent dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def node_modules(project: Path) -> Path:
    return project / "node_modules"


class Backend:
    """One decap-server process for one repository."""

    def __init__(self, project: Path, repo: Path, settings, content_prefix: str):
        self.log = Path(settings["CACHE_PATH"]).resolve() / "desk" / "decap-server.log"
        self.project = project
        self.repo = repo
        self.rules = backend_rules(
            settings, content_prefix, email_domain="ban-bien-tap"
        )
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.mode = ""

    def start(self, timeout: float = 30) -> None:
        node = shutil.which("node")
        if node is None:
            raise BackendError("chưa cài Node.js: chạy bash scripts/setup.sh")
        if not (node_modules(self.project) / "decap-server").is_dir():
            raise BackendError(
                "chưa cài bàn biên tập (decap-server): chạy bash scripts/setup.sh"
            )
        env = {
            **os.environ,
            "DESK_REPO": str(self.repo),
            "DESK_PORT": "0",
            "DESK_RULES": json.dumps(self.rules, ensure_ascii=False),
            "NODE_PATH": str(node_modules(self.project)),
        }
        self.process = subprocess.Popen(
            [node, str(SERVER_JS)],
            cwd=self.project,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=die_with_parent,
        )
        ready = threading.Event()
        threading.Thread(target=self._read_output, args=(ready,), daemon=True).start()
        if not ready.wait(timeout) or not self.port:
            self.stop()
            raise BackendError(
                "máy chủ của bàn biên tập (decap-server) không khởi động được"
            )

    def _read_output(self, ready: threading.Event) -> None:
        """Our guard's lines (Vietnamese) reach the console; decap-server's own
        (English, for the maintainers) go to the log file."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a", encoding="utf-8") as log:
            for line in self.process.stdout:
                if line.startswith(READY):
                    _, port, self.mode = line.split()
                    self.port = int(port)
                    ready.set()
                elif line.startswith(GUARD):
                    print(line, end="", flush=True)
                else:
                    log.write(line)
                    log.flush()
        ready.set()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
