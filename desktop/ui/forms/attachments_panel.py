"""The Attachments section of a record's form: the files kept with the record, added at once in their own
transaction (by Add…, a drop anywhere on the form, or Ctrl+V), previewed, opened, saved, described, removed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.evidence import Attachment, size_text
from desktop.domain.kinds import RecordKind
from desktop.domain.passphrases import Passphrase
from desktop.ui.clipboard_guard import SENSITIVE_ROLE
from desktop.ui.dialogs.custody_dialog import CustodyDialog, DetailsDialog, local_time
from desktop.ui.dialogs.destructive_question import confirm_destructive
from desktop.ui.forms.attachment_files import (
    AttachmentList,
    choose_files,
    choose_target,
    local_files,
    pasted_name,
    png_bytes,
)
from desktop.ui.forms.attachment_source import AttachmentProblem, AttachmentSource
from desktop.ui.forms.base import RecordForm
from desktop.ui.plain_export_question import export_with_protection, protected_target
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.attachment_preview import PREVIEW_LIMIT, AttachmentPreview, previewable

TITLE = QT_TRANSLATE_NOOP("AttachmentsPanel", "Attachments")
SAVE_FIRST = QT_TRANSLATE_NOOP("AttachmentsPanel", "Save the record first to attach files.")
HEADERS = [
    QT_TRANSLATE_NOOP("AttachmentsPanel", "File"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Type"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Size"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Added"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Added by"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Description"),
    QT_TRANSLATE_NOOP("AttachmentsPanel", "Sensitive"),
]
REMOVE_NOTE = (QT_TRANSLATE_NOOP("AttachmentsPanel", ("The audit trail keeps its name, size and SHA-256 (and its "
                                                      "custody log); the file itself is no longer "
               "kept with the record.")))  # fmt: skip
COLUMN_CHARS = 28  # the widest a column opens
DROP_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class AttachmentsPanel(QGroupBox):
    """The attachments of one saved record (`owner_uuid`); disabled with a hint for a record not saved yet. Every
    change is stored at once through `source` (so it stays when the form is cancelled); a problem is told in a
    message box naming the file and why, and nothing of that change is stored."""

    changed = Signal()  # after attachments were added, edited or removed

    def __init__(self, source: AttachmentSource | None, kind: RecordKind, owner_uuid: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(translate("AttachmentsPanel", TITLE), parent)
        self.setObjectName("attachments")
        self.source = source
        self.kind = kind
        self.owner_uuid = owner_uuid
        self.attachments: list[Attachment] = []
        self.copies: dict[str, Path] = {}  # verified copies made for the preview and Open, by attachment uuid
        self.choose_files: Callable[[QWidget], list[Path]] = choose_files  # the file dialogs (tests pass their own)
        self.choose_target: Callable[[QWidget, str], Path | None] = choose_target
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.hint = QLabel(translate("AttachmentsPanel", SAVE_FIRST))
        self.hint.setObjectName("attachments_hint")
        self.list = AttachmentList()
        self.list.setObjectName("attachment_list")
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setHeaderLabels([translate("AttachmentsPanel", h) for h in HEADERS])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(self.fontMetrics().height() * 7)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.header().setStretchLastSection(False)
        self.list.open_requested.connect(self.open_selected)
        self.list.remove_requested.connect(self.remove_selected)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, tip, slot in (
            (
                "add",
                self.tr("A&dd…"),
                self.tr("Attach files (you may also drop them on the form, or paste with Ctrl+V)"),
                self.add_chosen,
            ),
            ("open", self.tr("Op&en"), self.tr("Open a verified copy in its program (Enter)"), self.open_selected),
            ("save", self.tr("Sa&ve as…"), self.tr("Save a verified copy of the file"), self.save_selected),
            ("details", self.tr("Descri&be…"), self.tr("Description and sensitive mark"), self.edit_selected),
            (
                "custody",
                self.tr("C&ustody…"),
                self.tr("The custody log: who handed it to whom, when and why"),
                self.custody_selected,
            ),
            ("remove", self.tr("Remo&ve"), self.tr("Remove the attachment (Delete)"), self.remove_selected),
        ):
            button = QPushButton(text)
            button.setObjectName(f"attachment_{key}")
            action = text.replace("&", "").rstrip("…")
            button.setAccessibleName(action if key == "add" else self.tr("{action} attachment").format(action=action))
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.protection_dialog: QDialog | None = None  # the question or passphrase before a save (tests work it)
        self.withheld_note = QLabel()  # a team reader: how many the server withholds (marked sensitive)
        self.withheld_note.setObjectName("attachments_withheld")
        self.withheld_note.setWordWrap(True)
        self.withheld_note.hide()
        self.status = QLabel()
        self.status.setObjectName("attachments_status")
        self.status.setAccessibleName(self.tr("Attachments status"))
        self.status.setWordWrap(True)
        self.preview = AttachmentPreview()
        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addWidget(self.list, 1)
        left.addLayout(row)
        left.addWidget(self.withheld_note)
        left.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)
        self.enabled = source is not None and bool(owner_uuid)
        self.writable = True  # False: read_only (a team reader)
        self.removable = True  # False: keep_files (a team analyst: removing evidence is a supervisor's)
        self.hint.setVisible(not self.enabled)
        for widget in (self.list, self.preview, *self.buttons.values()):
            widget.setEnabled(self.enabled)
        self.reload()

    def focus_chain(self) -> list[QWidget]:
        return [self.list, *self.buttons.values()]

    # ---- reading ------------------------------------------------------------------------------------------
    def reload(self, select: str = "") -> None:
        """Read the record's attachments again; select `select` (a uuid) or the one selected before."""
        if not self.enabled or self.source is None:
            return
        keep = select or (self.selected().uuid if self.selected() is not None else "")  # type: ignore[union-attr]
        try:
            self.attachments = self.source.of(self.kind, self.owner_uuid)
            withheld = self.source.withheld(self.kind, self.owner_uuid)
        except AttachmentProblem as problem:
            self.status.setText(str(problem))
            return
        self.withheld_note.setText(
            self.tr("{count} more marked sensitive: withheld, your role cannot read them").format(count=withheld)
        )
        self.withheld_note.setVisible(withheld > 0)
        self.list.clear()
        for attachment in self.attachments:
            item = QTreeWidgetItem([attachment.file_name, attachment.media_type, size_text(attachment.size),
                                    local_time(attachment.added_at), attachment.added_by,
                                    attachment.description.replace("\n", " "),
                                    self.tr("Yes") if attachment.sensitive else ""])  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, attachment.uuid)
            for column in range(len(HEADERS)):  # Ctrl+C copies a cell: a sensitive file's is cleared later
                item.setData(column, SENSITIVE_ROLE, attachment.sensitive)
            item.setToolTip(0, self.tr("SHA-256 {sha256}").format(sha256=attachment.sha256))
            self.list.addTopLevelItem(item)
            if attachment.uuid == keep:
                self.list.setCurrentItem(item)
        widest = self.fontMetrics().horizontalAdvance("x") * COLUMN_CHARS  # a long description is elided
        for column in range(len(HEADERS)):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, min(self.list.columnWidth(column), widest))
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.setTitle(
            f"{translate('AttachmentsPanel', TITLE)} ({len(self.attachments)})"
            if self.attachments
            else translate("AttachmentsPanel", TITLE)
        )
        self._selection_changed()

    def selected(self) -> Attachment | None:
        item = self.list.currentItem()
        if item is None:
            return None
        uuid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((a for a in self.attachments if a.uuid == uuid), None)

    def read_only(self, reason: str) -> None:
        """Files can be opened and saved, not added, described or removed (the login's role may not: `reason`)."""
        self.writable = False
        self.buttons["add"].setEnabled(False)
        for key in ("add", "details", "custody", "remove"):
            self.buttons[key].setToolTip(reason)
        self._selection_changed()

    def keep_files(self, reason: str) -> None:
        """Files can be added and described, not removed (the login's role may not delete: `reason`)."""
        self.removable = False
        self.buttons["remove"].setToolTip(reason)
        self._selection_changed()

    def _selection_changed(self) -> None:
        attachment = self.selected()
        for key in ("open", "save", "details", "custody", "remove"):
            changes = key in ("details", "custody", "remove")
            allowed = self.writable and (self.removable or key != "remove")
            self.buttons[key].setEnabled(self.enabled and attachment is not None and (allowed or not changes))
        if attachment is None:
            empty = self.enabled and self.writable and not self.attachments
            self.preview.show_text(self.tr("No files are kept with this record yet: Add…, drop them here or paste them "
                                   "(Ctrl+V).") if empty else "")  # fmt: skip
            return
        self._show_preview(attachment)

    def _show_preview(self, attachment: Attachment) -> None:
        if not previewable(attachment.media_type):
            self.preview.show_text(
                self.tr("No preview for {media_type}; Open shows it in its program.").format(
                    media_type=attachment.media_type
                )
            )
            return
        if attachment.size > PREVIEW_LIMIT:
            self.preview.show_text(
                self.tr("{file_name} is {size_text}: too large to preview here; Open shows it in its program.").format(
                    file_name=attachment.file_name, size_text=size_text(attachment.size)
                )
            )
            return
        try:
            path = self._copy(attachment)
        except AttachmentProblem as problem:
            self.preview.show_text(str(problem))
            return
        if attachment.media_type == "application/pdf":
            self.preview.show_pdf(path)
        else:
            self.preview.show_image(path)

    def _copy(self, attachment: Attachment) -> Path:
        """The verified copy of `attachment` made for this form (made when first needed)."""
        assert self.source is not None
        path = self.copies.get(attachment.uuid)
        if path is None or not path.exists():
            path = self.copies[attachment.uuid] = self.source.open_copy(attachment)
        return path

    # ---- adding -------------------------------------------------------------------------------------------
    def add_chosen(self) -> bool:
        paths = self.choose_files(self)
        return self.add_paths(paths) if paths else False

    def add_paths(self, paths: Sequence[Path]) -> bool:
        """Attach files (all or none); the result in the status line, a problem in a message box."""
        source = self.source
        if not self._can_add() or source is None:
            return False
        return self._add(lambda: source.add_paths(self.kind, self.owner_uuid, list(paths)))

    def paste(self) -> bool:
        """Ctrl+V: the files copied in a file manager, else a picture as pasted-YYYYMMDD-HHMMSS.png."""
        source = self.source
        if not self._can_add() or source is None:
            return False
        mime = QApplication.clipboard().mimeData()
        if paths := local_files(mime):
            return self.add_paths(paths)
        image = QApplication.clipboard().image()
        if image.isNull():
            self.status.setText(self.tr("The clipboard holds no picture and no files to attach."))
            return False
        name, data = pasted_name(datetime.now()), png_bytes(image)
        return self._add(lambda: source.add_bytes(self.kind, self.owner_uuid, name, data))

    def _can_add(self) -> bool:
        if not self.enabled:
            self._tell(QMessageBox.Icon.Information, self.tr("Attach files"), translate("AttachmentsPanel", SAVE_FIRST))
            return False
        return True

    def _add(self, add: Callable[[], list[Attachment]]) -> bool:
        try:
            added = add()
        except AttachmentProblem as problem:
            self._tell(
                QMessageBox.Icon.Warning, self.tr("Attach files"), str(problem), self.tr("Nothing was attached.")
            )
            return False
        names = ", ".join(f"{a.file_name} ({size_text(a.size)})" for a in added)
        self.status.setText(self.tr("Attached {names}.").format(names=names))
        self.reload(select=added[-1].uuid if added else "")
        self.changed.emit()
        return True

    # ---- the selected attachment --------------------------------------------------------------------------
    def open_selected(self) -> bool:
        """Show a verified copy in the program the computer opens its type with."""
        attachment = self.selected()
        if attachment is None:
            return False
        try:
            path = self._copy(attachment)
        except AttachmentProblem as problem:
            self._tell(QMessageBox.Icon.Warning, self.tr("Open attachment"), str(problem))
            return False
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._tell(QMessageBox.Icon.Information, self.tr("Open attachment"),
                       self.tr("No program here opens {media_type} files.").format(media_type=attachment.media_type),
                       self.tr("Save as… keeps a copy you can open elsewhere."))  # fmt: skip
            return False
        self.status.setText(
            self.tr("Opened a verified copy of {file_name} (read-only; removed on quitting).").format(
                file_name=attachment.file_name
            )
        )
        return True

    def save_selected(self) -> bool:
        attachment = self.selected()
        if attachment is None or self.source is None:
            return False
        target = self.choose_target(self, attachment.file_name)
        if target is None:
            return False
        source = self.source  # an encrypted database's file leaves it only after the question (once per database)
        export_with_protection(self, source.database, sensitive=True, written=protected_target(target),
                               write=lambda protect: self._save(source, attachment, target, protect),
                               opened=self._protection_opened)  # fmt: skip
        return True

    def _protection_opened(self, dialog: QDialog) -> None:
        self.protection_dialog = dialog

    def _save(self, source: AttachmentSource, attachment: Attachment, target: Path, protect: Passphrase | None) -> None:
        try:
            written = source.save_copy(attachment, target, protect=protect)
        except AttachmentProblem as problem:
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("Save attachment"),
                str(problem),
                self.tr("Nothing was written there."),
            )
            return
        protected = self.tr(", protected by a passphrase") if protect is not None else ""
        self.status.setText(
            self.tr("Saved a verified copy of {file_name} as {written}{protected}.").format(
                file_name=attachment.file_name, written=written, protected=protected
            )
        )

    def edit_selected(self) -> bool:
        attachment = self.selected()
        if attachment is None or self.source is None:
            return False
        dialog = DetailsDialog(attachment, self)
        try:
            if dialog.exec() != DetailsDialog.DialogCode.Accepted or dialog.edited() == attachment:
                return False
            self.source.update(dialog.edited())
        except AttachmentProblem as problem:
            self._tell(QMessageBox.Icon.Warning, self.tr("Attachment details"), str(problem))
            self.reload()
            return False
        finally:
            dialog.deleteLater()
        self.status.setText(self.tr("Saved the details of {file_name}.").format(file_name=attachment.file_name))
        self.reload()
        self.changed.emit()
        return True

    def custody_selected(self) -> None:
        attachment = self.selected()
        if attachment is None or self.source is None:
            return
        dialog = CustodyDialog(self.source, attachment, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def remove_selected(self) -> bool:
        attachment = self.selected()
        if attachment is None or self.source is None or not (self.writable and self.removable):  # Delete in the list
            return False
        question = self.tr("Remove the attachment “{file_name}” ({size_text})?").format(
            file_name=attachment.file_name, size_text=size_text(attachment.size)
        )
        note = translate("AttachmentsPanel", REMOVE_NOTE)
        if not confirm_destructive(self, self.tr("Remove attachment"), question, note, self.tr("&Remove"),
                                   name="confirm_remove_attachment"):  # fmt: skip
            return False
        try:
            self.source.remove(attachment.uuid)
        except AttachmentProblem as problem:
            self._tell(QMessageBox.Icon.Warning, self.tr("Remove attachment"), str(problem))
            self.reload()
            return False
        self.copies.pop(attachment.uuid, None)
        self.status.setText(self.tr("Removed {file_name}.").format(file_name=attachment.file_name))
        self.reload()
        self.changed.emit()
        return True

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, more: str = "") -> None:
        box = QMessageBox(icon, title, text[:1].upper() + text[1:], QMessageBox.StandardButton.Ok, self)
        box.setObjectName("attachment_message")
        box.setInformativeText(more)
        try:
            box.exec()
        finally:
            box.deleteLater()


class FileDrops(QObject):
    """Files dragged onto any part of the form are attached by the panel (after the drop has finished)."""

    def __init__(self, panel: AttachmentsPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in DROP_EVENTS or not isinstance(event, QDropEvent):
            return False
        paths = local_files(event.mimeData())
        if not paths or not self.panel.enabled:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if event.type() == QEvent.Type.Drop:
            QTimer.singleShot(0, lambda: self.panel.add_paths(paths))  # no message box inside the drag's loop
        return True


def install(form: RecordForm, source: AttachmentSource | None) -> AttachmentsPanel:
    """Put the Attachments section in `form` (above its message and buttons), take drops of files anywhere on the
    form and Ctrl+V (where no text field takes it), and place the section in the tab order before Save."""
    record = getattr(form, "record", None)
    panel = AttachmentsPanel(source, form.kind, getattr(record, "uuid", "") or "", form)
    layout = form.layout()
    assert isinstance(layout, QBoxLayout)
    at = layout.indexOf(form.general_message)
    layout.insertWidget(at if at >= 0 else layout.count(), panel)
    drops = FileDrops(panel)
    form.setAcceptDrops(True)
    for widget in (form, *form.findChildren(QWidget)):
        if widget is form or widget.acceptDrops():  # the others pass a drag on to a parent that takes drops
            widget.installEventFilter(drops)
    paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), form)
    paste.setContext(Qt.ShortcutContext.WindowShortcut)
    paste.activated.connect(panel.paste)
    before: QWidget = form.save_button.previousInFocusChain() or form
    for widget in (*panel.focus_chain(), form.save_button):
        QWidget.setTabOrder(before, widget)
        before = widget
    return panel


def panel_of(form: QWidget) -> AttachmentsPanel | None:
    """The Attachments section of a form (None when the form has none)."""
    return form.findChild(AttachmentsPanel, "attachments")
