"""Export CSV and Import CSV driven as a person does: shortcuts, clicks, typing, combo boxes, Space on checkable
columns, Preview, Import, Cancel in the progress dialog; then the file and the database are checked."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QListWidget,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from support.exports import export_entries
from support.synthetic_incidents import populate

from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.format import MASK
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.csv_actions import CsvActions
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.session import Session

TACOMA = "Northwest Detention Center, Tacoma"
SUSPECT = "Jonathan Q. Suspectson"


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show `window` active, as a window manager would once it appears (offscreen, nobody else does)."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def tick(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a check box's or radio button's indicator (a click beyond its text would miss it)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


class Harness:
    """A main window with CsvActions on it, as the main window wires them (the filters are the tabs')."""

    def __init__(self, qtbot: QtBot, session: Session, folder: Path) -> None:
        self.qtbot = qtbot
        self.database = session.database
        self.filters: dict[str, object | None] = {"incidents": None, "facilities": None, "plan_items": None}
        self.changed: list[RecordKind] = []  # what the session told changed (the views refresh on it)
        session.records_changed.connect(self.changed.append)
        self.window = QMainWindow()
        self.window.setObjectName("test_window")
        self.window.resize(900, 700)
        qtbot.addWidget(self.window)
        self.actions = CsvActions(self.window, session, self.filters.get, default_directory=folder)
        self.window.addActions([self.actions.export_action, self.actions.import_action])
        self.errors: list[str] = []
        self.actions.failed.connect(self.errors.append)
        self.window.show()
        activate(qtbot, self.window)

    def press(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.window, key, Qt.KeyboardModifier.ControlModifier)

    def export_dialog(self) -> ExportDialog:
        self.press(Qt.Key.Key_E)
        self.qtbot.waitUntil(lambda: self.actions.export_dialog is not None and self.actions.export_dialog.isVisible())
        dialog = self.actions.export_dialog
        assert dialog is not None
        activate(self.qtbot, dialog)
        return dialog

    def import_dialog(self) -> ImportDialog:
        self.press(Qt.Key.Key_I)
        self.qtbot.waitUntil(lambda: self.actions.import_dialog is not None and self.actions.import_dialog.isVisible())
        dialog = self.actions.import_dialog
        assert dialog is not None
        activate(self.qtbot, dialog)
        return dialog

    def click(self, button: QPushButton) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def harness(qtbot: QtBot, demo_database: Database, tmp_path: Path, sessions: DatabaseSessions) -> Iterator[Harness]:
    service = IncidentService(demo_database)
    florida = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(florida, suspect_names=SUSPECT))
    made = Harness(qtbot, Session(demo_database, sessions), tmp_path)
    yield made
    for dialog in (made.actions.export_dialog, made.actions.import_dialog):
        if dialog is not None:
            dialog.close()


def toggle_column(qtbot: QtBot, columns: QListWidget, key: str) -> None:
    """Click the column's row, then press Space (which ticks or unticks a checkable row)."""
    row = next(i for i in range(columns.count()) if columns.item(i).text().endswith(f"({key})")
               or f"({key})  –" in columns.item(i).text())  # fmt: skip
    rect = columns.visualItemRect(columns.item(row))
    qtbot.mouseClick(columns.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(columns, Qt.Key.Key_Space)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def audit_count(database: Database) -> int:
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return uow.session.scalar(select(func.count()).select_from(AuditRow)) or 0


def click_cancel_when_progress_shows(qtbot: QtBot) -> list[bool]:
    """Press Cancel in the progress dialog as soon as it appears."""
    clicked: list[bool] = []

    def press() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        dialogs += [w for top in QApplication.topLevelWidgets() for w in top.findChildren(QProgressDialog)
                    if w.isVisible()]  # fmt: skip
        if not dialogs:
            QTimer.singleShot(5, press)
            return
        qtbot.mouseClick(dialogs[0].findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.append(True)

    QTimer.singleShot(0, press)
    return clicked


def test_export_the_view_with_chosen_columns_and_masked_names(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    harness.filters["incidents"] = IncidentFilter(states=("TX", "FL"))
    dialog = harness.export_dialog()
    assert dialog.view_rows.isChecked() and "states=TX,FL" in dialog.filter_label.text()

    ff.choose(qtbot, dialog.profile_combo, "Round trip (for scripts and other databases)")
    harness.click(dialog.no_columns)
    assert not dialog.export_button.isEnabled()
    ff.choose(qtbot, dialog.redaction_combo, "Mask them")  # with "Leave them out" names cannot be ticked
    for key in ("title", "suspect_names", "severity_label"):
        toggle_column(qtbot, dialog.columns_list, key)
    tick(qtbot, dialog.bom_check)
    target = tmp_path / "shared.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    harness.click(dialog.export_button)

    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"\xef\xbb\xbftitle,severity_label,suspect_names\r\n")
    rows = read_rows(target)
    assert {r["title"] for r in rows} == {"Shots fired overnight at the windows of the ICE office",
                                          "Molotov cocktail thrown at the USCIS office; the fuse failed"}  # fmt: skip
    assert sorted(r["suspect_names"] for r in rows) == ["", MASK] and SUSPECT not in target.read_text("utf-8")
    assert harness.window.statusBar().currentMessage() == f"2 incidents exported to {target}"


def test_export_all_rows_leaves_sensitive_columns_out_by_default(
    harness: Harness, tmp_path: Path, qtbot: QtBot
) -> None:
    harness.filters["incidents"] = IncidentFilter(states=("WA",))
    dialog = harness.export_dialog()
    tick(qtbot, dialog.all_rows)
    assert dialog.redaction_combo.currentText() == "Leave them out"
    ff.choose(qtbot, dialog.profile_combo, "Round trip (for scripts and other databases)")
    target = tmp_path / "all.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # Enter presses the default button, Export

    qtbot.waitUntil(target.exists)
    rows = read_rows(target)
    assert len(rows) == 3 and "suspect_names" not in rows[0] and "weapons" in rows[0]


def test_including_sensitive_fields_asks_first_and_is_audited(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = harness.export_dialog()
    ff.choose(qtbot, dialog.profile_combo, "Round trip (for scripts and other databases)")  # the file's keys
    ff.choose(qtbot, dialog.redaction_combo, "Include them")
    ff.answer_sensitive_question(qtbot, dialog, include=False)
    assert dialog.redaction_combo.currentText() == "Leave them out"  # Cancel keeps it redacted
    kept_out = tmp_path / "kept-out.csv"
    ff.type_into(qtbot, dialog.path_edit, str(kept_out))
    harness.click(dialog.export_button)
    qtbot.waitUntil(kept_out.exists)
    assert SUSPECT not in kept_out.read_text("utf-8") and "suspect_names" not in read_rows(kept_out)[0]

    activate(qtbot, harness.window)  # back in the window, as the window manager gives it after the dialog
    dialog = harness.export_dialog()
    ff.choose(qtbot, dialog.profile_combo, "Round trip (for scripts and other databases)")
    ff.choose(qtbot, dialog.redaction_combo, "Mask them")
    ff.choose(qtbot, dialog.redaction_combo, "Include them")
    ff.answer_sensitive_question(qtbot, dialog, include=False)
    assert dialog.redaction_combo.currentText() == "Mask them"  # back to the redacted choice made before
    ff.choose(qtbot, dialog.redaction_combo, "Include them")
    ff.answer_sensitive_question(qtbot, dialog, include=True)
    assert dialog.redaction_combo.currentText() == "Include them"
    shared = tmp_path / "with-names.csv"
    ff.type_into(qtbot, dialog.path_edit, str(shared))
    harness.click(dialog.export_button)
    qtbot.waitUntil(shared.exists)
    assert SUSPECT in [r["suspect_names"] for r in read_rows(shared)]
    assert export_entries(harness.database) == [("incident", "kept-out.csv", False),
                                                ("incident", "with-names.csv", True)]  # fmt: skip


def test_export_of_facilities_chosen_in_the_dialog(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = harness.export_dialog()
    assert dialog.path_edit.text() == str(tmp_path / "incidents.csv")
    ff.choose(qtbot, dialog.entity_combo, "Plan items")
    assert dialog.path_edit.text() == str(tmp_path / "plan_items.csv")  # the suggestion follows the choice
    target = tmp_path / "sites.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    ff.choose(qtbot, dialog.entity_combo, "Facilities")
    assert dialog.path_edit.text() == str(target)  # ... but a typed path stays
    assert not dialog.view_rows.isEnabled() and not dialog.redaction_combo.isEnabled()
    ff.choose(qtbot, dialog.profile_combo, "Round trip (for scripts and other databases)")
    harness.click(dialog.export_button)
    qtbot.waitUntil(target.exists)
    assert {r["name"] for r in read_rows(target)} >= {TACOMA}
    assert "reassessment_due" in read_rows(target)[0]


def test_cancelling_an_export_writes_no_file(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    populate(harness.database, incidents=12_000, facilities=5, plan_items=0)
    before = audit_count(harness.database)
    dialog = harness.export_dialog()
    target = tmp_path / "big.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    clicked = click_cancel_when_progress_shows(qtbot)
    harness.click(dialog.export_button)

    qtbot.waitUntil(lambda: "cancelled" in harness.window.statusBar().currentMessage())
    assert clicked and not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".partial")] == []
    assert audit_count(harness.database) == before


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def test_import_with_a_changed_mapping_preview_then_import(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    source = write(tmp_path / "from-partner.csv", [
        ["Summary", "Facility", "Severity", "Occurred", "Remarks"],
        ["Fence cut at the north gate", TACOMA, "High", "2024-02", "ignore me"],
        ["Drone over the yard", "Brand new annex", "Low", "2024-02-10", ""],
    ])  # fmt: skip
    before = (IncidentService(harness.database).count(), audit_count(harness.database))
    dialog = harness.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(source))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)  # leaving the field reads the file
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == 5)
    assert dialog.mapping() == (None, "facility_name", "severity", "occurred_day", None)  # a date as people write it

    harness.click(dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report is not None and not dialog.report.accepted
    assert "line 1, column 1: no column is read as title" in dialog.report_view.toPlainText()

    ff.choose(qtbot, dialog.read_as(0), "Title (title)")
    harness.click(dialog.preview_button)
    qtbot.waitUntil(lambda: "no facility is named 'Brand new annex'" in dialog.report_view.toPlainText())
    assert "line 3, column 2 (Facility)" in dialog.report_view.toPlainText()

    tick(qtbot, dialog.create_facilities)
    harness.click(dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Dry run, nothing written: 2 rows: 2 new"))
    assert (IncidentService(harness.database).count(), audit_count(harness.database)) == before

    harness.click(dialog.import_button)
    qtbot.waitUntil(lambda: harness.changed == [RecordKind.FACILITY, RecordKind.INCIDENT])  # one annex created
    qtbot.waitUntil(lambda: harness.actions.import_dialog is None)  # closed (and deleted) after the import
    titles = {i.title: i for i in IncidentService(harness.database).page()}
    assert titles["Fence cut at the north gate"].facility_name == TACOMA
    assert titles["Drone over the yard"].facility_name == "Brand new annex"
    assert str(titles["Fence cut at the north gate"].occurred) == "2024-02"
    assert "Imported 2 rows: 2 new" in harness.window.statusBar().currentMessage()


def test_a_file_that_cannot_be_read_says_why(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    broken = tmp_path / "utf16.csv"
    broken.write_bytes("title\r\nx\r\n".encode("utf-16"))
    dialog = harness.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(broken))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.status_label.text())
    assert "UTF-16" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled() and not dialog.preview_button.isEnabled()


def test_cancelling_an_import_writes_nothing(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    source = write(tmp_path / "many.csv", [["title", "facility_name"], *[[f"Row {n}", TACOMA] for n in range(1500)]])
    before = (IncidentService(harness.database).count(), audit_count(harness.database))
    dialog = harness.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(source))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    clicked = click_cancel_when_progress_shows(qtbot)
    harness.click(dialog.import_button)

    qtbot.waitUntil(lambda: dialog.report is not None)
    assert clicked and dialog.report is not None and dialog.report.cancelled
    assert dialog.status_label.text() == "Import cancelled; nothing was written."
    assert dialog.isVisible() and harness.changed == []
    assert (IncidentService(harness.database).count(), audit_count(harness.database)) == before


def test_encoding_and_delimiter_can_be_overridden(harness: Harness, tmp_path: Path, qtbot: QtBot) -> None:
    source = tmp_path / "semi.csv"
    source.write_bytes("title;facility_name\r\nCafé;Tacoma\r\n".encode("cp1252"))
    dialog = harness.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(source))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == 2)
    assert (dialog.encoding_combo.currentText(), dialog.delimiter_combo.currentText()) == ("Windows-1252",
                                                                                           "Semicolon")  # fmt: skip
    ff.choose(qtbot, dialog.delimiter_combo, "Comma")
    assert dialog.mapping_table.rowCount() == 1 and isinstance(dialog.read_as(0), QComboBox)
    assert dialog.read_as(0).currentText() == "(ignore)"  # "title;facility_name" names no column


def test_the_actions_their_shortcuts_and_no_open_database(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.error_dialogs.show_box",
                        lambda _parent, _icon, _title, text, _details: shown.append(text))  # fmt: skip
    actions = CsvActions(window, Session(None, DatabaseSessions(None)), lambda _entity: None)
    assert (actions.export_action.text(), actions.export_action.shortcut().toString()) == ("&Export CSV…", "Ctrl+E")
    assert (actions.import_action.text(), actions.import_action.shortcut().toString()) == ("&Import CSV…", "Ctrl+I")
    for action in (actions.export_action, actions.import_action):
        with qtbot.waitSignal(actions.failed) as failed:
            action.trigger()
        assert failed.args == ["No database is open."]
    assert shown == ["No database is open."] * 2
    assert actions.export_dialog is None and actions.import_dialog is None


def test_an_unwritable_target_is_reported(harness: Harness, tmp_path: Path, qtbot: QtBot,
                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr("desktop.ui.error_dialogs.show_box",
                        lambda _parent, _icon, _title, text, details: shown.append(f"{text} {details}"))  # fmt: skip
    dialog = harness.export_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(tmp_path / "no-such-folder" / "x.csv"))
    harness.click(dialog.export_button)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("A file could not be used.") and "No such file or directory" in shown[0]
    assert harness.errors and not (tmp_path / "no-such-folder").exists()
