"""The window's unredacted exports of an encrypted database, driven key by key: the question (asked once per open
database: Protect with a passphrase (ZIP)…, Write a plain file, Cancel), the passphrase typed twice, and the files
written: a protected ZIP alone in its folder, a plain file, or nothing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import forms_fixtures as ff
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support.protected import CUSTODY, EXPORT_PASSPHRASE, FILE_MARK, SUSPECT, Case, marked_files, protected_entries

from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.services.attachments import AttachmentService
from desktop.services.protected_zip import PLAIN_WARNING
from desktop.services.session.service import DatabaseSessions
from desktop.services.timeline import TimelineService
from desktop.ui.attachments import OpenedCopies, ServiceAttachments
from desktop.ui.csv_actions import CsvActions
from desktop.ui.dialogs.export_passphrase_dialog import ExportPassphraseDialog
from desktop.ui.evidence_actions import EvidenceActions
from desktop.ui.feature_actions import FeatureActions
from desktop.ui.forms.attachments_panel import AttachmentsPanel
from desktop.ui.forms.timeline_panel import TimelinePanel
from desktop.ui.plain_export_question import QUESTION_NAME, Choice, chosen
from desktop.ui.report_actions import ReportActions
from desktop.ui.session import Session


class Window:
    """A main window with the CSV, briefing and evidence actions on one Session of the encrypted database."""

    def __init__(self, qtbot: QtBot, case: Case, sessions: DatabaseSessions, folder: Path) -> None:
        self.qtbot, self.case, self.folder = qtbot, case, folder
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        session = Session(case.database, sessions)
        self.csv = CsvActions(self.window, session, lambda _table: None, default_directory=folder)
        self.report = ReportActions(self.window, session, IncidentFilter, default_directory=folder)
        self.evidence = EvidenceActions(self.window, session, lambda: (RecordKind.INCIDENT, case.incident.uuid),
                                        default_directory=folder)  # fmt: skip
        self.window.addActions([self.csv.export_action])
        self.window.show()
        activate(qtbot, self.window)

    def export_csv(self, name: str, *, include: bool = True) -> None:
        """Ctrl+E, sensitive fields included (agreed to), the file name typed, Enter."""
        activate(self.qtbot, self.window)
        self.qtbot.keyClick(self.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: self.csv.export_dialog is not None and self.csv.export_dialog.isVisible())
        dialog = self.csv.export_dialog
        assert dialog is not None
        activate(self.qtbot, dialog)
        if include:
            ff.choose(self.qtbot, dialog.redaction_combo, "Include them")
            ff.answer_sensitive_question(self.qtbot, dialog, include=True)
            activate(self.qtbot, dialog)
        ff.type_into(self.qtbot, dialog.path_edit, str(self.folder / name))
        self.qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.csv.export_dialog is None)


def activate(qtbot: QtBot, window: QWidget) -> None:
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def current(qtbot: QtBot, actions: FeatureActions, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(actions.current_dialog, kind) and actions.current_dialog.isVisible())
    dialog = actions.current_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    return dialog


def the_question(qtbot: QtBot, actions: FeatureActions) -> QMessageBox:
    box = current(qtbot, actions, QMessageBox)
    assert isinstance(box, QMessageBox) and box.objectName() == QUESTION_NAME
    assert box.text() == PLAIN_WARNING
    assert sorted(b.text() for b in box.buttons()) == ["&Protect with a passphrase (ZIP)…", "Cancel",
                                                        "Write a p&lain file"]  # fmt: skip
    return box


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def type_passphrase(qtbot: QtBot, dialog: ExportPassphraseDialog, first: str, second: str | None = None) -> None:
    """Type into the focused field, Enter (on to the second field), type again, Enter."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.passphrase_edit)
    qtbot.keyClicks(QApplication.focusWidget(), first)
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.repeat_edit and dialog.isVisible()
    qtbot.keyClicks(QApplication.focusWidget(), first if second is None else second)
    press(qtbot, Qt.Key.Key_Return)


@pytest.fixture
def case(tmp_path: Path, sessions: DatabaseSessions) -> Iterator[Case]:
    made = Case(tmp_path / "data", sessions)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def window(qtbot: QtBot, case: Case, sessions: DatabaseSessions, tmp_path: Path) -> Window:
    out = tmp_path / "out"
    out.mkdir()
    return Window(qtbot, case, sessions, out)


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_protect_asks_the_passphrase_twice_and_writes_only_the_zip(qtbot: QtBot, window: Window) -> None:
    window.export_csv("incidents.csv")
    the_question(qtbot, window.csv)
    press(qtbot, Qt.Key.Key_Return)  # Protect…, the default button
    dialog = current(qtbot, window.csv, ExportPassphraseDialog)
    assert isinstance(dialog, ExportPassphraseDialog) and "incidents.csv.zip" in dialog.findChild(
        QWidget, "passphrase_intro").text()  # fmt: skip
    assert dialog.passphrase_edit.echoMode() is dialog.passphrase_edit.EchoMode.Password
    with qtbot.waitSignal(window.csv.exported, timeout=20_000) as exported:
        type_passphrase(qtbot, dialog, EXPORT_PASSPHRASE)
    zipped = window.folder / "incidents.csv.zip"
    assert exported.args == [str(zipped), 63]
    assert files(window.folder) == ["incidents.csv.zip"]
    assert SUSPECT.encode() in protected_entries(zipped)["incidents.csv"]
    assert "protected by a passphrase" in window.window.statusBar().currentMessage()
    assert chosen(window.case.database) is Choice.PROTECT

    window.export_csv("again.csv")  # not asked again: straight to the passphrase; Esc writes nothing
    dialog = current(qtbot, window.csv, ExportPassphraseDialog)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert files(window.folder) == ["incidents.csv.zip"]


def test_write_plain_is_asked_once_per_database_for_every_export(qtbot: QtBot, window: Window) -> None:
    window.export_csv("incidents.csv")
    the_question(qtbot, window.csv)
    with qtbot.waitSignal(window.csv.exported, timeout=20_000):
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Write a plain file
    plain = ["incidents-legal-history.csv", "incidents.csv"]  # the spreadsheet profile's two files
    assert files(window.folder) == plain and chosen(window.case.database) is Choice.PLAIN
    with qtbot.waitSignal(window.csv.exported, timeout=20_000):
        window.export_csv("second.csv")  # no question this time
    assert files(window.folder) == [*plain, "second-legal-history.csv", "second.csv"]
    with qtbot.waitSignal(window.evidence.exported, timeout=20_000):
        window.evidence.write(window.case.incident.uuid, window.folder / "package.zip", include_sensitive=True)
    assert "package.zip" in files(window.folder)  # the evidence package follows the same choice
    window.evidence.current_dialog.close()  # type: ignore[union-attr]  # the box telling the result


def test_cancel_writes_nothing_and_asks_again(qtbot: QtBot, window: Window) -> None:
    window.export_csv("incidents.csv")
    box = the_question(qtbot, window.csv)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert files(window.folder) == [] and chosen(window.case.database) is None
    window.export_csv("incidents.csv")
    the_question(qtbot, window.csv)  # asked again
    press(qtbot, Qt.Key.Key_Return)
    dialog = current(qtbot, window.csv, ExportPassphraseDialog)
    press(qtbot, Qt.Key.Key_Escape)  # cancelling the passphrase writes nothing, and chooses nothing
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert files(window.folder) == [] and chosen(window.case.database) is None


def test_a_redacted_export_asks_nothing(qtbot: QtBot, window: Window) -> None:
    with qtbot.waitSignal(window.csv.exported, timeout=20_000):
        window.export_csv("redacted.csv", include=False)
    assert files(window.folder) == ["redacted-legal-history.csv", "redacted.csv"]
    assert marked_files(window.folder) == []  # the sensitive fields left out: nothing to protect
    assert chosen(window.case.database) is None


def test_the_passphrase_dialog_refuses_short_and_different_passphrases(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportPassphraseDialog(None, tmp_path / "x.csv.zip")
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    type_passphrase(qtbot, dialog, "short")
    assert dialog.isVisible() and not dialog.write_button.isEnabled()
    assert "at least 8 characters" in dialog.problem_label.text()
    dialog.passphrase_edit.setFocus()
    qtbot.keyClicks(dialog.passphrase_edit, " enough now")
    assert dialog.problem_label.text() == "The two passphrases differ."
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.write_button.isEnabled()
    qtbot.keyClicks(dialog.repeat_edit, " enough now")
    assert dialog.write_button.isEnabled() and dialog.problem_label.text() == ""
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.passphrase().reveal() == "short enough now"
    assert dialog.passphrase_edit.text() == dialog.repeat_edit.text() == ""  # not kept in the widgets


def pdf_text(pdf: bytes, folder: Path) -> str:
    (folder / "read.pdf").write_bytes(pdf)
    return subprocess.run(["pdftotext", str(folder / "read.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) missing")
def test_the_briefing_and_the_evidence_package_protected(qtbot: QtBot, window: Window, tmp_path: Path) -> None:
    window.report.export_briefing()
    dialog = window.report.dialog
    assert dialog is not None
    activate(qtbot, dialog)
    box = dialog.include_sensitive
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # its indicator
    ff.answer_sensitive_question(qtbot, dialog, include=True)
    activate(qtbot, dialog)
    ff.type_into(qtbot, dialog.path_edit, str(window.folder / "briefing.pdf"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    the_question(qtbot, window.report)
    press(qtbot, Qt.Key.Key_Return)
    passphrase = current(qtbot, window.report, ExportPassphraseDialog)
    assert isinstance(passphrase, ExportPassphraseDialog)
    with qtbot.waitSignal(window.report.exported, timeout=30_000):
        type_passphrase(qtbot, passphrase, EXPORT_PASSPHRASE)
    pdf = protected_entries(window.folder / "briefing.pdf.zip")["briefing.pdf"]
    assert pdf.startswith(b"%PDF") and SUSPECT in pdf_text(pdf, tmp_path)

    # the same open database: the package goes straight to the passphrase
    window.evidence.write(window.case.incident.uuid, window.folder / "package.zip", include_sensitive=True)
    passphrase = current(qtbot, window.evidence, ExportPassphraseDialog)
    assert isinstance(passphrase, ExportPassphraseDialog)
    with qtbot.waitSignal(window.evidence.exported, timeout=30_000):
        type_passphrase(qtbot, passphrase, EXPORT_PASSPHRASE)
    entries = protected_entries(window.folder / "package.zip")
    assert FILE_MARK.encode() in entries["files/002.txt"] and entries["custody-report.pdf"].startswith(b"%PDF")
    assert CUSTODY in pdf_text(entries["custody-report.pdf"], tmp_path)
    assert files(window.folder) == ["briefing.pdf.zip", "package.zip"]
    window.evidence.current_dialog.close()  # type: ignore[union-attr]


def test_the_timeline_csv_protected(qtbot: QtBot, case: Case, tmp_path: Path) -> None:
    panel = TimelinePanel(case.incident)
    panel.attach(TimelineService(case.database))
    qtbot.addWidget(panel)
    panel.show()
    activate(qtbot, panel)
    panel.include_sensitive.click()
    qtbot.waitUntil(lambda: panel.sensitive_question is not None and panel.sensitive_question.isVisible())
    panel.sensitive_question.findChild(QWidget, "include_button").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: panel.sensitive_question is None)
    panel.export_to(tmp_path / "timeline.csv")
    qtbot.waitUntil(lambda: panel.protection_dialog is not None and panel.protection_dialog.isVisible())
    box = panel.protection_dialog
    assert isinstance(box, QMessageBox) and box.text() == PLAIN_WARNING
    activate(qtbot, box)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(panel.protection_dialog, ExportPassphraseDialog))
    dialog = panel.protection_dialog
    assert isinstance(dialog, ExportPassphraseDialog)
    activate(qtbot, dialog)
    type_passphrase(qtbot, dialog, EXPORT_PASSPHRASE)
    zipped = tmp_path / "timeline.csv.zip"
    qtbot.waitUntil(zipped.exists)
    assert FILE_MARK.encode() in protected_entries(zipped)["timeline.csv"]
    assert not (tmp_path / "timeline.csv").exists() and "protected by a passphrase" in panel.status.text()


def test_saving_an_attachment_out_of_an_encrypted_database_asks_and_protects(
    qtbot: QtBot, case: Case, tmp_path: Path
) -> None:
    """Save as… of an attached file (a sensitive statement) from an encrypted database: the same question, and the
    file leaves only inside a protected ZIP; the plain file is never written."""
    panel = AttachmentsPanel(ServiceAttachments(AttachmentService(case.database), OpenedCopies()),
                             RecordKind.INCIDENT, case.incident.uuid)  # fmt: skip
    qtbot.addWidget(panel)
    panel.show()
    activate(qtbot, panel)
    target = tmp_path / "out" / "statement.txt"
    target.parent.mkdir()
    panel.choose_target = lambda _parent, _name: target
    panel.list.setFocus()
    statement = next(
        i for i in range(panel.list.topLevelItemCount()) if FILE_MARK in panel.list.topLevelItem(i).text(0)
    )
    panel.list.setCurrentItem(panel.list.topLevelItem(statement))
    assert panel.selected() == case.statement
    assert panel.save_selected()
    qtbot.waitUntil(lambda: isinstance(panel.protection_dialog, QMessageBox) and panel.protection_dialog.isVisible())
    box = panel.protection_dialog
    assert isinstance(box, QMessageBox) and box.text() == PLAIN_WARNING
    activate(qtbot, box)
    press(qtbot, Qt.Key.Key_Return)  # Protect with a passphrase (ZIP)…, the default
    qtbot.waitUntil(lambda: isinstance(panel.protection_dialog, ExportPassphraseDialog))
    dialog = panel.protection_dialog
    assert isinstance(dialog, ExportPassphraseDialog)
    activate(qtbot, dialog)
    type_passphrase(qtbot, dialog, EXPORT_PASSPHRASE)
    zipped = tmp_path / "out" / "statement.txt.zip"
    qtbot.waitUntil(zipped.exists)
    assert protected_entries(zipped) == {"statement.txt": f"statement of {FILE_MARK}".encode()}
    assert FILE_MARK.encode() not in zipped.read_bytes()
    assert files(tmp_path / "out") == ["statement.txt.zip"]
    assert "protected by a passphrase" in panel.status.text()
