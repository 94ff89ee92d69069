"""File > Back up now… and Restore from backup… driven as a person would, then the files and the database checked;
and the History view opened for a record."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot
from support.clock import FakeClock

from desktop.domain.enums import AuditAction
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Facility
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file
from desktop.persistence.instance_lock import InstanceLock
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history, verify_chain
from desktop.services.backup import BackupLabel, back_up, list_backups, verify_backup
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.backup_actions import BackupActions, RestoreDialog
from desktop.ui.dialogs.history_dialog import HistoryDialog
from desktop.ui.session import Session


@dataclass
class Setup:
    window: QMainWindow
    actions: BackupActions
    session: Session
    database: Database
    paths: AppPaths
    restored_calls: list[RecordKind]  # the kinds the session told changed

    @property
    def database_path(self) -> Path:
        path = sqlite_file(self.database.url)
        assert path is not None
        return path


@pytest.fixture
def setup(demo_database: Database, tmp_path: Path, qtbot: QtBot, sessions: DatabaseSessions) -> Iterator[Setup]:
    window = QMainWindow()
    qtbot.addWidget(window)
    paths = AppPaths(tmp_path, tmp_path / "config", tmp_path / "backups")
    calls: list[RecordKind] = []
    session = Session(demo_database, sessions)
    session.records_changed.connect(calls.append)
    actions = BackupActions(window, session, paths)
    window.menuBar().addMenu("&File").addActions([actions.backup_action, actions.restore_action])
    window.show()
    qtbot.waitExposed(window)
    yield Setup(window, actions, session, demo_database, paths, calls)
    if actions.current_dialog is not None:
        actions.current_dialog.close()


def type_file_name(dialog: QFileDialog, qtbot: QtBot, name: str) -> None:
    """Click into the file name field, replace what is there by `name` (in the folder the dialog shows) and
    press Return."""
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    qtbot.mouseClick(name_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name_edit, name)
    qtbot.waitUntil(lambda: name_edit.text() == name)
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)


def current(setup: Setup, qtbot: QtBot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(setup.actions.current_dialog, kind) and setup.actions.current_dialog.isVisible())
    return setup.actions.current_dialog


def dismiss(box: QMessageBox, qtbot: QtBot) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def facility_names(database: Database) -> set[str]:
    return {f.name for f in FacilityService(database).page()}


def test_actions_are_named_for_the_file_menu(setup: Setup) -> None:
    assert setup.actions.backup_action.text() == "&Back up now…"
    assert setup.actions.restore_action.text() == "&Restore from backup…"


@pytest.mark.posix_only
def test_back_up_now_writes_a_verified_owner_only_file(setup: Setup, qtbot: QtBot) -> None:
    setup.actions.backup_action.trigger()
    dialog = current(setup, qtbot, QFileDialog)
    assert isinstance(dialog, QFileDialog)
    suggested = Path(dialog.selectedFiles()[0])
    assert suggested.parent == setup.paths.backup_dir and suggested.name.endswith("-manual.sqlite3")
    target = setup.paths.backup_dir / "before-travel.sqlite3"
    with qtbot.waitSignal(setup.actions.backed_up) as signal:
        type_file_name(dialog, qtbot, target.name)
    assert signal.args == [str(target)]
    box = current(setup, qtbot, QMessageBox)
    assert isinstance(box, QMessageBox) and box.objectName() == "backup_done"
    assert str(target) in box.text() and "3 incidents" in box.text()
    dismiss(box, qtbot)
    assert target.stat().st_mode & 0o777 == 0o600
    summary = verify_backup(target)
    assert summary.ok and (summary.facilities, summary.incidents, summary.plan_items) == (3, 3, 3)
    assert sorted(p.name for p in target.parent.iterdir()) == ["before-travel.sqlite3"]  # nothing else left
    assert setup.window.statusBar().currentMessage() == f"Backup written to {target}"


def test_failed_backup_is_told_and_leaves_nothing(setup: Setup, qtbot: QtBot, tmp_path: Path) -> None:
    with qtbot.waitSignal(setup.actions.failed) as signal:
        setup.actions.back_up_to(setup.database_path)  # the database itself: refused
    assert "The backup was not written" in signal.args[0]
    box = current(setup, qtbot, QMessageBox)
    assert isinstance(box, QMessageBox) and box.objectName() == "backup_error"
    dismiss(box, qtbot)
    assert facility_names(setup.database) == {f.name for f in FacilityService(setup.database).page()}
    assert verify_chain(setup.database).ok


def test_restore_from_backup_brings_back_the_data_and_keeps_the_current(
    setup: Setup, qtbot: QtBot, clock: FakeClock
) -> None:
    older = back_up(setup.database_path, setup.paths.backup_dir, BackupLabel.AUTO, now=clock())
    clock.advance(days=1)
    FacilityService(setup.database).create(Facility(name="Added after the backup"))
    setup.actions.restore_action.trigger()
    dialog = current(setup, qtbot, RestoreDialog)
    assert isinstance(dialog, RestoreDialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == older.path.name
    assert dialog.details.text().startswith("Checked: intact") and "3 incidents" in dialog.details.text()
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(setup.actions.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert setup.restored_calls == list(RecordKind)  # every kind: the views read everything again
    box = current(setup, qtbot, QMessageBox)
    assert isinstance(box, QMessageBox) and box.objectName() == "restore_done"
    assert "The data you had was saved as" in box.text()
    dismiss(box, qtbot)
    # The same Database object goes on working, on the restored data.
    assert "Added after the backup" not in facility_names(setup.database)
    kept = [b for b in list_backups(setup.paths.backup_dir) if b.label == BackupLabel.BEFORE_RESTORE]
    assert len(kept) == 1
    assert verify_backup(kept[0].path).facilities == 4  # nothing was lost
    assert verify_chain(setup.database).ok
    restores = [e for e in history(setup.database, "") if e.action == AuditAction.RESTORE]
    assert len(restores) == 1 and restores[0].changes["backup"] == (None, older.path.name)
    FacilityService(setup.database).create(Facility(name="Saved after the restore"))
    assert "Saved after the restore" in facility_names(setup.database)


def test_damaged_backup_cannot_be_chosen(setup: Setup, qtbot: QtBot) -> None:
    setup.paths.backup_dir.mkdir(exist_ok=True)
    broken = setup.paths.backup_dir / "incidents-20240301-120000-auto.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(10_000))
    setup.actions.restore_action.trigger()
    dialog = current(setup, qtbot, RestoreDialog)
    assert isinstance(dialog, RestoreDialog)
    assert dialog.details.text().startswith("This backup cannot be used:") and "damaged" in dialog.details.text()
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert setup.restored_calls == []


def test_other_file_can_be_restored(setup: Setup, qtbot: QtBot, clock: FakeClock) -> None:
    older = back_up(setup.database_path, setup.paths.backup_dir, BackupLabel.MANUAL, now=clock())
    copied = older.path.with_name("copy from the laptop.sqlite3")  # not named as the app names backups
    older.path.rename(copied)
    IncidentService(setup.database).delete(IncidentService(setup.database).page()[0].uuid)
    setup.actions.restore_action.trigger()
    dialog = current(setup, qtbot, RestoreDialog)
    assert isinstance(dialog, RestoreDialog) and dialog.table.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QFileDialog, "other_backup_file_dialog") is not None)
    chooser = dialog.findChild(QFileDialog, "other_backup_file_dialog")
    assert chooser is not None
    type_file_name(chooser, qtbot, copied.name)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "other file"
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(setup.actions.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert IncidentService(setup.database).count() == 3


HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from desktop.persistence.instance_lock import InstanceLock\n"
    "with InstanceLock(Path(sys.argv[1])):\n"
    "    print('locked', flush=True)\n"
    "    sys.stdin.read()\n"
)


def test_restore_is_refused_while_another_window_has_the_database(setup: Setup, qtbot: QtBot, clock: FakeClock) -> None:
    older = back_up(setup.database_path, setup.paths.backup_dir, BackupLabel.AUTO, now=clock())
    FacilityService(setup.database).create(Facility(name="Keep me"))
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(setup.database_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert other.stdout is not None and other.stdout.readline() == "locked\n"
        with qtbot.waitSignal(setup.actions.failed) as signal:
            setup.actions.restore(older.path)
        assert f"process {other.pid}" in signal.args[0] and "Close it there" in signal.args[0]
    finally:
        assert other.stdin is not None and other.stdout is not None
        other.stdin.close()
        other.wait(timeout=30)
        other.stdout.close()
    assert "Keep me" in facility_names(setup.database)
    assert setup.restored_calls == []


def test_restore_while_this_window_holds_the_lock(setup: Setup, qtbot: QtBot, clock: FakeClock) -> None:
    older = back_up(setup.database_path, setup.paths.backup_dir, BackupLabel.AUTO, now=clock())
    FacilityService(setup.database).create(Facility(name="Gone after the restore"))
    with InstanceLock(setup.database_path), qtbot.waitSignal(setup.actions.restored):
        setup.actions.restore(older.path)
    assert "Gone after the restore" not in facility_names(setup.database)


def test_server_database_is_told_to_use_its_own_tools(setup: Setup, qtbot: QtBot) -> None:
    class ServerDatabase:
        url = "postgresql+psycopg://analyst@db.example/incidents"

    setup.session._database = ServerDatabase()  # type: ignore[assignment]
    setup.actions.backup_action.trigger()
    box = current(setup, qtbot, QMessageBox)
    assert isinstance(box, QMessageBox) and "server's own tools" in box.text()
    dismiss(box, qtbot)


def test_show_history_opens_the_records_history(setup: Setup, qtbot: QtBot) -> None:
    service = IncidentService(setup.database)
    incident = service.page()[0]
    service.update(replace(incident, title="Renamed incident"))
    setup.actions.show_history("incident", incident.uuid)
    dialog = current(setup, qtbot, HistoryDialog)
    assert isinstance(dialog, HistoryDialog)
    assert dialog.windowTitle() == "History of incident Renamed incident"
    titles = [
        (dialog.model.data(dialog.model.index(r, 4)), dialog.model.data(dialog.model.index(r, 5)))
        for r in range(dialog.model.rowCount())
        if dialog.model.data(dialog.model.index(r, 3)) == "Title"
    ]
    assert titles[-1] == (incident.title, "Renamed incident")
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
