"""Checks of a database file besides opening, each in a thread of its own: after the start, weekly, on demand."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from desktop.persistence.file_scan import FileScanner, ScanCancelled
from desktop.persistence.integrity import FileCheck, FileState, Scan
from desktop.persistence.unit_of_work import utc_now

log = logging.getLogger(__name__)

FULL_CHECK_EVERY = timedelta(days=7)


class CheckReason(StrEnum):
    START = "start"  # after the first page is shown: quick_check
    UNCLEAN = "unclean"  # the previous program on the file did not close it: integrity_check
    SCHEDULED = "scheduled"  # the last full check is older than FULL_CHECK_EVERY, and nobody is typing
    ON_DEMAND = "on_demand"  # "Check database now"

    @property
    def scan(self) -> Scan:
        return Scan.QUICK if self is CheckReason.START else Scan.FULL


def start_reason(closed_uncleanly: bool) -> CheckReason:
    """The check after opening: the full one when the previous session did not close the file."""
    return CheckReason.UNCLEAN if closed_uncleanly else CheckReason.START


def full_check_due(last: datetime | None, now: datetime, every: timedelta = FULL_CHECK_EVERY) -> bool:
    """True when the file never had a full check (that this computer remembers) or the last is `every` old."""
    return last is None or now - last >= every


SCAN_NAMES = {Scan.QUICK: "quick check", Scan.FULL: "full integrity check", Scan.ROOTS: "check"}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What one background check found; `check` None: it was cancelled before it finished."""

    path: Path
    reason: CheckReason
    check: FileCheck | None
    finished_at: datetime
    seconds: float

    @property
    def scan(self) -> Scan:
        return self.reason.scan

    @property
    def damaged(self) -> bool:
        return self.check is not None and self.check.state == FileState.DAMAGED

    @property
    def sound(self) -> bool:
        return self.check is not None and self.check.state == FileState.OK

    def sentence(self) -> str:
        """One sentence for people: what was found in which file."""
        name = SCAN_NAMES[self.scan]
        if self.check is None:
            return f"The {name} of {self.path.name} was stopped before it finished."
        if self.sound:
            return f"The {name} of {self.path.name} found no problem ({self.seconds:.1f} s)."
        if self.damaged:
            first = self.check.detail.split("; ")[0]
            return (f"The {name} found damage in {self.path.name} ({first}): restore a backup, or copy your records "
                    "out, before more is lost.")  # fmt: skip
        return f"The {name} of {self.path.name} could not finish: {self.check.message}"


class BackgroundCheck:
    """One check of the file at `path` in a daemon thread; `done(result)` is called in that thread when it ends
    (cancelled or not). `cancel()` interrupts it and waits (briefly) for the thread to end."""

    def __init__(
        self,
        path: Path,
        reason: CheckReason,
        done: Callable[[CheckResult], None],
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.path = path
        self.reason = reason
        self._done = done
        self._clock = clock
        self._scanner = FileScanner(path, reason.scan)
        self._thread = threading.Thread(target=self._run, name=f"check {path.name}", daemon=True)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> None:
        log.info("%s of %s started (%s)", self.reason.scan.value, self.path, self.reason.value)
        self._thread.start()

    def cancel(self, wait: float = 5.0) -> None:
        self._scanner.cancel()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    def _run(self) -> None:
        started = time.perf_counter()
        check: FileCheck | None
        try:
            check = self._scanner.run()
        except ScanCancelled:
            check = None
        except Exception as error:  # never a traceback from a thread nobody waits for: a finding like any other
            log.exception("the check of %s failed", self.path)
            check = FileCheck(self.path, FileState.NO_ACCESS, f"{type(error).__name__}: {error}")
        result = CheckResult(self.path, self.reason, check, self._clock(), time.perf_counter() - started)
        log.info("%s", result.sentence())
        self._done(result)
