"""A progress dialog with Cancel for long work that reports progress(done, total): on the GUI thread (a local file),
or in a worker thread while the window keeps turning (a database server, where one statement may wait)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.ui.translated import translate

T = TypeVar("T")
Progress = Callable[[int, int], bool]
STEPS = 1000  # the bar's resolution: totals of any size (bytes of a large file) fit a QProgressBar's int
POLL_MS = 50  # how often the bar follows a worker's progress


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

    def run(self, work: Callable[[Progress], T], *, in_worker: bool = False) -> T:
        """`work(progress)`'s result (or its error, raised here). `in_worker`: the work runs in a thread of its own
        (it opens its own units of work) while a local event loop turns: the window repaints and its timers run,
        the bar follows, Cancel is heard; a statement the server holds does not freeze the window."""
        self.dialog.show()
        QApplication.processEvents()
        try:
            return self._in_worker(work) if in_worker else work(self.progress)
        finally:
            self.dialog.close()
            self.dialog.deleteLater()

    def _in_worker(self, work: Callable[[Progress], T]) -> T:
        reached = [0, 0]  # done, total: written by the worker, shown by the GUI thread
        cancel = threading.Event()
        answer: dict[str, Any] = {}

        def progress(done: int, total: int) -> bool:
            self.calls += 1
            reached[:] = [done, total]
            return not cancel.is_set()

        def run() -> None:
            try:
                answer["result"] = work(progress)
            except BaseException as error:  # raised again in the GUI thread, which says what it was
                answer["error"] = error

        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(POLL_MS)

        def follow() -> None:
            done, total = reached
            if total > 0:
                self.dialog.setValue(min(STEPS, done * STEPS // total))
            if self.dialog.wasCanceled():
                cancel.set()
            if not worker.is_alive():
                loop.quit()

        poll.timeout.connect(follow)
        worker = threading.Thread(target=run, name="progress-work", daemon=True)
        worker.start()
        poll.start()
        while worker.is_alive():
            loop.exec()
        poll.stop()
        if "error" in answer:
            raise answer["error"]
        result: T = answer["result"]
        return result


def run_with_progress(parent: QWidget, title: str, label: str, work: Callable[[Progress], T], *,
                      in_worker: bool = False) -> T:  # fmt: skip
    """`work(progress)` behind a progress dialog with Cancel; see ProgressRunner."""
    return ProgressRunner(parent, title, label).run(work, in_worker=in_worker)
