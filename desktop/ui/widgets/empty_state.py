"""EmptyState: a short text and buttons saying what to do, shown in place of a table without rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

Choice = tuple[str, Callable[[], object]]


class EmptyState(QWidget):
    """A centred message over a row of real, focusable push buttons; `show_choices` replaces both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.label = QLabel(self)
        self.label.setObjectName("empty_state_text")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        self.row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(self.row)
        layout.addStretch(2)
        self.buttons: list[QPushButton] = []
        self._shown: tuple[str, list[Choice]] | None = None

    def show_choices(self, text: str, choices: Sequence[Choice]) -> None:
        """Show `text` and one button per (text, callback) of `choices`, in order."""
        if (text, list(choices)) == self._shown:
            return  # the same buttons: keep them (and the focus)
        self._shown = (text, list(choices))
        self.label.setText(text)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for label, callback in choices:
            button = QPushButton(label, self)
            button.setObjectName("empty_state_button")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, c=callback: c())
            self.row.insertWidget(self.row.count() - 1, button)
            button.show()
            self.buttons.append(button)

    def button(self, text: str) -> QPushButton:
        """The button showing `text` (tests and the screenshot script find them so)."""
        return next(b for b in self.buttons if b.text() == text)

    def texts(self) -> list[str]:
        return [b.text() for b in self.buttons]
