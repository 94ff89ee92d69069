"""FeatureActions: the base of the window's feature actions (CSV, backups, briefing): window, session, QActions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.ui.session import Session


class FeatureActions(QObject):
    """Opens its dialogs on `window` for the `session`'s database; `failed(message)` tells what went wrong."""

    failed = Signal(str)

    def __init__(self, parent_window: QWidget, session: Session) -> None:
        super().__init__(parent_window)
        self.window = parent_window
        self.session = session

    def action(self, text: str, name: str, tip: str, slot: Callable[[], None], shortcut: str = "") -> QAction:
        """A QAction on the window (`name`: its object name) that calls `slot`."""
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action
