"""Corrections sent back in the GUI: Import finds the rows edited in the file, shows each record's fields side by
side, and imports the version chosen per record or for all; the database and the audit entry say which won."""

from __future__ import annotations

from pathlib import Path

import forms_fixtures as ff
import test_csv_dialogs
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_csv_conflicts import edited_file
from test_csv_dialogs import Harness

from desktop.domain.enums import AuditAction
from desktop.persistence.models import AuditRow
from desktop.services.csv.export import export_incidents
from desktop.services.records import IncidentService
from desktop.ui.dialogs.import_dialog import ImportDialog

harness = test_csv_dialogs.harness  # the fixture: a main window with the CSV actions on the demo data


def opened_with_conflicts(harness: Harness, qtbot: QtBot, path: Path) -> ImportDialog:
    """Type the file's path, press Import: the check finds the conflicts and waits for a choice."""
    dialog = harness.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    harness.click(dialog.import_button)
    qtbot.waitUntil(dialog.conflict_panel.isVisible)
    return dialog


def import_sides(harness: Harness) -> tuple[object, object]:
    with harness.database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = select(AuditRow.changes).where(AuditRow.action == AuditAction.IMPORT).order_by(AuditRow.id.desc())
        changes = uow.session.scalars(query).first()
    assert changes is not None
    return changes["conflicts_kept_database"][1], changes["conflicts_took_file"][1]


def test_conflicts_are_shown_field_by_field_and_chosen_per_record(
    harness: Harness, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "corrected.csv"
    export_incidents(harness.database, path)
    first, second, edits = edited_file(path)
    service = IncidentService(harness.database)
    before = {i.uuid: i for i in service.page()}

    dialog = opened_with_conflicts(harness, qtbot, path)

    panel = dialog.conflict_panel
    assert panel.records.rowCount() == 2 and "Choose which version to keep" in dialog.status_label.text()
    assert {i.uuid: i for i in service.page()} == before, "nothing imported before the choice"
    qtbot.mouseClick(panel.records.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.records.visualItemRect(panel.records.item(0, 1)).center())  # fmt: skip
    mine, theirs = edits["severity"].split("|")
    shown = [[panel.fields.item(row, column).text() for column in range(3)] for row in range(panel.fields.rowCount())]
    assert shown == [["Severity", mine, theirs]]
    qtbot.mouseClick(panel.records.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.records.visualItemRect(panel.records.item(1, 1)).center())  # fmt: skip
    assert panel.fields.item(0, 0).text() == "Title" and panel.fields.item(0, 2).text() == edits["title"]
    ff.choose(qtbot, panel.choice(1), "Take the file's")

    harness.click(dialog.import_button)
    qtbot.waitUntil(lambda: harness.actions.import_dialog is None)
    assert service.get(second).title == edits["title"]
    assert service.get(first).severity is before[first].severity
    assert import_sides(harness) == (first, second)
    assert "1 kept as in the database, 1 taken from the file" in harness.window.statusBar().currentMessage()


def test_take_all_the_files_versions(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "corrected.csv"
    export_incidents(harness.database, path)
    first, second, edits = edited_file(path)

    dialog = opened_with_conflicts(harness, qtbot, path)
    harness.click(dialog.conflict_panel.take_all)
    harness.click(dialog.import_button)

    qtbot.waitUntil(lambda: harness.actions.import_dialog is None)
    service = IncidentService(harness.database)
    assert service.get(first).severity.label == edits["severity"].split("|")[1]
    assert service.get(second).title == edits["title"]
    assert import_sides(harness) == ("", f"{first}; {second}")
