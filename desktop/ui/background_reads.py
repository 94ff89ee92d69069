"""Reads run in a worker thread (each on its own pooled connection), their results delivered in the GUI thread."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)
WORKERS = 2  # a page and a count, or the dashboard, at once: more would only queue on the server
CLOSE_WAIT_MS = 5_000  # how long closing a database waits for the reads still running on its connections
_LIVE: weakref.WeakSet[BackgroundReads] = weakref.WeakSet()


def finish_reads(wait_ms: int = CLOSE_WAIT_MS) -> bool:
    """Wait (at most `wait_ms` each) for every running background read, so that a database is closed only after
    its worker threads have given their pooled connections back (a disposed engine does not close the connections
    checked out). False when one still runs (a statement stalled on the server)."""
    finished = True
    for reads in list(_LIVE):
        try:
            reads.forget()
            finished = reads.pool.waitForDone(wait_ms) and finished
        except RuntimeError:  # its window is gone: deleting a QThreadPool waits for its threads
            _LIVE.discard(reads)
    return finished


class BackgroundReads(QObject):
    """`run(read, done, failed)`: `read()` in a worker thread, then `done(result)` or `failed(error)` in the thread
    this object lives in (the GUI's), unless `forget()` was called meanwhile. Only reads: a write never goes here."""

    _finished = Signal(int, object, object)  # ticket, result, error (emitted in the worker)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(WORKERS)
        self._next = 0
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._finished.connect(self._deliver)  # queued: the worker is another thread
        _LIVE.add(self)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(self, read: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]) -> int:
        self._next += 1
        ticket = self._next
        self._waiting[ticket] = (done, failed)
        self.pool.start(lambda: self._work(ticket, read))
        return ticket

    def forget(self) -> None:
        """Results of the reads running now are dropped when they come (a newer request replaces them)."""
        self._waiting.clear()

    def _work(self, ticket: int, read: Callable[[], Any]) -> None:
        try:
            result, error = read(), None
        except Exception as failure:  # delivered to `failed` in the GUI thread, which says what it was
            result, error = None, failure
        try:
            self._finished.emit(ticket, result, error)
        except RuntimeError:  # the window closed meanwhile: nobody waits for it
            log.debug("a background read finished after its receiver was deleted")

    def _deliver(self, ticket: int, result: Any, error: Exception | None) -> None:
        callbacks = self._waiting.pop(ticket, None)
        if callbacks is None:
            return  # forgotten: an older request's answer
        done, failed = callbacks
        if error is not None:
            failed(error)
        else:
            done(result)


def read_soon(owner: QObject, key: str, read: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[Exception], None], *, now: bool,
              expected: tuple[type[Exception], ...] = (Exception,)) -> None:  # fmt: skip
    """`read` now (`now`: a local file, milliseconds), `failed` getting the `expected` errors; else in a worker of
    `owner`'s, one per `key`: a newer read of the same key drops the older one's answer."""
    if now:
        try:
            result = read()
        except expected as error:
            failed(error)
            return
        done(result)
        return
    reads = owner.findChild(BackgroundReads, key)
    if reads is None:
        reads = BackgroundReads(owner)
        reads.setObjectName(key)
    reads.forget()
    reads.run(read, done, failed)
