"""The Export dialog's profiles as a person uses them: "For spreadsheets" first (the legal history written beside
the file, said in the dialog and the status bar), the choice remembered for the next export, an Excel workbook
chosen by the file name; and the Import dialog telling that it reads the legal history file too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import forms_fixtures as ff
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from test_csv_dialogs import activate, read_rows

from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions
from desktop.services.csv.files import export_file
from desktop.services.csv.sheet import Profile
from desktop.services.session.service import DatabaseSessions
from desktop.ui.csv_actions import CsvActions
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings, settings_file

ROUND_TRIP = "Round trip (for scripts and other databases)"


class Window:
    def __init__(self, qtbot: QtBot, session: Session, folder: Path) -> None:
        self.qtbot = qtbot
        self.settings = WindowSettings(settings_file(folder))
        self.window = QMainWindow()
        self.window.resize(900, 700)
        qtbot.addWidget(self.window)
        self.actions = CsvActions(self.window, session, lambda _table: None, default_directory=folder,
                                  settings=self.settings)  # fmt: skip
        self.window.addActions([self.actions.export_action, self.actions.import_action])
        self.window.show()
        activate(qtbot, self.window)

    def _press(self, key: Qt.Key) -> None:
        activate(self.qtbot, self.window)
        self.qtbot.keyClick(self.window, key, Qt.KeyboardModifier.ControlModifier)

    def export_dialog(self) -> ExportDialog:
        self._press(Qt.Key.Key_E)
        self.qtbot.waitUntil(lambda: self.actions.export_dialog is not None and self.actions.export_dialog.isVisible())
        assert self.actions.export_dialog is not None
        activate(self.qtbot, self.actions.export_dialog)
        return self.actions.export_dialog

    def import_dialog(self) -> ImportDialog:
        self._press(Qt.Key.Key_I)
        self.qtbot.waitUntil(lambda: self.actions.import_dialog is not None and self.actions.import_dialog.isVisible())
        assert self.actions.import_dialog is not None
        activate(self.qtbot, self.actions.import_dialog)
        return self.actions.import_dialog

    def status(self) -> str:
        return self.window.statusBar().currentMessage()


@pytest.fixture
def made(qtbot: QtBot, demo_database: Database, tmp_path: Path, sessions: DatabaseSessions) -> Iterator[Window]:
    window = Window(qtbot, Session(demo_database, sessions), tmp_path)
    yield window
    for dialog in (window.actions.export_dialog, window.actions.import_dialog):
        if dialog is not None:
            dialog.close()


def test_spreadsheets_first_with_the_legal_history_beside(made: Window, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = made.export_dialog()
    assert dialog.profile_combo.currentText() == "For spreadsheets (readable)"
    assert dialog.bom_check.isChecked() and not dialog.bom_check.isEnabled()
    target = tmp_path / "memo.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    assert dialog.files_label.text() == "Writes memo.csv and memo-legal-history.csv (CSV)."
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "exported" in made.status())
    assert made.status() == f"3 incidents exported to {target}, their legal history to memo-legal-history.csv"
    assert {r["City"] for r in read_rows(target)} == {"Tacoma", "San Antonio", ""}
    assert len(read_rows(tmp_path / "memo-legal-history.csv")) == 8
    assert made.settings.export_profile() == "spreadsheet"


def test_the_round_trip_choice_is_remembered(made: Window, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = made.export_dialog()
    ff.choose(qtbot, dialog.profile_combo, ROUND_TRIP)
    assert dialog.bom_check.isEnabled() and not dialog.bom_check.isChecked()
    assert "(uuid)" in dialog.columns_list.item(0).text()
    target = tmp_path / "machine.csv"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    assert dialog.files_label.text() == "Writes machine.csv (CSV)."
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists)
    assert "status_history" in read_rows(target)[0]
    qtbot.waitUntil(lambda: made.actions.export_dialog is None)

    again = made.export_dialog()
    assert again.profile_combo.currentText() == ROUND_TRIP
    made.settings.sync()
    assert "profile=roundtrip" in (tmp_path / "settings.ini").read_text()


def test_an_excel_workbook_by_its_file_name(made: Window, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = made.export_dialog()
    target = tmp_path / "memo.xlsx"
    ff.type_into(qtbot, dialog.path_edit, str(target))
    assert dialog.files_label.text() == "Writes memo.xlsx (an Excel workbook)."
    made.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    with target.open("rb") as file:
        book = load_workbook(file)
    assert book.sheetnames == ["Incidents", "Legal history", "README"]
    assert book["Incidents"].freeze_panes == "A2"


def test_import_says_it_reads_the_legal_history_too(made: Window, demo_database: Database, tmp_path: Path,
                                                    qtbot: QtBot) -> None:  # fmt: skip
    export_file(demo_database, tmp_path / "memo.csv", ExportOptions(profile=Profile.SPREADSHEET))
    export_file(demo_database, tmp_path / "memo.zip", ExportOptions(profile=Profile.SPREADSHEET))
    dialog = made.import_dialog()
    ff.type_into(qtbot, dialog.path_edit, str(tmp_path / "memo.csv"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "columns matched" in dialog.status_label.text())
    assert dialog.status_label.text().endswith("The legal history is read from memo-legal-history.csv.")
    made.qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.status_label.text().startswith("Dry run, nothing written: 3 rows: 0 new, 0 updated, 3 unchanged")
    assert "Legal history read from" in dialog.report_view.toPlainText()

    activate(qtbot, dialog)  # active again after the progress dialog
    ff.type_into(qtbot, dialog.path_edit, str(tmp_path / "memo.zip"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "columns matched" in dialog.status_label.text())
    assert dialog.status_label.text().endswith("The legal history is read from memo-legal-history.csv.")
    assert dialog.mapping()[:2] == ("case_number", "title")
