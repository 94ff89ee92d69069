"""PostgreSQL imports: a staged batch moved into the tables on a thread while the import goes on checking rows."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, StatementError

SAVEPOINT = "import_batch"


class DeferredBatches:
    """The statements that move one staged batch (incidents, weapons, legal history, digests) into the tables are
    held, then sent on a thread: the server inserts while this process checks the next rows. Every other statement
    of the connection first waits for them (psycopg's lock orders them too). They run inside a savepoint: when the
    server refuses one, the batch is rolled back and the refusal kept in `refused`, for the import to report on the
    batch's first row as it would have had the statements run at once; the transaction goes on."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.driver: Any = connection.connection.driver_connection
        self.held: list[str] = []
        self.refused: StatementError | None = None
        self._thread: threading.Thread | None = None
        self._error: Exception | None = None
        event.listen(connection, "before_cursor_execute", self._before)

    def hold(self, statements: list[str]) -> None:
        """Keep a staged batch's statements until `send` (the previous batch is settled first)."""
        self.settle()
        self.held = statements

    def send(self) -> None:
        """Start the held statements on a thread (nothing to do without them)."""
        if not self.held or self._thread is not None:
            return
        script = "; ".join([f"SAVEPOINT {SAVEPOINT}", *self.held, f"RELEASE SAVEPOINT {SAVEPOINT}"])
        self.held = []
        self._thread = threading.Thread(target=self._run, args=(script,), name="import-batch", daemon=True)
        self._thread.start()

    def settle(self) -> None:
        """Send what is held and wait for it; a refusal is rolled back to the batch's start and kept in `refused`."""
        self.send()
        self._wait()

    def close(self) -> None:
        """Wait for a batch still running (its refusal no longer matters: the import ends) and stop watching the
        connection; what is held is dropped."""
        self.held = []
        if self._thread is not None:
            self._thread.join()
            self._thread, self._error = None, None
        event.remove(self.connection, "before_cursor_execute", self._before)

    def _run(self, script: str) -> None:
        try:
            self.driver.execute(script)  # no parameters: several statements in one message
        except Exception as error:  # psycopg's refusal, raised again by _wait as SQLAlchemy's error of its kind
            self._error = error

    def _wait(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.join()
        error, self._error = self._error, None
        if error is None:
            return
        self.driver.execute(f"ROLLBACK TO SAVEPOINT {SAVEPOINT}; RELEASE SAVEPOINT {SAVEPOINT}")
        dbapi = self.connection.dialect.loaded_dbapi.Error
        self.refused = self.refused or DBAPIError.instance("(an imported batch)", None, error, dbapi)

    def _before(self, *_args: object) -> None:
        self._wait()  # another statement of the connection: after the batch, on a usable transaction
