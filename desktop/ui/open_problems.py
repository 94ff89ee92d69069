"""Opening the database at start-up, and telling the user when it cannot be: another window has it open,
the file is damaged (offer the newest good backup, keep the damaged file only with consent), newer, foreign
or read-only. Also the matching close: backup when data changed, close, release the lock. Start-up code
with its own opening loop can use offer_repair() for the damaged-file case alone."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWidget

from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_file
from desktop.persistence.instance_lock import InstanceLock, InstanceLockedError
from desktop.persistence.integrity import FileCheck, FileState
from desktop.persistence.opening import DatabaseFileError, describe_error, display_url
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.backup import (
    BackupError,
    BackupInfo,
    BackupSummary,
    backup_on_close,
    list_backups,
    move_aside,
    newest_good_backup,
    open_for_use,
    restore_backup,
    verify_backup,
)
from desktop.ui.backup_actions import RestoreDialog, summary_text
from desktop.ui.dialogs.history_dialog import local_time

TITLE = "Incident Logger"


@dataclass
class OpenedDatabase:
    """The database the window works on, with the instance lock it holds (None when opened anyway)."""

    database: Database
    lock: InstanceLock | None
    backup_dir: Path

    def close(self) -> BackupInfo | None:
        """On quitting: a verified backup when data changed (rotating old ones), then close and unlock.
        A failed backup is reported on stderr; closing goes on (the data itself is safe in the database)."""
        taken = None
        try:
            if self.lock is not None:  # a window opened "anyway" leaves backups to the first one
                taken = backup_on_close(self.database, self.backup_dir)
        except (BackupError, OSError) as error:
            print(f"incident-logger: the backup on closing failed: {error}", file=sys.stderr)
        finally:
            self.database.close()
            if self.lock is not None:
                self.lock.release()
        return taken


def open_at_start(
    parent: QWidget | None, url: str, app_paths: AppPaths, *, clock: Callable[[], datetime] = utc_now
) -> OpenedDatabase | None:
    """Open the database for the window, asking the user what to do about any problem first.
    Returns None when the user chose to quit (or nothing can be opened); the file is then left as it was."""
    path = sqlite_file(url)
    lock: InstanceLock | None = None
    if path is not None:
        lock = InstanceLock(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock.acquire()
        except InstanceLockedError as error:
            lock = None
            if not _open_anyway(parent, error):
                return None
        except OSError:
            lock = None  # a read-only folder: the file check below says so clearly
    thorough = lock is not None and lock.stale_owner is not None  # not closed properly: full integrity_check
    try:
        database = _open_resolving_problems(parent, url, path, app_paths, clock, thorough)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if database is None:
        if lock is not None:
            lock.release()
        return None
    return OpenedDatabase(database, lock, app_paths.backup_dir)


def offer_repair(
    parent: QWidget | None,
    error: BaseException,
    url: str,
    app_paths: AppPaths,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> bool | None:
    """For an opening that failed with `error`: when the file is damaged, offer the newest good backup (or
    another, or an empty start), moving the damaged file aside only when the user agrees.
    True: repaired, open again. False: the user chose to quit; the file is as it was. None: not a damaged
    file; the caller tells about `error` its own way. For start-up code with its own opening loop."""
    path = sqlite_file(url)
    if path is None or not isinstance(error, DatabaseFileError) or error.check.state != FileState.DAMAGED:
        return None
    lock = InstanceLock(path)
    try:
        lock.acquire()  # nobody may open the file while it is being replaced
    except (InstanceLockedError, OSError):
        lock = None
    try:
        return _offer_backup(parent, error.check, path, app_paths, clock)
    finally:
        if lock is not None:
            lock.release()


def _open_resolving_problems(
    parent: QWidget | None,
    url: str,
    path: Path | None,
    app_paths: AppPaths,
    clock: Callable[[], datetime],
    thorough: bool,
) -> Database | None:
    while True:
        try:
            return open_for_use(url, app_paths.backup_dir, clock=clock, thorough=thorough)
        except DatabaseFileError as error:
            assert path is not None
            if not _resolve(parent, error.check, path, app_paths, clock):
                return None
        except BackupError as error:  # the backup before a migration failed: nothing was migrated
            _show(parent, QMessageBox.Icon.Critical, "Cannot upgrade the database",
                  f"The database was not upgraded because its backup failed: {error}", "backup_failed")  # fmt: skip
            return None
        except Exception as error:  # a server that does not answer, a bad URL…
            _show(parent, QMessageBox.Icon.Critical, "Cannot open the database",
                  f"Cannot open {display_url(url)}: {describe_error(error)}", "open_failed")  # fmt: skip
            return None


def _resolve(
    parent: QWidget | None, check: FileCheck, path: Path, app_paths: AppPaths, clock: Callable[[], datetime]
) -> bool:
    """Ask what to do; True when something changed and opening should be tried again."""
    if check.state == FileState.DAMAGED:
        return _offer_backup(parent, check, path, app_paths, clock)
    if check.state == FileState.BUSY:
        box = _box(parent, QMessageBox.Icon.Warning, "Database busy", check.message, "database_busy")
        retry = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
        return _ask(box) is retry
    titles = {
        FileState.NEWER_SCHEMA: ("Database from a newer version", "newer_schema"),
        FileState.NOT_OURS: ("Not an Incident Logger database", "not_ours"),
        FileState.READ_ONLY: ("Database is read-only", "read_only"),
        FileState.NO_ACCESS: ("Database cannot be read", "no_access"),
    }
    title, name = titles.get(check.state, ("Cannot open the database", "open_failed"))
    _show(parent, QMessageBox.Icon.Critical, title, check.message, name)
    return False


def _offer_backup(
    parent: QWidget | None, check: FileCheck, path: Path, app_paths: AppPaths, clock: Callable[[], datetime]
) -> bool:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        newest = newest_good_backup(app_paths.backup_dir, path)
    finally:
        QGuiApplication.restoreOverrideCursor()
    kept_as = f"{path.name}.damaged"
    text = check.message + "\n\n"
    if newest is not None:
        text += (f"The newest good backup is from {local_time(newest.info.taken_at)}. {summary_text(newest)}\n\n"
                 f"Restore it? The damaged file is kept beside it as {kept_as}, for recovery.")  # fmt: skip
    else:
        text += (f"No good backup was found in {app_paths.backup_dir}. You can keep the damaged file as "
                 f"{kept_as} and start with an empty database, or quit and get help.")  # fmt: skip
    box = _box(parent, QMessageBox.Icon.Critical, "Database damaged", text, "database_damaged")
    restore = box.addButton("&Restore this backup", QMessageBox.ButtonRole.AcceptRole) if newest else None
    choose = box.addButton("&Choose a backup…", QMessageBox.ButtonRole.ActionRole)
    start_empty = None if newest else box.addButton("Start &empty", QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)  # Esc or closing the box must never count as consent to move the file
    box.setDefaultButton(restore or quit_button)
    clicked = _ask(box)
    chosen: BackupSummary | None = None
    if clicked is None:  # Esc or the box closed: no consent; the damaged file stays exactly as it was
        return False
    if clicked is restore:
        chosen = newest
    elif clicked is choose:
        chosen = _choose_backup(parent, path, app_paths)
        if chosen is None:
            return _offer_backup(parent, check, path, app_paths, clock)  # back to the question
    elif start_empty is None or clicked is not start_empty:
        return False  # quit: the damaged file stays exactly as it was
    try:
        moved = move_aside(path)  # the user agreed above: keep the damaged file beside the new one
        if chosen is not None:
            restore_backup(chosen.info.path, path, app_paths.backup_dir, kept_as=moved, clock=clock)
    except (BackupError, OSError) as error:
        _show(parent, QMessageBox.Icon.Critical, "Restore failed", f"Nothing was restored: {error}", "restore_failed")
        return False
    return True


def _choose_backup(parent: QWidget | None, path: Path, app_paths: AppPaths) -> BackupSummary | None:
    dialog = RestoreDialog(parent, list_backups(app_paths.backup_dir, path), verify_backup,
                           intro="Choose the backup to restore. The damaged file is kept beside it.",
                           other_folder=app_paths.backup_dir)  # fmt: skip
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _open_anyway(parent: QWidget | None, error: InstanceLockedError) -> bool:
    who = error.owner.describe() if error.owner else "another process"
    text = (f"Incident Logger is already open on {error.database} ({who}).\n\nUse that window. Opening the "
            "database a second time is safe for saving, but backups on closing and restoring a backup are then "
            "left to the first window.")  # fmt: skip
    box = _box(parent, QMessageBox.Icon.Warning, "Already open", text, "already_open")
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    anyway = box.addButton("&Open anyway", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(quit_button)
    return _ask(box) is anyway


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(icon, f"{title} — {TITLE}", text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    return box


def _ask(box: QMessageBox) -> QAbstractButton | None:
    try:
        box.exec()
        return box.clickedButton()
    finally:
        box.deleteLater()


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str) -> None:
    box = _box(parent, icon, title, text, name)
    box.addButton("&Quit", QMessageBox.ButtonRole.AcceptRole)
    _ask(box)
