"""File › New database…, after the file is chosen: encrypt it with a passphrase (typed twice, checked as it is
typed), remember it in the system keyring or not; Create stays disabled until the choice can be carried out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.passphrases import Passphrase, passphrase_problem
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.passphrase_field import PassphraseField, remember_box

TITLE = QT_TRANSLATE_NOOP("NewDatabaseDialog", "New database — Incident Logger")
ERROR_STYLE = "color: $error;"  # desktop.ui.palette's colours
MISMATCH = QT_TRANSLATE_NOOP("NewDatabaseDialog", "The two passphrases differ.")
NO_RECOVERY = (QT_TRANSLATE_NOOP("NewDatabaseDialog", ("Keep the passphrase safe. Without it the database and its "
                                                       "backups cannot be opened, and nobody can "
               "recover a forgotten passphrase, not even with Incident Logger's help.")))  # fmt: skip
PLAIN = (QT_TRANSLATE_NOOP("NewDatabaseDialog", ("Without encryption, anyone who copies the file (a lost laptop, a "
                                                 "backup disk) can read every record in "
         "it.")))  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewDatabase:
    """What the dialog decided: the passphrase to encrypt with (None: a plain file) and whether to remember it."""

    passphrase: Passphrase | None
    remember: bool


class NewDatabaseDialog(QDialog):
    """Create `path`: encrypted (the default) or not. After exec() accepted, `choice()` says how."""

    def __init__(self, path: Path, can_remember: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_database_dialog")
        self.setWindowTitle(translate("NewDatabaseDialog", TITLE))
        self.setModal(True)
        self._choice = NewDatabase(None, False)
        self._can_remember = can_remember
        self.heading = QLabel(
            self.tr("Create the database “{name}” in {parent}.").format(name=path.name, parent=path.parent), self
        )
        self.heading.setWordWrap(True)
        self.heading.setToolTip(str(path))
        self.encrypt = QCheckBox(self.tr("&Encrypt with a passphrase"), self)
        self.encrypt.setObjectName("encrypt_box")
        self.encrypt.setChecked(True)  # the records are sensitive: a plain file is the choice to make, not the default
        self.encrypt.setToolTip(self.tr("The file, its journal and its backups are encrypted (SQLCipher, AES-256); the "
                                "passphrase is asked whenever the database is opened."))  # fmt: skip
        self.field = PassphraseField(self.tr("Passphrase"), self)
        self.confirm = PassphraseField(self.tr("Confirm passphrase"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)
        themed_style(self.problem, ERROR_STYLE)
        self.problem.setAccessibleName(self.tr("Passphrase problem"))
        self.remember = remember_box(can_remember, self)
        self.note = QLabel(translate("NewDatabaseDialog", NO_RECOVERY), self)
        self.note.setObjectName("encryption_note")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        form.addRow(self.tr("Con&firm:"), self.confirm)
        for field in (self.field, self.confirm):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field.edit)
        form.addRow("", self.problem)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(self.tr("C&reate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_button")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.setDefault(True)  # Enter creates, once it may (on a focused button, Enter presses it)
        self.create_button.clicked.connect(self._create)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.encrypt)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setTabOrder(self.encrypt, self.field.edit)
        self.setTabOrder(self.field.edit, self.field.toggle)
        self.setTabOrder(self.field.toggle, self.confirm.edit)
        self.setTabOrder(self.confirm.edit, self.confirm.toggle)
        self.setTabOrder(self.confirm.toggle, self.remember)
        self.encrypt.toggled.connect(self._update)
        self.field.text_changed.connect(self._update)
        self.confirm.text_changed.connect(self._update)
        self.setMinimumWidth(480)
        self._update()

    def _problem(self) -> str:
        """What keeps Create disabled, in a sentence ("" once the passphrases can be used)."""
        text, again = self.field.text(), self.confirm.text()
        if not text:
            return ""
        problem = passphrase_problem(text)
        if problem:
            return problem[0].upper() + problem[1:] + "."
        if again != text and again and (len(again) >= len(text) or not text.startswith(again)):
            return translate(
                "NewDatabaseDialog", MISMATCH
            )  # said once the confirmation goes wrong, not while it is still being typed
        return ""

    def _update(self) -> None:
        encrypt = self.encrypt.isChecked()
        for widget in (self.field, self.confirm):
            widget.setEnabled(encrypt)
        self.remember.setEnabled(encrypt and self._can_remember)
        problem = self._problem() if encrypt else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.note.setText(
            translate("NewDatabaseDialog", NO_RECOVERY) if encrypt else translate("NewDatabaseDialog", PLAIN)
        )
        ready = not encrypt or (not problem and bool(self.field.text()) and self.field.text() == self.confirm.text())
        self.create_button.setEnabled(ready)

    def _create(self) -> None:
        passphrase = self.field.passphrase() if self.encrypt.isChecked() else None
        self._choice = NewDatabase(passphrase, passphrase is not None and self.remember.isChecked())
        self._clear()
        self.accept()

    def reject(self) -> None:
        self._clear()
        super().reject()

    def _clear(self) -> None:
        self.field.clear()  # the typed text does not stay in the widgets once read
        self.confirm.clear()

    def choice(self) -> NewDatabase:
        return self._choice

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.encrypt.isChecked():
            self.field.focus()
        else:
            self.encrypt.setFocus(Qt.FocusReason.OtherFocusReason)
