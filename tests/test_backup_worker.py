"""The automatic backup in the background (services/backup_worker.py): a snapshot copied in steps, checked, renamed
into place and rotated; cancelled between steps with its temporary file removed; a process killed in the middle
leaves no file under a final name, and the next backup removes its temporary file; closing waits at most a second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support.clock import FakeClock

from desktop.domain.records import Facility
from desktop.persistence import backup_copy
from desktop.persistence.backup_copy import CopyStopped, check_copy, copy_in_steps
from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.sqlite_files import audit_head
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupInfo, BackupLabel, back_up, list_backups, verify_backup
from desktop.services.backup_worker import BackupJob, Phase, backup_age, backup_due, finish_or_cancel
from desktop.services.demo import load_demo
from desktop.services.leftovers import find_leftovers
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.background_backup import age_words

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture
def opened(service: DatabaseSessions, tmp_path: Path) -> Database:
    """The demo data in a file opened with its lock, as the window has it (closed by each test)."""
    database = service.open(sqlite_url(tmp_path / "incidents.sqlite3"))
    load_demo(database)
    return database


def path_of(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def folder(path: Path) -> list[str]:
    return sorted(os.listdir(path)) if path.exists() else []


def running(job: BackupJob) -> None:
    """Wait until the job copies (its temporary file exists)."""
    deadline = time.monotonic() + 30
    while job.progress.phase != Phase.COPYING or job.progress.done == 0:
        assert job.running, f"the job ended first: {job.progress}, {job.error}"
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_cancelled_backup_leaves_the_folder_as_it_was(
    service: DatabaseSessions, opened: Database, backups: Path, clock: FakeClock
) -> None:
    path = path_of(opened)
    back_up(path, backups, BackupLabel.MANUAL, now=clock())
    FacilityService(opened).create(Facility(name="Changed after the backup"))
    before = folder(backups)
    job = service.start_backup(opened, pages_per_step=2, throttle=0.05)
    assert job is not None and service.running_backup(opened) is job
    running(job)
    assert [leftover.alive for leftover in find_leftovers(backups)] == [True]  # its temporary file, of this process
    assert 0 < job.progress.percent < 100 and job.progress.text == f"Backing up… {job.progress.percent} %"
    started = time.perf_counter()
    assert service.close(opened) is None
    assert time.perf_counter() - started < 1.5
    assert job.cancelled and not job.running and job.result is None and job.error is None
    assert folder(backups) == before  # no temporary file, nothing under a final name


def test_a_backup_that_ends_within_the_second_is_kept_on_closing(
    service: DatabaseSessions, opened: Database, backups: Path
) -> None:
    job = service.start_backup(opened, pages_per_step=20, throttle=0.1)  # about 4 steps: 0.4 s
    assert job is not None
    taken = service.close(opened)
    assert taken is not None and taken == job.result and verify_backup(taken.path).ok
    assert [b.path for b in list_backups(backups)] == [taken.path]


def test_the_copy_is_the_snapshot_of_its_start_and_what_changed_meanwhile_is_due_again(
    service: DatabaseSessions, opened: Database, backups: Path
) -> None:
    path = path_of(opened)
    head = audit_head(path)
    job = service.start_backup(opened, pages_per_step=4, throttle=0.02)
    assert job is not None
    running(job)
    FacilityService(opened).create(Facility(name="Saved while the backup ran"))  # the window is never blocked
    assert job.wait(30) and job.result is not None
    summary = verify_backup(job.result.path)
    assert summary.ok and summary.audit_head == head != audit_head(path) and summary.facilities == 3
    assert service.backup_due(opened)
    again = service.start_backup(opened)
    assert again is not None and again.wait(30) and again.result is not None
    assert verify_backup(again.result.path).audit_head == audit_head(path)
    assert not service.backup_due(opened)
    service.close(opened)
    kept = list_backups(backups)  # the rotation keeps the newest of the day, the one taken second (-2)
    assert [b.path for b in kept] == [again.result.path] and not find_leftovers(backups)


def test_cancelling_the_check_removes_the_copy(
    opened: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_copy, "CHECK_OPS", 10)  # the demo file is checked in fewer steps than the default
    copy = copy_in_steps(path_of(opened), tmp_path / ".copy.sqlite3.partial-1", step=lambda done, total: None)
    assert check_copy(copy, stop=lambda: False).state.value == "ok"
    with pytest.raises(CopyStopped):
        check_copy(copy, stop=lambda: True)
    assert not copy.path.exists()


def test_a_stopped_copy_removes_its_file(opened: Database, tmp_path: Path) -> None:
    def stop(done: int, total: int) -> None:
        raise CopyStopped()

    temporary = tmp_path / ".copy.sqlite3.partial-1"
    with pytest.raises(CopyStopped):
        copy_in_steps(path_of(opened), temporary, step=stop, pages_per_step=1)
    assert list(tmp_path.glob(".copy*")) == []


def test_finish_or_cancel_keeps_to_its_budget(opened: Database, backups: Path, clock: FakeClock) -> None:
    job = BackupJob(path_of(opened), backups, now=clock(), pages_per_step=1, throttle=0.5).start()
    started = time.perf_counter()
    assert finish_or_cancel(job, 1.0) is None
    assert time.perf_counter() - started < 1.3 and job.cancelled and folder(backups) == []


KILLED_BACKUP = """
import sys
from datetime import datetime
from pathlib import Path
from desktop.services.backup_worker import BackupJob
BackupJob(Path(sys.argv[1]), Path(sys.argv[2]), now=datetime(2024, 3, 1, 12), pages_per_step=1, throttle=0.2).run()
"""


@pytest.mark.posix_only
def test_a_backup_killed_midway_leaves_no_final_file_and_the_next_one_removes_its_temporary_file(
    service: DatabaseSessions, opened: Database, backups: Path
) -> None:
    path = path_of(opened)
    child = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(path), str(backups)], cwd=REPOSITORY)
    try:
        deadline = time.monotonic() + 60
        while not list(backups.glob(f".*.partial-{child.pid}")):
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(1.0)  # five steps in (of about seventy)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    left = find_leftovers(backups)
    assert [(leftover.pid, leftover.alive) for leftover in left] == [(child.pid, False)]
    assert list_backups(backups) == []  # nothing under a final name
    assert backup_due(path, backups)
    job = service.start_backup(opened)
    assert job is not None and job.wait(30) and job.result is not None
    assert [leftover.path for leftover in job.result.leftovers_removed] == [left[0].path]
    assert folder(backups) == [job.result.path.name] and verify_backup(job.result.path).ok
    service.close(opened)


def test_the_last_backups_age_in_words() -> None:
    now = datetime(2024, 3, 1, 12)

    def info(ago: timedelta) -> BackupInfo:
        return BackupInfo(Path("b.sqlite3"), now - ago, BackupLabel.AUTO, 1)

    def age_text(newest: BackupInfo | None) -> str:  # as the status bar shows it (English: no catalog installed)
        return age_words(backup_age(newest, now))

    assert backup_age(info(timedelta(minutes=5, seconds=59)), now) == ("min", 5)
    assert age_text(None) == "No backup yet"
    assert age_text(info(timedelta(seconds=20))) == "Last backup just now"
    assert age_text(info(timedelta(minutes=5, seconds=59))) == "Last backup 5 min ago"
    assert age_text(info(timedelta(hours=3, minutes=10))) == "Last backup 3 h ago"
    assert age_text(info(timedelta(days=1, hours=2))) == "Last backup 1 day ago"
    assert age_text(info(timedelta(days=9))) == "Last backup 9 days ago"
