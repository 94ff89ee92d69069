"""File › Synchronize…: the server's address, its login, the preview with the conflicts resolved, the
synchronization behind a progress dialog, what it did; every failure told in words, nothing lost."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.domain.errors import CommitUnknownError, ServerUnreachableError
from desktop.domain.sync import Resolution, SyncPreview, SyncResult
from desktop.persistence.engine import sqlite_file
from desktop.persistence.opening import describe_error
from desktop.persistence.server_link import is_connection_lost
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import QUIT, Answer, CannotOpen, Problem, Question
from desktop.ui.dialogs.progress import Progress, ProgressRunner
from desktop.ui.dialogs.sync_preview_dialog import SyncPreviewDialog
from desktop.ui.dialogs.sync_server_dialog import SyncServerDialog, remembered_form
from desktop.ui.error_dialogs import explain, show_box
from desktop.ui.icons import set_action_icon
from desktop.ui.sync import words
from desktop.ui.sync.engine import SyncEngine, conflicts_of
from desktop.ui.sync.status import SyncStatusLabel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
OpenServer = Callable[[str, Callable[[Question], Answer]], Database | None]


class SyncActions(QObject):
    """The Synchronize… action (disabled, saying why, unless a local database file is open and an engine is
    installed) and the status bar's line. `engine`, `open_server` and `close_server` may be replaced (tests)."""

    def __init__(self, window: MainWindow, engine: SyncEngine | None) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.engine = engine
        self.open_server: OpenServer = lambda url, ask: self.session.sessions.open(url, ask, lock=False)
        self.close_server: Callable[[Database], object] = self.session.sessions.close
        self.action = QAction(self.tr("S&ynchronize…"), window)
        set_action_icon(self.action, "refresh")
        self.action.triggered.connect(lambda _checked=False: self.synchronize())
        self.status = SyncStatusLabel(window, lambda: self.session.database if self.session.is_open else None, engine)
        self.session.database_changed.connect(lambda _database: self.refresh())
        self.session.records_changed.connect(lambda _kind: self.status.show_status())
        self.refresh()

    def set_engine(self, engine: SyncEngine | None) -> None:
        self.engine = self.status.engine = engine
        self.refresh()

    def refresh(self) -> None:
        """The action's state and the status line for the database open now."""
        reason = self._why_not()
        self.action.setEnabled(not reason)
        tip = reason or self.tr("Send this database's changes to the team's server and receive theirs; a preview "
                                "shows what will change first")  # fmt: skip
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.status.show_status()

    def _why_not(self) -> str:
        if self.engine is None:
            return self.tr("Synchronization is not part of this version of Incident Logger")
        if not self.session.database.is_sqlite:
            return self.tr("Only a database file on this computer is synchronized with a server; this window works "
                           "on the server itself")  # fmt: skip
        return ""

    # ---- the steps ----------------------------------------------------------------------------------------
    def synchronize(self) -> SyncResult | None:
        """The whole of File › Synchronize…; the result, or None when it was given up or failed (and said so)."""
        local = self.session.database
        path = sqlite_file(local.url)
        if self._why_not() or path is None or self.engine is None:
            self.window.statusBar().showMessage(self._why_not(), 8000)
            return None
        settings = self.window.settings
        dialog = SyncServerDialog(path.name, settings.sync_server(path), self.window)
        try:
            url = dialog.url() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
        if url is None:
            return None
        settings.save_sync_server(path, remembered_form(url))
        server = self._open(url)
        if server is None:
            return None
        settings.save_sync_server(path, server.url)  # the user name the login may have changed; no password
        try:
            return self._with_server(self.engine, local, server)
        finally:
            self.close_server(server)
            self.status.show_status()

    def _open(self, url: str) -> Database | None:
        """The server's database, opened as the app opens one (its login asked when it wants a password)."""

        def ask(question: Question) -> Answer:
            QApplication.restoreOverrideCursor()
            try:
                if isinstance(question, CannotOpen) and question.problem == Problem.OPEN_FAILED:
                    self._tell(self.tr("The server cannot be reached"), question.message,
                               self.tr("Nothing was sent or received; this database keeps all its changes. Check "
                                       "the address and the network, then synchronize again."))  # fmt: skip
                    return QUIT
                return self.window.dialogs.answer_when_switching(self.window, question)
            finally:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.open_server(url, ask)
        finally:
            QApplication.restoreOverrideCursor()

    def _with_server(self, engine: SyncEngine, local: Database, server: Database) -> SyncResult | None:
        """Preview, choices, synchronization; again with the new conflicts when some appeared meanwhile."""
        chosen: dict[str, Resolution] = {}
        while True:
            preview = self._preview(engine, local, server)
            if preview is None:
                return None
            dialog = SyncPreviewDialog(preview, self.window, previous=chosen)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None  # Cancel: nothing written on either side
                resolutions, chosen = dialog.resolutions(), dict(dialog.chosen)
            finally:
                dialog.deleteLater()
            result = self._run(engine, local, server, preview, resolutions)
            if result is not None:
                return result if isinstance(result, SyncResult) else None

    def _run(self, engine: SyncEngine, local: Database, server: Database, preview: SyncPreview,
             resolutions: list[Resolution]) -> SyncResult | bool | None:  # fmt: skip
        """The synchronization behind its progress dialog: its result; None when new conflicts appeared (the
        preview again); False when it failed (said)."""
        server_name = words.server_name(preview.server)
        runner = ProgressRunner(self.window, self.tr("Synchronizing"),
                                self.tr("Synchronizing with {server}…").format(server=server_name))  # fmt: skip
        stopped: list[bool] = []  # the progress dialog's Cancel, as the engine heard it

        def work(progress: Progress) -> SyncResult:
            def told(done: int, total: int) -> bool:
                going_on = progress(done, total)
                if not going_on:
                    stopped.append(True)
                return going_on

            return engine.synchronize(local, server, resolutions, told)

        try:
            result = runner.run(work, in_worker=True)
        except Exception as error:
            self.session.changed()  # whatever the database holds now is shown
            if conflicts_of(error) is not None:
                self._tell(self.tr("New conflicts"), self.tr("Records were changed on the server since the preview, "
                           "and now conflict with yours. Nothing was changed."),
                           self.tr("The preview is shown again with them; your choices so far are kept."))  # fmt: skip
                return None
            self._failed(error, stopped=bool(stopped))
            return False
        self.session.changed()  # every tab reads its records again
        self._tell(self.tr("Synchronized"), self.tr("Synchronized with {server}.").format(server=server_name),
                   words.result_text(result), icon=QMessageBox.Icon.Information)  # fmt: skip
        return result

    def _preview(self, engine: SyncEngine, local: Database, server: Database) -> SyncPreview | None:
        runner = ProgressRunner(self.window, self.tr("Synchronize"), self.tr("Comparing this database with the "
                                                                             "server…"))  # fmt: skip
        runner.dialog.setRange(0, 0)  # no steps to count: the bar only says it is working
        runner.dialog.setCancelButton(None)  # reading only; the server's time limit ends it
        try:
            return runner.run(lambda _progress: engine.preview(local, server), in_worker=True)
        except Exception as error:
            self._failed(error, stopped=False)
            return None

    # ---- what people are told -----------------------------------------------------------------------------
    def _failed(self, error: BaseException, *, stopped: bool) -> None:
        kept = self.tr("Nothing is lost: this database keeps its changes, and the next synchronization goes on "
                       "from where this one stopped.")  # fmt: skip
        if stopped:
            self._tell(self.tr("Synchronization stopped"), self.tr("The synchronization was stopped."), kept)
            return
        if isinstance(error, CommitUnknownError):
            self._tell(self.tr("Synchronization interrupted"), self.tr("The connection to the server dropped while "
                       "it was saving; whether it kept this part is not known yet."), kept)  # fmt: skip
            return
        if isinstance(error, ServerUnreachableError) or is_connection_lost(error):
            self._tell(self.tr("The server cannot be reached"), self.tr("The server stopped answering: {reason}")
                       .format(reason=describe_error(error)), kept)  # fmt: skip
            return
        headline, details = explain(error)
        if not isinstance(error, ServerUnreachableError):
            log.warning("synchronization failed: %s", describe_error(error), exc_info=error)
        self._tell(self.tr("Synchronization failed"), headline, "\n\n".join(part for part in (details, kept) if part))

    def _tell(self, title: str, text: str, details: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        show_box(self._parent(), icon, title, text, details)

    def _parent(self) -> QWidget:
        return self.window
