"""An encrypted database (SQLCipher): created with a passphrase, opened only with it, and none of its sensitive
values readable in the bytes of the file, its WAL or any of its backups; a wrong passphrase changes nothing and is
told apart from a damaged file."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest
import pyzipper
import sqlcipher3.dbapi2 as sqlcipher
from support.clock import FakeClock
from support.scripted import Script

from desktop.domain.records import Facility, Incident
from desktop.persistence import cipher
from desktop.persistence.cipher import KEYCHAIN, Passphrase
from desktop.persistence.engine import sqlite_url
from desktop.persistence.file_scan import FileScanner
from desktop.persistence.integrity import FileState, Scan, check_database_file
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up, list_backups, restore_backup, verify_backup
from desktop.services.backup_worker import BackupJob
from desktop.services.csv.export import ExportOptions, Redaction
from desktop.services.csv.files import export_file
from desktop.services.demo import load_demo
from desktop.services.records import RecordServices
from desktop.services.session.questions import QUIT, Answer, Choice, Damaged, Locked, NeedsAnswer
from desktop.services.session.service import DatabaseSessions

SECRET = "correct horse battery staple"
MARKERS = ("MARKER-SUSPECT-E4R", "MARKER-PERSONAL-E4R", "MARKER-DESCRIPTION-E4R", "MARKER-FACILITY-E4R")


def found_markers(data: bytes) -> list[str]:
    return [m for m in MARKERS if m.encode() in data or m.encode("utf-16-le") in data]


def fill(database: Database) -> str:
    """The memo's demo records and one incident with a marker in every sensitive field."""
    load_demo(database)
    services = RecordServices.of(database)
    site = services.facilities.create(Facility(name=MARKERS[3], city="Tacoma", state="WA"))
    services.incidents.create(Incident(site.uuid, "Molotov thrown at the gate", description=MARKERS[2],
                                       suspect_names=MARKERS[0], personal_details=MARKERS[1]))  # fmt: skip
    return site.uuid


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(tmp_path: Path, service: DatabaseSessions) -> Path:
    """A closed encrypted database file holding the demo records and the markers; the keychain emptied after."""
    path = tmp_path / "incidents.sqlite3"
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    database = service.open(sqlite_url(path))
    try:
        assert database.encrypted
        fill(database)
    finally:
        service.close(database)
    KEYCHAIN.forget()  # as a new process would start
    return path


def test_no_marker_in_the_file_its_wal_any_backup_or_the_protected_export(tmp_path: Path, service: DatabaseSessions,
                                                      backups: Path, clock: FakeClock) -> None:  # fmt: skip
    path = tmp_path / "incidents.sqlite3"
    KEYCHAIN.create_encrypted(path, Passphrase(SECRET))
    database = service.open(sqlite_url(path))
    try:
        site = fill(database)
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the last writes are in the WAL while the file is open
        assert found_markers(wal.read_bytes()) == []
        assert found_markers(path.read_bytes()) == []
        manual = back_up(path, backups, BackupLabel.MANUAL, now=clock())
        clock.advance(minutes=5)
        RecordServices.of(database).incidents.create(Incident(site, "Second note", suspect_names=MARKERS[0]))
        automatic = BackupJob(path, backups, now=clock()).run()
        assert automatic is not None
        options = ExportOptions(redaction=Redaction.NONE)  # every sensitive field included
        (tmp_path / "shared").mkdir()
        exported = export_file(database, tmp_path / "shared" / "incidents.csv", options,
                               protect=Passphrase("for the task force only"))  # fmt: skip
    finally:
        service.close(database)
    assert exported.path is not None and exported.path.name == "incidents.csv.zip"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["incidents.csv.zip"]  # no plain file beside
    with pyzipper.AESZipFile(exported.path) as opened:  # the same markers, readable with the export's passphrase
        opened.setpassword(b"for the task force only")
        assert set(found_markers(opened.read("incidents.csv"))) >= {MARKERS[0], MARKERS[1]}
    taken = list_backups(backups, path)
    assert {b.path for b in taken} == {manual.path, automatic.path}
    for file in [path, *(b.path for b in taken), exported.path]:
        data = file.read_bytes()
        assert not data.startswith(b"SQLite format 3\x00"), file
        assert found_markers(data) == [], file
    KEYCHAIN.forget()
    KEYCHAIN.add(Passphrase(SECRET))
    summary = verify_backup(automatic.path)  # the backups open with the same passphrase, and hold the records
    assert summary.ok and summary.incidents >= 4


def test_stock_sqlcipher_opens_it_with_the_passphrase(encrypted: Path) -> None:
    """SQLCipher 4's own key derivation: the file is not tied to this program."""
    connection = sqlcipher.connect(str(encrypted))
    connection.execute(f"PRAGMA key = '{SECRET}'")
    names = [row[0] for row in connection.execute("SELECT suspect_names FROM incidents WHERE suspect_names != ''")]
    connection.close()
    assert MARKERS[0] in names


def test_a_wrong_passphrase_is_refused_and_changes_nothing(encrypted: Path, service: DatabaseSessions) -> None:
    before = fingerprint(encrypted)
    side = [encrypted.with_name(encrypted.name + s) for s in ("-wal", "-shm", "-journal")]
    ask = Script(Answer(Choice.PASSPHRASE, passphrase=Passphrase("wrong horse battery")), QUIT)
    assert service.open(sqlite_url(encrypted), ask) is None
    first, second = ask.questions
    assert isinstance(first, Locked) and not first.tried
    assert "is encrypted" in first.message and "passphrase is needed" in first.message
    assert isinstance(second, Locked) and second.tried
    assert "the passphrase given does not open it" in second.message
    assert "The file has not been changed." in second.message
    assert fingerprint(encrypted) == before
    assert not any(s.exists() for s in side)
    assert not (encrypted.parent / "backups").exists() or list_backups(encrypted.parent / "backups") == []


def test_without_a_person_a_locked_file_raises_the_question(encrypted: Path, service: DatabaseSessions) -> None:
    with pytest.raises(NeedsAnswer) as raised:
        service.open(sqlite_url(encrypted))
    assert isinstance(raised.value.question, Locked)


def test_the_right_passphrase_opens_it_and_remembering_keeps_it_in_the_keyring(
    encrypted: Path, service: DatabaseSessions, file_keyring: Path
) -> None:
    ask = Script(Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET), remember=True))
    database = service.open(sqlite_url(encrypted), ask)
    assert database is not None and database.encrypted
    assert [type(q) for q in ask.questions] == [Locked]
    assert ask.questions[0].can_remember  # type: ignore[attr-defined]
    incidents = RecordServices.of(database).incidents.count()
    service.close(database)
    assert SECRET in file_keyring.read_text(encoding="utf-8")
    KEYCHAIN.forget()  # a new start: the keyring answers, nobody is asked
    database = service.open(sqlite_url(encrypted), Script())
    assert database is not None and RecordServices.of(database).incidents.count() == incidents
    service.close(database)


def test_not_remembered_means_asked_again(encrypted: Path, service: DatabaseSessions, file_keyring: Path) -> None:
    database = service.open(sqlite_url(encrypted), Script(Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET))))
    assert database is not None
    service.close(database)
    assert not file_keyring.exists() or SECRET not in file_keyring.read_text(encoding="utf-8")
    KEYCHAIN.forget()
    ask = Script(QUIT)
    assert service.open(sqlite_url(encrypted), ask) is None
    assert isinstance(ask.questions[0], Locked)


def test_random_bytes_are_locked_with_a_message_that_says_they_may_be_no_database(
    tmp_path: Path, service: DatabaseSessions
) -> None:
    path = tmp_path / "incidents.sqlite3"
    path.write_bytes(random.Random(3).randbytes(64 * 1024))
    check = check_database_file(path)
    assert check.state == FileState.LOCKED
    assert "if it was never encrypted, it is not a database" in check.message


def test_a_damaged_first_page_is_told_apart_from_a_wrong_passphrase_by_its_backup(
    encrypted: Path, service: DatabaseSessions, backups: Path, clock: FakeClock
) -> None:
    KEYCHAIN.add(Passphrase(SECRET))
    backup = back_up(encrypted, backups, BackupLabel.MANUAL, now=clock())
    KEYCHAIN.forget()
    data = bytearray(encrypted.read_bytes())
    data[100:140] = bytes(40)  # inside page 1, after the salt: its authentication code no longer matches
    encrypted.write_bytes(bytes(data))
    ask = Script(Answer(Choice.PASSPHRASE, passphrase=Passphrase(SECRET)), QUIT)
    assert service.open(sqlite_url(encrypted), ask) is None
    locked, damaged = ask.questions
    assert isinstance(locked, Locked)
    assert isinstance(damaged, Damaged) and damaged.newest is not None
    assert damaged.newest.info.path == backup.path
    assert "yet the passphrase opens its backup" in damaged.message
    assert encrypted.read_bytes() == bytes(data)


def test_a_damaged_page_further_in_is_found_by_the_full_check(encrypted: Path) -> None:
    KEYCHAIN.add(Passphrase(SECRET))
    assert check_database_file(encrypted, thorough=True).state == FileState.OK
    data = bytearray(encrypted.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[3 * page + 200 : 3 * page + 260] = os.urandom(60)
    encrypted.write_bytes(bytes(data))
    found = FileScanner(encrypted, Scan.FULL).run()
    assert found.state == FileState.DAMAGED, found


def test_a_backup_restores_as_an_encrypted_file(
    encrypted: Path, service: DatabaseSessions, backups: Path, clock: FakeClock
) -> None:
    KEYCHAIN.add(Passphrase(SECRET))
    backup = back_up(encrypted, backups, BackupLabel.MANUAL, now=clock())
    clock.advance(minutes=1)
    restore_backup(backup.path, encrypted, backups, clock=clock)
    assert cipher.read_salt(encrypted) == cipher.read_salt(backup.path)
    assert found_markers(encrypted.read_bytes()) == []
    for info in list_backups(backups):
        assert found_markers(info.path.read_bytes()) == []
    database = service.open(sqlite_url(encrypted))
    assert database.encrypted
    service.close(database)
