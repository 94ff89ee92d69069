"""FeatureActions: the base of the window's feature actions (CSV, backups, briefing): window, session, QActions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from desktop.ui.session import Session


class FeatureActions(QObject):
    """Opens its dialogs on `window` for the `session`'s database; `failed(message)` tells what went wrong."""

    failed = Signal(str)

    def __init__(self, parent_window: QWidget, session: Session) -> None:
        super().__init__(parent_window)
        self.window = parent_window
        self.session = session
        self.current_dialog: QDialog | None = None  # the one open now (tests work it)

    def action(self, text: str, name: str, tip: str, slot: Callable[[], None], shortcut: str = "") -> QAction:
        """A QAction on the window (`name`: its object name) that calls `slot`."""
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _open(self, dialog: QDialog) -> None:
        """Open `dialog` window-modal, deleted on close, as `current_dialog` until then."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._track(dialog)
        dialog.open()

    def _track(self, dialog: QDialog) -> None:
        """`dialog` is `current_dialog` until it is destroyed."""
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.current_dialog = dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.current_dialog is dialog:
            self.current_dialog = None

    def _status(self, text: str) -> None:
        """Say `text` in the window's status bar for ten seconds."""
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 10_000)
