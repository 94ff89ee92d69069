"""ModalAnswerer: works each modal dialog of one kind as it is shown, step by step, keeping what each said."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from conftest import make_active
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot


class ModalAnswerer(QObject):
    """Works each modal dialog as it is shown (an application event filter; no polling) with the next step, after
    making it the active window; a dialog that is no `kind` fails the test. What each said (`said(dialog)`) is kept;
    a failing step is kept and closes its dialog; `check()` raises it, or says which steps found no dialog."""

    def __init__(self, qtbot: QtBot, steps: list[Callable[[Any], None]], kind: type[QDialog],
                 said: Callable[[Any], dict[str, Any]]) -> None:  # fmt: skip
        super().__init__()
        self.qtbot = qtbot
        self.steps = list(steps)
        self.kind = kind
        self.said = said
        self.seen: list[dict[str, Any]] = []
        self.failures: list[BaseException] = []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isModal():
            QTimer.singleShot(0, lambda: self._work(watched))
        return False

    def _work(self, dialog: QDialog) -> None:
        if not dialog.isVisible():
            return
        try:
            assert isinstance(dialog, self.kind), f"unexpected dialog {dialog.objectName()}"
            assert self.steps, f"no step left for the {self.kind.__name__}"
            self.seen.append(self.said(dialog))
            make_active(self.qtbot, dialog)
            self.steps.pop(0)(dialog)
        except BaseException as error:
            self.failures.append(error)
            dialog.reject()

    def check(self) -> None:
        QApplication.instance().removeEventFilter(self)
        if self.failures:
            raise self.failures[0]
        assert not self.steps, f"{len(self.steps)} step(s) found no dialog"


@contextmanager
def answerers(qtbot: QtBot, kind: type[QDialog], said: Callable[[Any], dict[str, Any]]
              ) -> Iterator[Callable[[list[Callable[[Any], None]]], ModalAnswerer]]:  # fmt: skip
    """`make(steps)` gives a ModalAnswerer of `kind` dialogs; every one made stops watching when the block ends."""
    made: list[ModalAnswerer] = []

    def make(steps: list[Callable[[Any], None]]) -> ModalAnswerer:
        made.append(ModalAnswerer(qtbot, steps, kind, said))
        return made[-1]

    try:
        yield make
    finally:
        for one in made:
            QApplication.instance().removeEventFilter(one)


def focused(dialog: QWidget) -> QWidget:
    """The widget with the keyboard focus, which must be in `dialog`."""
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is dialog, f"the focus is on {widget} instead"
    return widget
