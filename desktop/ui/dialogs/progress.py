"""A progress dialog with Cancel for long work that runs on the GUI thread and reports progress(done, total)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.ui.translated import translate

T = TypeVar("T")
Progress = Callable[[int, int], bool]
STEPS = 1000  # the bar's resolution: totals of any size (bytes of a large file) fit a QProgressBar's int


class ProgressRunner:
    """Shows a window-modal QProgressDialog while `run(work)` calls work(progress).

    No thread is started: the work calls progress(done, total) between chunks, which updates the bar and lets
    Qt handle events (so Cancel can be clicked); progress returns False once Cancel was clicked, and the work
    then stops and cleans up itself. The dialog is closed and deleted when the work returns or raises."""

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        self.dialog = QProgressDialog(label, translate("ProgressRunner", "Cancel"), 0, STEPS, parent)
        self.dialog.setObjectName("progress_dialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.calls = 0

    @property
    def cancelled(self) -> bool:
        return self.dialog.wasCanceled()

    def progress(self, done: int, total: int) -> bool:
        self.calls += 1
        if total > 0:
            self.dialog.setValue(min(STEPS, done * STEPS // total))
        QApplication.processEvents()
        return not self.dialog.wasCanceled()

    def run(self, work: Callable[[Progress], T]) -> T:
        self.dialog.show()
        QApplication.processEvents()
        try:
            return work(self.progress)
        finally:
            self.dialog.close()
            self.dialog.deleteLater()


def run_with_progress(parent: QWidget, title: str, label: str, work: Callable[[Progress], T]) -> T:
    """`work(progress)` behind a progress dialog with Cancel; see ProgressRunner."""
    return ProgressRunner(parent, title, label).run(work)
