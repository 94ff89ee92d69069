"""Fixtures for the main window tests: app paths and settings in tmp_path, a window on a database with a fixed
"today", and a way to work a modal dialog that a key press opens (its exec() blocks the test's call)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop import paths
from desktop.app import build_main_window
from desktop.paths import AppPaths
from desktop.persistence.unit_of_work import Database
from desktop.services.session import DatabaseSessions
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session

TODAY = date(2019, 9, 20)  # the demo plan item (due 2019-09-26) is due this week
MODAL_TIMEOUT_MS = 5000


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return paths.init(tmp_path / "data")


@pytest.fixture
def sessions(app_paths: AppPaths, clock: FakeClock) -> DatabaseSessions:
    """The session service of the window tests, as the app has it: backups go to the app's backup folder (the
    fixtures' own databases are opened without the lock, so they are not backed up on closing)."""
    return DatabaseSessions(app_paths.backup_dir, clock=clock)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def qsettings(qapp: QApplication, settings_path: Path) -> Iterator[QSettings]:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    yield settings
    settings.sync()


class Today:
    """A settable "today" for the window (plan deadlines, reassessments)."""

    def __init__(self, day: date = TODAY) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def today() -> Today:
    return Today()


@pytest.fixture
def make_window(
    qtbot: QtBot, app_paths: AppPaths, today: Today, sessions: DatabaseSessions
) -> Iterator[Callable[..., MainWindow]]:
    """`make_window(database, settings)`: a shown, active MainWindow on a Session of `database` (opened through
    `sessions`, which also opens what the window switches to); closed at teardown, and any database it switched
    to is closed too."""
    made: list[tuple[MainWindow, Database]] = []

    def make(database: Database, settings: QSettings, *, show: bool = True) -> MainWindow:
        window = build_main_window(Session(database, sessions), app_paths, settings, today=today)
        qtbot.addWidget(window)
        made.append((window, database))
        if show:
            with qtbot.waitExposed(window):
                window.show()
            with qtbot.waitActive(window):
                window.activateWindow()
        return window

    yield make
    for window, first in made:
        current = window.session.database
        window.close()
        if current is not first:
            sessions.close(current)


@pytest.fixture
def window(make_window: Callable[..., MainWindow], demo_database: Database, qsettings: QSettings) -> MainWindow:
    """The main window on the demo data (3 facilities, 3 incidents, 1 plan item)."""
    return make_window(demo_database, qsettings)


def work_modal(qtbot: QtBot, trigger: Callable[[], None], interact: Callable[[QWidget], None],
               kind: type[QWidget] = QWidget) -> None:  # fmt: skip
    """Call `trigger` (which opens a modal dialog and blocks in its exec()), and meanwhile `interact` with the
    dialog. If `interact` fails, the dialog is closed so that the test does not hang, and the error raised."""
    failures: list[BaseException] = []
    waited = [0]

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            waited[0] += 20
            if waited[0] < MODAL_TIMEOUT_MS:
                QTimer.singleShot(20, step)
            return
        try:
            make_active(qtbot, dialog)
            interact(dialog)
        except BaseException as error:
            failures.append(error)
            forget = getattr(dialog, "forget_changes", None)
            if callable(forget):
                forget()
            if dialog.isVisible():
                dialog.close()

    before = QApplication.activeWindow()
    QTimer.singleShot(0, step)
    trigger()
    if before is not None and before.isVisible():
        make_active(qtbot, before)  # as the window manager gives the activation back
    if failures:
        raise failures[0]
    assert waited[0] < MODAL_TIMEOUT_MS, "no modal dialog opened"


def make_active(qtbot: QtBot, window: QWidget) -> None:
    """Activate `window` and wait until Qt reports it active (offscreen, activation arrives a little later)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def click_header(qtbot: QtBot, header: QHeaderView, logical: int) -> None:
    """Click the middle of a column's header section."""
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
