"""BackgroundBackups: the automatic backup taken while the window is idle after changes, and soon after the start when
one is due, its progress and the last backup's age in the status bar; the work runs in the session service's thread."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.persistence.backup_copy import PAGES_PER_STEP
from desktop.persistence.unit_of_work import Database
from desktop.services.backup_worker import BackupJob, backup_age
from desktop.ui.session import Session
from desktop.ui.translated import translate

log = logging.getLogger(__name__)


class BackgroundBackups(QObject):
    """Starts `DatabaseSessions.start_backup` (a plain thread: copy in steps, check, flush, rename, rotate) when the
    data changed since the newest backup: `start_delay_ms` after the window opened a database, and `idle_ms` after
    the last change, at most once per `min_gap` while the window is open. A QTimer follows the job (`poll_ms`) and
    shows "Backing up… 40 %" in `label`, then "Last backup 5 min ago" (refreshed every `age_ms`). Closing waits
    for the job at most a second (the session service's close); one cancelled or still due is taken at the next
    start. Emits `finished(BackupJob)` when a job ended (done, cancelled or failed).

    Why a minute: a person entering records saves one every few seconds to a minute; a backup started in that
    burst would be due again at its end. Why at most every 15 minutes: each backup copies and reads back the whole
    file (1.2 GB at a million incidents), so at most four an hour; the rotation keeps one a day anyway."""

    finished = Signal(object)  # BackupJob

    start_delay_ms = 3_000
    idle_ms = 60_000
    min_gap = timedelta(minutes=15)
    poll_ms = 200
    age_ms = 30_000
    throttle = 0.0  # seconds of rest after each step of the copy (tests slow it down)
    pages_per_step = PAGES_PER_STEP

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.job: BackupJob | None = None
        self.label = QLabel(window)
        self.label.setObjectName("backup_label")
        self.label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.label)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._quiet)
        self._starting = True  # the next timeout is the one after opening: no minimum gap
        self._poll = QTimer(self)
        self._poll.setInterval(self.poll_ms)
        self._poll.timeout.connect(self.follow)
        self._age = QTimer(self)
        self._age.setInterval(self.age_ms)
        self._age.timeout.connect(self.show_age)
        self._age.start()
        session.records_changed.connect(self._changed)
        session.database_changed.connect(self._opened)
        self._opened()

    # ---- when -------------------------------------------------------------------------------------------------

    def _opened(self, *_: object) -> None:
        """A database was opened (at start or by a switch; closing dealt with the other's job): check soon."""
        self.job = None
        self._poll.stop()
        self._starting = True
        self._idle.start(self.start_delay_ms)
        self.show_age()

    def _changed(self, *_: object) -> None:
        if not self._starting:
            self._idle.start(self.idle_ms)

    def _quiet(self) -> None:
        starting, self._starting = self._starting, False
        self.start_if_due(gap=not starting)

    def start_if_due(self, *, gap: bool = False) -> BackupJob | None:
        """Start the background backup when one is due and none runs (with `gap`: only when the newest backup is
        older than `min_gap`, else try again when it is). Returns the job started, or None."""
        database = self._database()
        if database is None or (self.job is not None and self.job.running):
            return None
        sessions = self.session.sessions
        if not sessions.backup_due(database):
            self.show_age()
            return None
        newest = sessions.newest_backup(database)
        if gap and newest is not None:
            wait = newest.taken_at + self.min_gap - database.clock()
            if wait > timedelta(0):
                self._idle.start(int(wait.total_seconds() * 1000) + 1000)
                return None
        job = sessions.start_backup(database, pages_per_step=self.pages_per_step, throttle=self.throttle)
        if job is None:
            return None
        self.job = job
        self._poll.start()
        self.follow()
        return job

    # ---- what the status bar says ---------------------------------------------------------------------------

    def follow(self) -> None:
        """While the job runs, its progress; once it ended, what came of it and the last backup's age."""
        job = self.job
        if job is None:
            self._poll.stop()
            return
        if job.running:
            self.label.setText(job.progress.text)
            return
        self._poll.stop()
        if job.error is not None:
            self.window.statusBar().showMessage(
                self.tr("The automatic backup failed: {error}").format(error=job.error), 15_000
            )
        elif job.result is not None:
            log.info("backed up %s to %s in %.1f s", job.database.name, job.result.path, job.seconds)
        self.show_age()
        self.finished.emit(job)
        if self._database() is not None:
            self._idle.start(self.idle_ms)  # changes made meanwhile: after the next quiet minute

    def show_age(self) -> None:
        database = self._database()
        if database is None or (self.job is not None and self.job.running):
            return
        sessions = self.session.sessions
        self.label.setText(age_words(backup_age(sessions.newest_backup(database), database.clock())))
        where = (
            self.tr(" in {backup_dir}").format(backup_dir=sessions.backup_dir)
            if sessions.backup_dir is not None
            else ""
        )
        if sessions.holds_lock(database):
            self.label.setToolTip(
                self.tr(
                    "Automatic backups{where}: taken in the background a minute after the last change (at most every "
                    "15 minutes), and at the next start when closing came first."
                ).format(where=where)
            )
        else:
            self.label.setToolTip(
                self.tr(
                    "Backups{where}. This window opened a database another window has open; that window takes its "
                    "automatic backups."
                ).format(where=where)
            )

    def _database(self) -> Database | None:
        return self.session.database if self.session.is_open else None


def age_words(age: tuple[str, int] | None) -> str:
    """The newest backup's age (`backup_worker.backup_age`) in the UI's words: "Last backup 5 min ago"."""
    if age is None:
        return translate("BackgroundBackups", "No backup yet")
    unit, count = age
    if unit == "min":
        return translate("BackgroundBackups", "Last backup %n min ago", None, count)
    if unit == "h":
        return translate("BackgroundBackups", "Last backup %n h ago", None, count)
    if unit == "day":
        if count == 1:
            return translate("BackgroundBackups", "Last backup %n day ago", None, count)
        return translate("BackgroundBackups", "Last backup %n days ago", None, count)
    return translate("BackgroundBackups", "Last backup just now")
