"""Checks of a SQLite database file before it is opened (header, integrity, schema, access), and of an open one."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from desktop.domain.errors import StorageError
from desktop.persistence import cipher
from desktop.persistence.disk_space import full_disk_advice, no_room
from desktop.persistence.engine import BUSY_TIMEOUT_MS
from desktop.persistence.file_sniff import SQLITE_MAGIC, foreign_format, looks_like_sqlite
from desktop.persistence.revisions import known_revisions as known_revisions  # re-exported (backup checks)

HEADER_SIZE = 100


class FileState(StrEnum):
    NEW = "new"  # no file yet (or an empty one): a new database will be created
    OK = "ok"
    DAMAGED = "damaged"  # the SQLite header, but truncated or with corrupt pages
    NEWER_SCHEMA = "newer_schema"  # written by a newer Incident Logger
    NOT_OURS = "not_ours"  # no SQLite database at all (a PDF, text), or a SQLite database of another program
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    NO_ACCESS = "no_access"  # the file cannot be read
    BUSY = "busy"  # another program holds it locked longer than the busy timeout
    DISK_FULL = "disk_full"  # no room on its disk for what even reading needs (the -shm file, temporary files)
    LOCKED = "locked"  # encrypted (or random bytes), and no passphrase given yet opens it


@dataclass(frozen=True, slots=True)
class FileCheck:
    path: Path
    state: FileState
    detail: str = ""
    revision: str | None = None

    @property
    def usable(self) -> bool:
        return self.state in (FileState.NEW, FileState.OK)

    @property
    def message(self) -> str:
        """A sentence for people: what is wrong with which file, and that it was left as it was."""
        where = str(self.path)
        untouched = "The file has not been changed."
        return {
            FileState.NEW: f"{where} does not exist yet; a new database will be created there.",
            FileState.OK: f"{where} is in good order.",
            FileState.DAMAGED: f"The database {where} is damaged ({self.detail}). {untouched}",
            FileState.NEWER_SCHEMA: f"The database {where} was written by a newer version of Incident Logger "
            f"(schema {self.revision}); update Incident Logger to open it. {untouched}",
            FileState.NOT_OURS: f"{where} is not an Incident Logger database ({self.detail}). {untouched}",
            FileState.READ_ONLY: f"The database {where} cannot be written: {self.detail}. Incident Logger needs "
            "to write the file and its folder; choose another location or ask for write access.",
            FileState.NO_ACCESS: f"The database {where} cannot be read: {self.detail}.",
            FileState.BUSY: f"The database {where} is locked by another program ({self.detail}); try again later.",
            FileState.DISK_FULL: f"The database {where} cannot be opened because {full_disk_advice(self.path.parent)}"
            f" ({self.detail}). It is not damaged. {untouched}",
            FileState.LOCKED: f"The database {where} is encrypted: {self.detail}. {untouched}",
        }[self.state]


class Scan(StrEnum):
    """How much of a file a check reads besides its header and schema."""

    ROOTS = "roots"  # the first leaf of every table: a few pages, what opening can afford on any size
    QUICK = "quick_check"  # every page, without matching indexes to their tables
    FULL = "integrity_check"  # everything SQLite can check


def check_database_file(
    path: Path, *, thorough: bool = False, writing: bool = True, scan: Scan | None = None
) -> FileCheck:
    """Classify the file at `path` without changing it. `scan` says how much it reads (default: QUICK, or FULL when
    `thorough`). With `writing` false (a backup to read), a read-only file or folder is no problem."""
    scan = scan if scan is not None else Scan.FULL if thorough else Scan.QUICK
    try:
        info = path.stat()
    except FileNotFoundError:
        return _new_file(path)
    except OSError as error:
        return FileCheck(path, FileState.NO_ACCESS, _reason(error))
    if not stat.S_ISREG(info.st_mode):
        return FileCheck(path, FileState.NOT_OURS, "it is not a regular file")
    try:
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
    except OSError as error:
        return FileCheck(path, FileState.NO_ACCESS, _reason(error))
    if not header:
        return _new_file(path)  # SQLite treats an empty file as a new database
    if cipher.salt_in(header, info.st_size) is not None:  # SQLCipher's salt, then pages no one reads without the key
        try:
            cipher.file_key(path)
        except cipher.KeyNeeded as needed:
            reason = (
                "the passphrase given does not open it"
                if needed.tried
                else "its passphrase is needed (or, if it was never encrypted, it is not a database: its bytes look "
                "random)"
            )
            return FileCheck(path, FileState.LOCKED, reason)
    elif not looks_like_sqlite(header):  # a PDF, a text file, an image: never a database, so not damaged either
        return FileCheck(path, FileState.NOT_OURS, foreign_format(header))
    else:
        problem = header_problem(header, info.st_size, has_wal=_wal_path(path).exists())
        if problem:
            return FileCheck(path, FileState.DAMAGED, problem)
    if writing and not os.access(path, os.W_OK):
        return FileCheck(path, FileState.READ_ONLY, "the file is read-only for you")
    if writing and not os.access(path.parent, os.W_OK | os.X_OK):
        return FileCheck(path, FileState.READ_ONLY, f"its folder {path.parent} is read-only for you")
    return _check_contents(path, scan)


def header_problem(header: bytes, file_size: int, *, has_wal: bool) -> str:
    """What is wrong with a SQLite file's first 100 bytes and size, or "" when they look right."""
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return "the file is not a database: its first bytes are not the SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"its header gives an impossible page size ({page_size})"
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = pages > 0 and header[24:28] == header[92:96]
    if header_size_valid and not has_wal and file_size < pages * page_size:
        return f"it is truncated: {file_size:,} bytes where its header promises {pages * page_size:,}"
    return ""


def read_only_connection(path: Path, *, immutable: bool | None = None) -> cipher.Connection:
    """A connection that cannot change the file. By default, without a -wal file (nothing to recover, nobody
    writing) it is `immutable`, so that no -wal/-shm files appear beside a file that must stay untouched."""
    if immutable is None:
        immutable = not _wal_path(path).exists()
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    return cipher.connect(path, options=options, timeout=BUSY_TIMEOUT_MS / 1000)


def table_names(connection: cipher.Connection) -> set[str]:
    """The tables of the database a connection reads."""
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def scan_problems(connection: cipher.Connection, scan: Scan) -> list[str]:
    """What reading the database as `scan` says finds wrong, in SQLite's words (at most 20); empty when sound.
    Raises a DatabaseError (cipher.DatabaseError) when a page cannot even be read."""
    if scan == Scan.ROOTS:
        connection.execute("PRAGMA cell_size_check = ON")  # each page read is checked whole, not just the cell used
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0").fetchall()
        for (name,) in tables:  # the root and the first leaf of each b-tree, never through an index
            quoted = '"' + name.replace('"', '""') + '"'
            connection.execute(f"SELECT 1 FROM {quoted} NOT INDEXED LIMIT 1").fetchall()
        return []
    try:
        findings = [row[0] for row in connection.execute(f"PRAGMA {scan.value}(20)")]
    except cipher.OperationalError:
        raise  # interrupted, busy, no room: not findings
    except cipher.DatabaseError as error:  # SQLite gave up while collecting many: its first finding says more
        try:
            findings = [row[0] for row in connection.execute(f"PRAGMA {scan.value}(1)")]
        except cipher.DatabaseError:
            raise error from None
        if findings == ["ok"]:
            raise
    if findings == ["ok"]:
        return []
    return [" ".join(f.split()).removeprefix("*** in database main *** ") for f in findings]


def _check_contents(path: Path, scan: Scan) -> FileCheck:
    immutable = not _wal_path(path).exists()
    found = _read_contents(path, scan, immutable)
    if found.state == FileState.DAMAGED and immutable and _wal_path(path).exists():
        # Another program opened the file during the check; an immutable reader ignores its writes,
        # so read again the normal way before calling the file damaged.
        found = _read_contents(path, scan, immutable=False)
    return found


def _read_contents(path: Path, scan: Scan, immutable: bool) -> FileCheck:
    try:
        connection = read_only_connection(path, immutable=immutable)
        try:
            return _classify(connection, path, scan)
        finally:
            connection.close()
    except cipher.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return FileCheck(path, FileState.BUSY, str(error))
        if no_room(error, path):  # e.g. a -shm file that cannot grow: the disk is full, the file is sound
            return FileCheck(path, FileState.DISK_FULL, str(error))
        return FileCheck(path, FileState.DAMAGED, str(error))
    except cipher.DatabaseError as error:
        return FileCheck(path, FileState.DAMAGED, str(error))


def _classify(connection: cipher.Connection, path: Path, scan: Scan) -> FileCheck:
    findings = scan_problems(connection, scan)
    if findings:
        return FileCheck(path, FileState.DAMAGED, "; ".join(findings[:3]))
    tables = table_names(connection)
    if "alembic_version" not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5])
            return FileCheck(path, FileState.NOT_OURS, f"it has tables ({shown}) but no Incident Logger schema")
        return FileCheck(path, FileState.NEW, "an empty database")
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None:
        return FileCheck(path, FileState.NEW, "an empty schema")
    if revision[0] not in known_revisions():
        return FileCheck(path, FileState.NEWER_SCHEMA, "unknown schema revision", revision[0])
    return FileCheck(path, FileState.OK, revision=revision[0])


def _new_file(path: Path) -> FileCheck:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if path.exists() and not os.access(path, os.W_OK):
        return FileCheck(path, FileState.READ_ONLY, "the file is read-only for you")
    if not os.access(folder, os.W_OK | os.X_OK):
        return FileCheck(path, FileState.READ_ONLY, f"the folder {folder} is read-only for you")
    return FileCheck(path, FileState.NEW)


def _wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


STORAGE_PROBLEMS = (
    ("full", "the disk is full"),
    ("disk i/o error", "the disk reported an input/output error"),
    ("readonly", "the database file or its folder is read-only"),
    ("read-only", "the database file or its folder is read-only"),
    ("malformed", "the database file is damaged"),
    ("not a database", "the file is not a database"),
    ("unable to open", "the database file could not be opened"),
)


def storage_error(error: BaseException, *, writing: bool) -> StorageError | None:
    """A StorageError saying in plain words why the database failed, or None when `error` is no storage failure
    (a broken rule such as a unique constraint is not one, nor a lock still held after the busy timeout)."""
    if isinstance(error, IntegrityError) or not isinstance(error, OperationalError | DatabaseError):
        return None
    cause = getattr(error, "orig", None) or error
    text = " ".join(str(cause).split())
    if "locked" in text.lower():
        return None  # a busy timeout keeps its own well-known error; nothing is broken, trying again works
    reason = next((plain for key, plain in STORAGE_PROBLEMS if key in text.lower()), "the database reported an error")
    if no_room(error):  # SQLITE_FULL, a -shm file that cannot grow (a "disk I/O error"), ENOSPC: not damage
        reason = "the disk is full"
    if writing:
        return StorageError(f"Nothing was saved: {reason} ({text}). The database is as it was before; "
                            "fix the cause and save again.")  # fmt: skip
    if reason == "the disk is full":
        return StorageError(f"Could not read the database: {full_disk_advice()} ({text}). It is not damaged.")
    return StorageError(f"Could not read the database: {reason} ({text}).")


def storage_problems(engine: Engine) -> list[str]:
    """What is wrong with an open database's storage, foreign keys and full-text index (SQLite), as sentences;
    elsewhere only whether it answers."""
    problems: list[str] = []
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            connection.execute(text("SELECT 1"))
            return problems
        results = [r[0] for r in connection.exec_driver_sql("PRAGMA integrity_check")]
        if results != ["ok"]:
            problems.extend(f"storage: {r}" for r in results)
        for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {table} row {rowid} points at a missing {parent} row")
        try:
            connection.exec_driver_sql("INSERT INTO incidents_fts(incidents_fts, rank) VALUES ('integrity-check', 1)")
        except Exception as error:  # any failure is a finding
            problems.append(f"full-text index: {error}")
        connection.rollback()
    return problems
