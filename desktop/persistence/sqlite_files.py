"""SQLite database files as files: copy with the backup API, check, flush, put in place, checkpoint, read figures."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.kinds import RecordKind
from desktop.persistence import cipher
from desktop.persistence.disk_space import no_room
from desktop.persistence.durable_files import flush_file, move_into_place
from desktop.persistence.integrity import FileCheck, FileState, check_database_file, read_only_connection, table_names

SQLiteError = cipher.Error
"""What the SQLite drivers raise; callers that must not import them catch this."""
FileOrSQLiteError: tuple[type[Exception], ...] = (OSError, *cipher.Error)
_UNREADABLE: tuple[type[Exception], ...] = (*cipher.Error, cipher.KeyNeeded)


@dataclass(frozen=True, slots=True)
class FileContents:
    """How many records of each kind a database file holds, and its audit chain head (entries, last hash)."""

    counts: dict[RecordKind, int]
    audit_head: tuple[int, str] | None


def read_contents(path: Path) -> FileContents:
    """Count the records of a file without changing it (a kind whose table is missing counts 0); raises SQLiteError."""
    connection = read_only_connection(path)
    try:
        tables = table_names(connection)
        counts = {
            kind: int(connection.execute(f"SELECT COUNT(*) FROM {kind.table}").fetchone()[0])
            if kind.table in tables
            else 0
            for kind in RecordKind
        }
        head = read_audit_head(connection)
        return FileContents(counts, head)
    finally:
        connection.close()


def audit_head(path: Path) -> tuple[int, str] | None:
    """The audit chain head (entries, last hash) of a database file, or None when it cannot be read."""
    try:
        connection = read_only_connection(path)
        try:
            return read_audit_head(connection)
        finally:
            connection.close()
    except _UNREADABLE:
        return None


def read_audit_head(connection: cipher.Connection) -> tuple[int, str] | None:
    """The audit chain head a connection reads (None: no head row, or no audit_head table)."""
    if "audit_head" not in table_names(connection):
        return None
    row = connection.execute("SELECT entries, last_hash FROM audit_head WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def copy_database(source: Path, destination: Path) -> None:
    """SQLite's online backup of `source` (a consistent snapshot, WAL included) into a new 0600 file."""
    fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    wal = source.with_name(source.name + "-wal")
    closed = not wal.exists()  # nobody has it open: read it as an immutable file
    key = cipher.file_key(source)  # the copy of an encrypted file is encrypted with the same key and salt
    _backup_pages(read_only_connection(source, immutable=closed), destination, key)
    if closed and wal.exists():  # someone opened it meanwhile: copy again, the way that sees their writes
        _backup_pages(read_only_connection(source, immutable=False), destination, key)


def _backup_pages(reader: cipher.Connection, destination: Path, key: cipher.FileKey | None) -> None:
    try:
        writer = cipher.connect(destination, key=key)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def put_checked_copy(
    source: Path, destination: Path, temporary: Path, prepare: Callable[[Path], None] | None = None
) -> FileCheck:
    """Copy `source` into the new file `temporary`, let `prepare` change the copy, check it with integrity_check
    and, when it is sound, flush it to disk and rename it to `destination`. Returns the check; when it fails, or
    anything raises, the temporary file is removed and `destination` is left as it was."""
    try:
        copy_database(source, temporary)
        if prepare is not None:
            prepare(temporary)
        check = check_database_file(temporary, thorough=True)
        if check.state == FileState.OK:
            flush_file(temporary)
            move_into_place(temporary, destination)
            return check
    except BaseException:
        remove_with_side_files(temporary)
        raise
    remove_with_side_files(temporary)
    return check


def checkpoint(path: Path) -> None:
    """Move the WAL's contents into the database file; when this is the last connection, closing it removes
    the -wal and -shm files (they stay while another program has the database open)."""
    connection = cipher.connect(path, timeout=1)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    finally:
        connection.close()


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def describe_file_error(error: BaseException) -> str:
    """One line for people about a failed file operation (a full disk said so)."""
    text = " ".join(str(error).split())
    if no_room(error):
        return f"the disk is full ({text}); free some space on it and try again"
    return text or type(error).__name__
