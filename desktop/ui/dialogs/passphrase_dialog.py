"""The passphrase of an encrypted database, asked when it opens (the session service's Locked question): Open,
Open another file…, or Quit (Cancel when switching); a wrong passphrase is said in a red line and asked again."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrases import Passphrase
from desktop.services.session.questions import Locked
from desktop.ui.theme import on_theme_change, themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.encryption_badge import padlock
from desktop.ui.widgets.passphrase_field import PassphraseField, remember_box

TITLE = QT_TRANSLATE_NOOP("PassphraseDialog", "Encrypted database — Incident Logger")
ERROR_STYLE = "color: $error; font-weight: bold;"  # desktop.ui.palette's colours
PATH_WIDTH = 440  # pixels of the path line before its middle is elided (the whole path is its tooltip)


class Pressed(StrEnum):
    OPEN = "open"
    OTHER_FILE = "other_file"
    GIVE_UP = "give_up"


class PassphraseDialog(QDialog):
    """Asks the passphrase that opens `question.path`. Enter opens (once something is typed), Esc gives up.
    After exec(): `pressed` says which button ended it; `passphrase()` and `remember` what was given."""

    def __init__(self, question: Locked, give_up: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(translate("PassphraseDialog", TITLE))
        self.setModal(True)
        self.pressed = Pressed.GIVE_UP
        self._passphrase: Passphrase | None = None
        path = question.path
        self.message = QLabel(
            self.tr("The database “{name}” is encrypted. Enter its passphrase.").format(name=path.name), self
        )
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.path_label = QLabel(QFontMetrics(self.font()).elidedText(str(path), Qt.TextElideMode.ElideMiddle,
                                                                       PATH_WIDTH), self)  # fmt: skip
        self.path_label.setObjectName("passphrase_path")
        self.path_label.setToolTip(str(path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        themed_style(self.path_label, "color: $secondary_text;")
        self.error = QLabel(
            self.tr(
                "That passphrase does not open “{name}”. Check Caps Lock and the keyboard layout, then type it again."
            ).format(name=path.name),
            self,
        )
        self.error.setObjectName("passphrase_error")
        self.error.setWordWrap(True)
        themed_style(self.error, ERROR_STYLE)
        self.error.setVisible(question.tried)
        self.field = PassphraseField(self.tr("Passphrase"), self)
        self.remember = remember_box(question.can_remember, self)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        label = form.labelForField(self.field)
        if isinstance(label, QLabel):
            label.setBuddy(self.field.edit)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = buttons.addButton(self.tr("Open another &file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.give_up_button = buttons.addButton(give_up, QDialogButtonBox.ButtonRole.RejectRole)
        for button, name in ((self.open_button, "open_button"), (self.other_button, "other_file_button"),
                             (self.give_up_button, "give_up_button")):  # fmt: skip
            button.setObjectName(name)
        self.open_button.setDefault(True)  # Enter in the field opens; on a focused button, Enter presses that one
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        self.other_button.clicked.connect(lambda: self._end(Pressed.OTHER_FILE))
        self.give_up_button.clicked.connect(self.reject)
        self.field.text_changed.connect(lambda: self.open_button.setEnabled(bool(self.field.text())))
        icon = QLabel(self)
        on_theme_change(icon, lambda: icon.setPixmap(padlock(40)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        content = QVBoxLayout()
        content.addWidget(self.message)
        content.addWidget(self.path_label)
        content.addWidget(self.error)
        content.addSpacing(6)
        content.addLayout(form)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(8)
        top.addLayout(content, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)
        if question.tried:
            self.error.setAccessibleName(self.tr("Error"))
            self.field.edit.setAccessibleDescription(self.error.text())
        self.setTabOrder(self.field.edit, self.field.toggle)
        self.setTabOrder(self.field.toggle, self.remember)
        self.field.focus()

    def _open(self) -> None:
        self._passphrase = self.field.passphrase()
        if self._passphrase is not None:
            self._end(Pressed.OPEN)

    def _end(self, pressed: Pressed) -> None:
        self.pressed = pressed
        self.field.clear()  # the typed text does not stay in the widget once read
        self.accept()

    def reject(self) -> None:
        self.pressed = Pressed.GIVE_UP
        self.field.clear()
        super().reject()

    def passphrase(self) -> Passphrase | None:
        return self._passphrase

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.focus()
