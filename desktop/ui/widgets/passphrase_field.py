"""A passphrase entry: masked, with a Show/Hide toggle, no input-method suggestions, and nothing copied out of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.domain.passphrases import Passphrase
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

SENSITIVE_INPUT = (
    Qt.InputMethodHint.ImhHiddenText
    | Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)


class PassphraseField(QWidget):
    """A QLineEdit in Password echo mode and a checkable Show button beside it (Tab reaches it; it shows the
    characters typed until pressed again). `passphrase()` reads the text as a Passphrase; `clear()` empties it.
    The text is never logged, never written to QSettings, and Ctrl+C copies nothing while it is masked."""

    text_changed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setInputMethodHints(SENSITIVE_INPUT)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMinimumWidth(260)
        self.edit.textChanged.connect(lambda _text: self.text_changed.emit())
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Show"))
        self.toggle.setToolTip(
            self.tr("Show the characters of the {lower} as you type them").format(lower=accessible_name.lower())
        )
        self.toggle.setAccessibleName(self.tr("Show {lower}").format(lower=accessible_name.lower()))
        self.toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle.toggled.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _show(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.toggle.setAccessibleName(
            (self.tr("Hide ") if shown else self.tr("Show ")) + self.edit.accessibleName().lower()
        )

    def text(self) -> str:
        return self.edit.text()

    def passphrase(self) -> Passphrase | None:
        """What was typed, or None when nothing was."""
        text = self.edit.text()
        return Passphrase(text) if text else None

    def clear(self) -> None:
        self.edit.clear()

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


REMEMBER_TIP = (QT_TRANSLATE_NOOP("PassphraseField", ("Keep the passphrase in the system keyring of your user "
                                                      "account, so that this database opens without "
                "asking. Anyone who can use your unlocked session can then open it.")))  # fmt: skip
NO_KEYRING_TIP = (QT_TRANSLATE_NOOP("PassphraseField", ("No system keyring works on this computer (none is installed, "
                                                        "or it cannot be reached), so the "
                  "passphrase cannot be remembered: it is asked each time the database opens.")))  # fmt: skip


def remember_box(can_remember: bool, parent: QWidget | None = None) -> QCheckBox:
    """ "Remember in the system keyring", unticked; disabled, with a tooltip that says why, without a keyring."""
    text = translate("PassphraseField", "&Remember in the system keyring") + (
        "" if can_remember else translate("PassphraseField", " (none is available here)")
    )
    box = QCheckBox(text, parent)
    box.setObjectName("remember_box")
    box.setAccessibleName(translate("PassphraseField", "Remember the passphrase in the system keyring"))
    box.setEnabled(can_remember)
    tip = translate("PassphraseField", REMEMBER_TIP) if can_remember else translate("PassphraseField", NO_KEYRING_TIP)
    box.setToolTip(f"<p>{tip}</p>")  # rich text: Qt wraps it
    box.setAccessibleDescription(tip)
    return box
