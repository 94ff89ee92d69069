"""Where the passphrase of an encrypted database must never appear: logs, reprs, tracebacks (with their local
variables), the audit trail, the audit keys' folder, the database and backup files, and the keyring unless the
user asked to remember it."""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

import pytest
from support.clock import FakeClock

from desktop.domain.records import Facility, Incident
from desktop.persistence.cipher import KEYCHAIN, FileKey, Passphrase, derive
from desktop.persistence.engine import sqlite_url
from desktop.services.backup import BackupLabel, back_up
from desktop.services.records import RecordServices
from desktop.services.session.questions import Answer, Choice
from desktop.services.session.service import DatabaseSessions

SECRET = "hunter2-but-much-longer-SECRETPASS"


def everywhere_in(folder: Path) -> list[Path]:
    """The files under `folder` whose bytes hold the passphrase (as UTF-8 or UTF-16)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if SECRET.encode() in data or SECRET.encode("utf-16-le") in data:
                found.append(path)
    return found


def test_no_log_line_repr_or_traceback_holds_it(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                 clock: FakeClock) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "incidents.sqlite3"
    service = DatabaseSessions(tmp_path / "backups", clock=clock)
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    database = service.open(sqlite_url(path))
    services = RecordServices.of(database)
    site = services.facilities.create(Facility(name="Northwest Detention Center"))
    services.incidents.create(Incident(site.uuid, "Threat by phone", suspect_names="J. Doe"))
    service.close(database)
    KEYCHAIN.forget()

    answers = [Answer(Choice.PASSPHRASE, passphrase=Passphrase("a wrong one, long enough")),
               Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET), remember=True)]  # fmt: skip
    database = service.open(sqlite_url(path), lambda question: answers.pop(0))  # no keyring here: not kept
    assert database is not None
    try:
        with pytest.raises(ZeroDivisionError) as raised:
            _fail_holding(Passphrase(SECRET), derive(Passphrase(SECRET), os.urandom(16)))
        text = "".join(traceback.TracebackException.from_exception(raised.value, capture_locals=True).format())
        assert "hunter2" not in text and "Passphrase(<hidden>)" in text
        assert SECRET not in repr(KEYCHAIN.__dict__) and SECRET not in str(vars(database))
    finally:
        service.close(database)
    assert SECRET not in caplog.text and "hunter2" not in caplog.text
    assert any("keyring" in record.getMessage() for record in caplog.records)  # the refusal was logged, not it


def _fail_holding(passphrase: Passphrase, key: FileKey) -> None:
    secret_key = key
    assert secret_key.key.hex() not in repr(secret_key)
    _ = passphrase
    raise ZeroDivisionError("a failure while a passphrase is at hand")


def test_not_in_the_trail_the_key_folder_the_files_or_the_backups(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "data" / "incidents.sqlite3"
    service = DatabaseSessions(tmp_path / "data" / "backups", clock=clock)
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    database = service.open(sqlite_url(path))
    try:
        services = RecordServices.of(database)
        site = services.facilities.create(Facility(name="Field office"))
        services.incidents.create(Incident(site.uuid, "Window broken", personal_details="none"))
        back_up(path, tmp_path / "data" / "backups", BackupLabel.MANUAL, now=clock())
    finally:
        service.close(database)
    assert everywhere_in(tmp_path) == []
    key_dir = Path(os.environ["INCIDENT_LOGGER_KEY_DIR"])
    assert everywhere_in(key_dir) == []
    import sqlcipher3.dbapi2 as sqlcipher  # the trail read whole, decrypted

    connection = sqlcipher.connect(str(path))
    connection.execute(f"PRAGMA key = '{SECRET}'")
    rows = connection.execute("SELECT * FROM audit_entries").fetchall()
    connection.close()
    assert rows and all(SECRET not in repr(row) for row in rows)


def test_remembered_only_when_asked(tmp_path: Path, clock: FakeClock, file_keyring: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    service = DatabaseSessions(None, clock=clock)
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    service.close(service.open(sqlite_url(path)))
    KEYCHAIN.forget()
    database = service.open(sqlite_url(path), lambda q: Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET)))
    assert database is not None
    service.close(database)
    assert SECRET not in file_keyring.read_text(encoding="utf-8")  # not ticked: not kept (the audit key is there)
    KEYCHAIN.forget()
    database = service.open(sqlite_url(path), lambda q: Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET),
                                                               remember=True))  # fmt: skip
    assert database is not None
    service.close(database)
    assert SECRET in file_keyring.read_text(encoding="utf-8")
