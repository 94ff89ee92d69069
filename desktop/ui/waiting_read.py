"""A read the next step needs at once (a record for its form, a history): in a worker on a server while the window
keeps painting, with a busy cursor; directly on a local file, where it takes milliseconds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtGui import QGuiApplication

from desktop.ui.background_reads import BackgroundReads

T = TypeVar("T")


def read_and_wait(owner: QObject, read: Callable[[], T], *, now: bool) -> T:
    """`read()`'s result (or its error, raised here). On a server (`now` False) it runs in a worker of `owner`'s
    while a local event loop turns: the window repaints, its timers run (the server bar's retries), and what the
    person types or clicks waits until the read is done (so no second action starts meanwhile)."""
    if now:
        return read()
    reads = owner.findChild(BackgroundReads, "waiting_read")
    if reads is None:
        reads = BackgroundReads(owner)
        reads.setObjectName("waiting_read")
    answer: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: Any) -> None:
        answer["result"] = result
        loop.quit()

    def failed(error: Exception) -> None:
        answer["error"] = error
        loop.quit()

    reads.run(read, done, failed)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        while not answer:  # quit() before exec() (an answer already queued) is not lost: the loop is entered again
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if "error" in answer:
        raise answer["error"]
    result: T = answer["result"]
    return result
