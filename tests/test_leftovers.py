"""Leftovers of killed runs: temporary names carry the pid; backup, restore, export, report and `check` remove the
files of dead processes (saying so) and leave those of live ones; `restore --list` shows incomplete backups."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.synthetic_incidents import populate

from desktop.cli import main
from desktop.domain.records import Facility
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up, backup_name, list_backups
from desktop.services.csv.export import ExportOptions
from desktop.services.csv.files import export_file
from desktop.services.csv.sheet import Profile
from desktop.services.demo import load_demo
from desktop.services.leftovers import (
    Work,
    clean_leftovers,
    create_temporary_file,
    create_temporary_folder,
    find_leftovers,
    human_size,
    process_alive,
)
from desktop.services.records import FacilityService
from desktop.services.session.service import automatic_backup

SECRET = b"Suspect: Jonathan Q. Marker-Name"


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen(["true"])
    child.wait()
    assert not process_alive(child.pid)
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The pid of a process that runs for the test's duration (not this process)."""
    child = subprocess.Popen(["sleep", "60"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()


def plant(folder: Path, name: str, size: int = 1000, content: bytes = b"") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content + b"\0" * (size - len(content)))
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An app data folder with the default database holding the demo data."""
    folder = tmp_path / "data"
    folder.mkdir()
    database = open_database(f"sqlite+pysqlite:///{folder / 'incidents.sqlite3'}")
    try:
        load_demo(database)
    finally:
        database.close()
    return folder


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


# ---- the module ---------------------------------------------------------------------------------------------------


@pytest.mark.posix_only
def test_temporary_names_carry_the_pid_and_this_process_keeps_them(tmp_path: Path) -> None:
    target = tmp_path / "incidents.csv"
    first = create_temporary_file(target)
    second = create_temporary_file(target)
    folder = create_temporary_folder(tmp_path / "bundle.zip")
    pid = os.getpid()
    assert (first.name, second.name, folder.name) == (
        f".incidents.csv.partial-{pid}",
        f".incidents.csv.partial-{pid}-2",
        f".bundle.zip.parts-{pid}",
    )
    assert first.stat().st_mode & 0o777 == 0o600 and folder.stat().st_mode & 0o777 == 0o700
    found = find_leftovers(tmp_path)
    assert [(f.path.name, f.work, f.alive) for f in found] == [
        (folder.name, Work.EXPORT, True),
        (first.name, Work.EXPORT, True),
        (second.name, Work.EXPORT, True),
    ]
    assert clean_leftovers(tmp_path) == []  # this process's work in progress
    assert first.exists() and second.exists() and folder.exists()


def test_only_a_dead_process_leftovers_are_removed(tmp_path: Path, dead_pid: int, live_pid: int) -> None:
    dead_backup = plant(tmp_path, f".incidents-20240301-120000-manual.sqlite3.partial-{dead_pid}", 3000)
    journal = plant(tmp_path, f"{dead_backup.name}-journal", 500)
    dead_parts = tmp_path / f".export.zip.parts-{dead_pid}"
    plant(dead_parts, "export.csv", 2000, SECRET)
    live = plant(tmp_path, f".incidents-20240301-130000-manual.sqlite3.partial-{live_pid}")
    not_ours = [
        plant(tmp_path, f".notes.txt.partial-{dead_pid}"),  # neither a database nor an export
        plant(tmp_path, f"incidents.csv.partial-{dead_pid}"),  # not hidden
        plant(tmp_path, f".incidents.csv.partial-{dead_pid}x"),
        plant(tmp_path, "incidents-20240301-120000-manual.sqlite3"),
    ]
    told: list[str] = []
    removed = clean_leftovers(tmp_path, told=lambda leftover: told.append(leftover.describe()))
    assert [leftover.path for leftover in removed] == [dead_parts, dead_backup]
    assert removed[1].files == (dead_backup, journal) and removed[1].size == 3500
    assert told == [
        f"an incomplete export left by an interrupted run: {dead_parts.name} (2.0 kB)",
        f"an incomplete backup left by an interrupted run: {dead_backup.name} (3.5 kB)",
    ]
    assert not dead_backup.exists() and not journal.exists() and not dead_parts.exists()
    assert live.exists() and all(path.exists() for path in not_ours)


def test_only_the_asked_work_is_removed(tmp_path: Path, dead_pid: int) -> None:
    backup = plant(tmp_path, f".x.sqlite3.partial-{dead_pid}")
    restore = plant(tmp_path, f".x.sqlite3.restoring-{dead_pid}")
    export = plant(tmp_path, f".x.xlsx.partial-{dead_pid}")
    assert [r.path for r in clean_leftovers(tmp_path, (Work.RESTORE,))] == [restore]
    assert backup.exists() and export.exists()
    odd = plant(tmp_path, f".copy.bak.partial-{dead_pid}")  # `backup --to copy.bak`: found by its target's name
    assert [r.path for r in clean_leftovers(tmp_path, (Work.BACKUP,), targets=("copy.bak",))] == [odd, backup]
    assert export.exists()


def test_sizes_read_as_people_read_them() -> None:
    assert [human_size(n) for n in (1, 999, 12_345, 1_500_000, 58_000_000, 212_000_000, 3_200_000_000)] == [
        "1 byte", "999 bytes", "12 kB", "1.5 MB", "58 MB", "212 MB", "3.2 GB"
    ]  # fmt: skip


# ---- backup and restore -------------------------------------------------------------------------------------------


def test_backup_removes_what_killed_backups_left_and_says_so(
    data_dir: Path, dead_pid: int, live_pid: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = data_dir / "backups"
    dead = plant(backups, f".incidents-20240301-120000-manual.sqlite3.partial-{dead_pid}", 2_100_000)
    live = plant(backups, f".incidents-20240301-120001-manual.sqlite3.partial-{live_pid}")
    assert cli(data_dir, "backup") == 0
    err = capsys.readouterr().err
    assert f"removed an incomplete backup left by an interrupted run: {dead.name} (2.1 MB)" in err
    assert not dead.exists() and live.exists()
    assert len(list_backups(backups)) == 1
    # beside the target of --to as well, for that target's name
    elsewhere = tmp_path / "usb"
    stale = plant(elsewhere, f".copy.sqlite3.partial-{dead_pid}", 5000)
    plant(elsewhere, f"{stale.name}-journal", 10)
    assert cli(data_dir, "backup", "--to", str(elsewhere / "copy.sqlite3")) == 0
    assert f"removed an incomplete backup left by an interrupted run: {stale.name} (5.0 kB)" in capsys.readouterr().err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["copy.sqlite3"]


def test_restore_list_shows_incomplete_backups_and_latest_never_picks_one(
    data_dir: Path, dead_pid: int, live_pid: int, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    database_path = data_dir / "incidents.sqlite3"
    backups = data_dir / "backups"
    good = back_up(database_path, backups, BackupLabel.MANUAL, now=clock())
    database = open_database(f"sqlite+pysqlite:///{database_path}")
    try:
        FacilityService(database).create(Facility(name="Added after the good backup"))
    finally:
        database.close()
    clock.advance(hours=1)
    # a newer, complete-looking copy that was never renamed into place: not a backup
    newer = backups / f".{backup_name(database_path, BackupLabel.MANUAL, clock())}.partial-{dead_pid}"
    shutil.copyfile(database_path, newer)
    running = plant(backups, f".{backup_name(database_path, BackupLabel.AUTO, clock())}.partial-{live_pid}")
    assert cli(data_dir, "restore", "--list") == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{newer}  INCOMPLETE (interrupted backup, not usable)" in out
    assert f"{running}  INCOMPLETE (being written by process {live_pid}, not usable yet)" in out
    assert out[-1] == f"1 backup(s) of {database_path}, and 2 incomplete in {backups}"
    assert newer.exists()  # listing changes nothing

    assert cli(data_dir, "restore", "--latest") == 0
    captured = capsys.readouterr()
    assert f"restored {good.path}" in captured.out
    assert f"removed an incomplete backup left by an interrupted run: {newer.name}" in captured.err
    assert not newer.exists() and running.exists()
    database = open_database(f"sqlite+pysqlite:///{database_path}")
    try:
        assert "Added after the good backup" not in {name for _, name in FacilityService(database).names()}
    finally:
        database.close()


def test_restore_removes_what_a_killed_restore_left_beside_the_database(
    data_dir: Path, dead_pid: int, live_pid: int, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    database_path = data_dir / "incidents.sqlite3"
    good = back_up(database_path, data_dir / "backups", BackupLabel.MANUAL, now=clock())
    stale = plant(data_dir, f".incidents.sqlite3.restoring-{dead_pid}", 40_000)
    sides = [plant(data_dir, f"{stale.name}{side}", 100) for side in ("-wal", "-shm")]
    running = plant(data_dir, f".incidents.sqlite3.restoring-{live_pid}")
    assert cli(data_dir, "restore", str(good.path)) == 0
    err = capsys.readouterr().err
    assert f"removed an incomplete restore left by an interrupted run: {stale.name} (40 kB)" in err
    assert not any(path.exists() for path in (stale, *sides))
    assert running.exists()


def test_the_automatic_backup_on_closing_cleans_too(database: Database, tmp_path: Path, dead_pid: int) -> None:
    """The window's backup on closing (and before a migration, and Back up now) go through back_up_to."""
    FacilityService(database).create(Facility(name="A change to back up"))
    backups = tmp_path / "backups"
    stale = plant(backups, f".incidents-20240301-110000-auto.sqlite3.partial-{dead_pid}", 1234)
    taken = automatic_backup(database, backups)
    assert taken is not None
    assert [leftover.path for leftover in taken.leftovers_removed] == [stale]
    assert not stale.exists()


# ---- check --------------------------------------------------------------------------------------------------------


def test_check_removes_dead_leftovers_beside_the_database_and_in_the_backup_folder(
    data_dir: Path, dead_pid: int, live_pid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    restoring = plant(data_dir, f".incidents.sqlite3.restoring-{dead_pid}", 3_000_000)
    backup = plant(data_dir / "backups", f".incidents-20240301-120000-auto.sqlite3.partial-{dead_pid}", 212_000)
    running = plant(data_dir / "backups", f".incidents-20240301-130000-auto.sqlite3.partial-{live_pid}")
    assert cli(data_dir, "check") == 0  # leftovers are no damage to the database: exit 0
    out = capsys.readouterr().out.splitlines()
    assert f"removed an incomplete restore left by an interrupted run: {restoring} (3.0 MB)" in out
    assert f"removed an incomplete backup left by an interrupted run: {backup} (212 kB)" in out
    assert f"in progress: {running} (1.0 kB) is being written by process {live_pid}; left alone" in out
    assert out[-1] == "ok (2 leftovers of interrupted runs removed)"
    assert not restoring.exists() and not backup.exists() and running.exists()
    assert cli(data_dir, "check") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok"


# ---- export and report --------------------------------------------------------------------------------------------


def test_export_removes_what_killed_exports_left_in_the_target_folder(
    data_dir: Path, tmp_path: Path, dead_pid: int, live_pid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    csv = plant(folder, f".march.csv.partial-{dead_pid}", 58_000, SECRET)
    parts = folder / f".april.zip.parts-{dead_pid}"
    plant(parts, "april.csv", 1000, SECRET)
    pdf = plant(folder, f".briefing.pdf.partial-{dead_pid}", 10)
    running = plant(folder, f".may.xlsx.partial-{live_pid}")
    assert cli(data_dir, "export", "-o", str(folder / "june.csv")) == 0
    err = capsys.readouterr().err
    assert f"removed an incomplete export left by an interrupted run: {csv.name} (58 kB)" in err
    assert f"removed an incomplete export left by an interrupted run: {parts.name} (1.0 kB)" in err
    assert sorted(p.name for p in folder.iterdir()) == [running.name, "june.csv"]
    assert not pdf.exists()


def test_export_removes_the_unnamed_leftovers_of_earlier_versions_once_a_day_old(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Earlier versions wrote through mkstemp names that name no process: removed when a day old."""
    folder = tmp_path / "exports"
    old_csv = plant(folder, ".march.csv.k2j4h5g6.partial", 58_000, SECRET)
    old_pdf = plant(folder, ".briefing-ab12cd34.pdf", 100)
    old_zip = folder / ".export-zz99yy88"
    plant(old_zip, "march.csv", 2000, SECRET)
    recent = plant(folder, ".april.csv.q1w2e3r4.partial", 10)
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (old_csv, old_pdf, old_zip, old_zip / "march.csv"):
        os.utime(path, (two_days_ago, two_days_ago))
    assert cli(data_dir, "export", "-o", str(folder / "june.csv")) == 0
    err = capsys.readouterr().err
    for path, size in ((old_csv, "58 kB"), (old_pdf, "100 bytes"), (old_zip, "2.0 kB")):
        assert f"removed an incomplete export left by an interrupted run: {path.name} ({size})" in err
    assert sorted(p.name for p in folder.iterdir()) == [recent.name, "june.csv"]


def test_a_workbook_is_written_beside_its_target_not_in_the_system_temp_folder(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl writes each sheet to a file before zipping them; a killed run would leave suspect names in the
    system's temp folder, where no later run looks. They go into `.<name>.parts-<pid>/` instead."""
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    target = tmp_path / "out" / "incidents.xlsx"
    target.parent.mkdir()
    seen: list[list[str]] = []

    def progress(_done: int, _total: int) -> bool:
        seen.append(sorted(str(p.relative_to(target.parent)) for p in target.parent.rglob("*")))
        assert list(system_temp.iterdir()) == []
        return True

    populate(database, 2500, facilities=5, plan_items=0)  # past the 1,000 rows held back to fit the widths
    result = export_file(database, target, ExportOptions(profile=Profile.SPREADSHEET), progress)
    assert result.rows == 2500
    pieces = f".incidents.xlsx.parts-{os.getpid()}"
    assert {f".incidents.xlsx.partial-{os.getpid()}", pieces, f"{pieces}/sheet1.xml"} <= set(seen[-1])
    assert sorted(p.name for p in target.parent.iterdir()) == ["incidents.xlsx"]
    assert list(system_temp.iterdir()) == []


def test_report_removes_what_killed_exports_left_in_its_folder(
    data_dir: Path, tmp_path: Path, dead_pid: int, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "briefings"
    stale = plant(folder, f".briefing.pdf.partial-{dead_pid}", 7000)
    assert cli(data_dir, "report", "-o", str(folder / "briefing.pdf")) == 0
    err = capsys.readouterr().err
    assert f"removed an incomplete export left by an interrupted run: {stale.name} (7.0 kB)" in err
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.pdf"]
