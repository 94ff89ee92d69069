"""ProgressRunner's worker mode (a database server): the work runs in a thread while the window keeps turning, the
bar follows, Cancel is heard by the work, and the work's error is raised where it was asked for."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.dialogs.progress import Progress, ProgressRunner, run_with_progress


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_in_another_thread_while_the_window_turns(parent: QWidget) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    seen: list[int] = []
    gui = threading.get_ident()

    def work(progress: Progress) -> str:
        for step in range(1, 11):
            time.sleep(0.03)
            assert progress(step, 10)
        return "done" if threading.get_ident() != gui else "on the GUI thread"

    runner = ProgressRunner(parent, "Export", "Writing…")
    dialog = runner.dialog
    QTimer.singleShot(150, lambda: seen.append(dialog.value()))
    assert runner.run(work, in_worker=True) == "done"
    timer.stop()
    assert len(ticks) >= 15, f"the event loop turned {len(ticks)} times in 0.3 s"
    assert seen and 0 < seen[0] < 1000, seen  # the bar followed the work on its way
    assert runner.calls == 10


def test_cancel_is_heard_by_the_work(parent: QWidget, qtbot: QtBot) -> None:
    def work(progress: Progress) -> int:
        steps = 0
        while progress(steps, 1000) and steps < 1000:
            steps += 1
            time.sleep(0.01)
        return steps

    def press_cancel() -> None:
        dialog = parent.findChild(QProgressDialog, "progress_dialog")
        assert dialog is not None
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()

    QTimer.singleShot(200, press_cancel)
    steps = run_with_progress(parent, "Import CSV", "Importing…", work, in_worker=True)
    assert 0 < steps < 1000


def test_the_work_s_error_is_raised_to_the_caller(parent: QWidget) -> None:
    def work(progress: Progress) -> None:
        progress(1, 2)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        run_with_progress(parent, "Export", "Writing…", work, in_worker=True)
