"""The passphrase of a protected export, typed twice in masked fields; the dialog only returns it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.passphrases import Passphrase, passphrase_problem


class ExportPassphraseDialog(QDialog):
    """Asks the passphrase that protects `written` (a ZIP) twice; Write is enabled once both agree and the
    passphrase is acceptable (passphrase_problem), Enter presses it, Esc cancels. `passphrase()` after accept.
    Both fields are emptied when the dialog closes."""

    def __init__(self, parent: QWidget | None, written: Path) -> None:
        super().__init__(parent)
        self.setObjectName("export_passphrase_dialog")
        self.setWindowTitle(self.tr("Protect the export with a passphrase"))
        self.setMinimumWidth(480)  # the title and the explanation readable, not a narrow column
        self._chosen: Passphrase | None = None
        intro = QLabel(
            self.tr(
                "{name} will be a ZIP file whose content is encrypted (AES-256). Whoever opens it needs this "
                "passphrase (7-Zip and WinZip ask for it). Keep the passphrase apart from the file: whoever has both "
                "reads it."
            ).format(name=written.name)
        )
        intro.setObjectName("passphrase_intro")
        intro.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("repeat_edit")
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("passphrase_problem")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(self.tr("&Write protected ZIP"))
        self.write_button.setObjectName("write_protected_button")
        self.write_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        form.addRow(self.tr("&Repeat it:"), self.repeat_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.passphrase_edit.textChanged.connect(lambda _text: self._update())
        self.repeat_edit.textChanged.connect(lambda _text: self._update())
        self.passphrase_edit.returnPressed.connect(self._next_field)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _result: self._empty())
        self._update()
        self.passphrase_edit.setFocus()

    def problem(self) -> str:
        """Why Write is disabled ("" when it is enabled)."""
        text, repeated = self.passphrase_edit.text(), self.repeat_edit.text()
        if not text:
            return self.tr("Type the passphrase, then type it again.")
        if problem := passphrase_problem(text):
            return problem[0].upper() + problem[1:] + "."
        if repeated != text:
            return self.tr("The two passphrases differ.") if repeated else self.tr("Type the passphrase again below.")
        return ""

    def _update(self) -> None:
        problem = self.problem()
        self.write_button.setEnabled(not problem)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))  # no empty gap above the buttons once all is well

    def _next_field(self) -> None:
        """Enter in the first field goes on to the second while Write is not yet enabled."""
        if not self.write_button.isEnabled():
            self.repeat_edit.setFocus()

    def accept(self) -> None:
        if self.problem():
            return
        self._chosen = Passphrase(self.passphrase_edit.text())
        super().accept()

    def _empty(self) -> None:
        self.passphrase_edit.clear()
        self.repeat_edit.clear()

    def passphrase(self) -> Passphrase:
        """The passphrase accepted (ValueError before)."""
        if self._chosen is None:
            raise ValueError("no passphrase was accepted")
        return self._chosen
