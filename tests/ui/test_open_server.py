"""File › Open server database…: a team's PostgreSQL server opened from the window by its address typed as people
write it (no scheme, or libpq's postgresql://), remembered for the next time; Esc keeps the database in use."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_sync_window import run, type_address

from desktop.ui.dialogs.sync_server_dialog import SyncServerDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

pytestmark = pytest.mark.postgres


def open_server(qtbot: QtBot, window: MainWindow, steps: list[Any]) -> list[str]:
    return run(qtbot, window, steps, WindowAction.OPEN_SERVER)


def test_a_server_database_is_opened_from_the_window_and_remembered(qtbot: QtBot, window: MainWindow,
                                                                    server_url: str) -> None:  # fmt: skip
    local = window.session.database.url
    assert window.registry[WindowAction.OPEN_SERVER] in window.menuBar().actions()[0].menu().actions()
    typed = server_url.removeprefix("postgresql+psycopg://")  # user@host:port/database, as a person types it
    assert open_server(qtbot, window, [type_address(typed)]) == ["sync_server_dialog"]
    database = window.session.database
    assert not database.is_sqlite and database.display_name == f"postgresql://{typed}"
    assert window.windowTitle() == f"postgresql://{typed} — Incident Logger"
    assert window.current_record_tab() is not None and window.current_record_tab().model.total_count == 0

    assert window.switch_database(local)

    def prefilled(dialog: SyncServerDialog) -> None:
        assert dialog.windowTitle() == "Open a server database"
        assert dialog.address.text() == f"postgresql://{typed}"  # the last server, in libpq's form
        QTest.keyClick(dialog.address, Qt.Key.Key_Escape)

    assert open_server(qtbot, window, [prefilled]) == ["sync_server_dialog"]
    assert window.session.database.url == local  # Esc: the database in use stays
