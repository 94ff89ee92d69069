"""The custody log of an attachment (append-only) and the form that appends a hand-over to it; the details dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.evidence import Attachment, CustodyEntry, size_text
from desktop.ui.forms.attachment_source import AttachmentProblem, AttachmentSource
from desktop.ui.forms.fields import FieldMessage, TextBox
from desktop.ui.translated import QT_TRANSLATE_NOOP, date_label, translate
from desktop.ui.widgets.date_input import DateInput

LOG_HEADERS = [
    QT_TRANSLATE_NOOP("CustodyDialog", "Date"),
    QT_TRANSLATE_NOOP("CustodyDialog", "Received from"),
    QT_TRANSLATE_NOOP("CustodyDialog", "Received by"),
    QT_TRANSLATE_NOOP("CustodyDialog", "Purpose"),
    QT_TRANSLATE_NOOP("CustodyDialog", "Note"),
    QT_TRANSLATE_NOOP("CustodyDialog", "Recorded"),
]
APPEND_ONLY = QT_TRANSLATE_NOOP(
    "CustodyDialog", "Entries are added, never changed or removed; each one is kept in the audit trail."
)


def local_time(at: datetime | None) -> str:
    """Times are stored in UTC; shown in the computer's time zone, to the minute."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M") if at is not None else ""


class CustodyDialog(QDialog):
    """The log of who handed the evidence to whom, when and why, and a form to append an entry (Add entry)."""

    def __init__(self, source: AttachmentSource, attachment: Attachment, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("custody_dialog")
        self.setWindowTitle(self.tr("Custody of {file_name}").format(file_name=attachment.file_name))
        self.source = source
        self.attachment = attachment
        intro = QLabel(
            self.tr("{file_name} ({size_text}, SHA-256 {value}…). {APPEND_ONLY}").format(
                file_name=attachment.file_name,
                size_text=size_text(attachment.size),
                value=attachment.sha256[:16],
                APPEND_ONLY=translate("CustodyDialog", APPEND_ONLY),
            )
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log = QTreeWidget()
        self.log.setObjectName("custody_log")
        self.log.setAccessibleName("Custody log")
        self.log.setHeaderLabels([translate("CustodyDialog", h) for h in LOG_HEADERS])
        self.log.setRootIsDecorated(False)
        self.log.setAlternatingRowColors(True)
        self.log.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log.setMinimumHeight(self.fontMetrics().height() * 7)
        self.received_from = QLineEdit()
        self.received_from.setMaxLength(300)
        self.received_from.setAccessibleName(self.tr("Received from"))
        self.received_from.setPlaceholderText(self.tr("who handed it over, e.g. Officer J. Ruiz, Tacoma PD"))
        self.received_by = QLineEdit()
        self.received_by.setMaxLength(300)
        self.received_by.setAccessibleName(self.tr("Received by"))
        self.happened = DateInput(self.tr("Date of the hand-over"), today=today)
        self.purpose = QLineEdit()
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.setPlaceholderText(self.tr("e.g. analysis, court exhibit, storage"))
        self.note = TextBox(2)
        self.note.setAccessibleName(self.tr("Note"))
        self.message = FieldMessage()
        self.message.setObjectName("custody_message")
        self.add_button = QPushButton(self.tr("&Add entry"))
        self.add_button.setObjectName("add_custody_button")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.append)
        group = QGroupBox(self.tr("Append a hand-over"))
        form = QFormLayout(group)
        for label, widget in (
            (self.tr("Received &from"), self.received_from),
            (self.tr("Received &by"), self.received_by),
            (self.tr("&Date"), self.happened),
            (self.tr("&Purpose"), self.purpose),
            (self.tr("&Note"), self.note),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget.edit if isinstance(widget, DateInput) else widget)
            form.addRow(caption, widget)
        form.addRow(self.message)
        form.addRow("", self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.add_button.setDefault(True)  # Enter in a field appends the entry; it never closes the dialog
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.log, 1)
        layout.addWidget(group)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.load()
        self.received_from.setFocus()

    def load(self) -> None:
        """The log as stored, oldest first; a line saying why when it cannot be read."""
        self.log.clear()
        try:
            entries = self.source.custody(self.attachment.uuid)
        except AttachmentProblem as problem:
            self.message.show_message(str(problem))
            return
        for entry in entries:
            item = QTreeWidgetItem([date_label(entry.happened), entry.received_from, entry.received_by, entry.purpose,
                                    entry.note.replace("\n", " "), local_time(entry.recorded_at)])  # fmt: skip
            self.log.addTopLevelItem(item)
        if not entries:
            self.log.addTopLevelItem(QTreeWidgetItem([self.tr("No hand-over is recorded yet.")]))

    def append(self) -> bool:
        """Append what the form says; its problems are said under it and nothing is stored."""
        try:
            happened = self.happened.value()
        except ValueError as error:
            self.message.show_message(self.tr("The date cannot be read: {error}").format(error=error))
            self.happened.setFocus()
            return False
        entry = CustodyEntry(self.attachment.uuid, self.received_from.text().strip(), self.received_by.text().strip(),
                             happened, self.purpose.text().strip(), self.note.toPlainText().strip())  # fmt: skip
        try:
            self.source.add_custody(entry)
        except AttachmentProblem as problem:
            text = str(problem)
            self.message.show_message(text[:1].upper() + text[1:])
            return False
        self.message.show_message("")
        for edit in (self.received_from, self.received_by, self.purpose):
            edit.clear()
        self.note.clear()
        self.happened.set_text("")
        self.load()
        self.received_from.setFocus()
        return True


class DetailsDialog(QDialog):
    """The description and the sensitive mark of an attachment; `edited()` after exec() == Accepted."""

    def __init__(self, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_details")
        self.setWindowTitle(self.tr("Details of {file_name}").format(file_name=attachment.file_name))
        self.attachment = attachment
        self.description = TextBox(4)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlainText(attachment.description)
        self.sensitive = QCheckBox(self.tr("&Sensitive: left out of redacted exports, briefings and evidence packages"))
        self.sensitive.setChecked(attachment.sensitive)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        caption = QLabel(self.tr("&Description"))
        caption.setBuddy(self.description)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.description)
        layout.addWidget(self.sensitive)
        layout.addWidget(self.buttons)
        self.description.setFocus()

    def edited(self) -> Attachment:
        return replace(self.attachment, description=self.description.toPlainText().strip(),
                       sensitive=self.sensitive.isChecked())  # fmt: skip
