"""The login dialog of a PostgreSQL server that asks for a password, worked from the keyboard as a person would at
start-up: the password typed key by key (masked), a refused one said with the server's words and asked again,
"Remember on this computer" ticked with the keyboard keeping it in the keyring (the next start asks nothing), Esc
giving up; the password never in the logs, the window's recent databases or the title."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from modal_answerer import ModalAnswerer, answerers, focused
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from support import pg_login
from support.pg_login import LOGIN_PASSWORD
from support.pg_server import PostgresServer

from desktop.app import open_first_database
from desktop.domain.passphrases import Passphrase
from desktop.persistence.server_login import KEYRING_SERVICE
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import QUIT, Choice, LoginNeeded
from desktop.services.session.service import DatabaseSessions
from desktop.ui import language
from desktop.ui.dialogs.login_dialog import LoginDialog
from desktop.ui.open_problems import answer_when_switching
from desktop.ui.settings import WindowSettings

pytestmark = pytest.mark.postgres
WRONG = "Correct horse 9 batery"
Step = Callable[[LoginDialog], None]


@pytest.fixture(autouse=True)
def _no_libpq_password(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("PGPASSWORD", "PGPASSFILE", "PGSERVICEFILE", "PGSERVICE", "PGUSER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.pgpass


@pytest.fixture
def team_url(password_server: PostgresServer) -> str:
    return pg_login.team_url(password_server)


def said(dialog: LoginDialog) -> dict[str, Any]:
    return {"title": dialog.windowTitle(), "message": dialog.message.text(), "user": dialog.user_edit.text(),
            "error": dialog.error.text() if dialog.error.isVisibleTo(dialog) else "",
            "remember": dialog.remember.isEnabled(), "remember_text": dialog.remember.text().replace("&", ""),
            "give_up": dialog.give_up_button.text().replace("&", "")}  # fmt: skip


@pytest.fixture
def answerer(qtbot: QtBot) -> Iterator[Callable[[list[Step]], ModalAnswerer]]:
    with answerers(qtbot, LoginDialog, said) as make:
        yield make


def type_password(qtbot: QtBot, password: str, *keys: Qt.Key) -> Step:
    """Type `password` key by key where the focus is (the masked, empty password field), then press `keys`."""

    def act(dialog: LoginDialog) -> None:
        field = focused(dialog)
        assert field is dialog.field.edit and dialog.field.edit.text() == ""
        assert dialog.field.edit.echoMode() == QLineEdit.EchoMode.Password
        assert not dialog.login_button.isEnabled()  # nothing to log in with yet
        qtbot.keyClicks(field, password)
        for key in keys or (Qt.Key.Key_Return,):
            qtbot.keyClick(focused(dialog), key)

    return act


def session_user(database: Database) -> str:
    with database.engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())


def test_a_refused_password_is_said_and_the_right_one_opens(
    team_url: str, password_server: PostgresServer, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot,
    caplog: pytest.LogCaptureFixture, tmp_path: Path,
) -> None:  # fmt: skip
    asked = answerer([type_password(qtbot, WRONG), type_password(qtbot, LOGIN_PASSWORD)])
    sessions = DatabaseSessions(None)
    database = open_first_database(sessions, team_url)
    asked.check()
    assert database is not None
    try:
        assert session_user(database) == "analyst"
        settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        settings.add_recent_database(database.url)  # as the app does once the database is open
        settings.sync()
        kept = (tmp_path / "settings.ini").read_text()
    finally:
        sessions.close(database)
    first, second = asked.seen
    server = f"127.0.0.1:{password_server.port}/team"
    assert first["message"] == f"The database server {server} asks for a password."
    assert first["user"] == "analyst" and first["error"] == "" and first["give_up"] == "Quit"
    assert first["remember"] is False  # the suite's keyring is the fail backend: nothing to remember in
    assert first["remember_text"] == "Remember on this computer (no system keyring is available here)"
    assert second["error"].startswith('The server refused it: password authentication failed for user "analyst".')
    assert team_url in kept
    for secret in (LOGIN_PASSWORD, WRONG):
        assert secret not in kept and secret not in caplog.text and secret not in database.display_name


def test_remember_ticked_from_the_keyboard_keeps_it_and_the_next_start_asks_nothing(
    team_url: str, password_server: PostgresServer, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot,
    file_keyring: Path,
) -> None:  # fmt: skip
    import keyring

    tab = Qt.Key.Key_Tab  # from the password: its Show button, then "Remember on this computer"

    def tick_and_log_in(dialog: LoginDialog) -> None:
        type_password(qtbot, LOGIN_PASSWORD, tab, tab)(dialog)
        assert focused(dialog) is dialog.remember
        qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
        assert dialog.remember.isChecked()
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)

    asked = answerer([tick_and_log_in])
    sessions = DatabaseSessions(None)
    database = open_first_database(sessions, team_url)
    asked.check()
    assert asked.seen[0]["remember"] is True and asked.seen[0]["remember_text"] == "Remember on this computer"
    assert database is not None
    sessions.close(database)
    account = f"analyst@127.0.0.1:{password_server.port}/team"
    assert keyring.get_password(KEYRING_SERVICE, account) == LOGIN_PASSWORD
    nobody = answerer([])
    again = open_first_database(DatabaseSessions(None), team_url)
    nobody.check()
    assert nobody.seen == [] and again is not None
    again.close()


def test_not_ticked_nothing_is_kept_and_show_unmasks_what_is_typed(
    team_url: str, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot, file_keyring: Path
) -> None:
    def show_then_log_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(focused(dialog), LOGIN_PASSWORD)
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.field.toggle
        qtbot.keyClick(dialog.field.toggle, Qt.Key.Key_Space)
        assert dialog.field.edit.echoMode() == QLineEdit.EchoMode.Normal
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.remember and not dialog.remember.isChecked()
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)

    asked = answerer([show_then_log_in])
    database = open_first_database(DatabaseSessions(None), team_url)
    asked.check()
    assert database is not None
    database.close()
    assert LOGIN_PASSWORD not in (file_keyring.read_text() if file_keyring.exists() else "")


def test_escape_gives_up_and_nothing_is_kept(
    team_url: str, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot, file_keyring: Path
) -> None:
    def type_then_escape(dialog: LoginDialog) -> None:
        qtbot.keyClicks(focused(dialog), LOGIN_PASSWORD)
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Escape)

    asked = answerer([type_then_escape])
    assert open_first_database(DatabaseSessions(None), team_url) is None
    asked.check()
    assert len(asked.seen) == 1
    assert LOGIN_PASSWORD not in (file_keyring.read_text() if file_keyring.exists() else "")
    assert os.environ.get("PGPASSWORD") is None


def question(*, tried: bool = False, can_remember: bool = True) -> LoginNeeded:
    reason = 'password authentication failed for user "analyst"' if tried else "no password supplied"
    url = "postgresql+psycopg://analyst@db.example:5432/team"
    return LoginNeeded(url, RuntimeError(reason), reason, "analyst", "db.example:5432/team", reason, tried,
                       can_remember)  # fmt: skip


def test_when_switching_cancel_keeps_the_current_database_and_another_user_may_be_typed(
    answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot
) -> None:
    def other_user(dialog: LoginDialog) -> None:
        qtbot.keyClicks(focused(dialog), "pass word")
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert focused(dialog) is dialog.user_edit
        qtbot.keyClick(dialog.user_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.user_edit, "supervisor")
        qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Return)

    asked = answerer([press(qtbot, Qt.Key.Key_Escape), other_user])
    assert answer_when_switching(None, question()) == QUIT
    answer = answer_when_switching(None, question(tried=True))
    asked.check()
    assert asked.seen[0]["give_up"] == "Cancel"
    assert asked.seen[1]["error"].startswith("The server refused it: password authentication failed")
    assert answer.choice == Choice.LOGIN and answer.user == "supervisor" and not answer.remember
    assert answer.passphrase == Passphrase("pass word")
    assert "pass word" not in repr(answer)


def test_the_dialog_speaks_spanish(qapp: QApplication, qtbot: QtBot) -> None:
    before = QLocale()
    translators = language.install_language(qapp, "es")
    try:
        dialog = LoginDialog(question(can_remember=False), "&Salir")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Iniciar sesión en el servidor de la base de datos — Incident Logger"
        assert dialog.message.text() == "El servidor de la base de datos db.example:5432/team pide una contraseña."
        assert dialog.remember.text() == "&Recordar en este equipo (no hay ningún llavero del sistema disponible aquí)"
        assert dialog.login_button.text() == "&Iniciar sesión"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)  # the dates of the tests after this one are shown in English again


def press(qtbot: QtBot, key: Qt.Key) -> Step:
    return lambda dialog: qtbot.keyClick(focused(dialog), key)
