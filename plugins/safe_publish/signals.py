"""Redirect the build to a temporary folder; publish it only if it is clean
(SAFE_PUBLISH), or bring the served folder up to date with it (SYNC_OUTPUT)."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from pelican import signals
from pelican.log import console

from vietnamese import format_number

from .swap import building_folder_name, remove_abandoned_builds, swap_directories
from .sync import sync_into

logger = logging.getLogger(__name__)


# The swap happens after Pelican.run() returns, so it follows every `finalized`
# receiver whatever their order (blinker does not order the receivers of one
# signal). Other plugins write to pelican.output_path / generator.output_path,
# never to a path captured before `initialized`.


class PublishAborted(RuntimeError):
    """Raised at the end of a build with errors; Pelican then exits with code 1."""


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


class SafePublish:
    """State of one publish build: where it writes and what went wrong."""

    def __init__(self, pelican):
        self.published = Path(pelican.output_path).resolve()
        self.published.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned_builds(self.published)
        self.building = Path(
            tempfile.mkdtemp(
                prefix=building_folder_name(self.published), dir=self.published.parent
            )
        )
        self.errors = ErrorCounter()
        logging.getLogger().addHandler(self.errors)
        atexit.register(self.discard)
        pelican.output_path = str(self.building)
        pelican.settings["OUTPUT_PATH"] = str(self.building)

    def finish(self) -> None:
        logging.getLogger().removeHandler(self.errors)
        if self.errors.count:
            self.discard()
            raise PublishAborted(
                f"Có {self.errors.count} lỗi: không xuất bản, giữ nguyên bản cũ "
                f"ở {self.published}. Hãy sửa các lỗi ở trên rồi chạy lại."
            )
        swap_directories(self.building, self.published)
        atexit.unregister(self.discard)
        logger.info("Đã xuất bản vào %s", self.published)

    def discard(self) -> None:
        shutil.rmtree(self.building, ignore_errors=True)


class SyncedOutput:
    """Every build (each rebuild of the preview server too) writes to a new
    temporary folder; then only what changed is moved into the served folder,
    problems or not, and files no longer made are removed."""

    def __init__(self, pelican):
        self.pelican = pelican
        self.served = Path(pelican.output_path).resolve()
        self.keep = frozenset(pelican.settings.get("OUTPUT_RETENTION") or ())
        remove_abandoned_builds(self.served)

    def _point_to(self, folder: Path) -> None:
        self.pelican.output_path = str(folder)
        self.pelican.settings["OUTPUT_PATH"] = str(folder)

    def run(self, build) -> None:
        self.served.parent.mkdir(parents=True, exist_ok=True)
        building = Path(
            tempfile.mkdtemp(
                prefix=building_folder_name(self.served), dir=self.served.parent
            )
        )
        self._point_to(building)
        try:
            build()
            summary = sync_into(building, self.served, self.keep)
        finally:
            self._point_to(self.served)
            shutil.rmtree(building, ignore_errors=True)
        console.print(
            f"Đã cập nhật {self.served}: {format_number(summary.changed)} tệp mới "
            f"hoặc đã đổi, {format_number(summary.unchanged)} tệp giữ nguyên, "
            f"xoá {format_number(summary.removed)} mục cũ.",
            markup=False,
            highlight=False,
        )


def start(pelican) -> None:
    if not pelican.settings.get("SAFE_PUBLISH"):
        if pelican.settings.get("SYNC_OUTPUT"):
            synced, build = SyncedOutput(pelican), pelican.run
            pelican.run = lambda: synced.run(build)
        return
    publish = SafePublish(pelican)
    build = pelican.run

    def build_then_publish():
        build()
        publish.finish()

    pelican.run = build_then_publish


def register() -> None:
    signals.initialized.connect(start)
