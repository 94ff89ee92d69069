"""Open a database by URL: engine, schema check and upgrade, ready-to-use Database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.domain.passphrases import Passphrase
from desktop.persistence.chain_upkeep import secure_chain
from desktop.persistence.disk_space import full_disk_advice, no_room
from desktop.persistence.engine import create_database_engine, sqlite_file
from desktop.persistence.integrity import FileCheck, Scan, check_database_file
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.server_login import tls_hint
from desktop.persistence.team_roles import grant_again, grants_behind
from desktop.persistence.unit_of_work import Database, utc_now


def open_database(
    url: str,
    *,
    before_migration: Callable[[], None] | None = None,
    clock: Callable[[], datetime] = utc_now,
    password: Passphrase | None = None,
) -> Database:
    """Open (creating a new SQLite file if needed) and migrate; refuses newer schemas untouched. `password`: a
    server login's, never written in the URL."""
    engine = create_database_engine(url, password=password)
    try:
        if upgrade_to_head(engine, before_migration) or grants_behind(engine):
            grant_again(engine)  # a server's team roles reach the new tables and columns (team init's GRANTs)
        database = Database(engine, clock)
        if database.capabilities.writes_audit:  # a team reader may write nothing: the owner secured it at team init
            secure_chain(database)  # once: the database's id and key, its records under the chain
    except BaseException:
        engine.dispose()
        raise
    return database


def describe_error(error: BaseException, where: Path | None = None) -> str:
    """One line for people: the driver's own message without SQLAlchemy's SQL and background link; a full disk
    (SQLite's "disk I/O error" when its -shm file cannot grow, SQLITE_FULL, ENOSPC) said so, with what to do, and so
    a server refusing the TLS that the URL's sslmode requires.
    `where`: the database file, when known (its disk's free space tells an I/O error that is a full disk)."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    text = " ".join(part.strip() for part in str(cause).splitlines() if part.strip())
    if no_room(error, where) and "the disk is full" not in text:  # not already said (a StorageError)
        folder = where.parent if where is not None else None
        return f"{full_disk_advice(folder)} ({text or type(cause).__name__})"
    if (hint := tls_hint(error)) is not None:  # sslmode=require against a server without TLS: what to do
        return f"{text}: {hint}"
    return text or type(cause).__name__


class DatabaseFileError(RuntimeError):
    """The SQLite file is damaged, from a newer version, another program's, or not writable; it was not changed."""

    def __init__(self, check: FileCheck) -> None:
        self.check = check
        super().__init__(check.message)


def open_checked(
    url: str,
    *,
    before_migration: Callable[[], None] | None = None,
    clock: Callable[[], datetime] = utc_now,
    scan: Scan = Scan.ROOTS,
    password: Passphrase | None = None,
) -> Database:
    """open_database after checking a SQLite file first (header, schema version, write access, and `scan`: by
    default the first leaf of every table, a few pages whatever the size; the whole file is checked in the background
    or on demand); raises DatabaseFileError before touching a bad file."""
    path = sqlite_file(url)
    if path is not None:
        check = check_database_file(path, scan=scan)
        if not check.usable:
            raise DatabaseFileError(check)
    return open_database(url, before_migration=before_migration, clock=clock, password=password)
