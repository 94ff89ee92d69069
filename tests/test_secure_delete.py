"""Deleted values leave the file: every connection the app opens has secure_delete on, closing empties the WAL, and
a backup taken after a delete does not carry the deleted bytes.

The raw-bytes tests write and delete through the app's engine directly (no service), because the audit trail
keeps a deleted record's values by design and the full-text index keeps an incident's words until its segments
merge; what is proven here is the storage itself: a deleted row's bytes are zeroed in the page."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text
from support.synthetic_incidents import add_facilities

from desktop.persistence.engine import create_database_engine, sqlite_url
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up

MARKER = "Witness-Zebulon-Quartermaine-7731"


def file_bytes(path: Path) -> bytes:
    """The database file and whatever -wal is beside it."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_every_connection_of_the_app_has_secure_delete_on(database: Database, tmp_path: Path) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    other = create_database_engine(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        with other.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        other.dispose()


def store_marker(path: Path) -> None:
    database = open_database(sqlite_url(path))
    add_facilities(database, 30)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE facilities SET notes = :notes WHERE id = 7"), {"notes": MARKER * 3})
    database.close()
    assert MARKER.encode() in file_bytes(path)  # the test can see it while it is stored
    assert not path.with_name(path.name + "-wal").exists()


def delete_marker(path: Path, backups: Path, *, secure_delete_off: bool = False) -> tuple[bytes, bytes]:
    """Delete the row through the app's engine; returns a backup taken while the delete is still in the WAL, and
    the database file (with any -wal) after closing."""
    database = open_database(sqlite_url(path))
    if secure_delete_off:  # the probe: as SQLite builds without SQLITE_SECURE_DELETE behave unless told
        database.engine.dispose()
        event.listen(database.engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA secure_delete = OFF"))
    try:
        with database.engine.begin() as connection:
            connection.execute(text("DELETE FROM facilities WHERE id = 7"))
        backup = back_up(path, backups, BackupLabel.MANUAL).path.read_bytes()
    finally:
        database.close()  # checkpoints and empties the WAL
    return backup, file_bytes(path)


def test_a_deleted_value_leaves_the_file_and_the_next_backups(tmp_path: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    store_marker(path)
    backup, stored = delete_marker(path, tmp_path / "backups")
    assert MARKER.encode() not in backup
    assert MARKER.encode() not in stored
    assert not path.with_name(path.name + "-wal").exists()
    assert MARKER.encode() not in back_up(path, tmp_path / "backups", BackupLabel.MANUAL).path.read_bytes()


def test_the_probe_sees_a_deleted_value_that_stays(tmp_path: Path) -> None:
    """Guard against a test that cannot fail: without secure_delete the deleted bytes stay in the page."""
    path = tmp_path / "incidents.sqlite3"
    store_marker(path)
    backup, stored = delete_marker(path, tmp_path / "backups", secure_delete_off=True)
    assert MARKER.encode() in backup
    assert MARKER.encode() in stored
