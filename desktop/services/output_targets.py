"""Where an export, briefing or backup goes: a regular file is replaced whole (through a temporary file renamed
over it); a character device or FIFO (/dev/null, /dev/stdout, a named pipe), and /dev/stdout whatever it is
redirected to, are written straight through and never replaced; a folder or another special file is refused."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class TargetError(OSError):
    """The output path cannot take the file (a folder, a block device, a socket): what it is and what to give, to
    follow "cannot write PATH: "."""


def streams_through(path: Path) -> bool:
    """True when `path` is a character device or a FIFO, which is written straight through (never replaced by a
    renamed file, never a temporary file beside it); False for a regular file or a new name. Raises TargetError
    for a folder or any other kind of special file."""
    if names_a_descriptor(path):  # /dev/stdout redirected to a file: written through, never renamed over
        return True
    try:
        mode = path.stat().st_mode
    except OSError:  # not there yet (or not to be looked at): the writing says what is wrong
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISDIR(mode):
        raise TargetError("it is a folder; give the name of a file in it")
    raise TargetError("it is a device or socket, not a file; give the name of a file")


DESCRIPTOR_FOLDERS = ("/dev/fd/", "/proc/self/fd/")
STANDARD_STREAMS = ("/dev/stdout", "/dev/stderr")


def names_a_descriptor(path: Path) -> bool:
    """True for /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N: names of this process's open files
    (a terminal, a pipe, or the file the shell redirected them to), which are written through whatever they are:
    a temporary file renamed over such a name would replace the link in /dev, and the data would never arrive."""
    text = str(path)
    return text in STANDARD_STREAMS or text.startswith(DESCRIPTOR_FOLDERS)


def _open_for_writing(target: Path) -> int:
    """A descriptor writing into `target`: this process's own standard output when it is that (so an appending
    redirection keeps appending), else `target` opened without O_CREAT."""
    if is_stdout(target):
        return os.dup(1)
    return os.open(target, os.O_WRONLY)


def is_stdout(path: Path) -> bool:
    """True when `path` is this process's standard output (/dev/stdout, /dev/fd/1, the file it is redirected to),
    so that messages go to stderr instead of into the data."""
    try:
        return os.path.samestat(path.stat(), os.fstat(1))
    except (OSError, ValueError):
        return False


@contextmanager
def private_scratch() -> Iterator[Path]:
    """An owner-only temporary folder outside the target's (a device's folder, /dev, must never get files),
    removed with everything in it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="incident-logger-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def send(source: Path, target: Path) -> None:
    """Copy the finished file `source` into the character device or FIFO `target` (opened without creating
    anything, so a name that has meanwhile gone is an error rather than a new regular file)."""
    descriptor = _open_for_writing(target)
    with open(source, "rb") as data, open(descriptor, "wb") as out:
        shutil.copyfileobj(data, out, 1 << 20)


def open_through(target: Path, mode: str = "w") -> IO[str]:
    """The character device or FIFO `target` opened for text (UTF-8, newlines as written), without O_CREAT."""
    descriptor = _open_for_writing(target)
    return open(descriptor, mode, encoding="utf-8", newline="", buffering=1 << 20)


def write_failure(error: OSError) -> str:
    """Why writing an output file failed, in words: a full disk said so, with what to do."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({error.strerror}); free some space on it and try again"
    return error.strerror or str(error)
