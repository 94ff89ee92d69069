"""Backups: verified copies (owner-only, nothing partial on failure), listing, rotation, backup on close,
and restore (current database saved first, damaged one moved aside only on request, audited)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.lookup import reopen

from desktop.domain.enums import AuditAction
from desktop.domain.records import Facility
from desktop.persistence import sqlite_files
from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.integrity import FileState, check_database_file, read_only_connection
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.backup import (
    BackupError,
    BackupInfo,
    BackupLabel,
    RotationPolicy,
    back_up,
    back_up_to,
    backups_to_keep,
    list_backups,
    move_aside,
    newest_good_backup,
    restore_backup,
    rotate_backups,
    verify_backup,
)
from desktop.services.records import FacilityService
from desktop.services.session.service import automatic_backup


def db_path(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def fingerprint(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


def facility_names(path: Path) -> set[str]:
    connection = read_only_connection(path)  # leaves no -wal/-shm beside a closed file
    try:
        return {row[0] for row in connection.execute("SELECT name FROM facilities")}
    finally:
        connection.close()


@pytest.mark.posix_only
def test_backup_is_verified_owner_only_and_complete(demo_database: Database, tmp_path: Path, clock: FakeClock) -> None:
    # Saved through the app and still in the -wal file: the backup must include it.
    FacilityService(demo_database).create(Facility(name="Written just now"))
    backups = tmp_path / "backups"
    taken = back_up(db_path(demo_database), backups, BackupLabel.MANUAL, now=clock())
    assert taken.path.name == "incidents-20240301-120000-manual.sqlite3"
    assert (taken.label, taken.taken_at) == (BackupLabel.MANUAL, datetime(2024, 3, 1, 12, 0, 0))
    assert taken.path.stat().st_mode & 0o777 == 0o600
    summary = verify_backup(taken.path)
    assert summary.ok
    assert (summary.facilities, summary.incidents, summary.plan_items) == (4, 3, 3)
    assert "Written just now" in facility_names(taken.path)
    assert sorted(p.name for p in backups.iterdir()) == [taken.path.name]  # no temporary file left
    again = back_up(db_path(demo_database), backups, BackupLabel.MANUAL, now=clock())
    assert again.path.name == "incidents-20240301-120000-2-manual.sqlite3"  # same second: a new name


def test_failed_backup_leaves_nothing_and_says_why(
    demo_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = sqlite_files.copy_database

    def copy_until_the_disk_is_full(source: Path, destination: Path) -> None:
        copy(source, destination)  # a complete file exists...
        raise sqlite3.OperationalError("database or disk is full")  # ...but the copy failed

    monkeypatch.setattr(sqlite_files, "copy_database", copy_until_the_disk_is_full)
    backups = tmp_path / "backups"
    with pytest.raises(BackupError, match="the disk is full"):
        back_up(db_path(demo_database), backups, BackupLabel.MANUAL)
    assert list(backups.iterdir()) == []


def test_backup_of_a_damaged_database_fails_its_check(demo_database: Database, tmp_path: Path) -> None:
    path = db_path(demo_database)
    demo_database.close()
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'incidents'").fetchone()
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 64)
    destination = tmp_path / "elsewhere.sqlite3"
    with pytest.raises(BackupError, match=r"failed its check|malformed"):
        back_up_to(path, destination)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".elsewhere", "elsewhere"))) == []


def test_backup_onto_the_database_itself_is_refused(demo_database: Database) -> None:
    path = db_path(demo_database)
    before = facility_names(path)
    with pytest.raises(BackupError, match="the database itself"):
        back_up_to(path, path)
    assert facility_names(path) == before


def test_list_backups_newest_first_of_one_database(tmp_path: Path) -> None:
    for name in (
        "incidents-20240301-120000-auto.sqlite3",
        "incidents-20240302-090000-manual.sqlite3",
        "incidents-20240302-090000-2-manual.sqlite3",
        "other-20240305-120000-auto.sqlite3",
        "notes.txt",
        ".incidents-20240306-120000-auto.sqlite3.partial-12",
    ):
        (tmp_path / name).write_bytes(b"x")
    names = [b.path.name for b in list_backups(tmp_path, tmp_path / "incidents.sqlite3")]
    assert names == [  # the second of the same second (-2) was taken after the first
        "incidents-20240302-090000-2-manual.sqlite3",
        "incidents-20240302-090000-manual.sqlite3",
        "incidents-20240301-120000-auto.sqlite3",
    ]
    assert len(list_backups(tmp_path)) == 4
    assert list_backups(tmp_path / "absent") == []


def test_newest_good_backup_skips_damaged_ones(demo_database: Database, tmp_path: Path, clock: FakeClock) -> None:
    backups = tmp_path / "backups"
    good = back_up(db_path(demo_database), backups, BackupLabel.AUTO, now=clock())
    broken = backups / "incidents-20240302-120000-auto.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    assert [b.path for b in list_backups(backups)] == [broken, good.path]
    found = newest_good_backup(backups, db_path(demo_database))
    assert found is not None and found.info.path == good.path
    assert verify_backup(broken).check.state == FileState.DAMAGED


def fake_backups(folder: Path, moments: list[datetime], label: str = "auto") -> list[BackupInfo]:
    folder.mkdir(exist_ok=True)
    made = []
    for moment in moments:
        path = folder / f"incidents-{moment:%Y%m%d-%H%M%S}-{label}.sqlite3"
        path.write_bytes(b"x")
        made.append(BackupInfo(path, moment, BackupLabel(label), 1))
    return made


def test_rotation_keeps_7_daily_4_weekly_6_monthly(tmp_path: Path) -> None:
    last = datetime(2024, 3, 31, 18, 0)  # a Sunday
    moments = [last - timedelta(days=d) for d in range(70)] + [last - timedelta(days=1, hours=5)]
    fake_backups(tmp_path, moments)
    handmade = fake_backups(tmp_path, [datetime(2023, 1, 1, 9, 0)], "manual")
    before_migration = fake_backups(tmp_path, [datetime(2023, 6, 1, 9, 0)], "before-migration")
    removed = rotate_backups(tmp_path, tmp_path / "incidents.sqlite3", RotationPolicy())
    kept = {b.taken_at for b in list_backups(tmp_path) if b.label == BackupLabel.AUTO}
    daily = {datetime(2024, 3, day, 18, 0) for day in range(25, 32)}
    weekly = {datetime(2024, 3, day, 18, 0) for day in (24, 17, 10)}  # ISO weeks 12, 11, 10 (13: 31 March)
    monthly = {datetime(2024, 2, 29, 18, 0), datetime(2024, 1, 31, 18, 0)}  # plus March: only 3 months exist
    assert kept == daily | weekly | monthly
    assert len(removed) == len(moments) - len(kept)
    assert handmade[0].path.exists() and before_migration[0].path.exists()  # never rotated


def test_rotation_policy_counts_buckets_with_backups() -> None:
    moments = [datetime(2024, month, 1) for month in range(1, 13)]
    infos = [BackupInfo(Path(f"b{m.month}"), m, BackupLabel.AUTO, 1) for m in moments]
    kept = backups_to_keep(infos, RotationPolicy(daily=1, weekly=1, monthly=3))
    assert kept == {Path("b12"), Path("b11"), Path("b10")}
    assert backups_to_keep([], RotationPolicy()) == set()


def test_automatic_backup_only_when_data_changed(database: Database, tmp_path: Path, clock: FakeClock) -> None:
    backups = tmp_path / "backups"
    assert automatic_backup(database, backups) is None  # nothing ever written
    service = FacilityService(database)
    service.create(Facility(name="First"))
    first = automatic_backup(database, backups)
    assert first is not None and first.label == BackupLabel.AUTO
    clock.advance(hours=1)
    assert automatic_backup(database, backups) is None  # unchanged since that backup
    service.create(Facility(name="Second"))
    second = automatic_backup(database, backups)
    assert second is not None and second.path != first.path
    assert facility_names(second.path) == {"First", "Second"}


def test_automatic_backup_rotates(database: Database, tmp_path: Path, clock: FakeClock) -> None:
    backups = tmp_path / "backups"
    service = FacilityService(database)
    for day in range(12):
        service.create(Facility(name=f"Day {day}"))
        clock.advance(days=1)
        automatic_backup(database, backups, RotationPolicy(daily=3, weekly=0, monthly=0))
    assert [b.taken_at.date() for b in list_backups(backups)] == [date(2024, 3, d) for d in (13, 12, 11)]


@pytest.mark.posix_only
def test_restore_saves_the_current_database_first_and_audits(
    demo_database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    path, backups = db_path(demo_database), tmp_path / "backups"
    old = back_up(path, backups, BackupLabel.MANUAL, now=clock())
    FacilityService(demo_database).create(Facility(name="Added after the backup"))
    demo_database.close()
    clock.advance(hours=2)
    result = restore_backup(old.path, path, backups, clock=clock)
    assert "Added after the backup" not in facility_names(path)
    assert result.previous is not None and result.previous.label == BackupLabel.BEFORE_RESTORE
    assert "Added after the backup" in facility_names(result.previous.path)  # nothing is lost
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []
    restored = reopen(sqlite_url(path), clock=clock)
    try:
        report = verify_chain(restored)
        assert report.ok, report.problems
        with restored.unit_of_work(write=False) as uow:
            assert uow.facilities.count() == 3
        from desktop.services.audit import history

        entries = [e for e in history(restored, "") if e.action == AuditAction.RESTORE]
        assert len(entries) == 1
        assert entries[0].changes["backup"] == (None, old.path.name)
        assert entries[0].changes["replaced_database_saved_as"] == (None, result.previous.path.name)
        assert entries[0].at == clock()
    finally:
        restored.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(demo_database: Database, tmp_path: Path) -> None:
    path = db_path(demo_database)
    demo_database.close()
    broken = tmp_path / "incidents-20240101-000000-manual.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = fingerprint(path)
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_backup(broken, path, tmp_path / "backups")
    assert fingerprint(path) == before
    assert not (tmp_path / "backups").exists() or list((tmp_path / "backups").iterdir()) == []


def test_damaged_database_is_moved_aside_only_on_request(
    demo_database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    path, backups = db_path(demo_database), tmp_path / "backups"
    good = back_up(path, backups, BackupLabel.AUTO, now=clock())
    demo_database.close()
    path.write_bytes(b"SQLite format 3\x00" + b"garbage" * 1000)
    damaged_bytes = path.read_bytes()
    with pytest.raises(BackupError, match="Move it aside"):
        restore_backup(good.path, path, backups)
    assert path.read_bytes() == damaged_bytes  # untouched without consent
    kept = move_aside(path)
    assert kept.name == "incidents.sqlite3.damaged" and kept.read_bytes() == damaged_bytes
    result = restore_backup(good.path, path, backups, kept_as=kept, clock=clock)
    assert result.previous is None
    assert check_database_file(path).state == FileState.OK
    assert len(facility_names(path)) == 3
    path.write_bytes(b"SQLite format 3\x00garbage again")
    assert move_aside(path).name == "incidents.sqlite3.damaged-2"  # the first one is kept too


def test_restore_of_an_older_schema_backup_brings_it_to_head(tmp_path: Path, clock: FakeClock) -> None:
    from alembic import command

    from desktop.persistence.engine import create_database_engine
    from desktop.persistence.schema import alembic_config, head_revision

    old = tmp_path / "incidents-20230101-000000-manual.sqlite3"
    engine = create_database_engine(sqlite_url(old))
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    target = tmp_path / "data" / "incidents.sqlite3"
    target.parent.mkdir()
    restore_backup(old, target, tmp_path / "backups", clock=clock)
    assert check_database_file(target).revision == head_revision()


def test_failed_restore_leaves_the_database_as_it_was(
    demo_database: Database, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backups = db_path(demo_database), tmp_path / "backups"
    old = back_up(path, backups, BackupLabel.MANUAL, now=clock())
    FacilityService(demo_database).create(Facility(name="Newest"))
    demo_database.close()
    names = facility_names(path)

    def no_space(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(BackupError, match="No space left on device"):
        restore_backup(old.path, path, backups, clock=clock)
    monkeypatch.undo()
    assert facility_names(path) == names
    assert check_database_file(path, thorough=True).state == FileState.OK
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_restore_refuses_while_the_database_is_open_elsewhere(
    demo_database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    path, backups = db_path(demo_database), tmp_path / "backups"
    old = back_up(path, backups, BackupLabel.MANUAL, now=clock())
    with demo_database.engine.connect() as connection:  # another program holding the file open
        connection.exec_driver_sql("SELECT 1 FROM facilities").fetchall()
        names = facility_names(path)
        with pytest.raises(BackupError, match="still open"):
            restore_backup(old.path, path, backups, clock=clock)
        assert facility_names(path) == names
