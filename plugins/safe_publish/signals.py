"""Redirect the build to a temporary folder and publish it only if it is clean."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from pelican import signals

from .swap import building_folder_name, remove_abandoned_builds, swap_directories

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


def start(pelican) -> None:
    if not pelican.settings.get("SAFE_PUBLISH"):
        return
    publish = SafePublish(pelican)
    build = pelican.run

    def build_then_publish():
        build()
        publish.finish()

    pelican.run = build_then_publish


def register() -> None:
    signals.initialized.connect(start)
