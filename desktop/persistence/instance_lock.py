"""One Incident Logger window per database: a locked file beside it (file_locking), with the owner's pid and host."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from desktop.persistence import file_locking


@dataclass(frozen=True, slots=True)
class LockOwner:
    pid: int
    host: str
    since: str = ""

    @property
    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.host == socket.gethostname()

    def describe(self) -> str:
        since = f" since {self.since}" if self.since else ""
        return f"process {self.pid} on {self.host}{since}"

    def render(self) -> str:
        return f"{self.pid}\n{self.host}\n{self.since}\n"

    @classmethod
    def parse(cls, text: str) -> LockOwner | None:
        lines = text.splitlines()
        try:
            return cls(int(lines[0]), lines[1] if len(lines) > 1 else "", lines[2] if len(lines) > 2 else "")
        except (IndexError, ValueError):
            return None


class InstanceLockedError(RuntimeError):
    """Another running Incident Logger has this database open."""

    def __init__(self, database: Path, owner: LockOwner | None) -> None:
        self.database, self.owner = database, owner
        who = owner.describe() if owner else "another process"
        super().__init__(f"Incident Logger is already running on {database} ({who}).")


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def read_owner(database: Path) -> LockOwner | None:
    """Who the lock file names (a live holder or a stale one), or None without a readable lock file."""
    try:
        return LockOwner.parse(lock_path(database).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


class InstanceLock:
    """`with InstanceLock(db_path):` or acquire()/release(); raises InstanceLockedError when held elsewhere.

    The lock is a file lock on `<database>.lock` (flock on POSIX, LockFileEx on Windows: file_locking): the system
    drops it when the holder dies, so a lock file left by a crashed program is stale and taken over (its owner is
    kept in `stale_owner`). Where file locks are not supported (some network file systems) a live pid on the same
    host counts as the holder."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self.stale_owner: LockOwner | None = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | file_locking.OPEN_FLAGS, 0o600)
            try:
                if not _try_lock(fd, self.database):
                    raise InstanceLockedError(self.database, read_owner(self.database))
                if _same_file(fd, self.path):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the previous holder removed the file meanwhile: lock the new one
        os.lseek(fd, 0, os.SEEK_SET)
        self.stale_owner = LockOwner.parse(os.read(fd, 4096).decode("utf-8", "replace"))
        me = LockOwner(os.getpid(), socket.gethostname(), datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"))
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, me.render().encode("utf-8"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        file_locking.release_and_remove(fd, self.path)

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def acquire_waiting(lock: InstanceLock, seconds: float, waiting: Callable[[InstanceLockedError], None]) -> None:
    """Take `lock`, waiting up to `seconds` while another process holds it; `waiting(error)` is called once, when
    the wait begins (to say who holds it). Raises the last InstanceLockedError when the time is up."""
    deadline = time.monotonic() + max(0.0, seconds)
    told = False
    while True:
        try:
            lock.acquire()
            return
        except InstanceLockedError as error:
            if time.monotonic() >= deadline:
                raise
            if not told:
                waiting(error)
                told = True
        time.sleep(0.05)


def current_owner(database: Path) -> LockOwner | None:
    """The live holder of the database's lock, or None when nobody holds it (a stale file is no holder)."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDONLY | file_locking.OPEN_FLAGS)
    except FileNotFoundError:
        return None
    try:
        if _try_lock(fd, database, shared=True):
            return None
        return read_owner(database) or LockOwner(0, "")
    finally:
        os.close(fd)


def _try_lock(fd: int, database: Path, *, shared: bool = False) -> bool:
    """True when the lock was taken (released again with the descriptor)."""
    try:
        return file_locking.try_lock(fd, shared=shared)
    except OSError:  # no file locks on this file system: judge by the pid written in the file
        owner = read_owner(database)
        if owner is None or owner.pid == 0:
            return True
        return owner.host == socket.gethostname() and not file_locking.process_alive(owner.pid)  # another host's: alive


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False
