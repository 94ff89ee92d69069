"""File › New database…: the file chosen, then how it is made (encrypted with a passphrase or plain, the passphrase
remembered in the system keyring or not); created and opened in place of the current database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop.persistence.cipher import KEYCHAIN
from desktop.persistence.engine import sqlite_url
from desktop.persistence.remembered_passphrases import keyring_available
from desktop.ui.dialogs.new_database_dialog import NewDatabase
from desktop.ui.open_problems import DATABASE_FILTER, SUFFIX
from desktop.ui.translated import translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def new_database_file(window: MainWindow, start_dir: Path) -> bool:
    """Ask where, refuse an existing file, ask how (the window's `dialogs.new_database`), then create and open it.
    True when the window switched to the new database."""
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        translate("NewDatabase", "New database"),
        str(start_dir / f"incidents-new{SUFFIX}"),
        translate("OpenProblems", DATABASE_FILTER),
    )
    if not chosen:
        return False
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    if path.exists():
        QMessageBox.warning(
            window,
            translate("NewDatabase", "New database"),
            translate(
                "NewDatabase",
                "{path} already exists and was left as it is.\n\n"
                "Use File › Open database… to open it, or choose another name.",
            ).format(path=path),
        )
        return False
    dialog = window.dialogs.new_database(window, path, keyring_available())
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice()
    finally:
        dialog.deleteLater()
    return accepted and create(window, path, choice)


def create(window: MainWindow, path: Path, choice: NewDatabase) -> bool:
    """Create the database `path` as `choice` says and switch the window to it; the passphrase goes into the
    keyring (keyed by the file's salt, as remembering at opening does) only once the database is open."""
    passphrase = choice.passphrase
    if passphrase is None:
        return window.switch_database(sqlite_url(path), create=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key derivation takes a moment
    try:
        KEYCHAIN.create_encrypted(path, passphrase)
    finally:
        QApplication.restoreOverrideCursor()
    switched = False
    try:
        switched = window.switch_database(sqlite_url(path), create=True)
    finally:
        if not switched:
            KEYCHAIN.discard_new(path)
    if not switched:
        return False
    said = translate("NewDatabase", "Created {name} (encrypted).").format(
        name=path.name
    )  # short: the status bar shares its width with the badges
    if choice.remember:
        kept = window.session.sessions.remember_passphrase(window.session.database, passphrase)
        said = (
            translate("NewDatabase", "Created {name} (encrypted, its passphrase in the keyring).").format(
                name=path.name
            )
            if kept
            else translate(
                "NewDatabase", "Created {name} (encrypted). The keyring did not keep its passphrase."
            ).format(name=path.name)
        )
    window.statusBar().showMessage(said, 10_000)
    return True
