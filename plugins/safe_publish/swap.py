"""Replacing the published folder in one step, and cleaning up after crashed builds."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
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
    """Make `new` the published folder; the old one is removed afterwards."""
    if not published.exists():
        os.rename(new, published)
        return
    if exchange(new, published):
        shutil.rmtree(new)
        return
    # Fallback: two renames, leaving the old folder in place until the last moment.
    retired = published.with_name(published.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    os.rename(published, retired)
    os.rename(new, published)
    shutil.rmtree(retired)


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
