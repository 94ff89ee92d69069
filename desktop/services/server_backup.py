"""Backups of a PostgreSQL database: `pg_dump -Fc` archives named like the SQLite backups, checked with
`pg_restore --list`; a restore with pg_restore into an empty database, recorded in its audit trail and verified."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from desktop.domain.enums import AuditAction
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.passphrases import Passphrase
from desktop.domain.roles import Ability
from desktop.persistence.engine import display_url, sqlite_file
from desktop.persistence.opening import open_database
from desktop.persistence.private_files import make_private_folder, restrict_to_owner
from desktop.persistence.server_dumps import (
    AUDIT_TABLE,
    ArchiveCheck,
    ServerDumpError,
    connection_url,
    database_label,
    dump_database,
    list_archive,
    restore_archive,
    table_names,
)
from desktop.persistence.server_login import with_password
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.audit import ChainReport, verify_chain
from desktop.services.backup import BackupError, BackupLabel
from desktop.services.leftovers import Leftover, Work, find_leftovers, remove_leftovers
from desktop.services.output_targets import TargetError, private_scratch, send, streams_through

SUFFIX = ".dump"  # a pg_dump custom-format archive (pg_restore reads it)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, slots=True)
class ServerBackup:
    """A checked archive: where, how big, the tables whose data it holds, and how long pg_dump took."""

    path: Path
    size: int
    database: str
    tables: tuple[str, ...]
    seconds: float
    leftovers_removed: tuple[Leftover, ...] = ()  # of interrupted archives in the backup folder, removed first


@dataclass(frozen=True, slots=True)
class ServerRestore:
    archive: ArchiveCheck
    chain: ChainReport
    facilities: int
    incidents: int
    seconds: float


def is_server(url: str) -> bool:
    """True for a database on a server (a URL that is no SQLite file)."""
    return sqlite_file(url) is None and not url.startswith("sqlite")


def server_url(database: Database) -> str:
    """The URL of an open server database with its password (Database.url masks it), for pg_dump's environment."""
    return connection_url(database.engine)


def server_backup_name(url: str, label: BackupLabel, now: datetime, attempt: int = 1) -> str:
    """`<database>-<host>-<YYYYmmdd-HHMMSS>[-n]-<label>.dump`: named like the SQLite backups, after the server's
    database."""
    counter = f"-{attempt}" if attempt > 1 else ""
    return f"{database_label(url)}-{now.strftime(_STAMP)}{counter}-{label.value}{SUFFIX}"


def check_may_dump(database: Database) -> None:
    """A dump holds every column of every table: PermissionDeniedError for a login that may not read them all (a team
    reader: the sensitive incident columns), said before pg_dump would fail with the server's error as SQL."""
    capabilities = database.capabilities
    if not capabilities.may(Ability.READ_SENSITIVE):
        raise PermissionDeniedError("a backup (pg_dump) holds every column, suspect names and personal details "
                                    "among them, which this role may not read", capabilities.role_name)  # fmt: skip


def back_up_server(url: str, backup_dir: Path, label: BackupLabel, *, now: datetime | None = None) -> ServerBackup:
    """A checked `pg_dump -Fc` archive of the database at `url` in `backup_dir` (owner-only), named after it."""
    moment = now or utc_now()
    make_private_folder(backup_dir)
    interrupted = [found for found in find_leftovers(backup_dir, (Work.BACKUP,)) if found.target.endswith(SUFFIX)]
    removed = tuple(remove_leftovers(interrupted))  # those of killed runs (a live one's is left alone)
    attempt = 1
    while (backup_dir / server_backup_name(url, label, moment, attempt)).exists():
        attempt += 1
    taken = back_up_server_to(url, backup_dir / server_backup_name(url, label, moment, attempt))
    return replace(taken, leftovers_removed=removed)


def back_up_server_to(url: str, destination: Path) -> ServerBackup:
    """`pg_dump -Fc` into `destination` (a file, or a device or FIFO such as /dev/stdout: then the archive is made
    and checked in a private folder first); BackupError saying why when pg_dump is missing, too old or failed."""
    try:
        through = streams_through(destination)
    except TargetError as error:
        raise BackupError(f"cannot write the backup to {destination}: {error}") from None
    began = time.perf_counter()
    try:
        if not through:
            checked = dump_database(url, destination)
            restrict_to_owner(destination)
        else:
            with private_scratch() as folder:
                checked = dump_database(url, folder / f"backup{SUFFIX}")
                send(checked.path, destination)
    except ServerDumpError as error:
        raise BackupError(f"could not back up {display_url(url)}: {error}") from None
    except OSError as error:
        raise BackupError(f"could not write the backup to {destination}: {error.strerror or error}") from None
    return ServerBackup(destination, checked.size, checked.database, checked.tables, time.perf_counter() - began)


def before_migration(url: str, backup_dir: Path, clock: Callable[[], datetime],
                     password: Passphrase | None = None) -> Callable[[], None]:  # fmt: skip
    """What a schema upgrade of the server database `url` does first: a checked pg_dump in `backup_dir`
    (`password`: the login's, asked or remembered, which pg_dump then gets in its environment)."""

    def back_up() -> None:
        target = url if password is None else with_password(url, password.reveal())
        back_up_server(target, backup_dir, BackupLabel.BEFORE_MIGRATION, now=clock())

    return back_up


def check_archive(path: Path) -> ArchiveCheck:
    """The archive's table of contents, read with `pg_restore --list`; BackupError when it is none of ours."""
    try:
        checked = list_archive(path)
    except ServerDumpError as error:
        raise BackupError(f"{path} is no readable pg_dump archive: {error}") from None
    if not checked.names_audit_table:
        raise BackupError(f"{path} holds no {AUDIT_TABLE} table: not an Incident Logger backup")
    return checked


def restore_server(archive: Path, url: str, *, clock: Callable[[], datetime] = utc_now) -> ServerRestore:
    """pg_restore `archive` into the empty database at `url` (all or nothing), bring it to this version's schema,
    record the restore in its audit trail and verify the chain. BackupError when the target holds tables already
    (nothing is restored over data) or pg_restore failed (the target is left empty)."""
    checked = check_archive(archive)
    began = time.perf_counter()
    try:
        existing = table_names(url)
        if existing:
            raise BackupError(f"{display_url(url)} is not empty (it has {', '.join(existing[:5])}); restore into a "
                              "new database: createdb NAME, then --database-url naming it")  # fmt: skip
        restore_archive(archive, url)
    except ServerDumpError as error:
        raise BackupError(f"nothing was restored into {display_url(url)}: {error}") from None
    database = open_database(url, clock=clock)
    try:
        _record_restore(database, archive)
        chain = verify_chain(database)
        facilities, incidents = _counts(database)
    finally:
        database.close()
    return ServerRestore(checked, chain, facilities, incidents, time.perf_counter() - began)


def _record_restore(database: Database, archive: Path) -> None:
    with database.unit_of_work() as uow:
        uow.audit.record(AuditAction.RESTORE, "database", "", {"backup": [None, archive.name]})
        uow.commit()


def _counts(database: Database) -> tuple[int, int]:
    from desktop.domain.kinds import RecordKind

    with database.unit_of_work(write=False) as uow:
        counts = uow.repository(RecordKind.FACILITY).count(), uow.repository(RecordKind.INCIDENT).count()
    return counts
