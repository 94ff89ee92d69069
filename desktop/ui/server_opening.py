"""File › Open server database…: a team's PostgreSQL server by its address, then the window works on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from desktop.persistence.engine import display_url, sqlite_file
from desktop.ui.dialogs.sync_server_dialog import SyncServerDialog
from desktop.ui.translated import translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def last_server(recent: list[str]) -> str:
    """The newest server among the recent databases, as people write it (libpq's form, no password), or ""."""
    return next((display_url(url) for url in recent if sqlite_file(url) is None), "")


def open_server_database(window: MainWindow) -> bool:
    """Ask the address (the last server opened already filled in), then open it as File › Open database… opens a
    file: a login asked when the server wants a password, any problem told and the current database kept."""
    dialog = SyncServerDialog(
        "", last_server(window.settings.recent_databases()), window,
        title=translate("ServerOpening", "Open a server database"),
        intro=translate("ServerOpening", "Work on a team's database on a PostgreSQL server. Type its address; "
                        "the password is asked when the server wants one, and your login's role decides what you "
                        "may change."),
    )  # fmt: skip
    try:
        chosen = dialog.url() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
    return chosen is not None and window.switch_database(chosen)
