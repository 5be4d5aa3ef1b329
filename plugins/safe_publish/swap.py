"""Replacing the published folder in one step, and cleaning up after crashed builds."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
BUILDING_MARK = ".building-"


def _renameat2():
    library = ctypes.util.find_library("c")
    libc = ctypes.CDLL(library, use_errno=True) if library else None
    return getattr(libc, "renameat2", None)


def exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically (Linux renameat2); False if unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(
        AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE
    )
    return result == 0


def swap_directories(new: Path, published: Path) -> None:
    """Make `new` the published folder; the old one is removed afterwards, by
    a process of its own (tens of thousands of files take seconds), which a
    later build finishes if it is stopped."""
    if not published.exists():
        os.rename(new, published)
        return
    if exchange(new, published):
        remove_in_background(new)
        return
    # Fallback: two renames, leaving the old folder in place until the last moment.
    retired = published.with_name(published.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    os.rename(published, retired)
    os.rename(new, published)
    shutil.rmtree(retired)


def remove_in_background(folder: Path) -> None:
    """``folder`` keeps its name (output.building-<pid>-…): if the removal
    stops, the next build removes what is left, as for a killed build."""
    subprocess.Popen(
        ["rm", "-rf", "--", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def building_folder_name(published: Path) -> str:
    return f"{published.name}{BUILDING_MARK}{os.getpid()}-"


def remove_abandoned_builds(published: Path) -> None:
    """Folders left by builds that crashed or were killed (their process is gone)."""
    prefix = published.name + BUILDING_MARK
    for folder in published.parent.glob(prefix + "*"):
        pid = folder.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
