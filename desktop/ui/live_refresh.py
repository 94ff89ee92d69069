"""LiveRefresh: the server's change notices (another analyst's saves) shown at once: the tables read the rows in
view again in place, the open forms hear of changes to their record (ui/forms/conflict_watch.py)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.kinds import RecordKind
from desktop.domain.live_changes import Change
from desktop.persistence.unit_of_work import Database
from desktop.ui.session import Session

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DEBOUNCE_MS = 150  # changes arriving together (an import, a save with its legal history) make one read
log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; its signal, emitted in the listener's thread, is delivered queued."""

    heard = Signal(object)


class LiveRefresh(QObject):
    """Listens to the session's database (again after a switch); each notice is passed on at once as the session's
    `changed_elsewhere(Change)`, and DEBOUNCE_MS after the first of a burst the window's tables read their rows in
    view again (`RecordTab.refresh_in_place`), the facility choices and the deadline count too. `refreshed(float)`
    tells the seconds from the first notice heard to the tables read (tests, the log)."""

    refreshed = Signal(float)

    def __init__(self, window: MainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._relay = _Relay(self)
        self._relay.heard.connect(self._arrived)
        self._kinds: set[RecordKind] = set()
        self._first_heard = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._refresh)
        self.listening = False
        session.database_changed.connect(self._listen)
        if session.is_open:
            self._listen(session.database)

    def _listen(self, database: Database) -> None:
        relay = self._relay

        def heard(change: Change) -> None:  # in the listener's thread
            if shiboken6.isValid(relay):
                relay.heard.emit(change)

        self.listening = database.listen(heard) is not None

    def _arrived(self, change: Change) -> None:
        self.session.changed_elsewhere.emit(change)
        if not self._timer.isActive():
            self._first_heard = time.perf_counter()
            self._timer.start()
        self._kinds.add(change.kind)

    def _refresh(self) -> None:
        kinds, self._kinds = self._kinds, set()
        if not self.session.is_open or not kinds or not self.window.isVisible():  # closing: read nothing more
            return
        if RecordKind.FACILITY in kinds:
            self.window._update_facility_choices()
        for tab in self.window.record_tabs.values():  # names of other kinds show in every table
            tab.refresh_in_place()
        self.window._show_deadlines()
        features = self.window.features
        if features is not None and features.dashboard_page.is_built:
            features.dashboard.invalidate()
        seconds = time.perf_counter() - self._first_heard
        log.info("live refresh of %s at %.3f, %.3f s after the first notice", ", ".join(sorted(kinds)), time.time(),
                 seconds)  # fmt: skip
        self.refreshed.emit(seconds)
