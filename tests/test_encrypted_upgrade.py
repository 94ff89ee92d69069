"""A database of a released schema, encrypted, upgraded by this version: the same Alembic migrations run on a
SQLCipher connection, the backup taken before the migration is encrypted with the same key, and the records and
the audit chain come through."""

from __future__ import annotations

import os
from pathlib import Path

from support.clock import FakeClock
from support.released import released_copy

from desktop.persistence import cipher
from desktop.persistence.cipher import KEYCHAIN, Passphrase, derive
from desktop.persistence.engine import sqlite_url
from desktop.persistence.rekeying import convert_file
from desktop.persistence.revisions import head_revision
from desktop.persistence.sqlite_files import read_contents
from desktop.services.audit import verify_chain
from desktop.services.backup import BackupLabel, list_backups, verify_backup
from desktop.services.session.service import DatabaseSessions

SECRET = "an encrypted release database"


def test_an_encrypted_release_0005_database_is_upgraded_and_backed_up_encrypted(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = released_copy(tmp_path, "0005")
    before = read_contents(path)
    key = derive(Passphrase(SECRET), os.urandom(cipher.SALT_SIZE))
    KEYCHAIN.learn(key, Passphrase(SECRET))
    convert_file(path, key, tmp_path / ".release.converting", overwrite_old=False)
    assert not path.read_bytes().startswith(b"SQLite format 3\x00")
    KEYCHAIN.forget()  # a new start: the passphrase typed
    KEYCHAIN.add(Passphrase(SECRET))
    service = DatabaseSessions(tmp_path / "backups", clock=clock)
    database = service.open(sqlite_url(path))
    try:
        assert database.encrypted
        proven = verify_chain(database)
        assert proven.ok, proven
    finally:
        service.close(database)
    after = read_contents(path)
    assert after.counts == before.counts
    [backup] = list_backups(tmp_path / "backups", path)
    assert backup.label == BackupLabel.BEFORE_MIGRATION
    assert cipher.read_salt(backup.path) == key.salt  # encrypted, with the database's key
    summary = verify_backup(backup.path)
    assert summary.ok and summary.check.revision == "0005"
    assert database_revision(path) == head_revision()


def database_revision(path: Path) -> str:
    connection = cipher.connect(path, options="mode=ro")
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()
