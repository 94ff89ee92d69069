"""File › Synchronize… worked as a person does: the server's address typed, the preview showing the counts and
conflicts the engine gives, each conflict chosen field by field (or keep deleted / keep edited), Synchronize only
once all are chosen, Cancel writing nothing, failures said in words, and the status bar before and after. The
engine is a double with the real engine's calls (desktop.ui.sync.engine.SyncEngine)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import make_active
from modal_answerer import ModalAnswerer
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import PermissionDeniedError
from desktop.domain.records import Facility
from desktop.domain.sync import (
    FieldDifference,
    KindCounts,
    RecordConflict,
    Resolution,
    SyncedKind,
    SyncPreview,
    SyncResult,
    SyncStatus,
)
from desktop.persistence.engine import sqlite_file
from desktop.persistence.engine import sqlite_url as make_sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dialogs.record_conflict_dialog import RecordConflictDialog
from desktop.ui.dialogs.sync_preview_dialog import SyncPreviewDialog
from desktop.ui.dialogs.sync_server_dialog import SyncServerDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.sync.actions import SyncActions
from desktop.ui.window_actions import WindowAction

SERVER = "postgresql://analyst@team.example/incidents"
SHOWN = "team.example:5432/incidents"
FINISHED = datetime(2026, 12, 4, 10, 32)
NOTES = FieldDifference("notes", "Notes", "Fence.", "Fence along the east side.", "Fence repaired.")
CITY = FieldDifference("city", "City", "", "Tacoma", "Fife")
EDITED = RecordConflict(SyncedKind.FACILITY, "f-1", "Tacoma field office", (NOTES, CITY))
DELETED = RecordConflict(SyncedKind.INCIDENT, "i-1", "Shots fired at the gate", deleted_by="theirs")
LATE = RecordConflict(SyncedKind.PLAN_ITEM, "p-1", "Replace the fence", deleted_by="mine")
COUNTS = {
    SyncedKind.FACILITY: KindCounts(send_new=1, receive_changed=2, conflicts=1),
    SyncedKind.INCIDENT: KindCounts(send_new=3, send_changed=2, send_deleted=1, receive_new=4, conflicts=1),
    SyncedKind.PLAN_ITEM: KindCounts(receive_deleted=5),
}


class SyncConflictsError(RuntimeError):
    """As the engine's: a conflict without a resolution."""

    def __init__(self, conflicts: tuple[RecordConflict, ...]) -> None:
        self.conflicts = conflicts
        super().__init__(f"{len(conflicts)} conflicts without a resolution")


class FakeEngine:
    """Previews what it is given; `synchronize` records its call, writes one facility into the local database (what
    "received" means to the window) and moves the status; `errors` are raised by the next calls instead."""

    def __init__(self, previews: list[SyncPreview]) -> None:
        self.previews = list(previews)
        self.calls: list[tuple[Database, Database, list[Resolution]]] = []
        self.errors: list[BaseException] = []
        self.synced: tuple[str, datetime, int] | None = None  # server, when, facilities then

    def preview(self, local: Database, server: Database) -> SyncPreview:
        return self.previews.pop(0) if len(self.previews) > 1 else self.previews[0]

    def synchronize(self, local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                    progress: Callable[[int, int], bool] | None = None) -> SyncResult:  # fmt: skip
        self.calls.append((local, server, list(resolutions)))
        if self.errors:
            raise self.errors.pop(0)
        assert progress is not None and progress(1, 2)
        FacilityService(local).create(Facility(name="Received from the team", state="WA"))
        self.synced = (SHOWN, FINISHED, FacilityService(local).count())
        return SyncResult(COUNTS, resolved=len(resolutions), finished_at=FINISHED)

    def status(self, local: Database) -> SyncStatus:
        if self.synced is None:
            return SyncStatus(None, None, 0)
        server, when, facilities = self.synced
        return SyncStatus(server, when, FacilityService(local).count() - facilities)


class Steps(ModalAnswerer):
    """Works each modal dialog as it is shown with the next step (ModalAnswerer over every kind of dialog), all but
    the progress dialogs, which the synchronization closes itself."""

    def __init__(self, qtbot: QtBot, steps: list[Callable[[Any], None]]) -> None:
        super().__init__(qtbot, steps, QDialog, lambda dialog: {"name": dialog.objectName()})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return False if isinstance(watched, QProgressDialog) else super().eventFilter(watched, event)

    @property
    def seen_names(self) -> list[str]:
        return [said["name"] for said in self.seen]


@pytest.fixture
def server_database(tmp_path: Path, sessions: DatabaseSessions) -> Iterator[Database]:
    """What stands for the server's database: the double engine never reads it."""
    database = sessions.open(make_sqlite_url(tmp_path / "server.sqlite3"), lock=False)
    yield database
    sessions.close(database)


@pytest.fixture
def in_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def sync_of(window: MainWindow, engine: FakeEngine, server: Database, opened: list[str]) -> SyncActions:
    assert window.features is not None and window.features.sync is not None
    sync = window.features.sync
    sync.set_engine(engine)
    sync.open_server = lambda url, _ask: opened.append(url) or server  # type: ignore[func-returns-value]
    sync.close_server = lambda _database: None
    return sync


def run(qtbot: QtBot, window: MainWindow, steps: list[Callable[[Any], None]],
        action: WindowAction = WindowAction.SYNCHRONIZE) -> list[str]:  # fmt: skip
    """File › Synchronize… (or `action`) with each dialog worked by the next step; the dialogs' names in order."""
    worker = Steps(qtbot, steps)
    try:
        window.registry[action].trigger()
    finally:
        worker.check()
    return worker.seen_names


def type_address(text: str) -> Callable[[SyncServerDialog], None]:
    def step(dialog: SyncServerDialog) -> None:
        field = QApplication.focusWidget()
        assert field is dialog.address
        field.selectAll()
        QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return)

    return step


def cell(table: Any, row: int, column: int) -> str:
    return str(table.item(row, column).text())


def click(button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press(key: Qt.Key) -> Callable[[QWidget], None]:
    return lambda dialog: QTest.keyClick(QApplication.focusWidget() or dialog, key)


def pick(button: QWidget) -> None:
    """A radio button chosen from the keyboard (Tab to it, Space)."""
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(button, Qt.Key.Key_Space)


def choose_notes_mine_city_theirs(dialog: RecordConflictDialog) -> None:
    assert dialog.apply_button.isEnabled() is False  # both changed both fields: nothing chosen yet
    assert QApplication.focusWidget() is dialog.mine_buttons["notes"]
    pick(dialog.mine_buttons["notes"])
    assert not dialog.apply_button.isEnabled()
    pick(dialog.theirs_buttons["city"])
    assert dialog.apply_button.isEnabled()
    click(dialog.apply_button)


def button_named(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.buttons() if isinstance(b, QPushButton) and b.text().replace("&", "") == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


def test_the_preview_shows_the_engines_counts_and_conflicts_and_each_is_chosen_before_synchronizing(
    qtbot: QtBot, window: MainWindow, server_database: Database, in_utc: None
) -> None:
    engine = FakeEngine([SyncPreview(COUNTS, (EDITED, DELETED), SHOWN)])
    opened: list[str] = []
    sync_of(window, engine, server_database, opened)
    local = window.session.database
    label = window.findChild(QWidget, "sync_label")
    assert label.isVisible() and label.text() == "Never synchronized"
    facilities_before = FacilityService(local).count()

    def preview(dialog: SyncPreviewDialog) -> None:
        counts, conflicts = dialog.counts, dialog.conflicts
        assert [cell(counts, row, 0) for row in range(counts.rowCount())] == ["Facilities", "Incidents", "Plan items",
                                                                               "All"]  # fmt: skip
        headers = [counts.horizontalHeaderItem(c).text() for c in range(counts.columnCount())]
        assert headers == ["Kind", "Send: new", "Send: changed", "Send: deleted", "Receive: new", "Receive: changed",
                           "Receive: deleted", "Conflicts"]  # fmt: skip
        assert [cell(counts, 1, c) for c in range(1, 8)] == ["3", "2", "1", "4", "0", "0", "1"]  # incidents
        assert [cell(counts, 3, c) for c in range(1, 8)] == ["4", "2", "1", "4", "2", "5", "2"]  # all
        assert dialog.summary.text() == "To send: 7 · To receive: 11 · Conflicts: 2"
        rows = [[cell(conflicts, r, c) for c in range(4)] for r in range(conflicts.rowCount())]
        assert rows == [["Facility", "Tacoma field office", "Notes, City", "Not chosen yet"],
                        ["Incident", "Shots fired at the gate", "Edited here, deleted on the server",
                         "Not chosen yet"]]  # fmt: skip
        assert not dialog.sync_button.isEnabled()
        assert dialog.waiting.text() == "Choose for every conflict before synchronizing: 2 left."
        click(dialog.sync_button)  # disabled: nothing happens
        assert dialog.isVisible()
        click(dialog.resolve_button)  # each conflict in turn (the steps below)
        assert [cell(conflicts, r, 3) for r in range(2)] == ["Mine: Notes · Theirs: City", "Keep the edited record"]
        assert dialog.sync_button.isEnabled() and not dialog.waiting.isVisible()
        make_active(qtbot, dialog)  # the window manager gives the activation back
        assert QApplication.focusWidget() is dialog.sync_button
        QTest.keyClick(dialog.sync_button, Qt.Key.Key_Return)

    def deletion(box: QMessageBox) -> None:
        assert "“Shots fired at the gate” was edited here, and deleted on the server" in box.text()
        click(button_named(box, "Keep the edited record"))

    def done(box: QMessageBox) -> None:
        assert box.text() == f"Synchronized with {SHOWN}."
        assert "Sent: 4 new, 2 changed, 1 deleted." in box.informativeText()
        assert "Conflicts resolved: 2." in box.informativeText()
        press(Qt.Key.Key_Return)(box)

    seen = run(qtbot, window, [type_address(SERVER), preview, choose_notes_mine_city_theirs, deletion, done])
    assert seen == ["sync_server_dialog", "sync_preview_dialog", "record_conflict_dialog", "sync_deletion_conflict",
                    "error_box"]  # fmt: skip
    assert opened == [SERVER]
    assert engine.calls == [(local, server_database, [Resolution("f-1", sides={"notes": "mine", "city": "theirs"}),
                                                      Resolution("i-1", keep_deleted=False)])]  # fmt: skip
    path = sqlite_file(local.url)
    assert path is not None and window.settings.sync_server(path) == server_database.url
    facilities = window.record_tabs["facilities"]
    window.show_tab("facilities")
    qtbot.waitUntil(lambda: facilities.model.total_count == facilities_before + 1)  # the table read again
    assert label.text() == f"Last synchronized 2026-12-04 10:32 with {SHOWN} · no changes to send"

    FacilityService(local).create(Facility(name="Noted offline", state="OR"))
    window.session.changed()  # as a save in the window says
    assert label.text() == f"Last synchronized 2026-12-04 10:32 with {SHOWN} · 1 change to send"


def test_synchronize_waits_for_every_choice_and_cancel_writes_nothing(
    qtbot: QtBot, window: MainWindow, server_database: Database
) -> None:
    engine = FakeEngine([SyncPreview(COUNTS, (EDITED, DELETED), SHOWN)])
    sync_of(window, engine, server_database, [])
    local = window.session.database
    facilities = FacilityService(local).count()

    def preview(dialog: SyncPreviewDialog) -> None:
        QTest.keyClick(dialog.resolve_button, Qt.Key.Key_Return)  # the default while conflicts wait: Resolve
        assert [cell(dialog.conflicts, r, 3) for r in range(2)] == ["Mine: Notes · Theirs: City", "Not chosen yet"]
        assert not dialog.sync_button.isEnabled()
        assert dialog.waiting.text() == "Choose for every conflict before synchronizing: 1 left."
        make_active(qtbot, dialog)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # Cancel

    def deletion(box: QMessageBox) -> None:
        QTest.keyClick(box, Qt.Key.Key_Escape)  # the walk stops; nothing chosen for it

    assert run(qtbot, window, [type_address(SERVER), preview, choose_notes_mine_city_theirs, deletion]) == [
        "sync_server_dialog", "sync_preview_dialog", "record_conflict_dialog", "sync_deletion_conflict"]  # fmt: skip
    assert engine.calls == []
    assert FacilityService(local).count() == facilities
    assert window.findChild(QWidget, "sync_label").text() == "Never synchronized"


def test_conflicts_that_appear_meanwhile_show_the_preview_again_with_the_choices_kept(
    qtbot: QtBot, window: MainWindow, server_database: Database
) -> None:
    engine = FakeEngine([SyncPreview(COUNTS, (DELETED,), SHOWN), SyncPreview(COUNTS, (DELETED, LATE), SHOWN)])
    engine.errors.append(SyncConflictsError((LATE,)))
    sync_of(window, engine, server_database, [])

    def first(dialog: SyncPreviewDialog) -> None:
        click(dialog.resolve_button)
        click(dialog.sync_button)

    def again(dialog: SyncPreviewDialog) -> None:
        assert [cell(dialog.conflicts, r, 3) for r in range(2)] == ["Keep it deleted", "Not chosen yet"]
        assert cell(dialog.conflicts, 1, 2) == "Deleted here, edited on the server"
        click(dialog.resolve_button)  # only the new one is asked
        click(dialog.sync_button)

    def keep(text: str) -> Callable[[QMessageBox], None]:
        return lambda box: click(button_named(box, text))

    def new_conflicts(box: QMessageBox) -> None:
        assert box.windowTitle() == "New conflicts" and "Nothing was changed" in box.text()
        box.accept()

    run(qtbot, window, [type_address(SERVER), first, keep("Keep it deleted"), new_conflicts, again,
                        keep("Keep the edited record"), lambda box: box.accept()])  # fmt: skip
    assert [call[2] for call in engine.calls] == [[Resolution("i-1", keep_deleted=True)],
                                                  [Resolution("i-1", keep_deleted=True),
                                                   Resolution("p-1", keep_deleted=False)]]  # fmt: skip


def test_a_refusal_for_the_role_is_said_in_words_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, server_database: Database
) -> None:
    engine = FakeEngine([SyncPreview(COUNTS, (), SHOWN)])
    engine.errors.append(PermissionDeniedError("permission denied for table incidents", "incident_reader"))
    sync_of(window, engine, server_database, [])

    def refused(box: QMessageBox) -> None:
        assert box.windowTitle() == "Synchronization failed"
        assert box.text() == "The server refused this for your role, incident_reader; nothing was changed."
        assert "this database keeps its changes" in box.informativeText()
        assert "Traceback" not in box.informativeText()
        box.accept()

    run(qtbot, window, [type_address(SERVER), lambda dialog: click(dialog.sync_button), refused])
    assert len(engine.calls) == 1
    assert window.findChild(QWidget, "sync_label").text() == "Never synchronized"


def test_a_server_that_cannot_be_reached_is_said_and_its_address_remembered(qtbot: QtBot, window: MainWindow) -> None:
    """The real opening (the session service), on a port where nothing listens."""
    engine = FakeEngine([SyncPreview(COUNTS, (), SHOWN)])
    assert window.features is not None and window.features.sync is not None
    window.features.sync.set_engine(engine)
    address = "postgresql://analyst:secret@127.0.0.1:9/incidents"

    def unreachable(box: QMessageBox) -> None:
        assert box.windowTitle() == "The server cannot be reached"
        assert "127.0.0.1" in box.text() and "secret" not in box.text()
        assert "this database keeps all its changes" in box.informativeText()
        box.accept()

    def refused_typing(dialog: SyncServerDialog) -> None:
        QTest.keyClicks(dialog.address, "sqlite:///elsewhere.db")
        assert not dialog.go_on.isEnabled()
        assert dialog.problem.text().startswith("Not a server address")
        dialog.address.clear()
        type_address(address)(dialog)

    os.environ.pop("PGPASSWORD", None)
    run(qtbot, window, [refused_typing, unreachable])
    assert engine.calls == []
    path = sqlite_file(window.session.database.url)
    assert path is not None
    assert window.settings.sync_server(path) == "postgresql://analyst@127.0.0.1:9/incidents"  # never the password

    def remembered(dialog: SyncServerDialog) -> None:
        assert dialog.address.text() == "postgresql://analyst@127.0.0.1:9/incidents"
        QTest.keyClick(dialog.address, Qt.Key.Key_Escape)

    run(qtbot, window, [remembered])


def test_the_action_says_why_it_is_disabled(window: MainWindow) -> None:
    assert window.features is not None and window.features.sync is not None
    action = window.registry[WindowAction.SYNCHRONIZE]
    assert action in window.menus["file"].actions()
    window.features.sync.set_engine(None)
    assert not action.isEnabled()
    assert action.toolTip() == "Synchronization is not part of this version of Incident Logger"
    assert not window.findChild(QWidget, "sync_label").isVisible()
    window.features.sync.set_engine(FakeEngine([SyncPreview({}, (), SHOWN)]))
    assert action.isEnabled()


class StoppableEngine(FakeEngine):
    """Goes on until told to stop (its progress callback answers False), then gives up as the engine does."""

    def synchronize(self, local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                    progress: Callable[[int, int], bool] | None = None) -> SyncResult:  # fmt: skip
        self.calls.append((local, server, list(resolutions)))
        assert progress is not None
        for step in range(1000):
            if not progress(step, 1000):
                raise RuntimeError("synchronization cancelled")
            time.sleep(0.005)
        raise AssertionError("never told to stop")


def test_cancel_during_the_synchronization_stops_it_and_says_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, server_database: Database
) -> None:
    engine = StoppableEngine([SyncPreview(COUNTS, (), SHOWN)])
    sync_of(window, engine, server_database, [])
    cancelled: list[str] = []

    def cancel_progress() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible() and widget.windowTitle() == "Synchronizing":
                cancelled.append(widget.labelText())
                click(widget.findChild(QPushButton))
                return
        QTimer.singleShot(20, cancel_progress)

    def start(dialog: SyncPreviewDialog) -> None:
        QTimer.singleShot(20, cancel_progress)
        click(dialog.sync_button)

    def stopped(box: QMessageBox) -> None:
        assert box.windowTitle() == "Synchronization stopped"
        assert "the next synchronization goes on from where this one stopped" in box.informativeText()
        box.accept()

    run(qtbot, window, [type_address(SERVER), start, stopped])
    assert cancelled == [f"Synchronizing with {SHOWN}…"]
    assert len(engine.calls) == 1
