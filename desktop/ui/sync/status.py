"""The status bar's synchronization line: "Last synchronized 2026-12-04 10:32 with SERVER · 3 changes to send"."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.domain.sync import SyncStatus
from desktop.persistence.unit_of_work import Database
from desktop.ui.sync import words
from desktop.ui.sync.engine import SyncEngine

log = logging.getLogger(__name__)


class SyncStatusLabel(QLabel):
    """Shown for a local database file while an engine is installed; `show_status()` reads the engine's status
    again (after each synchronization, each local change, another database)."""

    def __init__(self, window: QMainWindow, database: Callable[[], Database | None], engine: SyncEngine | None) -> None:
        super().__init__(window)
        self.setObjectName("sync_label")
        self.setContentsMargins(8, 0, 8, 0)
        self.database = database
        self.engine = engine
        window.statusBar().addPermanentWidget(self)
        self.hide()

    def show_status(self) -> None:
        database = self.database()
        if self.engine is None or database is None or not database.is_sqlite:
            self.hide()
            return
        try:
            status = self.engine.status(database)
        except Exception as error:  # the line says nothing rather than something wrong; the window goes on
            log.warning("synchronization status: %s", error)
            self.hide()
            return
        self.setText(self.describe(status))
        self.setToolTip(self.tr("File › Synchronize… sends this database's changes to the team's server and "
                                "receives theirs"))  # fmt: skip
        self.setAccessibleName(self.text())
        self.show()

    def describe(self, status: SyncStatus) -> str:
        if status.last_sync_at is None:
            return self.tr("Never synchronized")
        pending = status.pending_changes or 0  # (None only when never synchronized)
        changes = (self.tr("no changes to send") if pending == 0 else self.tr("1 change to send") if pending == 1
                   else self.tr("{count} changes to send").format(count=words.number(pending)))  # fmt: skip
        return self.tr("Last synchronized {when} with {server} · {changes}").format(
            when=words.local_time(status.last_sync_at), server=words.server_name(status.server or "?"), changes=changes
        )
