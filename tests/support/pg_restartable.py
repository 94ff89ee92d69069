"""A throw-away PostgreSQL server that can be stopped and started again on the same port with its data."""

from __future__ import annotations

import contextlib
import os
import signal

from support.pg_server import STOP_TIMEOUT_S, PostgresServer


class RestartablePostgresServer(PostgresServer):
    """`halt()` shuts the server down (fast shutdown: every connection dropped) and keeps its data directory;
    `resume()` starts it again on the same port."""

    def halt(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        pid = self._postmaster_pid()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGINT) if pid else os.killpg(process.pid, signal.SIGINT)
        process.wait(STOP_TIMEOUT_S)

    def resume(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self._launch()
            self._wait_until_ready()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None
