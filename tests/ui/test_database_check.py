"""The background checks of the window: a damaged page that opening does not read is found after the first page is
shown, without blocking the window, and told in a banner; a sound file shows none; an unclean shutdown selects the
full integrity_check; the weekly full check runs when it is due and nobody uses the window; File › Check database
now runs it on demand."""

from __future__ import annotations

import re
import shutil
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from bench.generate import generate
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.instance_lock import LockOwner, lock_path
from desktop.persistence.integrity import FileState, Scan, check_database_file
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up
from desktop.services.health import BackgroundCheck, CheckReason, CheckResult
from desktop.services.session.service import DatabaseSessions
from desktop.ui.backup_actions import RestoreDialog
from desktop.ui.database_check import DatabaseChecks
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import WindowSettings
from desktop.ui.window_actions import WindowAction

ROWS = 3000
OLD_ROWS = 300  # the incidents of the lowest ids are made the oldest: never on the first page (newest first)


def leaf_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of `table`'s b-tree from left (lowest rowids) to right."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
                                  (table,)).fetchall()  # fmt: skip
        return [row[0] for row in rows]
    finally:
        connection.close()


def damage_page(path: Path, page: int) -> None:
    """Overwrite the cell pointers and the start of the cells of one page (not the file header) with garbage."""
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size + 8)
        file.write(b"\xa5\x5a" * (page_size // 4))


@pytest.fixture
def damaged_file(tmp_path: Path) -> Path:
    """A 3,000-incident database, sound but for one leaf page of the incidents table, in its middle-left: opening
    (the header, the schema and the first leaf of every table) and the window's first page never read it."""
    path = tmp_path / "data" / "incidents.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    generate(path, ROWS, analyze=False)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE incidents SET occurred_on = '1990-01-01' WHERE id <= ?", (OLD_ROWS,))
    connection.commit()
    connection.close()
    open_database(sqlite_url(path)).close()  # its first opening (the chain's id and key) done, checkpointed
    (tmp_path / "sound").mkdir()
    shutil.copyfile(path, tmp_path / "sound" / path.name)  # a copy of it before the damage (to back up)
    leaves = leaf_pages(path, "incidents")
    assert len(leaves) > 100
    damage_page(path, leaves[5])  # rows around id 40: old, never shown first
    assert check_database_file(path).state == FileState.DAMAGED  # what quick_check finds
    return path


class HeldCheck(BackgroundCheck):
    """A check that waits for `release` before it reads anything: whatever the window does meanwhile, it does
    without the check's result."""

    release = threading.Event()

    def _run(self) -> None:
        self.release.wait(60)
        super()._run()


@pytest.fixture
def opened(sessions: DatabaseSessions) -> Iterator[Callable[[Path], Database]]:
    """`opened(path)`: the database opened the app's way (instance lock, file check), closed at teardown."""
    databases: list[Database] = []

    def open_(path: Path) -> Database:
        database = sessions.open(sqlite_url(path))
        databases.append(database)
        return database

    yield open_
    for database in databases:
        sessions.close(database)


def checks_of(window: MainWindow) -> DatabaseChecks:
    assert window.features is not None
    return window.features.checks


def results(qtbot: QtBot, checks: DatabaseChecks, count: int = 1) -> list[CheckResult]:
    qtbot.waitUntil(lambda: len(checks.results) >= count, timeout=30_000)
    return checks.results


def test_a_damaged_page_is_told_in_a_banner_after_the_window_answered(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    damaged_file: Path,
) -> None:  # fmt: skip
    database = opened(damaged_file)  # opening does not read the whole file: it opens
    window = make_window(database, qsettings, show=False)
    checks = checks_of(window)
    checks.make_check = HeldCheck
    HeldCheck.release.clear()
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: checks.current is not None and checks.current.running)
    model = window.record_tabs["incidents"].model
    assert model.rowCount() == ROWS  # the first page was read and shown
    assert all(model.record_at(row) is not None for row in range(50))
    ticked: list[bool] = []
    QTimer.singleShot(10, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True])  # the event loop runs while the check is under way
    window.registry[WindowAction.FIND].trigger()
    search = QApplication.focusWidget()
    assert isinstance(search, QLineEdit)
    qtbot.keyClicks(search, "zz")
    assert search.text() == "zz"  # typing is handled
    assert checks.results == [] and not checks.banner.isVisible()
    HeldCheck.release.set()
    (result,) = results(qtbot, checks)
    assert (result.reason, result.scan, result.damaged) == (CheckReason.START, Scan.QUICK, True)
    qtbot.waitUntil(checks.banner.isVisible)
    text = checks.banner.text.text()
    # SQLite's words, which name the damaged page ("On tree page N …" or "Page N: free space corruption", as the
    # damaged bytes fall in the page's cells or its free space)
    assert re.match(rf"The quick check found damage in {re.escape(damaged_file.name)} \((On tree page|Page) \d+", text)
    assert text.endswith("): restore a backup, or copy your records out, before more is lost.")
    assert checks.banner.restore_button.isVisible()
    tables_top = window.tabs.mapTo(window.centralWidget(), window.tabs.rect().topLeft()).y()
    assert checks.banner.geometry().bottom() <= tables_top  # a bar above the tables
    qtbot.mouseClick(checks.banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not checks.banner.isVisible()
    assert window.isVisible()


def test_restore_in_the_banner_restores_a_backup_and_keeps_the_damaged_file(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    damaged_file: Path, app_paths: AppPaths,
) -> None:  # fmt: skip
    good = back_up(damaged_file.parent.parent / "sound" / damaged_file.name, app_paths.backup_dir, BackupLabel.AUTO)
    window = make_window(opened(damaged_file), qsettings)
    checks = checks_of(window)
    results(qtbot, checks)
    qtbot.waitUntil(checks.banner.isVisible)
    damaged_bytes = damaged_file.read_bytes()
    qtbot.mouseClick(checks.banner.restore_button, Qt.MouseButton.LeftButton)  # the File menu's restore flow
    assert window.features is not None
    actions = window.features.backups
    qtbot.waitUntil(lambda: isinstance(actions.current_dialog, RestoreDialog) and actions.current_dialog.isVisible())
    dialog = actions.current_dialog
    assert isinstance(dialog, RestoreDialog) and dialog.table.item(0, 3).text() == good.path.name
    with qtbot.waitSignal(actions.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert damaged_file.with_name("incidents.sqlite3.damaged").read_bytes() == damaged_bytes  # kept beside it
    assert check_database_file(damaged_file).state == FileState.OK
    assert not checks.banner.isVisible()  # what it said is past; the restored file is checked again
    latest = results(qtbot, checks, 2)[-1]
    assert latest.sound and window.record_tabs["incidents"].model.rowCount() == ROWS
    box = actions.current_dialog
    if isinstance(box, QMessageBox):
        box.close()


def test_a_sound_database_shows_no_banner(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    demo_database: Database,
) -> None:  # fmt: skip
    path = sqlite_file(demo_database.url)
    assert path is not None
    demo_database.close()
    window = make_window(opened(path), qsettings)
    checks = checks_of(window)
    (result,) = results(qtbot, checks)
    assert (result.reason, result.scan, result.sound) == (CheckReason.START, Scan.QUICK, True)
    qtbot.wait(50)
    assert not checks.banner.isVisible()


def test_after_an_unclean_shutdown_the_check_is_the_full_integrity_check(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    demo_database: Database, sessions: DatabaseSessions,
) -> None:  # fmt: skip
    path = sqlite_file(demo_database.url)
    assert path is not None
    demo_database.close()
    crashed = LockOwner(2**22 + 12345, socket.gethostname(), "2024-03-01 11:00:00 UTC")  # no such process
    lock_path(path).write_text(crashed.render(), encoding="utf-8")  # as a killed program leaves it
    database = opened(path)
    assert sessions.closed_uncleanly(database)
    window = make_window(database, qsettings)
    checks = checks_of(window)
    (result,) = results(qtbot, checks)
    assert (result.reason, result.scan, result.sound) == (CheckReason.UNCLEAN, Scan.FULL, True)
    assert WindowSettings(qsettings).last_full_check(path) == result.finished_at  # counts as the weekly one


def test_the_weekly_full_check_runs_when_due_and_idle(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    demo_database: Database, clock: FakeClock,
) -> None:  # fmt: skip
    path = sqlite_file(demo_database.url)
    assert path is not None
    demo_database.close()
    window = make_window(opened(path), qsettings)
    checks = checks_of(window)
    results(qtbot, checks)  # the quick check of the start
    seconds = [1000.0]
    checks.monotonic = lambda: seconds[0]
    checks.idle_seconds = 120
    checks.note_input()
    settings = WindowSettings(qsettings)
    assert settings.last_full_check(path) is None  # never: due
    assert not checks.tick()  # but the window was used just now
    seconds[0] += 119
    assert not checks.tick()
    seconds[0] += 1
    assert checks.tick()
    first = results(qtbot, checks, 2)[-1]
    assert (first.reason, first.scan, first.sound) == (CheckReason.SCHEDULED, Scan.FULL, True)
    assert settings.last_full_check(path) == first.finished_at == clock.now
    seconds[0] += 3600
    clock.advance(timedelta(days=6, hours=23))
    assert not checks.tick()  # idle, but the last full check is not a week old
    clock.advance(timedelta(hours=1))
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert not checks.tick()  # due, but a key was pressed just now
    seconds[0] += 120
    assert checks.tick()
    second = results(qtbot, checks, 3)[-1]
    assert second.reason == CheckReason.SCHEDULED and settings.last_full_check(path) == clock.now


def test_check_database_now_runs_the_full_check_in_the_background(
    qtbot: QtBot, make_window: Callable[..., MainWindow], opened: Callable[[Path], Database], qsettings: QSettings,
    damaged_file: Path,
) -> None:  # fmt: skip
    window = make_window(opened(damaged_file), qsettings)
    checks = checks_of(window)
    results(qtbot, checks)
    qtbot.waitUntil(checks.banner.isVisible)
    qtbot.mouseClick(checks.banner.dismiss_button, Qt.MouseButton.LeftButton)
    action = window.registry[WindowAction.CHECK_DATABASE]
    assert action.text().replace("&", "") == "Check database now"
    file_menu = window.findChild(QMenu, "file_menu")
    assert file_menu is not None and action in file_menu.actions()
    action.trigger()
    latest = results(qtbot, checks, 2)[-1]
    assert (latest.reason, latest.scan, latest.damaged) == (CheckReason.ON_DEMAND, Scan.FULL, True)
    qtbot.waitUntil(checks.banner.isVisible)
    assert checks.banner.text.text().startswith("The full integrity check found damage")
    assert WindowSettings(qsettings).last_full_check(damaged_file) is None  # a damaged file is no checked one
