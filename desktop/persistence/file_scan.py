"""A whole-file check (quick_check, integrity_check) on its own read-only connection, interruptible from any thread."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.persistence import cipher
from desktop.persistence.disk_space import no_room
from desktop.persistence.integrity import FileCheck, FileState, Scan, read_only_connection, scan_problems


class ScanCancelled(Exception):
    """The scan was interrupted (the window closed, another database opened) before it finished."""


class FileScanner:
    """`run()` reads the whole file at `path` as `scan` says and classifies it (OK, DAMAGED, BUSY, DISK_FULL,
    NO_ACCESS); `cancel()`, from any thread, stops a running scan (run() then raises ScanCancelled)."""

    def __init__(self, path: Path, scan: Scan) -> None:
        self.path = path
        self.scan = scan
        self._guard = threading.Lock()
        self._connection: cipher.Connection | None = None
        self._cancelled = False

    def run(self) -> FileCheck:
        try:
            with self._guard:
                if self._cancelled:
                    raise ScanCancelled()
                # never `immutable`: this program may write the file while it is read
                self._connection = read_only_connection(self.path, immutable=False)
            findings = scan_problems(self._connection, self.scan)
        except cipher.OperationalError as error:
            return self._failed(error)
        except cipher.DatabaseError as error:
            return FileCheck(self.path, FileState.DAMAGED, " ".join(str(error).split()))
        finally:
            with self._guard:
                connection, self._connection = self._connection, None
            if connection is not None:
                connection.close()
        if self._cancelled:
            raise ScanCancelled()
        if findings:
            return FileCheck(self.path, FileState.DAMAGED, "; ".join(findings[:3]))
        return FileCheck(self.path, FileState.OK)

    def cancel(self) -> None:
        with self._guard:
            self._cancelled = True
            if self._connection is not None:
                self._connection.interrupt()

    def _failed(self, error: Exception) -> FileCheck:
        text = " ".join(str(error).split())
        if self._cancelled or text == "interrupted":
            raise ScanCancelled() from error
        if "locked" in text or "busy" in text:
            return FileCheck(self.path, FileState.BUSY, text)
        if no_room(error, self.path):
            return FileCheck(self.path, FileState.DISK_FULL, text)
        if "unable to open" in text:
            return FileCheck(self.path, FileState.NO_ACCESS, text)
        return FileCheck(self.path, FileState.DAMAGED, text)
