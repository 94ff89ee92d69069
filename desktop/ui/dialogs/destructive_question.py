"""The question before an action that cannot be taken back: the action's button, and keeping as default and Esc."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def confirm_destructive(parent: QWidget, title: str, text: str, details: str, act: str, keep: str = "", *,
                        name: str = "") -> bool:  # fmt: skip
    """Ask (modal) whether to `act` ("&Delete entry"); the other button, `keep` ("&Keep entry", or Cancel when
    empty), is the default and Esc. True only when the person chose to act."""
    box = QMessageBox(parent)
    if name:
        box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(details)
    action = box.addButton(act, QMessageBox.ButtonRole.DestructiveRole)
    keeping = box.addButton(keep, QMessageBox.ButtonRole.RejectRole) if keep else box.addButton(
        QMessageBox.StandardButton.Cancel)  # fmt: skip
    box.setDefaultButton(keeping)
    box.setEscapeButton(keeping)
    box.exec()
    clicked: QAbstractButton | None = box.clickedButton()
    return clicked is action
