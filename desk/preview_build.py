"""The preview's build loop: build, wait for a saved file, build again.

Pelican's own autoreload loop, in Vietnamese: the same Pelican object rebuilds
in one process, so pelican_adapter's quick page for a saved article works as under
`pelican --autoreload`. Each build's start and end are written to
CACHE_PATH/desk/build-state.json, so the preview server knows when a page is
up to date with its file. Run by the preview server as
`python -m desk.preview_build SETTINGS ORIGIN`.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

import pelican as pelican_package
from pelican import Pelican
from pelican.settings import read_settings

from commands.messages import console_in_vietnamese

STATE_FILE = Path("desk") / "build-state.json"
CRASH_LOG = Path("desk") / "loi-dung-trang.log"


def preview_settings(settings_file: str, origin: str) -> dict:
    return read_settings(
        settings_file,
        override={
            "LIVE_RELOAD": True,
            "BUILD_QUICK_PREVIEW": True,
            "SITE_ORIGIN": origin,
            "FEED_DOMAIN": origin,
        },
    )


def state_file(settings) -> Path:
    return Path(settings["CACHE_PATH"]) / STATE_FILE


def write_state(settings, **state) -> None:
    """Replaced in one step: the server never reads half a file."""
    target = state_file(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    os.replace(temporary, target)


def read_state(settings) -> dict:
    try:
        return json.loads(state_file(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def build_once(pelican: Pelican, settings) -> None:
    started = time.time_ns()
    write_state(settings, started=started, finished=None, ok=None)
    ok = True
    try:
        pelican.run()
    except Exception:  # noqa: BLE001 - the preview goes on; the log keeps the details
        ok = False
        log = Path(settings["CACHE_PATH"]) / CRASH_LOG
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
        print(f"Lỗi kỹ thuật khi dựng trang xem trước; chi tiết ở {log}.", flush=True)
    write_state(settings, started=started, finished=time.time_ns(), ok=ok)


def loop(settings_file: str, origin: str) -> None:
    settings = preview_settings(settings_file, origin)
    pelican = Pelican(settings)
    watched = os.path.abspath(settings_file)
    while True:
        build_once(pelican, settings)
        # By attribute: pelican_adapter wraps it to catch files saved during a build.
        changed = {
            path
            for _, path in pelican_package.wait_for_changes(settings_file, settings)
        }
        if watched in changed:
            settings = preview_settings(settings_file, origin)
            pelican = Pelican(settings)
        names = ", ".join(sorted(os.path.relpath(path) for path in changed))
        print(f"\nĐã thay đổi: {names}. Đang dựng lại...", flush=True)


def main(argv: list[str]) -> int:
    settings_file, origin = argv
    try:
        with console_in_vietnamese():
            loop(settings_file, origin)
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
