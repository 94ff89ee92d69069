"""Files put on disk to stay: a flush the drive honours, the folder entry flushed, a rename that outlasts a scanner."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

if sys.platform != "win32":
    import fcntl

REPLACE_WAIT = 2.0 if sys.platform == "win32" else 0.0
"""Seconds a rename keeps trying while the target is held open elsewhere (Windows: an antivirus scanner or an indexer
opens a new file for a moment and the rename fails with PermissionError meanwhile; on POSIX such an error is final)."""
_FIRST_PAUSE, _LONGEST_PAUSE = 0.01, 0.2


def flush_to_disk(fd: int) -> None:
    """Flush the file behind `fd` to the disk itself. On macOS fsync() only hands the data to the drive, whose cache
    a power cut loses: F_FULLFSYNC asks the drive to write it out (where a file system refuses it, plain fsync)."""
    if sys.platform == "darwin":
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def flush_data(fd: int) -> None:
    """A cheaper flush while a file grows: its data, not its times (fdatasync where there is one, else fsync); the
    final flush before it is put in place is flush_to_disk."""
    if sys.platform == "linux":
        os.fdatasync(fd)
    else:
        os.fsync(fd)


def flush_file(path: Path) -> None:
    """flush_to_disk of the file at `path` (Windows flushes only a file opened for writing)."""
    fd = os.open(path, os.O_RDWR if sys.platform == "win32" else os.O_RDONLY)
    try:
        flush_to_disk(fd)
    finally:
        os.close(fd)


def flush_folder(path: Path) -> None:
    """Flush the folder's entries (a rename or a new file in it), where that can be done. Windows cannot open a folder
    as a file (its NTFS journals the rename itself), and some file systems refuse: both are skipped."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            flush_to_disk(fd)
        finally:
            os.close(fd)


def replace_file(source: Path | str, target: Path | str, *, wait: float = REPLACE_WAIT) -> None:
    """os.replace(source, target), tried again for up to `wait` seconds while it fails with PermissionError (a file
    held open for a moment by another program on Windows); the last error is raised when the time is up."""
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE)


def move_into_place(temporary: Path, target: Path) -> None:
    """Rename the finished, flushed file `temporary` over `target` and flush the folder's entry of it."""
    replace_file(temporary, target)
    flush_folder(target.parent)
