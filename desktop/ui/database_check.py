"""The window's background checks of its database file (at start, weekly when idle, on demand) and their banner."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.persistence.engine import sqlite_file
from desktop.persistence.integrity import Scan
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.health import BackgroundCheck, CheckReason, CheckResult, full_check_due, start_reason
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings
from desktop.ui.theme import themed_style

log = logging.getLogger(__name__)

IDLE_SECONDS = 120.0  # no key, click or wheel for this long: the weekly full check may run
POLL_MS = 30_000  # how often the schedule is looked at
INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                          QEvent.Type.MouseMove, QEvent.Type.TouchBegin})  # fmt: skip


class CheckBanner(QFrame):
    """A bar above the tables: what a check found in one sentence, Restore from backup…, Dismiss."""

    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        themed_style(self, "#check_banner { background: $banner_background; border: 1px solid $banner_border; }"
                           "#check_banner QLabel { color: $banner_text; }")  # fmt: skip
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24))
        self.text = QLabel(self)
        self.text.setObjectName("check_banner_text")
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore from backup…"), self)
        self.restore_button.setObjectName("check_banner_restore")
        self.restore_button.clicked.connect(self.restore_requested)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("check_banner_dismiss")
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def tell(self, sentence: str, *, can_restore: bool) -> None:
        self.text.setText(sentence)
        self.restore_button.setVisible(can_restore)
        self.show()


def place_above_tables(window: QMainWindow, banner: QWidget) -> None:
    """Put `banner` above the window's central widget (the tabs), which stays as it was."""
    central = window.takeCentralWidget()
    holder = QWidget(window)
    holder.setObjectName("central_holder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(holder)


class DatabaseChecks(QObject):
    """Runs the background checks of the window's database and tells what they find.

    `finished(CheckResult)` is emitted in the window's thread after each check (cancelled ones included). The
    time of the last full check that found nothing is kept per database file in the settings (QSettings)."""

    finished = Signal(object)  # CheckResult
    _ended = Signal(object)  # CheckResult, emitted in the check's own thread

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        settings: WindowSettings,
        *,
        idle_seconds: float = IDLE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
        restore: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.idle_seconds = idle_seconds
        self.monotonic = monotonic
        self.restore = restore
        self.current: BackgroundCheck | None = None
        self.make_check = BackgroundCheck  # tests hold a check back to show that the window does not wait for it
        self.results: list[CheckResult] = []
        self._shown = False
        self.start_on_show = True  # False: no check after the first show (the window benchmark times the window alone)
        self._last_input = monotonic()
        self.banner = CheckBanner(window)
        self.banner.restore_requested.connect(self._restore)
        place_above_tables(window, self.banner)
        self.check_action = QAction(self.tr("&Check database now"), window)
        self.check_action.setStatusTip(self.tr("Run the full integrity check of the database file in the background"))
        self.check_action.triggered.connect(lambda _checked=False: self.start(CheckReason.ON_DEMAND))
        self._ended.connect(self._on_ended)
        session.database_changed.connect(self._database_changed)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any input anywhere: not idle
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.tick)

    # ---- starting ---------------------------------------------------------------------------------------------

    def path(self) -> Path | None:
        """The SQLite file of the open database (None: a server database, or none open)."""
        return sqlite_file(self.session.database.url) if self.session.is_open else None

    def start_after_opening(self) -> None:
        """The check after a database is shown: quick_check, or integrity_check after an unclean shutdown."""
        if not self.session.is_open:
            return
        unclean = self.session.sessions.closed_uncleanly(self.session.database)
        self.start(start_reason(unclean))

    def start(self, reason: CheckReason) -> bool:
        """Start a check unless one of the same or more thoroughness runs; False when none was started."""
        path = self.path()
        if path is None:
            if reason is CheckReason.ON_DEMAND:
                self._status(self.tr("Only a database file can be checked here; a server checks its own storage."))
            return False
        if self.current is not None and self.current.running:
            if self.current.reason.scan == reason.scan or reason.scan is Scan.QUICK:
                if reason is CheckReason.ON_DEMAND:
                    self._status(self.tr("The database is being checked already."))
                return False
            self.current.cancel()  # a quick check gives way to the full one
        self.current = self.make_check(path, reason, self._tell_from_thread, clock=self._now)
        self.current.start()
        if reason is not CheckReason.START:
            self._status(self.tr("Checking {name} in the background (full integrity check)…").format(name=path.name), 0)
        return True

    def tick(self) -> bool:
        """Start the scheduled full check when it is due and nobody has used the window for `idle_seconds`."""
        path = self.path()
        if path is None or (self.current is not None and self.current.running):
            return False
        if self.monotonic() - self._last_input < self.idle_seconds:
            return False
        if not full_check_due(self.settings.last_full_check(path), self._now()):
            return False
        return self.start(CheckReason.SCHEDULED)

    def cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()

    # ---- results ----------------------------------------------------------------------------------------------

    def _tell_from_thread(self, result: CheckResult) -> None:
        try:
            self._ended.emit(result)  # queued into the window's thread
        except RuntimeError:  # the window is gone meanwhile: nobody to tell
            log.info("%s (after the window closed)", result.sentence())

    def _on_ended(self, result: CheckResult) -> None:
        self.results.append(result)
        current = self.path()
        if result.check is not None and current is not None and result.path == current:
            if result.damaged:
                self.banner.tell(result.sentence(), can_restore=self.restore is not None)
                self._status("")
            elif result.sound:
                if result.scan is Scan.FULL:
                    self.settings.save_full_check(result.path, result.finished_at)
                if result.reason is not CheckReason.START:
                    self._status(result.sentence())
            else:
                self._status(result.sentence())
        self.finished.emit(result)

    def _restore(self) -> None:
        if self.restore is not None:
            self.restore.trigger()

    def restored(self, *_: object) -> None:
        """The file was replaced by a backup: what the banner said is past; check what is there now."""
        self.banner.hide()
        self.cancel()
        self.start(CheckReason.START)

    def _database_changed(self, _database: Database) -> None:
        self.banner.hide()
        self.cancel()
        self.start_after_opening()

    # ---- events -----------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.note_input()
        elif watched is self.window:
            if kind == QEvent.Type.Show and not self._shown and self.start_on_show:
                self._shown = True
                QTimer.singleShot(0, self._after_first_show)  # after the first page is painted
            elif kind == QEvent.Type.Close:
                self.poll.stop()
                self.cancel()
        return False

    def note_input(self) -> None:
        """Someone used the window: the scheduled check waits for `idle_seconds` more."""
        self._last_input = self.monotonic()

    def _after_first_show(self) -> None:
        self.start_after_opening()
        self.poll.start()

    def _now(self) -> datetime:
        return self.session.database.clock() if self.session.is_open else utc_now()

    def _status(self, text: str, timeout: int = 10_000) -> None:
        if text:
            self.window.statusBar().showMessage(text, timeout)
        else:
            self.window.statusBar().clearMessage()
