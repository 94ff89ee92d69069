"""File › Synchronize… against a real server that asks for a password: the login dialog of a server database asks
it, the preview gets the opened server, the address is remembered without the password, and the server's
connection is closed after. A window on the server itself offers no synchronization, and says why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from modal_answerer import focused
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from support import pg_login
from support.pg_login import LOGIN_PASSWORD
from support.pg_server import PostgresServer
from test_sync_window import COUNTS, FakeEngine, run, type_address

from desktop.domain.sync import SyncPreview
from desktop.persistence.engine import sqlite_file
from desktop.persistence.unit_of_work import Database
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dialogs.login_dialog import LoginDialog
from desktop.ui.dialogs.sync_preview_dialog import SyncPreviewDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICEFILE", "PGSERVICE", "PGUSER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.pgpass


class Recording(FakeEngine):
    def __init__(self) -> None:
        super().__init__([SyncPreview(COUNTS, (), "127.0.0.1/team")])
        self.servers: list[Database] = []

    def preview(self, local: Database, server: Database) -> SyncPreview:
        self.servers.append(server)
        return super().preview(local, server)


def test_the_servers_login_is_asked_as_when_it_opens_and_its_password_is_kept_nowhere(
    qtbot: QtBot, window: MainWindow, password_server: PostgresServer
) -> None:
    engine = Recording()
    assert window.features is not None and window.features.sync is not None
    window.features.sync.set_engine(engine)
    url = pg_login.team_url(password_server)
    closed: list[Database] = []
    window.features.sync.close_server = lambda database: (closed.append(database), database.close())

    def log_in(dialog: LoginDialog) -> None:
        assert isinstance(dialog, LoginDialog) and dialog.user_edit.text() == "analyst"
        QTest.keyClicks(focused(dialog), LOGIN_PASSWORD)
        QTest.keyClick(focused(dialog), Qt.Key.Key_Return)

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, SyncPreviewDialog) and not dialog.counts.isHidden()
        QTest.keyClick(focused(dialog), Qt.Key.Key_Escape)

    assert run(qtbot, window, [type_address(url), log_in, cancel]) == ["sync_server_dialog", "login_dialog",
                                                                         "sync_preview_dialog"]  # fmt: skip
    assert len(engine.servers) == 1 and not engine.servers[0].is_sqlite
    assert engine.servers[0].url == url and closed == engine.servers  # opened, previewed, closed
    assert engine.calls == []  # cancelled: nothing synchronized
    path = sqlite_file(window.session.database.url)
    assert path is not None and window.settings.sync_server(path) == url
    window.settings.sync()
    assert LOGIN_PASSWORD not in Path(window.settings.settings.fileName()).read_text()


@pytest.fixture
def server_window_database(password_server: PostgresServer) -> Iterator[Database]:
    """The team database opened with its password (asked for before `make_window`: closed after the window)."""
    written = pg_login.team_url(password_server).replace("analyst@", f"analyst:{quote(LOGIN_PASSWORD)}@")
    sessions = DatabaseSessions(None)
    database = sessions.open(written, lock=False)
    yield database
    sessions.close(database)


def test_a_window_on_the_server_itself_offers_no_synchronization(
    server_window_database: Database, make_window: Callable[..., MainWindow], qsettings: QSettings
) -> None:
    window = make_window(server_window_database, qsettings)
    assert window.features is not None and window.features.sync is not None
    window.features.sync.set_engine(FakeEngine([SyncPreview(COUNTS, (), "x")]))
    action = window.registry[WindowAction.SYNCHRONIZE]
    assert not action.isEnabled()
    assert action.toolTip().startswith("Only a database file on this computer is synchronized with a server")
    assert not window.features.sync.status.isVisible()
