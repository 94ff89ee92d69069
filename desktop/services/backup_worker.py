"""The automatic backup off the critical path: a BackupJob (copy in steps, check, flush, rename, rotate) run in a plain
thread and cancellable between steps; whether one is due; how long close waits for it; the last backup's age."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from desktop.persistence.backup_copy import (
    PAGES_PER_STEP,
    CopyStopped,
    check_copy,
    copy_in_steps,
    discard,
    put_in_place,
)
from desktop.persistence.integrity import FileState
from desktop.persistence.private_files import make_private_folder
from desktop.persistence.sqlite_files import FileOrSQLiteError, audit_head, describe_file_error
from desktop.services.backup import (
    BackupError,
    BackupInfo,
    BackupLabel,
    RotationPolicy,
    backup_info,
    backup_name,
    list_backups,
    rotate_backups,
)
from desktop.services.leftovers import Leftover, Work, clean_leftovers, free_temporary_name

CLOSE_WAIT = 1.0  # seconds closing gives a running backup in all: to finish, or else to stop when cancelled
CANCEL_ALLOWANCE = 0.4  # of CLOSE_WAIT, kept for a cancelled job to stop (a step and a flush, or the check)
log = logging.getLogger(__name__)


class Phase(StrEnum):
    WAITING = "waiting"
    COPYING = "copying"
    CHECKING = "checking"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a job is: its phase and, while copying, the pages copied of all."""

    phase: Phase
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def text(self) -> str:
        """What the status bar says, e.g. "Backing up… 40 %"."""
        if self.phase == Phase.CHECKING:
            return "Backing up… checking the copy"
        if self.phase == Phase.COPYING:
            return f"Backing up… {self.percent} %"
        return "Backing up…" if self.phase == Phase.WAITING else ""


class BackupJob:
    """One verified backup of the file `database` into `backup_dir`, taken with its own connections: first the dead
    processes' leftovers there are removed, then a snapshot is copied in steps under a temporary name, checked
    (integrity_check, schema, audit head), flushed and renamed into place, and automatic backups are rotated. Never
    a partial file under a final name. `cancel()` stops it between two steps and removes its temporary file.

    `run()` takes it in the calling thread; `start()` in a daemon thread (`wait`, `progress`, `result`, `error`).
    `throttle` (seconds after each step) slows it down, for tests and for a machine that must stay quiet."""

    def __init__(
        self,
        database: Path,
        backup_dir: Path,
        *,
        now: datetime,
        label: BackupLabel = BackupLabel.AUTO,
        policy: RotationPolicy | None = None,
        pages_per_step: int = PAGES_PER_STEP,
        throttle: float = 0.0,
    ) -> None:
        self.database = database
        self.backup_dir = backup_dir
        self.now = now
        self.label = label
        self.policy = policy or RotationPolicy()
        self.pages_per_step = pages_per_step
        self.throttle = throttle
        self.progress = Progress(Phase.WAITING)
        self.result: BackupInfo | None = None
        self.error: BackupError | None = None
        self.removed: list[Leftover] = []  # leftovers of killed backups, removed first
        self.rotated: list[Path] = []
        self.seconds = 0.0  # how long it ran
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    # ---- control ----------------------------------------------------------------------------------------------

    def start(self) -> BackupJob:
        """Run it in a daemon thread (a process that exits meanwhile leaves a temporary file, removed next time)."""
        self._thread = threading.Thread(target=self._run_in_thread, name=f"backup of {self.database.name}",
                                        daemon=True)  # fmt: skip
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once it has ended (done, cancelled or failed), within `timeout` seconds."""
        return self._done.wait(timeout)

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    @property
    def cancelled(self) -> bool:
        return self.progress.phase == Phase.CANCELLED

    # ---- the work ---------------------------------------------------------------------------------------------

    def run(self) -> BackupInfo | None:
        """Take the backup here: the new backup, None when cancelled; raises BackupError when it failed."""
        try:
            return self._run()
        finally:
            self._done.set()

    def _run(self) -> BackupInfo | None:
        started = time.perf_counter()
        try:
            self.result = self._take()
        except CopyStopped:
            self.progress = Progress(Phase.CANCELLED)
            return None
        except BackupError as error:
            self.error, self.progress = error, Progress(Phase.FAILED)
            raise
        finally:
            self.seconds = time.perf_counter() - started
        self.progress = Progress(Phase.DONE, self.progress.total, self.progress.total)
        return self.result

    def _run_in_thread(self) -> None:
        try:
            self._run()
        except BackupError as error:
            log.warning("the automatic backup failed: %s", error)
        except BaseException as error:  # never lost silently in a thread
            log.exception("the automatic backup failed")
            self.error, self.progress = BackupError(str(error)), Progress(Phase.FAILED)
        finally:
            self._done.set()

    def _take(self) -> BackupInfo:
        database = self.database
        if not database.exists():
            raise BackupError(f"there is no database at {database} to back up")
        try:
            make_private_folder(self.backup_dir)
            self.removed = clean_leftovers(self.backup_dir, (Work.BACKUP,))
            temporary = free_temporary_name(self._free_name())
            copy = copy_in_steps(database, temporary, step=self._step, pages_per_step=self.pages_per_step)
            self.progress = Progress(Phase.CHECKING, copy.pages, copy.pages)
            check = check_copy(copy, stop=self._stop.is_set)
            if check.state != FileState.OK or self._stop.is_set():
                discard(copy)
                if check.state == FileState.OK:
                    raise CopyStopped()
                raise BackupError(f"the copy of {database} failed its check: {check.detail or check.state.value}")
            destination = self._free_name()
            put_in_place(copy, destination)
        except FileOrSQLiteError as error:
            raise BackupError(f"could not back up {database}: {describe_file_error(error)}") from error
        if self.label == BackupLabel.AUTO:
            self.rotated = rotate_backups(self.backup_dir, database, self.policy)
        return replace(backup_info(destination), leftovers_removed=tuple(self.removed))

    def _free_name(self) -> Path:
        attempt = 1
        while (self.backup_dir / backup_name(self.database, self.label, self.now, attempt)).exists():
            attempt += 1
        return self.backup_dir / backup_name(self.database, self.label, self.now, attempt)

    def _step(self, done: int, total: int) -> None:
        self.progress = Progress(Phase.COPYING, done, total)
        if self.throttle:
            self._stop.wait(self.throttle)
        if self._stop.is_set():
            raise CopyStopped()


def backup_due(database: Path, backup_dir: Path) -> bool:
    """True when something was ever written to `database` and its data changed since its newest backup in
    `backup_dir` (their audit heads differ), or it has none."""
    current = audit_head(database)
    if current is None or current[0] == 0:
        return False
    newest = list_backups(backup_dir, database)
    return not newest or audit_head(newest[0].path) != current


def finish_or_cancel(job: BackupJob, budget: float = CLOSE_WAIT) -> BackupInfo | None:
    """Give a running job up to `budget` seconds in all: to finish, or else (cancelled) to stop. Returns its backup
    when it finished. A job still flushing its last bytes when the time is up finishes on its own (a whole,
    checked file) or, when the process exits first, leaves a temporary file that the next backup removes."""
    started = time.monotonic()
    if not job.wait(max(0.0, budget - CANCEL_ALLOWANCE)):
        job.cancel()
        job.wait(max(0.0, budget - (time.monotonic() - started)))
    return job.result


def backup_age(newest: BackupInfo | None, now: datetime) -> tuple[str, int] | None:
    """How old the newest backup is, in the largest whole unit: ("day" | "h" | "min", count), ("now", 0) under a
    minute, None without a backup (times naive UTC, as the backup names have them)."""
    if newest is None:
        return None
    seconds = max(0, int((now - newest.taken_at).total_seconds()))
    for unit, size in (("day", 86_400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return unit, seconds // size
    return "now", 0
