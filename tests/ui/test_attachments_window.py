"""Attachments from the main window: the edit form the window opens has them (kept when the form is cancelled), and
files dropped on a row of a record table are attached to that row's record, told in the status bar."""

from __future__ import annotations

import hashlib
from pathlib import Path

import forms_fixtures as ff
from conftest import ScriptedDialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_attachments_ui import drop, rows
from test_main_window import FLORIDA, SAN_ANTONIO, incidents_tab, select_title, titles

from desktop.domain.kinds import RecordKind
from desktop.services.attachments import AttachmentService
from desktop.ui.forms.attachments_panel import panel_of
from desktop.ui.main_window import MainWindow


def test_a_file_dropped_on_the_edit_form_is_kept_when_the_form_is_cancelled(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    tab = incidents_tab(window)
    select_title(qtbot, tab, FLORIDA)
    uuid = tab.selected_record().uuid
    video = tmp_path / "lobby camera.webm"
    video.write_bytes(b"\x1aE\xdf\xa3" + bytes(range(256)) * 40)
    seen: list[str] = []

    def drop_then_cancel(form: QWidget) -> None:
        panel = panel_of(form)
        assert panel is not None and panel.isEnabled() and not panel.hint.isVisible()
        assert drop(form, video)
        qtbot.waitUntil(lambda: rows(panel) == ["lobby camera.webm"])
        seen.append(panel.preview.text.text())
        ff.press_escape(qtbot, form)  # nothing typed: closes without a question

    dialogs.then(drop_then_cancel)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs.check()
    assert seen == ["No preview for video/webm; Open shows it in its program."]
    [kept] = AttachmentService(window.session.database).of(RecordKind.INCIDENT, uuid)
    assert kept.sha256 == hashlib.sha256(video.read_bytes()).hexdigest()
    assert not window.undo_stack.canUndo()  # attachments are not an undo step of the record


def test_files_dropped_on_a_table_row_are_attached_to_its_record(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    tab = incidents_tab(window)
    row = titles(tab).index(SAN_ANTONIO)
    uuid = tab.model.record_at(row).uuid
    first, second = tmp_path / "window.txt", tmp_path / "casing.txt"
    first.write_text("broken window, east side\n")
    second.write_text("9 mm casing found by the door\n")
    rect = tab.table.visualRect(tab.model.index(row, 3))
    assert drop(tab.table.viewport(), first, second, at=rect.center())
    service = AttachmentService(window.session.database)
    qtbot.waitUntil(lambda: len(service.of(RecordKind.INCIDENT, uuid)) == 2)
    assert sorted(a.sha256 for a in service.of(RecordKind.INCIDENT, uuid)) == sorted(
        hashlib.sha256(path.read_bytes()).hexdigest() for path in (first, second)
    )
    assert window.statusBar().currentMessage() == "Attached window.txt, casing.txt to the incident."
    assert tab.table.current_row() == row
    assert not drop(tab.table.viewport(), first, at=tab.table.viewport().rect().bottomRight())  # below the rows


def test_a_folder_dropped_on_a_row_is_refused_by_name(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    tab = incidents_tab(window)
    rect = tab.table.visualRect(tab.model.index(0, 3))
    asked: list[str] = []
    ff.answer_next_question(qtbot, "OK", asked)
    assert drop(tab.table.viewport(), tmp_path, at=rect.center())
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked == [f"{tmp_path} is a folder; attach the files in it one by one"]
    assert AttachmentService(window.session.database).all() == []
