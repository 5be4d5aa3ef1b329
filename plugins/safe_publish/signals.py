"""Every build writes into a new folder beside the served one, which it then
replaces in one step: a reader never sees half a site. With SAFE_PUBLISH (the
published site), a build that logged an error is thrown away instead, and
the published site stays as it was. With SYNC_OUTPUT (the preview), the new
folder replaces the served one problems or not: the preview shows them.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from pathlib import Path

from pelican import signals
from pelican.log import console

from .swap import building_folder_name, remove_abandoned_builds, swap_directories

logger = logging.getLogger(__name__)

# The swap happens after Pelican.run() returns, so it follows every `finalized`
# receiver whatever their order. Other plugins write to pelican.output_path /
# generator.output_path, never to a path captured before the build runs.


class PublishAborted(RuntimeError):
    """Raised at the end of a build with errors; Pelican then exits with code 1."""


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


class NewFolderBuild:
    """One build of the served folder (the preview server runs many)."""

    def __init__(self, pelican, strict: bool):
        self.pelican = pelican
        self.strict = strict
        self.served = Path(pelican.output_path).resolve()
        self.keep = tuple(pelican.settings.get("OUTPUT_RETENTION") or ())

    def _point_to(self, folder: Path) -> None:
        self.pelican.output_path = str(folder)
        self.pelican.settings["OUTPUT_PATH"] = str(folder)

    def run(self, build) -> None:
        self.served.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned_builds(self.served)
        prefix = building_folder_name(self.served)
        building = Path(tempfile.mkdtemp(prefix=prefix, dir=self.served.parent))
        discard = lambda: shutil.rmtree(building, ignore_errors=True)  # noqa: E731
        atexit.register(discard)
        errors = ErrorCounter()
        logging.getLogger().addHandler(errors)
        self._point_to(building)
        try:
            build()
            if self.strict and errors.count:
                raise PublishAborted(
                    f"Có {errors.count} lỗi: không xuất bản, giữ nguyên bản cũ ở "
                    f"{self.served}. Hãy sửa các lỗi ở trên rồi chạy lại."
                )
            self._retain(building)
            os.chmod(building, 0o755)  # mkdtemp's folder is its owner's alone
            swap_directories(building, self.served)
        finally:
            logging.getLogger().removeHandler(errors)
            self._point_to(self.served)
            discard()
            atexit.unregister(discard)
        if self.strict:
            logger.info("Đã xuất bản vào %s", self.served)
        else:
            console.print(f"Đã cập nhật {self.served}.", markup=False, highlight=False)

    def _retain(self, building: Path) -> None:
        """OUTPUT_RETENTION (such as ".git") moves into the new folder."""
        for name in self.keep:
            old = self.served / name
            if old.exists() and not (building / name).exists():
                os.replace(old, building / name)


def start(pelican) -> None:
    settings = pelican.settings
    if not (settings.get("SAFE_PUBLISH") or settings.get("SYNC_OUTPUT")):
        return
    new_folder = NewFolderBuild(pelican, strict=bool(settings.get("SAFE_PUBLISH")))
    build = pelican.run
    pelican.run = lambda: new_folder.run(build)


def register() -> None:
    signals.initialized.connect(start)
