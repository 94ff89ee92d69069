"""Fixtures for the main window tests: app paths and settings in tmp_path, a window on a database with a fixed
"today", and the window's dialogs worked step by step as they open (their exec() blocks the test's call)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHeaderView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock
from support.pg_server import PostgresServer

from desktop import paths
from desktop.app import build_main_window
from desktop.domain.kinds import Record, RecordKind
from desktop.paths import AppPaths
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import Answer, Question
from desktop.services.session.service import DatabaseSessions
from desktop.ui.background_reads import finish_reads
from desktop.ui.dialogs.new_database_dialog import NewDatabaseDialog
from desktop.ui.forms.base import RecordForm
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.window_dialogs import FormInputs, WindowDialogs

TODAY = date(2019, 9, 20)  # the demo plan item (due 2019-09-26) is due this week
D = TypeVar("D", bound=QWidget | None)


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
    qtbot: QtBot, app_paths: AppPaths, today: Today, sessions: DatabaseSessions, dialogs: ScriptedDialogs
) -> Iterator[Callable[..., MainWindow]]:
    """`make_window(database, settings)`: a shown, active MainWindow on a Session of `database` (opened through
    `sessions`, which also opens what the window switches to); closed at teardown, and any database it switched
    to is closed too."""
    made: list[tuple[MainWindow, Database]] = []

    def make(database: Database, settings: QSettings, *, show: bool = True) -> MainWindow:
        window = build_main_window(Session(database, sessions), app_paths, settings, today=today, dialogs=dialogs)
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
        finish_reads()  # the window's worker reads give their server connections back before a database closes
        if current is not first:
            sessions.close(current)


@pytest.fixture
def window(
    make_window: Callable[..., MainWindow], demo_database: Database, qsettings: QSettings, clock: FakeClock
) -> MainWindow:
    """The main window on the demo data (3 facilities, 3 incidents, 1 plan item). Its database clock stands
    at noon of the computer's day, as in the app: forms date a status change by the computer's calendar
    (today by default) and the services refuse a change after the database clock's day."""
    clock.set(datetime.combine(date.today(), time(12)))
    return make_window(demo_database, qsettings)


class ScriptedDialogs(WindowDialogs):
    """The window's real dialogs, each worked by the next step of `steps` as soon as it runs: the step is put on
    a zero timer when the dialog is made, and fires inside the dialog's own exec() loop (no polling). A failing
    step closes its dialog so the test does not hang; `check()` raises its error and finds unused steps."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.steps: list[Callable[[Any], None]] = []
        self.failures: list[BaseException] = []
        self.return_to: QWidget | None = None

    def then(self, step: Callable[[Any], None]) -> None:
        self.steps.append(step)

    def check(self) -> None:
        """After the call that ran the dialogs: the window they came from is active again (as the window manager
        gives the activation back), a failed step's error is raised, and every step was used."""
        if self.return_to is not None and self.return_to.isVisible():
            make_active(self.qtbot, self.return_to)
        self.return_to = None
        if self.failures:
            raise self.failures[0]
        assert not self.steps, f"{len(self.steps)} dialog step(s) found no dialog to work"

    def form(self, kind: RecordKind, record: Record | None, inputs: FormInputs, parent: QWidget) -> RecordForm:
        return self._worked(super().form(kind, record, inputs, parent))

    def delete_question(self, parent: QWidget | None, record: Record) -> QMessageBox:
        return self._worked(super().delete_question(parent, record))

    def facility_first(self, parent: QWidget | None) -> QMessageBox:
        return self._worked(super().facility_first(parent))

    def cannot_delete(self, parent: QWidget | None, record: Record, reason: str) -> QMessageBox:
        return self._worked(super().cannot_delete(parent, record, reason))

    def new_database(self, parent: QWidget | None, path: Path, can_remember: bool) -> NewDatabaseDialog:
        return self._worked(super().new_database(parent, path, can_remember))

    def answer_when_switching(self, parent: QWidget | None, question: Question) -> Answer:
        self._worked(None)  # the question box is made and run in one call: the step finds it as the modal widget
        return super().answer_when_switching(parent, question)

    def _worked(self, dialog: D) -> D:
        if self.steps:
            step = self.steps.pop(0)
            QTimer.singleShot(0, lambda: self._run(step, dialog))
        return dialog

    def _run(self, step: Callable[[Any], None], dialog: QWidget | None) -> None:
        shown = dialog if dialog is not None else QApplication.activeModalWidget()
        assert shown is not None
        before = QApplication.activeWindow()
        try:
            make_active(self.qtbot, shown)
            step(shown)
        except BaseException as error:
            self.failures.append(error)
            forget = getattr(shown, "forget_changes", None)
            if callable(forget):
                forget()
            if shown.isVisible():
                shown.close()
        if before is not None and before is not shown:
            self.return_to = before


@pytest.fixture
def dialogs(qtbot: QtBot) -> Iterator[ScriptedDialogs]:
    scripted = ScriptedDialogs(qtbot)
    yield scripted
    scripted.check()


def make_active(qtbot: QtBot, window: QWidget) -> None:
    """Activate `window` and wait until Qt reports it active (offscreen, activation arrives a little later)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def click_header(qtbot: QtBot, header: QHeaderView, logical: int) -> None:
    """Click the middle of a column's header section."""
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.fixture
def server_url(postgres_server: PostgresServer, sessions: DatabaseSessions) -> Iterator[str]:
    """A fresh team database, migrated; its URL (trust login: no password asked)."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        sessions.close(sessions.open(url, lock=False))
        yield url
