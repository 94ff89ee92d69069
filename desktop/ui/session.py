"""Session: the open database of the window, its record services and the session service, with the signals the
window and every feature follow (`database_changed`, `records_changed`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import ServerUnreachableError
from desktop.domain.kinds import RecordKind
from desktop.persistence.server_link import is_connection_lost
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import RestoreResult
from desktop.services.records import RecordServices
from desktop.services.session.questions import Ask
from desktop.services.session.service import DatabaseSessions
from desktop.ui.background_reads import finish_reads
from desktop.ui.translated import translate


class NoDatabaseError(RuntimeError):
    """There is no open database (before one was opened, or after closing)."""

    def __init__(self) -> None:
        super().__init__(translate("NoDatabaseError", "No database is open."))


class Session(QObject):
    """The database the window works on. `switch(url, ask)` opens another through the session service (asking
    `ask` about any problem) and closes this one; `changed(kind, …)` tells everyone that records changed.

    Signals: `database_changed(Database)` after a switch, `records_changed(RecordKind)` after any change of
    records of that kind (new, edit, delete, undo and redo, import, restore), `changed_elsewhere(Change)` for each
    change the server announces (another window's, this one's too)."""

    database_changed = Signal(object)  # Database
    records_changed = Signal(object)  # RecordKind
    changed_elsewhere = Signal(object)  # a domain Change committed by anyone (ui/live_refresh.py; PostgreSQL only)
    server_lost = Signal(object)  # a write or read outside the tables found the server gone (ui/server_status.py)

    def __init__(self, database: Database | None, sessions: DatabaseSessions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self._database = database
        self._services = RecordServices.of(database) if database is not None else None

    def failed(self, error: BaseException) -> None:
        """An action failed with `error`: when it lost the database server, `server_lost` says so (the bar and its
        retries start as for a failed read of the tables)."""
        if isinstance(error, ServerUnreachableError) or is_connection_lost(error):
            self.server_lost.emit(error)

    @property
    def is_open(self) -> bool:
        return self._database is not None

    @property
    def database(self) -> Database:
        if self._database is None:
            raise NoDatabaseError()
        return self._database

    @property
    def services(self) -> RecordServices:
        if self._services is None:
            raise NoDatabaseError()
        return self._services

    def changed(self, *kinds: RecordKind) -> None:
        """Records of these kinds (all kinds when none is named) were changed: emit records_changed for each."""
        for kind in kinds or tuple(RecordKind):
            self.records_changed.emit(kind)

    def switch(self, url: str, ask: Ask, *, create: bool = False) -> bool:
        """Open `url` instead; False (the current database stays) when the answer was not to open it. A file that is
        not there is created only with `create` (File › New database); otherwise the Missing question is asked."""
        current = self.database
        if url == current.url:
            return True
        finish_reads()  # the worker threads' reads give their connections back before the current one is closed
        database = self.sessions.switch(current, url, ask, create=create)
        if database is None:
            return False
        self._database, self._services = database, RecordServices.of(database)
        self.database_changed.emit(database)
        return True

    def restore(self, backup: Path, backup_dir: Path, *, move_damaged: bool = False) -> RestoreResult:
        """Replace the data by `backup` (the data of now is saved in `backup_dir` first; with `move_damaged` a damaged
        file is kept beside it as `.damaged`); every kind changed."""
        result = self.sessions.restore(self.database, backup, backup_dir, move_damaged=move_damaged)
        self.changed()
        return result

    def close(self) -> None:
        """Close the database (a running background backup gets a second, dispose, unlock); nothing is open after."""
        database, self._database, self._services = self._database, None, None
        if database is not None:
            finish_reads()
            self.sessions.close(database)
