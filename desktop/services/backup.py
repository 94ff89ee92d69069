"""Verified backups of a SQLite database: take, verify, list, rotate, restore."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from desktop.domain.enums import AuditAction
from desktop.domain.kinds import RecordKind
from desktop.persistence.durable_files import flush_folder, replace_file
from desktop.persistence.engine import sqlite_url
from desktop.persistence.integrity import FileCheck, FileState, check_database_file
from desktop.persistence.opening import open_database
from desktop.persistence.private_files import make_private_folder
from desktop.persistence.sqlite_files import (
    FileOrSQLiteError,
    SQLiteError,
    checkpoint,
    describe_file_error,
    put_checked_copy,
    read_contents,
)
from desktop.persistence.unit_of_work import utc_now
from desktop.services.leftovers import Leftover, Work, clean_leftovers, find_leftovers, free_temporary_name
from desktop.services.output_targets import TargetError, private_scratch, send, streams_through

SUFFIX = ".sqlite3"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<label>[a-z-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(RuntimeError):
    """A backup or restore failed; the message says why, and the database was left as it was."""


class BackupLabel(StrEnum):
    AUTO = "auto"  # on close, when data changed; rotated
    MANUAL = "manual"
    BEFORE_MIGRATION = "before-migration"
    BEFORE_RESTORE = "before-restore"
    BEFORE_ENCRYPTION = "before-encryption"  # before encrypt, decrypt or rekey; kept like MANUAL (never rotated)

    @property
    def label(self) -> str:
        return {
            BackupLabel.AUTO: "automatic",
            BackupLabel.MANUAL: "made by hand",
            BackupLabel.BEFORE_MIGRATION: "before a schema upgrade",
            BackupLabel.BEFORE_RESTORE: "before a restore",
            BackupLabel.BEFORE_ENCRYPTION: "before encrypt, decrypt or rekey",
        }[self]


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # naive UTC, from the name (file time for files named otherwise)
    label: BackupLabel | None
    size: int
    leftovers_removed: tuple[Leftover, ...] = ()  # of interrupted backups, removed before this one was taken


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """A backup file checked in full: storage integrity, schema, and what it holds."""

    info: BackupInfo
    check: FileCheck
    facilities: int = 0
    incidents: int = 0
    plan_items: int = 0
    audit_head: tuple[int, str] | None = None

    @property
    def ok(self) -> bool:
        return self.check.state == FileState.OK


@dataclass(frozen=True, slots=True)
class RestoreResult:
    database: Path
    restored_from: BackupSummary
    previous: BackupInfo | None  # the replaced database, saved as a backup first
    leftovers_removed: tuple[Leftover, ...] = ()  # of interrupted restores and backups, removed first


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 6


# ---- taking and verifying backups -------------------------------------------------------------------------------


def backup_name(database: Path, label: BackupLabel, now: datetime, attempt: int = 1) -> str:
    counter = f"-{attempt}" if attempt > 1 else ""
    return f"{database.stem}-{now.strftime(_STAMP)}{counter}-{label.value}{SUFFIX}"


def back_up(database: Path, backup_dir: Path, label: BackupLabel, *, now: datetime | None = None) -> BackupInfo:
    """A verified copy of `database` in `backup_dir`, named after the database, the time and `label`."""
    moment = now or utc_now()
    make_private_folder(backup_dir)
    attempt = 1
    while (backup_dir / backup_name(database, label, moment, attempt)).exists():
        attempt += 1
    return back_up_to(database, backup_dir / backup_name(database, label, moment, attempt))


def back_up_to(database: Path, destination: Path) -> BackupInfo:
    """Copy with SQLite's backup API into a temporary owner-only file beside `destination`, check it with
    integrity_check, flush it to disk and only then rename it into place; on failure nothing is left behind.
    First removes what killed backups left in that folder (BackupInfo.leftovers_removed says what)."""
    if not database.exists():
        raise BackupError(f"there is no database at {database} to back up")
    if destination.exists() and destination.resolve() == database.resolve():
        raise BackupError(f"{destination} is the database itself; choose another file for the backup")
    try:
        through = streams_through(destination)
    except TargetError as error:
        raise BackupError(f"cannot write the backup to {destination}: {error}") from None
    if through:
        return _send_backup(database, destination)
    removed = clean_leftovers(destination.parent, (Work.BACKUP,), targets=(destination.name,))
    _put_checked_copy(
        database,
        destination,
        partial="partial",
        what="the copy",
        failed=lambda reason: f"could not back up {database} to {destination}: {reason}",
    )
    return replace(backup_info(destination), leftovers_removed=tuple(removed))


def _send_backup(database: Path, destination: Path) -> BackupInfo:
    """back_up_to a character device or FIFO (/dev/stdout, a named pipe): the copy is made and checked in a
    private folder elsewhere, then sent through `destination`, which stays what it is."""
    with private_scratch() as folder:
        copy = folder / f"{database.stem}{SUFFIX}"
        _put_checked_copy(database, copy, partial="partial", what="the copy",
                          failed=lambda reason: f"could not back up {database}: {reason}")  # fmt: skip
        checked = backup_info(copy)
        try:
            send(copy, destination)
        except OSError as error:
            raise BackupError(f"could not write the backup to {destination}: {describe_file_error(error)}") from None
    return BackupInfo(destination, checked.taken_at, None, checked.size)


def verify_backup(path: Path) -> BackupSummary:
    """Check a backup file fully (integrity_check, schema) and count what it holds; never changes it."""
    info = backup_info(path)
    check = check_database_file(path, thorough=True, writing=False)  # a backup on read-only media is fine
    if check.state != FileState.OK:
        return BackupSummary(info, check)
    try:
        contents = read_contents(path)
    except SQLiteError as error:
        return BackupSummary(info, FileCheck(path, FileState.DAMAGED, str(error)))
    counts = contents.counts
    return BackupSummary(
        info,
        check,
        facilities=counts[RecordKind.FACILITY],
        incidents=counts[RecordKind.INCIDENT],
        plan_items=counts[RecordKind.PLAN_ITEM],
        audit_head=contents.audit_head,
    )


def list_backups(backup_dir: Path, database: Path | None = None) -> list[BackupInfo]:
    """Backups in `backup_dir` (of `database` only, when given), newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file() and (database is None or match["stem"] == database.stem):
            found.append(backup_info(path))
    return sorted(found, key=_taking_order, reverse=True)


def incomplete_backups(backup_dir: Path, database: Path | None = None) -> list[Leftover]:
    """The temporary files of backups (of `database` only, when given) in `backup_dir`: never usable; those of
    a live process are still being written, the others were left by an interrupted run."""
    found = []
    for leftover in find_leftovers(backup_dir, (Work.BACKUP,)):
        match = _NAME.match(leftover.target)
        if database is None or (match is not None and match["stem"] == database.stem):
            found.append(leftover)
    return found


def newest_good_backup(backup_dir: Path, database: Path | None = None) -> BackupSummary | None:
    """The newest backup that passes verify_backup, or None."""
    for info in list_backups(backup_dir, database):
        summary = verify_backup(info.path)
        if summary.ok:
            return summary
    return None


# ---- automatic backups and rotation -----------------------------------------------------------------------------


def backups_to_keep(backups: Iterable[BackupInfo], policy: RotationPolicy) -> set[Path]:
    """Grandfather-father-son: the newest backup, and the newest of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months that have backups."""
    ordered = sorted(backups, key=_taking_order, reverse=True)
    keep = {ordered[0].path} if ordered else set()
    buckets: list[tuple[Callable[[datetime], Hashable], int]] = [
        (lambda t: t.date(), policy.daily),
        (lambda t: t.isocalendar()[:2], policy.weekly),
        (lambda t: (t.year, t.month), policy.monthly),
    ]
    for bucket, count in buckets:
        seen: set[Hashable] = set()
        for backup in ordered:
            key = bucket(backup.taken_at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(backup.path)
    return keep


def rotate_backups(backup_dir: Path, database: Path, policy: RotationPolicy) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; backups made by hand, before a migration
    or before a restore are never deleted. Returns the deleted files."""
    automatic = [b for b in list_backups(backup_dir, database) if b.label == BackupLabel.AUTO]
    keep = backups_to_keep(automatic, policy)
    removed = []
    for backup in automatic:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


# ---- restoring --------------------------------------------------------------------------------------------------


def move_aside(database: Path) -> Path:
    """Rename a damaged database (with its -wal/-shm) to `<name>.damaged` (-2, -3 … when taken); only with
    the user's consent. Returns the new name of the database file."""
    target = database.with_name(database.name + ".damaged")
    attempt = 1
    while target.exists():
        attempt += 1
        target = database.with_name(f"{database.name}.damaged-{attempt}")
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            replace_file(side, target.with_name(target.name + suffix))
    replace_file(database, target)
    flush_folder(database.parent)
    return target


def restore_backup(
    backup: Path,
    database: Path,
    backup_dir: Path,
    *,
    kept_as: Path | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> RestoreResult:
    """Replace `database` by a verified copy of `backup`, atomically. A sound current database is first
    saved as a "before-restore" backup; a damaged one must have been moved aside (`kept_as`). The restore
    is written to the restored copy's audit trail before the copy takes the database's place.
    No connection to `database` may be open (close the app's engine first)."""
    summary = verify_backup(backup)
    if not summary.ok:
        raise BackupError(f"the backup {backup} cannot be restored: {summary.check.message}")
    removed = clean_leftovers(database.parent, (Work.RESTORE,), targets=(database.name,))
    current = check_database_file(database)
    previous = None
    if current.state == FileState.OK:
        previous = back_up(database, backup_dir, BackupLabel.BEFORE_RESTORE, now=clock())
        removed.extend(previous.leftovers_removed)
        checkpoint(database)
    elif current.state != FileState.NEW:
        raise BackupError(f"{current.message} Move it aside before restoring a backup over it.")
    for suffix in ("-wal", "-shm"):
        if database.with_name(database.name + suffix).exists():
            raise BackupError(f"{database} is still open in another program; close it and restore again")
    _put_checked_copy(
        backup,
        database,
        partial="restoring",
        what="the restored copy",
        failed=lambda reason: f"could not restore {backup}: {reason}; the database was not changed",
        prepare=lambda copy: _record_restore(copy, summary, previous, kept_as, clock),
    )
    return RestoreResult(database, summary, previous, tuple(removed))


def _record_restore(
    copy: Path,
    summary: BackupSummary,
    previous: BackupInfo | None,
    kept_as: Path | None,
    clock: Callable[[], datetime],
) -> None:
    """Bring the copy's schema to head and add the restore to its audit trail (then checkpoint it)."""
    restored = open_database(sqlite_url(copy), clock=clock)
    try:
        with restored.unit_of_work() as uow:
            uow.audit.record(
                AuditAction.RESTORE,
                "database",
                "",
                {
                    "backup": [None, summary.info.path.name],
                    "backup_taken_at": [None, summary.info.taken_at.isoformat()],
                    "replaced_database_saved_as": [None, previous.path.name if previous else None],
                    "damaged_database_kept_as": [None, kept_as.name if kept_as else None],
                },
            )
            uow.commit()
    finally:
        restored.close()
    checkpoint(copy)


# ---- helpers ----------------------------------------------------------------------------------------------------


def backup_info(path: Path) -> BackupInfo:
    """Name, time (from a name we gave, else the file time), kind and size of a backup file."""
    stat = path.stat()
    match = _NAME.match(path.name)
    label = None
    taken_at = datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None, microsecond=0)
    if match:
        taken_at = datetime.strptime(match["stamp"], _STAMP)
        label = BackupLabel(match["label"]) if match["label"] in BackupLabel._value2member_map_ else None
    return BackupInfo(path, taken_at, label, stat.st_size)


def _taking_order(info: BackupInfo) -> tuple[datetime, int, str]:
    """Backups in the order they were taken: by time, then the counter of those of the same second (-2, -3 …)."""
    match = _NAME.match(info.path.name)
    return info.taken_at, int(match["n"]) if match and match["n"] else 1, info.path.name


def _put_checked_copy(
    source: Path,
    destination: Path,
    *,
    partial: str,
    what: str,
    failed: Callable[[str], str],
    prepare: Callable[[Path], None] | None = None,
) -> None:
    """put_checked_copy through the hidden temporary file `.<destination name>.<partial>-<pid>`, its failures told
    as BackupError: `what` names the copy in a failed check, `failed` words an error's reason."""
    temporary = free_temporary_name(destination, partial)
    try:
        check = put_checked_copy(source, destination, temporary, prepare)
    except FileOrSQLiteError as error:
        raise BackupError(failed(describe_file_error(error))) from error
    if check.state != FileState.OK:
        raise BackupError(f"{what} failed its check: {check.detail or check.state.value}")
