"""A full disk told apart from a damaged database: the SQLite and system errors that mean there is no room."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop.persistence import cipher

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
# SQLITE_FULL: no room for the database, its journal or a temporary file (SQLITE_TMPDIR); SQLITE_IOERR_SHMSIZE:
# the -shm file cannot grow, which even a reader of a WAL database needs.
NO_ROOM_CODES = frozenset({"SQLITE_FULL", "SQLITE_IOERR_SHMSIZE"})
LOW_SPACE = 1 << 20  # below this, another write or allocation error of SQLite is most likely a full disk too


def no_room(error: BaseException, where: Path | None = None) -> bool:
    """True when `error` (or what caused it) says there is no room to write: ENOSPC or EDQUOT, SQLITE_FULL, a
    -shm file that cannot grow, or another SQLite I/O error while the disk holding `where` has (almost) no room."""
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.errno in FULL_ERRNOS:
            return True
        if isinstance(cause, cipher.Error):
            name = getattr(cause, "sqlite_errorname", "")
            if name in NO_ROOM_CODES or "database or disk is full" in str(cause):
                return True
            if name.startswith("SQLITE_IOERR") and where is not None and free_space(where) < LOW_SPACE:
                return True
    return False


def free_space(path: Path) -> int:
    """The bytes this user may still write on the disk holding `path` (or the nearest folder above it that
    exists); very much when that cannot be found out."""
    for place in (path, *path.parents):
        try:
            return shutil.disk_usage(place).free
        except OSError:
            continue
    return 1 << 62


def full_disk_advice(where: Path | None = None) -> str:
    """ "the disk holding /data is full; free some space on it and try again"."""
    holding = f" holding {where}" if where is not None else ""
    return f"the disk{holding} is full; free some space on it and try again"


def _causes(error: BaseException) -> Iterator[BaseException]:
    """`error`, the driver error a SQLAlchemy error wraps, and the errors it was raised from, each once."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        cause = pending.pop()
        if cause is None or id(cause) in seen or len(seen) > 8:
            continue
        seen.add(id(cause))
        yield cause
        pending.extend((getattr(cause, "orig", None), cause.__cause__, cause.__context__))
