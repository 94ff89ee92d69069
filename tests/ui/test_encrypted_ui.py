"""Encrypted databases in the window, worked from the keyboard as a person would: the passphrase asked at start-up
and when switching (a wrong one said in red and asked again, Esc quits and changes nothing, "remember" kept in the
keyring only when one works), and File › New database… creating an encrypted file that the status bar marks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs
from modal_answerer import ModalAnswerer, answerers, focused
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from support.clock import FakeClock
from support.lookup import facility_named

from desktop.app import open_first_database
from desktop.domain.records import Facility
from desktop.persistence.cipher import KEYCHAIN, Passphrase
from desktop.persistence.engine import sqlite_url
from desktop.persistence.instance_lock import lock_path
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dialogs.new_database_dialog import MISMATCH, NewDatabaseDialog
from desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import WindowAction

SECRET = "correct horse battery staple"
WRONG = "correct horse battery stapel"
MARKER = "MARKER-FACILITY-LOCKUI"
Step = Callable[[PassphraseDialog], None]


def fingerprint(path: Path) -> dict[str, str]:
    """The database and every file beside it that shares its name (-wal, -shm, the lock)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


@pytest.fixture
def encrypted(tmp_path: Path, clock: FakeClock) -> Path:
    """A closed encrypted database holding the demo records; the process forgets its passphrase, as a new start."""
    path = tmp_path / "cases.sqlite3"
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    sessions = DatabaseSessions(None, clock=clock)
    database = sessions.open(sqlite_url(path), lock=False)
    try:
        load_demo(database)
    finally:
        sessions.close(database)
    KEYCHAIN.forget()
    return path


@pytest.fixture
def start_sessions(tmp_path: Path, clock: FakeClock) -> DatabaseSessions:
    return DatabaseSessions(tmp_path / "backups", clock=clock)


def said(dialog: PassphraseDialog) -> dict[str, Any]:
    return {"message": dialog.message.text(), "error": dialog.error.text() if dialog.error.isVisibleTo(dialog) else "",
            "remember": dialog.remember.isEnabled(), "remember_tip": dialog.remember.toolTip(),
            "give_up": dialog.give_up_button.text().replace("&", "")}  # fmt: skip


@pytest.fixture
def answerer(qtbot: QtBot) -> Iterator[Callable[[list[Step]], ModalAnswerer]]:
    with answerers(qtbot, PassphraseDialog, said) as make:
        yield make


def type_passphrase(qtbot: QtBot, text: str, *keys: Qt.Key) -> Step:
    """Type `text` where the focus is (it must be the passphrase field, and empty), then press `keys` (Enter)."""

    def act(dialog: PassphraseDialog) -> None:
        field = focused(dialog)
        assert field is dialog.field.edit and dialog.field.edit.text() == ""
        assert dialog.field.edit.echoMode() == dialog.field.edit.EchoMode.Password
        qtbot.keyClicks(field, text)
        for key in keys or (Qt.Key.Key_Return,):
            qtbot.keyClick(focused(dialog), key)

    return act


def press(qtbot: QtBot, key: Qt.Key) -> Step:
    return lambda dialog: qtbot.keyClick(focused(dialog), key)


def test_a_wrong_passphrase_is_said_and_the_right_one_opens_the_database(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    asked = answerer([type_passphrase(qtbot, WRONG), type_passphrase(qtbot, SECRET)])
    database = open_first_database(start_sessions, sqlite_url(encrypted))
    asked.check()
    first, second = asked.seen
    assert first["message"] == "The database “cases.sqlite3” is encrypted. Enter its passphrase."
    assert first["error"] == "" and first["give_up"] == "Quit"
    assert second["error"].startswith("That passphrase does not open “cases.sqlite3”.")
    assert database is not None and database.encrypted
    try:
        assert IncidentService(database).count() == 3 and FacilityService(database).count() == 3
    finally:
        start_sessions.close(database)
    assert SECRET not in caplog.text and WRONG not in caplog.text


def test_escape_quits_and_leaves_the_file_byte_identical(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot
) -> None:
    before = fingerprint(encrypted)
    asked = answerer([type_passphrase(qtbot, WRONG), press(qtbot, Qt.Key.Key_Escape)])
    assert open_first_database(start_sessions, sqlite_url(encrypted)) is None
    asked.check()
    assert len(asked.seen) == 2
    assert fingerprint(encrypted) == before
    assert not lock_path(encrypted).exists()


def test_remember_keeps_the_passphrase_in_the_keyring_and_the_next_start_asks_nothing(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot,
    file_keyring: Path,
) -> None:  # fmt: skip
    tab = Qt.Key.Key_Tab  # from the field: its Show button, then "Remember"
    asked = answerer([type_passphrase(qtbot, SECRET, tab, tab, Qt.Key.Key_Space, Qt.Key.Key_Return)])
    database = open_first_database(start_sessions, sqlite_url(encrypted))
    asked.check()
    assert asked.seen[0]["remember"] is True
    assert database is not None
    start_sessions.close(database)
    assert SECRET in file_keyring.read_text(encoding="utf-8")
    KEYCHAIN.forget()  # a new start
    nobody = answerer([])
    again = open_first_database(start_sessions, sqlite_url(encrypted))
    nobody.check()
    assert nobody.seen == [] and again is not None
    try:
        assert FacilityService(again).count() == 3
    finally:
        start_sessions.close(again)


def test_without_a_keyring_remember_is_disabled_and_says_why(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot
) -> None:
    def look(dialog: PassphraseDialog) -> None:
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.field.toggle
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)  # past the disabled box (and Open, disabled while empty)
        assert focused(dialog) is dialog.other_button
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.give_up_button
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)  # Enter on a focused button presses that button

    asked = answerer([look])
    assert open_first_database(start_sessions, sqlite_url(encrypted)) is None
    asked.check()
    assert asked.seen[0]["remember"] is False
    assert "No system keyring works on this computer" in asked.seen[0]["remember_tip"]


def test_show_reveals_the_typed_passphrase_and_hides_it_again(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot
) -> None:
    modes: list[str] = []

    def toggle(dialog: PassphraseDialog) -> None:
        qtbot.keyClicks(focused(dialog), "abc")
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Space)  # Show
        modes.append(dialog.field.edit.echoMode().name + " " + dialog.field.toggle.text())
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Space)  # Hide
        modes.append(dialog.field.edit.echoMode().name + " " + dialog.field.toggle.text())
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Escape)

    asked = answerer([toggle])
    assert open_first_database(start_sessions, sqlite_url(encrypted)) is None
    asked.check()
    assert modes == ["Normal Hide", "Password Show"]


def test_open_another_file_instead_of_the_encrypted_one(
    encrypted: Path, start_sessions: DatabaseSessions, answerer: Callable[[list[Step]], ModalAnswerer], qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    plain = tmp_path / "plain.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plain), ""))
    before = fingerprint(encrypted)

    def other_file(dialog: PassphraseDialog) -> None:
        qtbot.keyClick(focused(dialog), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Open another &file…

    asked = answerer([other_file])
    database = open_first_database(start_sessions, sqlite_url(encrypted))
    asked.check()
    assert database is not None and database.url == sqlite_url(plain) and not database.encrypted
    start_sessions.close(database)
    assert fingerprint(encrypted) == before


def test_switching_to_an_encrypted_file_asks_with_cancel_and_opens_it(
    qtbot: QtBot, window: MainWindow, encrypted: Path, dialogs: ScriptedDialogs
) -> None:
    first = window.session.database
    seen: list[dict[str, Any]] = []

    def step(text: str | None) -> Callable[[Any], None]:
        def act(dialog: Any) -> None:
            assert isinstance(dialog, PassphraseDialog)
            seen.append(said(dialog))
            if text is None:
                qtbot.keyClick(focused(dialog), Qt.Key.Key_Escape)
            else:
                type_passphrase(qtbot, text)(dialog)

        return act

    dialogs.then(step(None))
    assert window.switch_database(sqlite_url(encrypted)) is False
    dialogs.check()
    assert seen[0]["give_up"] == "Cancel" and window.session.database is first
    assert not window.encryption_badge.isVisibleTo(window)
    dialogs.then(step(SECRET))
    assert window.switch_database(sqlite_url(encrypted)) is True
    dialogs.check()
    assert window.session.database.encrypted and window.record_tabs["incidents"].model.rowCount() == 3
    assert window.encryption_badge.isVisibleTo(window)
    assert window.encryption_badge.text.text() == "Encrypted"
    assert "cannot be read without its passphrase" in window.encryption_badge.toolTip()


# ---- File › New database… ----------------------------------------------------------------------------------------


def fill_new_database(qtbot: QtBot, passphrase: str, confirmation: str, *, remember: bool = False,
                      seen: list[dict[str, Any]] | None = None) -> Callable[[Any], None]:  # fmt: skip
    """Type the passphrase, Tab past its Show button, type the confirmation, tick "remember" if asked, press Enter."""

    def act(dialog: Any) -> None:
        assert isinstance(dialog, NewDatabaseDialog)
        assert dialog.encrypt.isChecked() and not dialog.create_button.isEnabled()
        assert focused(dialog) is dialog.field.edit
        qtbot.keyClicks(focused(dialog), passphrase)
        for _ in range(2):
            qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
        assert focused(dialog) is dialog.confirm.edit
        qtbot.keyClicks(focused(dialog), confirmation)
        if remember:
            for _ in range(2):
                qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
            assert focused(dialog) is dialog.remember
            qtbot.keyClick(focused(dialog), Qt.Key.Key_Space)
        if seen is not None:
            seen.append({"create": dialog.create_button.isEnabled(), "problem": dialog.problem.text(),
                         "problem_shown": dialog.problem.isVisibleTo(dialog), "note": dialog.note.text(),
                         "remember": dialog.remember.isEnabled()})  # fmt: skip
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)
        if dialog.isVisible():  # Enter did not create: the person gives up
            qtbot.keyClick(focused(dialog), Qt.Key.Key_Escape)

    return act


def add_facility(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, name: str) -> None:
    def fill(form: QWidget) -> None:
        ff.type_into(qtbot, form.name, name)  # type: ignore[attr-defined]
        ff.press_save(qtbot, form)  # type: ignore[arg-type]

    dialogs.then(fill)
    window.registry[WindowAction.NEW_FACILITY].trigger()
    dialogs.check()


def test_new_encrypted_database_holds_a_record_saved_through_the_form(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock, settings_path: Path,
) -> None:  # fmt: skip
    first_url, path = window.session.database.url, tmp_path / "secret.incidents"  # the app's own file type
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a), (str(tmp_path / "secret"), ""))[1]
    )
    seen: list[dict[str, Any]] = []
    dialogs.then(fill_new_database(qtbot, SECRET, SECRET, seen=seen))
    window.registry[WindowAction.NEW_DATABASE].trigger()
    dialogs.check()
    assert asked[0][2].endswith("incidents-new.incidents") and "*.incidents" in asked[0][3]
    assert seen[0]["create"] is True and seen[0]["problem_shown"] is False
    assert "nobody can recover a forgotten passphrase" in seen[0]["note"]
    assert seen[0]["remember"] is False  # no keyring in the tests by default
    database = window.session.database
    assert database.url == sqlite_url(path) and database.encrypted
    assert window.encryption_badge.isVisibleTo(window) and window.database_label.text() == str(path)
    assert window.statusBar().currentMessage() == "Created secret.incidents (encrypted)."
    add_facility(qtbot, window, dialogs, MARKER)
    assert facility_named(database, MARKER) is not None
    for file in path.parent.glob(path.name + "*"):
        assert MARKER.encode() not in file.read_bytes(), file
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert window.switch_database(first_url) is True  # closes the encrypted database
    assert not window.encryption_badge.isVisibleTo(window)
    KEYCHAIN.forget()  # a new start: only the passphrase opens it
    assert path.read_bytes()[:16] != b"SQLite format 3\x00" and MARKER.encode() not in path.read_bytes()
    again = DatabaseSessions(None, clock=clock)
    KEYCHAIN.add(Passphrase(SECRET))
    reopened = again.open(sqlite_url(path), lock=False)
    try:
        assert reopened.encrypted and [f.name for f in FacilityService(reopened).page()] == [MARKER]
    finally:
        again.close(reopened)
    window.settings.settings.sync()  # the window's settings (recent files, geometry…) hold no passphrase
    assert settings_path.exists() and str(path) in settings_path.read_text(encoding="utf-8")
    for file in (f for f in tmp_path.rglob("*") if f.is_file()):  # nor any file the test's folders hold
        assert SECRET.encode() not in file.read_bytes() and SECRET.encode("utf-16-le") not in file.read_bytes(), file


def test_a_mismatched_confirmation_keeps_create_disabled_and_creates_nothing(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window.session.database
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "secret.sqlite3"), ""))
    seen: list[dict[str, Any]] = []
    dialogs.then(fill_new_database(qtbot, SECRET, WRONG, seen=seen))
    assert window.new_database_file() is False
    dialogs.check()
    assert seen == [{"create": False, "problem": MISMATCH, "problem_shown": True, "note": seen[0]["note"],
                     "remember": False}]  # fmt: skip
    assert not (tmp_path / "secret.sqlite3").exists() and window.session.database is first
    short: list[dict[str, Any]] = []
    dialogs.then(fill_new_database(qtbot, "short", "short", seen=short))
    assert window.new_database_file() is False
    dialogs.check()
    assert short[0]["create"] is False and short[0]["problem"] == "A passphrase needs at least 8 characters."


def test_a_new_encrypted_database_remembered_opens_without_a_question(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    file_keyring: Path, clock: FakeClock,
) -> None:  # fmt: skip
    path = tmp_path / "kept.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    dialogs.then(fill_new_database(qtbot, SECRET, SECRET, remember=True))
    assert window.new_database_file() is True
    dialogs.check()
    assert window.session.database.encrypted
    assert window.statusBar().currentMessage() == "Created kept.sqlite3 (encrypted, its passphrase in the keyring)."
    assert SECRET in file_keyring.read_text(encoding="utf-8")
    KEYCHAIN.forget()  # another process: the keyring answers
    other = DatabaseSessions(None, clock=clock)
    database = other.open(sqlite_url(path), lock=False)  # no `ask`: a question would raise NeedsAnswer
    try:
        assert database.encrypted and FacilityService(database).count() == 0
    finally:
        other.close(database)


def test_a_plain_database_when_encryption_is_unticked(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))

    def untick(dialog: Any) -> None:
        assert isinstance(dialog, NewDatabaseDialog)
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Backtab)  # from the passphrase to "Encrypt"
        assert focused(dialog) is dialog.encrypt
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Space)
        assert dialog.create_button.isEnabled() and not dialog.field.isEnabled()
        assert "anyone who copies the file" in dialog.note.text()
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Return)

    dialogs.then(untick)
    assert window.new_database_file() is True
    dialogs.check()
    assert not window.session.database.encrypted and not window.encryption_badge.isVisibleTo(window)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    FacilityService(window.session.database).create(Facility(name="Plain"))
