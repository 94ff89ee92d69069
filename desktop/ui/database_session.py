"""Opening and closing the window's database: instance lock, checked opening with a backup before migrating,
an automatic backup when closing a changed database."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.instance_lock import InstanceLock
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.backup import BackupError, backup_on_close, open_for_use

log = logging.getLogger(__name__)


class DatabaseOpener:
    """Opens databases for the window and closes them again; one lock per SQLite file while it is open.

    `open()` raises InstanceLockedError (another window has it), DatabaseFileError (damaged, newer, foreign,
    read-only), SchemaTooNewError, StorageError or SQLAlchemy/OS errors; nothing stays open or locked then."""

    def __init__(
        self, backup_dir: Path | None, *, clock: Callable[[], datetime] = utc_now, backup_when_closing: bool = True
    ) -> None:
        self.backup_dir = backup_dir
        self.clock = clock
        self.backup_when_closing = backup_when_closing
        self._locks: dict[int, InstanceLock] = {}

    def open(self, url: str) -> Database:
        path = sqlite_file(url)
        lock = InstanceLock(path) if path is not None else None
        if lock is not None:
            lock.acquire()
        try:
            database = open_for_use(url, self.backup_dir, clock=self.clock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            self._locks[id(database)] = lock
        return database

    def close(self, database: Database) -> None:
        """Back up a changed SQLite database (failures are logged, never lose the close), dispose, unlock."""
        try:
            if self.backup_when_closing and self.backup_dir is not None:
                taken = backup_on_close(database, self.backup_dir)
                if taken is not None:
                    log.info("backed up %s to %s", database.display_name, taken.path)
        except (BackupError, OSError) as error:
            log.warning("no automatic backup of %s: %s", database.display_name, error)
        finally:
            database.close()
            lock = self._locks.pop(id(database), None)
            if lock is not None:
                lock.release()


def url_for_file(path: Path) -> str:
    return sqlite_url(path)


def file_of(database: Database) -> Path | None:
    return sqlite_file(database.url)
