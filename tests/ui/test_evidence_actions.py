"""File › Export evidence package… for the selected incident, driven as a person would: the file dialog, the
question about sensitive attachments, the box that tells the result; the ZIP then checked."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.evidence import Attachment, CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.services.attachments import AttachmentService, NewFile
from desktop.ui.dialogs.sensitive_question import QUESTION_NAME
from desktop.ui.evidence_actions import EvidenceActions, suggested_name
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction


def evidence(window: MainWindow) -> EvidenceActions:
    assert window.features is not None
    return window.features.evidence


def attach(window: MainWindow) -> tuple[str, list[Attachment]]:
    """Select the first incident of the table; attach a photo (with a custody entry) and a sensitive statement."""
    window.show_tab("incidents")
    tab = window.record_tabs["incidents"]
    tab.table.selectRow(0)
    incident = tab.selected_record()
    assert incident is not None
    service = AttachmentService(window.session.database)
    added = service.add(RecordKind.INCIDENT, incident.uuid, [
        NewFile.of_bytes("fence.jpg", b"\xff\xd8\xff\xe0" + b"pixels" * 300),
        NewFile.of_bytes("witness-Orla-Finch.txt", b"Orla Finch saw the van", sensitive=True),
    ])  # fmt: skip
    service.add_custody(CustodyEntry(added[0].uuid, "Officer Jane Roe", "Clerk Sam Poe",
                                     PartialDate.of_day(date(2019, 7, 13))))  # fmt: skip
    return incident.uuid, added


def open_dialog(window: MainWindow, qtbot: QtBot, kind: type[QWidget], name: str) -> QWidget:
    actions = evidence(window)
    qtbot.waitUntil(lambda: isinstance(actions.current_dialog, kind) and actions.current_dialog.isVisible())
    dialog = actions.current_dialog
    assert dialog is not None and dialog.objectName() == name
    return dialog


def save_as(dialog: QWidget, qtbot: QtBot, target: Path) -> None:
    assert isinstance(dialog, QFileDialog)
    dialog.setDirectory(str(target.parent))
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.setText(target.name)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(save.isEnabled)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_the_action_is_in_the_file_menu(window: MainWindow) -> None:
    action = window.registry[WindowAction.EXPORT_EVIDENCE]
    assert action is evidence(window).export_package_action
    texts = [a.text().replace("&", "") for a in window.menus["file"].actions()]
    assert texts.index("Export evidence package…") == texts.index("Export briefing (PDF)…") + 1
    assert suggested_name("TAC 2019/0713", "abcdef0123") == "evidence-TAC-2019-0713.zip"
    assert suggested_name("", "abcdef0123") == "evidence-abcdef01.zip"


@pytest.mark.parametrize("include", [False, True])
def test_export_writes_the_package_and_asks_about_sensitive_files(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, include: bool
) -> None:
    uuid, _attached = attach(window)
    target = tmp_path / "case.zip"
    window.registry[WindowAction.EXPORT_EVIDENCE].trigger()
    save_as(open_dialog(window, qtbot, QFileDialog, "evidence_file_dialog"), qtbot, target)
    question = open_dialog(window, qtbot, QMessageBox, QUESTION_NAME)
    assert isinstance(question, QMessageBox) and "the 1 attachment marked sensitive" in question.text()
    with qtbot.waitSignal(evidence(window).exported) as signal:
        if include:
            button = question.findChild(QPushButton, "include_button")
            assert button is not None
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            question.button(QMessageBox.StandardButton.Cancel).click()
    assert signal.args == [str(target), 2 if include else 1]
    done = open_dialog(window, qtbot, QMessageBox, "evidence_done")
    assert isinstance(done, QMessageBox)
    assert str(target) in done.text() and ("included" if include else "1 sensitive attachment withheld") in done.text()
    done.close()
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["incident_uuid"] == uuid and "custody-report.pdf" in archive.namelist()
        for item in manifest["files"]:
            assert hashlib.sha256(archive.read(item["path"])).hexdigest() == item["sha256"]
        names = [f["original_name"] for f in manifest["files"]]
    assert names == (["fence.jpg", "witness-Orla-Finch.txt"] if include else ["fence.jpg"])
    if not include:
        assert b"Orla" not in target.read_bytes()


def test_without_an_incident_selected_it_only_hints(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab("facilities")
    window.registry[WindowAction.EXPORT_EVIDENCE].trigger()
    assert "Select an incident" in window.statusBar().currentMessage()
    assert evidence(window).current_dialog is None


def test_a_damaged_file_is_told_in_a_box_and_nothing_is_written(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from support.raw import sql

    from desktop.persistence.engine import sqlite_file

    _, (photo, _statement) = attach(window)
    path = sqlite_file(window.session.database.url)
    assert path is not None
    sql(path, "UPDATE evidence_chunks SET data = ? WHERE blob_id = (SELECT id FROM evidence_blobs WHERE sha256 = ?)",
        b"\xff\xd8\xff\xe0" + b"PIXELS" * 300, photo.sha256)  # fmt: skip
    target = tmp_path / "broken.zip"
    with qtbot.waitSignal(evidence(window).failed) as signal:
        evidence(window).write(photo.owner_uuid, target, include_sensitive=False)
    assert "fence.jpg is damaged" in signal.args[0]
    box = open_dialog(window, qtbot, QMessageBox, "evidence_error")
    assert isinstance(box, QMessageBox) and "fence.jpg" in box.text()
    box.close()
    assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".broken")] == []
    QApplication.processEvents()
