"""ChangeListener: LISTEN on PostgreSQL's incident_logger_changes channel in a plain thread, calling back a Change."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from sqlalchemy import Engine

from desktop.domain.kinds import RecordKind
from desktop.domain.live_changes import OPERATIONS, Change

CHANNEL = "incident_logger_changes"  # the triggers of migration 0009 notify it
WAIT_S = 0.25  # how long one wait on the socket lasts: the most `stop()` waits for the thread
RETRY_S = (0.2, 0.5, 1.0, 2.0, 5.0)  # waits before reconnecting, the last repeated
Callback = Callable[[Change], None]
log = logging.getLogger(__name__)


def parse_change(payload: str) -> Change | None:
    """The Change a notice carries, or None (logged) when it is not one of ours."""
    try:
        data = json.loads(payload)
        kind = RecordKind(data["kind"])
        operation = str(data["operation"])
        uuid, version = data.get("uuid"), data.get("version")
        if operation not in OPERATIONS or not (uuid is None or isinstance(uuid, str)):
            raise ValueError(f"operation {operation!r}, uuid {uuid!r}")
        if not (version is None or isinstance(version, int)):
            raise ValueError(f"version {version!r}")
        return Change(kind, uuid, version, operation, str(data.get("user") or ""))
    except (ValueError, KeyError, TypeError) as error:
        log.warning("ignored a change notice that is not one (%s): %.200s", error, payload)
        return None


def engine_connector(engine: Engine) -> Callable[[], Any]:
    """A function opening a connection of its own, made as the engine makes its connections (URL, password, TLS,
    connect events), detached from its pool: the listener's connection is never handed to a unit of work."""

    def connect() -> Any:
        proxied = engine.raw_connection()
        proxied.detach()  # no longer the pool's: closing it closes it
        connection: Any = proxied.dbapi_connection  # psycopg's own Connection
        if connection is None:
            raise ConnectionError("the engine gave no connection")
        with suppress(Exception):
            connection.rollback()  # a connect event may have opened a transaction
        connection.autocommit = True
        return connection

    return connect


class ChangeListener:
    """`start()` begins listening in a daemon thread; each notice becomes `callback(Change)` (called in that
    thread: the UI marshals it). A dropped connection is opened again (waits of RETRY_S); once it is back every
    kind is told as changed ("many"), since notices sent meanwhile are lost. `stop()` ends the thread within
    about WAIT_S and closes the connection."""

    def __init__(self, connect: Callable[[], Any], callback: Callback, *, channel: str = CHANNEL) -> None:
        self._connect = connect
        self._callback = callback
        self._channel = channel
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: Any = None
        self.connections = 0  # connections opened so far (tests: a reconnect makes it 2)
        self.backend_pid: int | None = None  # the server process of the current connection

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="change-listener", daemon=True)
        self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        """True once the listener's LISTEN is in place (tests; changes committed before are not told)."""
        return self._listening.wait(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 2.0) -> None:
        """End the thread and close the connection; returns once the thread is gone (or `timeout` passed)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the change listener did not stop within %.1f s", timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                connection = self._open()
            except Exception as error:  # server down, password refused: try again later
                log.info("change listener cannot connect: %s", error)
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1
                continue
            if self.connections > 1:
                self._tell_everything_changed()
            failures = 0
            try:
                self._listen(connection)
            except Exception as error:  # the connection dropped (server restart, backend terminated)
                log.info("change listener lost its connection: %s", error)
                self._listening.clear()
                self._stop.wait(RETRY_S[0])
            finally:
                self._close()

    def _open(self) -> Any:
        connection = self._connect()
        self._connection = connection
        try:
            connection.execute(f'LISTEN "{self._channel}"')
        except BaseException:
            self._close()
            raise
        self.connections += 1
        self.backend_pid = int(connection.info.backend_pid)
        log.info("listening for changes (server process %s)", self.backend_pid)
        self._listening.set()
        return connection

    def _listen(self, connection: Any) -> None:
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=WAIT_S):
                change = parse_change(notice.payload)
                if change is not None:
                    self._tell(change)
                if self._stop.is_set():
                    return
            if connection.closed:
                raise ConnectionError("the connection is closed")

    def _tell(self, change: Change) -> None:
        try:
            self._callback(change)
        except Exception:
            log.exception("the change callback failed")

    def _tell_everything_changed(self) -> None:
        for kind in RecordKind:
            self._tell(Change(kind, None, None, "many", ""))

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(Exception):
                connection.close()
