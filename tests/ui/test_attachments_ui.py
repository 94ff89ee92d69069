"""The Attachments section of the forms, driven as a person does: files dropped on the form, a picture pasted with
Ctrl+V, the preview of an image and a PDF, Open and Save as of verified copies, refusals told by name with nothing
stored, the custody log typed in key by key, Describe…, and Remove (with the audit trail keeping the SHA-256)."""

from __future__ import annotations

import hashlib
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import forms_fixtures as ff
import pytest
from conftest import make_active
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.evidence import MAX_ATTACHMENT_BYTES, Attachment, size_text
from desktop.domain.kinds import Record, RecordKind
from desktop.domain.records import AuditAction, Facility
from desktop.services.attachments import AttachmentService
from desktop.services.audit import history
from desktop.ui.attachments import OpenedCopies, ServiceAttachments
from desktop.ui.dialogs.custody_dialog import CustodyDialog, DetailsDialog
from desktop.ui.forms.attachments_panel import SAVE_FIRST, AttachmentsPanel, panel_of
from desktop.ui.forms.base import RecordForm
from desktop.ui.window_dialogs import FormInputs, WindowDialogs

services = ff.services
CTRL = Qt.KeyboardModifier.ControlModifier
MOLOTOV = "Molotov"


@pytest.fixture
def copies() -> Iterator[OpenedCopies]:
    opened = OpenedCopies()
    yield opened
    opened.remove()


def open_form(qtbot: QtBot, services: ff.Services, copies: OpenedCopies, record: Record | None,
              kind: RecordKind = RecordKind.INCIDENT) -> tuple[RecordForm, AttachmentsPanel]:  # fmt: skip
    """The form of `record` as the window makes it (WindowDialogs.form), with the attachments of the database."""
    source = ServiceAttachments(AttachmentService(services.database), copies)
    inputs = FormInputs(services.facilities.names(), attachments=source)
    form = ff.shown(qtbot, WindowDialogs().form(kind, record, inputs, None))  # type: ignore[arg-type]
    panel = panel_of(form)
    assert panel is not None
    return form, panel


def molotov(services: ff.Services) -> Record:
    return services.incidents.get(services.incident_titled(MOLOTOV))


def stored(services: ff.Services, record: Record) -> list[Attachment]:
    return AttachmentService(services.database).of(RecordKind.of(record), record.uuid)


def stored_bytes(services: ff.Services, attachment: Attachment) -> bytes:
    return b"".join(AttachmentService(services.database).read(attachment))


def drop(widget: QWidget, *paths: Path, at: QPoint | None = None) -> bool:
    """Drag `paths` (as a file manager does: file URLs) onto `widget` and drop them; whether the drag was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    mime.setText("\n".join(str(path) for path in paths))  # file managers offer the paths as text too
    point = at if at is not None else widget.rect().center()
    enter = QDragEnterEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


def rows(panel: AttachmentsPanel) -> list[str]:
    return [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]  # type: ignore[union-attr]


def click_row(qtbot: QtBot, panel: AttachmentsPanel, name: str) -> None:
    item = panel.list.topLevelItem(rows(panel).index(name))
    assert item is not None
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected() is not None and panel.selected().file_name == name  # type: ignore[union-attr]


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def photo(path: Path) -> Path:
    image = QImage(QSize(64, 48), QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    assert image.save(str(path), "JPEG")  # type: ignore[arg-type]
    return path


def pdf(path: Path, pages: int = 2) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.drawText(QRect(100, 100, 2000, 400), f"Page {number + 1} of the police report")
    painter.end()
    return path


def work_next_dialog(qtbot: QtBot, kind: type[QWidget], step: object, done: list[str]) -> None:
    """When the next modal dialog of `kind` is up, run `step(dialog)` (then `done` gets a line)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        try:
            make_active(qtbot, dialog)
            step(dialog)  # type: ignore[operator]
            done.append("worked")
        except BaseException as error:
            done.append(f"failed: {error!r}")
            dialog.close()

    QTimer.singleShot(0, look)


def test_a_file_dropped_anywhere_on_the_form_is_stored_with_its_hash_and_stays_after_cancel(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    form, panel = open_form(qtbot, services, copies, record)
    note = tmp_path / "witness statement.txt"
    note.write_bytes(b"I saw a man throw a bottle at the USCIS office around 2 a.m.\n")
    assert drop(form.title, note)  # onto a text field: attached, not typed in as a path
    qtbot.waitUntil(lambda: rows(panel) == ["witness statement.txt"])
    assert form.title.text() == services.incidents.get(record.uuid).title
    [attachment] = stored(services, record)
    assert attachment.sha256 == hashlib.sha256(note.read_bytes()).hexdigest()
    assert attachment.media_type == "text/plain"
    assert panel.status.text() == "Attached witness statement.txt (61 bytes)."
    assert panel.title() == "Attachments (1)"
    assert panel.preview.text.text() == "No preview for text/plain; Open shows it in its program."
    assert not form.isWindowModified()  # attached at once: nothing for Save to do
    ff.press_escape(qtbot, form)
    assert not form.isVisible()
    assert [a.sha256 for a in stored(services, record)] == [attachment.sha256]


def test_a_picture_pasted_with_ctrl_v_is_stored_as_png(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies
) -> None:
    record = molotov(services)
    _form, panel = open_form(qtbot, services, copies, record)
    picture = QImage(QSize(40, 30), QImage.Format.Format_RGB32)
    picture.fill(QColor(200, 30, 30))
    QApplication.clipboard().setImage(picture)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(rows(panel)) == 1)
    [attachment] = stored(services, record)
    assert re.fullmatch(r"pasted-\d{8}-\d{6}\.png", attachment.file_name)
    assert attachment.media_type == "image/png"
    data = stored_bytes(services, attachment)
    assert data.startswith(b"\x89PNG") and hashlib.sha256(data).hexdigest() == attachment.sha256
    back = QImage.fromData(data)
    assert back.size() == QSize(40, 30) and back.pixelColor(5, 5) == QColor(200, 30, 30)
    assert panel.preview.shown == "image"  # the new attachment is selected and shown


@pytest.mark.posix_only
def test_the_preview_shows_an_image_and_the_pages_of_a_pdf(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    _form, panel = open_form(qtbot, services, copies, record)
    files = photo(tmp_path / "gate.jpg"), pdf(tmp_path / "report.pdf"), tmp_path / "notes.csv"
    files[2].write_text("time,what\n02:10,bottle thrown\n")
    assert panel.add_paths(files)
    assert rows(panel) == ["gate.jpg", "report.pdf", "notes.csv"]
    click_row(qtbot, panel, "gate.jpg")
    assert panel.preview.shown == "image" and not panel.preview.image.pixmap().isNull()
    assert panel.preview.image.pixmap().size().width() <= 64
    click_row(qtbot, panel, "report.pdf")
    assert panel.preview.shown == "pdf"
    assert panel.preview.document.pageCount() == 2
    assert panel.preview.pdf.isVisible()
    click_row(qtbot, panel, "notes.csv")
    assert panel.preview.text.text() == "No preview for text/csv; Open shows it in its program."
    made = sorted(copies.folder().rglob("*.*"), key=lambda path: path.name)  # verified, read-only copies
    assert [p.name for p in made] == ["gate.jpg", "report.pdf"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o400 for p in made)


@pytest.mark.posix_only
def test_enter_opens_a_verified_copy_and_save_as_writes_the_same_bytes(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    form, panel = open_form(qtbot, services, copies, record)
    original = pdf(tmp_path / "report.pdf")
    assert panel.add_paths([original])
    opened: list[QUrl] = []
    panel.open_url = lambda url: opened.append(url) or True
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert len(opened) == 1
    copy = Path(opened[0].toLocalFile())
    assert copy.parent.parent == copies.folder() and copy.name == "report.pdf"
    assert copy.read_bytes() == original.read_bytes() and stat.S_IMODE(copy.stat().st_mode) == 0o400
    assert form.isVisible()  # Enter in the list opens the file, never saves or leaves the form
    target = tmp_path / "out" / "kept.pdf"
    target.parent.mkdir()
    panel.choose_target = lambda _parent, name: target if name == "report.pdf" else None
    click(qtbot, panel.buttons["save"])
    assert target.read_bytes() == original.read_bytes()
    assert panel.status.text() == f"Saved a verified copy of report.pdf as {target}."
    copies.remove()  # as on quitting
    assert not copy.exists() and not copy.parent.parent.exists()


def test_a_file_too_large_or_a_folder_is_refused_by_name_and_nothing_is_stored(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    form, panel = open_form(qtbot, services, copies, record)
    small = tmp_path / "small.txt"
    small.write_text("fine\n")
    huge = tmp_path / "disk.img"
    with open(huge, "wb") as sparse:
        sparse.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: takes no room on the disk
    asked: list[str] = []
    ff.answer_next_question(qtbot, "OK", asked)
    assert drop(form, small, huge)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert str(huge) in asked[0] and "an attachment may be at most" in asked[0]
    assert stored(services, record) == [] and rows(panel) == []  # the small file was not attached either
    folder = tmp_path / "photos"
    folder.mkdir()
    ff.answer_next_question(qtbot, "OK", asked)
    assert drop(panel.list.viewport(), folder)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked[1] == f"{folder} is a folder; attach the files in it one by one"
    assert stored(services, record) == []


def test_a_record_deleted_elsewhere_is_told_and_nothing_is_stored(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    facility = services.facilities.create(Facility(name="Temporary holding room"))
    _form, panel = open_form(qtbot, services, copies, facility, RecordKind.FACILITY)
    services.facilities.delete(facility.uuid)
    evidence = tmp_path / "lease.txt"
    evidence.write_text("lease\n")
    asked: list[str] = []
    ff.answer_next_question(qtbot, "OK", asked)
    panel.choose_files = lambda _parent: [evidence]
    click(qtbot, panel.buttons["add"])
    assert asked == [f"Cannot attach {evidence}: the facility no longer exists; it may have been deleted elsewhere."]
    assert AttachmentService(services.database).all() == []


def test_a_new_record_says_to_save_it_first(qtbot: QtBot, services: ff.Services, copies: OpenedCopies,
                                            tmp_path: Path) -> None:  # fmt: skip
    form, panel = open_form(qtbot, services, copies, None)
    assert panel.hint.isVisible() and panel.hint.text() == SAVE_FIRST
    assert not panel.list.isEnabled() and not panel.buttons["add"].isEnabled()
    note = tmp_path / "a.txt"
    note.write_text("a\n")
    assert not drop(form, note)  # the drag is not taken
    assert AttachmentService(services.database).all() == []


@pytest.mark.parametrize("kind", [RecordKind.FACILITY, RecordKind.PLAN_ITEM, RecordKind.DIRECTIVE])
def test_every_kind_of_record_keeps_files(qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path,
                                          kind: RecordKind) -> None:  # fmt: skip
    from desktop.services.records import RecordServices

    service = RecordServices.of(services.database).of_kind(kind)
    record = service.page()[0]  # type: ignore[call-arg]
    form, panel = open_form(qtbot, services, copies, record, kind)
    scan = photo(tmp_path / "scan.jpg")
    assert drop(form, scan)
    qtbot.waitUntil(lambda: rows(panel) == ["scan.jpg"])
    assert [a.sha256 for a in stored(services, record)] == [hashlib.sha256(scan.read_bytes()).hexdigest()]


def test_a_custody_entry_typed_in_is_appended_to_the_log(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    _form, panel = open_form(qtbot, services, copies, record)
    assert panel.add_paths([photo(tmp_path / "bottle.jpg")])
    [attachment] = stored(services, record)
    done: list[str] = []

    def append(dialog: CustodyDialog) -> None:
        assert dialog.log.topLevelItem(0).text(0) == "No hand-over is recorded yet."  # type: ignore[union-attr]
        assert QApplication.focusWidget() is dialog.received_from
        qtbot.keyClicks(dialog.received_from, "Officer J. Ruiz, Miami PD")
        qtbot.keyClick(dialog.received_from, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "FBI Miami field office")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.happened.edit
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # no date yet: refused, said why
        assert dialog.message.text() == "The date is required (a year, a month, a day or a range will do)"
        qtbot.mouseClick(dialog.happened.edit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.happened.edit, "2019-09-16")
        qtbot.keyClick(dialog.happened.edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.purpose, QApplication.focusWidget()
        qtbot.keyClicks(QApplication.focusWidget(), "laboratory analysis")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "sealed bag 114")
        qtbot.mouseClick(dialog.purpose, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)  # Enter appends (and never closes the dialog)
        assert dialog.isVisible()
        assert not dialog.message.isVisible()
        first = dialog.log.topLevelItem(0)
        assert first is not None and first.text(1) == "Officer J. Ruiz, Miami PD"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    work_next_dialog(qtbot, CustodyDialog, append, done)
    click_row(qtbot, panel, "bottle.jpg")
    click(qtbot, panel.buttons["custody"])
    assert done == ["worked"]
    [entry] = AttachmentService(services.database).custody(attachment.uuid)
    assert (entry.received_from, entry.received_by, entry.purpose, entry.note) == (
        "Officer J. Ruiz, Miami PD", "FBI Miami field office", "laboratory analysis", "sealed bag 114")  # fmt: skip
    assert entry.happened.iso() == "2019-09-16"


def test_describe_marks_sensitive_and_remove_keeps_the_hash_in_the_audit_trail(
    qtbot: QtBot, services: ff.Services, copies: OpenedCopies, tmp_path: Path
) -> None:
    record = molotov(services)
    _form, panel = open_form(qtbot, services, copies, record)
    face = photo(tmp_path / "suspect.jpg")
    assert panel.add_paths([face])
    done: list[str] = []

    def describe(dialog: DetailsDialog) -> None:
        qtbot.keyClicks(dialog.description, "Still from the lobby camera")
        sensitive = dialog.findChild(QCheckBox)
        assert sensitive is not None
        qtbot.mouseClick(sensitive, Qt.MouseButton.LeftButton, pos=QPoint(4, sensitive.height() // 2))
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    work_next_dialog(qtbot, DetailsDialog, describe, done)
    click(qtbot, panel.buttons["details"])
    assert done == ["worked"]
    [attachment] = stored(services, record)
    assert (attachment.description, attachment.sensitive) == ("Still from the lobby camera", True)
    assert panel.list.topLevelItem(0).text(6) == "Yes"  # type: ignore[union-attr]
    asked: list[str] = []
    ff.answer_next_question(qtbot, "Remove", asked)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert asked == [f"Remove the attachment “suspect.jpg” ({size_text(face.stat().st_size)})?"]
    assert stored(services, record) == [] and rows(panel) == []
    deleted = [e for e in history(services.database, attachment.uuid) if e.action is AuditAction.DELETE]
    assert len(deleted) == 1
    assert hashlib.sha256(face.read_bytes()).hexdigest() in str(deleted[0].changes)


def test_remove_cancelled_keeps_the_file(qtbot: QtBot, services: ff.Services, copies: OpenedCopies,
                                         tmp_path: Path) -> None:  # fmt: skip
    record = molotov(services)
    _form, panel = open_form(qtbot, services, copies, record)
    note = tmp_path / "n.txt"
    note.write_text("n\n")
    assert panel.add_paths([note])
    done: list[str] = []

    def cancel(box: QMessageBox) -> None:
        assert "audit trail keeps its name, size and SHA-256" in box.informativeText()
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    work_next_dialog(qtbot, QMessageBox, cancel, done)
    click(qtbot, panel.buttons["remove"])
    assert done == ["worked"]
    assert len(stored(services, record)) == 1


@pytest.mark.posix_only
def test_opened_copies_go_to_a_folder_in_memory_when_the_system_has_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plain copy of an encrypted database's file handed to another program: in the user's runtime folder
    (a tmpfs on Linux), never on the disk, and removed on quitting."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    opened = OpenedCopies()
    folder = opened.folder()
    assert folder.parent == runtime and folder.stat().st_mode & 0o777 == 0o700
    opened.remove()
    assert not folder.exists()
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    other = OpenedCopies()
    expected = "/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir()
    assert str(other.folder().parent) == expected
    other.remove()
