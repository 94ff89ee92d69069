"""Encrypt, decrypt or rekey a SQLite file: sqlcipher_export into a temporary file beside it, checked, put in place."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from desktop.persistence import cipher
from desktop.persistence.durable_files import flush_file, flush_folder, flush_to_disk, replace_file
from desktop.persistence.integrity import FileState, check_database_file, read_only_connection, table_names
from desktop.persistence.sqlite_files import (
    FileContents,
    describe_file_error,
    read_contents,
    remove_with_side_files,
)

SIDE_FILES = ("-wal", "-shm", "-journal")
_SHRED_CHUNK = 1 << 20
_FAILURES: tuple[type[Exception], ...] = (OSError, *cipher.Error)


class ConversionError(Exception):
    """The file could not be converted; it was left as it was (the message says why)."""


@dataclass(frozen=True, slots=True)
class Converted:
    """A file converted in place: what it holds (the same before and after) and whether its old bytes were
    overwritten once the new file had taken its place."""

    path: Path
    contents: FileContents
    old_bytes_overwritten: bool


def convert_file(path: Path, target: cipher.FileKey | None, temporary: Path, *, overwrite_old: bool) -> Converted:
    """Replace the SQLite file `path` by a copy encrypted with `target` (None: plain), atomically: the copy is
    written to `temporary` (a new name beside it) with sqlcipher_export, checked in full (integrity_check, the same
    rows in every table, the same audit chain head), flushed, and renamed over `path`. With `overwrite_old` the old
    file's bytes are then overwritten with zeros (best effort: a copy-on-write disk or an SSD may keep old blocks).
    Until the rename `path` is untouched; a kill leaves it whole and `temporary` a leftover. The key of `path`
    must be known to cipher.KEYCHAIN, and `target` too (KEYCHAIN.learn). Raises ConversionError or KeyNeeded."""
    source_key = cipher.file_key(path)  # raises KeyNeeded
    old: int | None = None
    try:
        _settle(path)
        before, rows = read_contents(path), _row_counts(path)
        user_version = _export(path, source_key, temporary, target)
        _check_copy(temporary, before, rows, user_version)
        _settle(path)  # no -wal is left to be read as part of the new file
        if read_contents(path) != before:  # the caller holds the instance lock: nobody writes, but make sure
            raise ConversionError(f"{path} was changed while it was converted; try again")
        flush_file(temporary)
        old = _open_for_overwrite(path) if overwrite_old else None
        replace_file(temporary, path)
    except BaseException as error:
        remove_with_side_files(temporary)
        if old is not None:
            os.close(old)
        if isinstance(error, _FAILURES):
            raise ConversionError(f"could not convert {path}: {describe_file_error(error)}") from None
        raise
    flush_folder(path.parent)
    return Converted(path, before, old is not None and _overwrite_unlinked(old))


def _export(source: Path, source_key: cipher.FileKey | None, copy: Path, key: cipher.FileKey | None) -> int:
    """sqlcipher_export of `source` into the new owner-only file `copy`; returns the user_version it was given."""
    fd = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    connection = _sqlcipher_connection(source, source_key)
    try:
        user_version = int(connection.execute("PRAGMA main.user_version").fetchone()[0])
        connection.execute("ATTACH DATABASE ? AS converted KEY ?", (str(copy), _attach_key(key)))
        try:  # no journal and no syncing while the copy is written (1.3 s → 7 ms for 300 kB): it is flushed once,
            # before the rename; a copy a crash interrupts is a leftover, never used
            connection.execute("PRAGMA converted.synchronous = OFF")
            connection.execute("PRAGMA converted.journal_mode = OFF").fetchall()
            connection.execute("SELECT sqlcipher_export('converted')").fetchall()
            connection.execute(f"PRAGMA converted.user_version = {user_version}")
            mode = connection.execute("PRAGMA converted.journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise ConversionError(f"the converted copy of {source} could not be put in WAL mode ({mode})")
        finally:
            connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()
    return user_version


def _sqlcipher_connection(path: Path, key: cipher.FileKey | None) -> cipher.Connection:
    """A SQLCipher connection to `path` (sqlcipher_export exists only there), keyed when the file is encrypted."""
    if key is not None:
        return cipher.connect(path, key=key)  # SQLCipher's, keyed
    plain = sqlcipher.connect(str(path))
    plain.execute("PRAGMA cipher_log_level = NONE")
    return plain  # type: ignore[no-any-return]


def _attach_key(key: cipher.FileKey | None) -> str:
    """ATTACH's KEY: the raw key and salt (no derivation again; the salt the file gets), or '' for a plain file."""
    return "" if key is None else key.pragma().strip('"')


def _check_copy(copy: Path, before: FileContents, rows: dict[str, int], user_version: int) -> None:
    check = check_database_file(copy, thorough=True)
    if check.state != FileState.OK:
        raise ConversionError(f"the converted copy failed its check: {check.detail or check.state.value}")
    after = read_contents(copy)
    if after != before:
        raise ConversionError(f"the converted copy does not hold the same records ({after} instead of {before})")
    copied = _row_counts(copy)
    if copied != rows:
        different = sorted(name for name in rows.keys() | copied.keys() if rows.get(name) != copied.get(name))
        raise ConversionError(f"the converted copy has other row counts in {', '.join(different)}")
    connection = cipher.connect(copy)  # not read-only: an immutable reader does not see WAL mode
    try:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()
    if str(mode).lower() != "wal" or version != user_version:
        raise ConversionError(f"the converted copy has journal mode {mode} and user_version {version}")


def _row_counts(path: Path) -> dict[str, int]:
    """The number of rows of every table of a file (the shadow tables of the full-text index included)."""
    connection = read_only_connection(path)
    try:
        counts = {}
        for name in sorted(table_names(connection)):
            quoted = '"' + name.replace('"', '""') + '"'
            with contextlib.suppress(*cipher.OperationalError):  # a virtual table: its shadow tables are counted
                counts[name] = int(connection.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])
        return counts
    finally:
        connection.close()


def _settle(path: Path) -> None:
    """Move the WAL into the file and make sure no -wal, -shm or -journal stays beside it (an old -wal beside the
    new file would be read as part of it). Raises ConversionError when another program keeps the file open."""
    if any(_side(path, suffix).exists() for suffix in SIDE_FILES):
        connection = cipher.connect(path, timeout=5)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            connection.close()
    left = [_side(path, suffix).name for suffix in SIDE_FILES if _side(path, suffix).exists()]
    if left:
        raise ConversionError(f"{path} is open in another program ({', '.join(left)} beside it); close it and "
                              "try again")  # fmt: skip


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _open_for_overwrite(path: Path) -> int | None:
    """A descriptor of the old file, to overwrite its bytes once it is replaced; None when it has other links (their
    data must stay) or cannot be opened for writing. Always None on Windows: a file open there cannot be renamed over
    (and a file renamed over is gone at once), so its old bytes are not overwritten (Converted says so)."""
    if sys.platform == "win32":
        return None
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError:
        return None
    if os.fstat(fd).st_nlink != 1:
        os.close(fd)
        return None
    return fd


def _overwrite_unlinked(fd: int) -> bool:
    """Overwrite with zeros the file behind `fd`, which the rename has just unlinked; False when it has not been
    (someone linked it meanwhile) or the writing failed."""
    try:
        info = os.fstat(fd)
        if info.st_nlink != 0:
            return False
        zeros = bytes(_SHRED_CHUNK)
        done = 0
        while done < info.st_size:
            done += os.write(fd, zeros[: min(_SHRED_CHUNK, info.st_size - done)])
        flush_to_disk(fd)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
