"""The window's automatic backup (ui/background_backup.py): taken in the background with its progress in the status
bar while the window keeps answering; closing the window during it returns within about a second, cancels it and
leaves the backup folder as it was; the next start takes it in the background; a quiet minute after changes too."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Today
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop.app import build_main_window
from desktop.domain.records import Facility
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_url
from desktop.persistence.sqlite_files import audit_head
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up, list_backups, verify_backup
from desktop.services.backup_worker import BackupJob
from desktop.services.demo import load_demo
from desktop.services.leftovers import find_leftovers
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.background_backup import BackgroundBackups
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session


@pytest.fixture
def path(app_paths: AppPaths) -> Path:
    return app_paths.data_dir / "incidents.sqlite3"


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups of the demo file (about 70 pages) copied 2 pages a step with 50 ms of rest: about 2 s."""
    monkeypatch.setattr(BackgroundBackups, "pages_per_step", 2)
    monkeypatch.setattr(BackgroundBackups, "throttle", 0.05)


def opened_with_lock(sessions: DatabaseSessions, path: Path) -> Database:
    database = sessions.open(sqlite_url(path))
    assert sessions.holds_lock(database)
    return database


@pytest.fixture
def show_window(
    qtbot: QtBot, app_paths: AppPaths, sessions: DatabaseSessions, qsettings: QSettings, today: Today
) -> Callable[[Database], MainWindow]:
    """A shown window on `database` through the app's own build, which the test closes as the app does."""

    def show(database: Database) -> MainWindow:
        window = build_main_window(Session(database, sessions), app_paths, qsettings, today=today)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        return window

    return show


def backups_of(window: MainWindow) -> BackgroundBackups:
    assert window.features is not None
    return window.features.background_backups


def folder(path: Path) -> list[str]:
    return sorted(os.listdir(path))


def test_closing_during_a_backup_cancels_it_and_the_next_start_takes_it(
    show_window: Callable[[Database], MainWindow], sessions: DatabaseSessions, app_paths: AppPaths, path: Path,
    qsettings: QSettings, clock: FakeClock, qtbot: QtBot, slow: None, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(BackgroundBackups, "start_delay_ms", 3_600_000)  # started by hand below
    database = opened_with_lock(sessions, path)
    load_demo(database)
    back_up(path, app_paths.backup_dir, BackupLabel.MANUAL, now=clock())  # never rotated away
    window = show_window(database)
    FacilityService(database).create(Facility(name="Changed before closing"))
    before = folder(app_paths.backup_dir)
    job = backups_of(window).start_if_due()
    assert job is not None
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    qtbot.waitUntil(lambda: job.progress.done > 0 and backups_of(window).label.text().endswith(" %"), timeout=10_000)
    assert backups_of(window).label.text().startswith("Backing up… ")
    qtbot.wait(300)
    timer.stop()
    assert len(ticks) >= 5 and max(b - a for a, b in itertools.pairwise(ticks)) < 0.25  # answering
    assert job.running and [leftover.alive for leftover in find_leftovers(app_paths.backup_dir)] == [True]

    started = time.perf_counter()
    window.close()
    window.session.close()  # what the app does once the window closed
    took = time.perf_counter() - started
    assert took < 3.0, f"closing took {took:.2f} s"
    assert job.cancelled and not job.running and job.result is None
    assert folder(app_paths.backup_dir) == before  # no temporary file, nothing new under a final name

    monkeypatch.setattr(BackgroundBackups, "start_delay_ms", 50)  # the next start: soon after the first page
    monkeypatch.setattr(BackgroundBackups, "throttle", 0.0)
    clock.advance(hours=1)
    again = opened_with_lock(sessions, path)
    assert sessions.backup_due(again)
    second = show_window(again)
    with qtbot.waitSignal(backups_of(second).finished, timeout=30_000) as ended:
        pass
    finished: BackupJob = ended.args[0]
    taken = finished.result
    assert taken is not None and taken.label == BackupLabel.AUTO
    summary = verify_backup(taken.path)
    assert summary.ok and summary.audit_head == audit_head(path) and summary.facilities == 4
    assert folder(app_paths.backup_dir) == sorted([*before, taken.path.name])
    assert backups_of(second).label.text() == "Last backup just now"
    assert not sessions.backup_due(again)
    second.close()
    second.session.close()


def test_a_quiet_spell_after_changes_backs_up_and_the_age_is_shown(
    show_window: Callable[[Database], MainWindow], sessions: DatabaseSessions, app_paths: AppPaths, path: Path,
    qsettings: QSettings, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(BackgroundBackups, "start_delay_ms", 50)
    monkeypatch.setattr(BackgroundBackups, "idle_ms", 300)
    database = opened_with_lock(sessions, path)
    load_demo(database)
    back_up(path, app_paths.backup_dir, BackupLabel.AUTO, now=clock())
    window = show_window(database)
    backups = backups_of(window)
    qtbot.wait(200)  # the start's look: nothing due
    assert backups.job is None
    clock.advance(minutes=5)
    assert backups.label.text() == "Last backup just now"
    backups.show_age()
    assert backups.label.text() == "Last backup 5 min ago"

    FacilityService(database).create(Facility(name="A change"))
    window.session.changed()
    qtbot.wait(500)  # quiet, but the newest backup is younger than the minimum gap: not yet
    assert backups.job is None and len(list_backups(app_paths.backup_dir)) == 1
    clock.advance(minutes=15)
    window.session.changed()
    with qtbot.waitSignal(backups.finished, timeout=30_000) as ended:
        pass
    taken = ended.args[0].result
    assert taken is not None and verify_backup(taken.path).audit_head == audit_head(path)
    assert backups.label.text() == "Last backup just now"
    window.close()
    window.session.close()
