"""Checks before opening: damaged (garbage, truncated, corrupt page), newer-schema and foreign files are
recognised before any data is shown and left byte for byte as they were; a sound file opens."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.domain.errors import StorageError
from desktop.persistence.engine import create_database_engine, sqlite_file, sqlite_url
from desktop.persistence.integrity import FileState, Scan, check_database_file, header_problem, storage_error
from desktop.persistence.opening import DatabaseFileError, open_checked, open_database
from desktop.persistence.schema import alembic_config, head_revision
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import list_backups, verify_backup
from desktop.services.session.service import open_for_use


def fingerprint(path: Path) -> dict[str, str]:
    """sha256 of the file and of every file beside it whose name starts with its name (-wal, -shm…)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


def closed_demo_file(demo_database: Database) -> Path:
    path = sqlite_file(demo_database.url)
    assert path is not None
    demo_database.close()  # checkpointed: everything is in the main file
    assert not path.with_name(path.name + "-wal").exists()
    return path


def test_sound_database_is_ok_and_opens(demo_database: Database) -> None:
    path = closed_demo_file(demo_database)
    check = check_database_file(path, thorough=True)
    assert (check.state, check.revision, check.usable) == (FileState.OK, head_revision(), True)
    assert check_database_file(path).state == FileState.OK  # quick_check too
    database = open_checked(sqlite_url(path))
    try:
        with database.unit_of_work(write=False) as uow:
            assert uow.incidents.count() == 3
    finally:
        database.close()


def test_checking_leaves_no_files_behind(demo_database: Database) -> None:
    path = closed_demo_file(demo_database)
    before = fingerprint(path)
    check_database_file(path, thorough=True)
    assert fingerprint(path) == before  # no -wal/-shm appear beside a closed database


def test_missing_and_empty_files_are_new(tmp_path: Path) -> None:
    assert check_database_file(tmp_path / "absent.sqlite3").state == FileState.NEW
    assert check_database_file(tmp_path / "no" / "folder" / "yet.sqlite3").state == FileState.NEW
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert check_database_file(empty).state == FileState.NEW


def test_sqlite_header_with_garbage_after_it_is_damaged_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(7).randbytes(64 * 1024))
    before = fingerprint(path)
    check = check_database_file(path)
    assert check.state == FileState.DAMAGED, check
    assert "is damaged" in check.message and str(path) in check.message
    with pytest.raises(DatabaseFileError) as raised:
        open_checked(sqlite_url(path))
    assert raised.value.check.state == FileState.DAMAGED
    assert fingerprint(path) == before


def test_a_cut_sqlite_header_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    path.write_bytes(b"SQLite form")
    assert check_database_file(path).state == FileState.DAMAGED


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)


@pytest.mark.parametrize(("contents", "detail"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(300), "it is a PDF document"),
    ("Übergabe der Schlüssel, 3 pages of notes\n".encode() * 50, "it is a text file"),
    (b"incident notes\r\n" * 3, "it is a text file"),
    (PNG, "it is a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "it is a JPEG image"),
    (b"PK\x03\x04" + bytes(96), "it is a zip archive"),
    (random.Random(7).randbytes(64 * 1024 + 100).replace(b"SQLite", b"sqlite"), "it is not a SQLite database"),
])  # fmt: skip
def test_a_file_that_is_no_database_at_all_is_not_ours(tmp_path: Path, contents: bytes, detail: str) -> None:
    path = tmp_path / "incidents.sqlite3"
    path.write_bytes(contents)
    before = fingerprint(path)
    check = check_database_file(path)
    assert check.state == FileState.NOT_OURS, check
    assert check.detail.startswith(detail)
    assert f"{path} is not an Incident Logger database ({detail}" in check.message
    assert "damaged" not in check.message
    with pytest.raises(DatabaseFileError) as raised:
        open_for_use(sqlite_url(path), tmp_path / "backups")
    assert raised.value.check.state == FileState.NOT_OURS
    assert fingerprint(path) == before


@pytest.mark.parametrize("keep", [0.01, 0.25, 0.5, 0.99])
def test_truncated_file_is_damaged_and_untouched(demo_database: Database, keep: float) -> None:
    path = closed_demo_file(demo_database)
    size = path.stat().st_size
    os.truncate(path, max(100, int(size * keep) // 512 * 512))
    before = fingerprint(path)
    check = check_database_file(path)
    assert check.state == FileState.DAMAGED, check
    assert "truncated" in check.detail
    with pytest.raises(DatabaseFileError, match="is damaged"):
        open_for_use(sqlite_url(path), path.parent / "backups")
    assert fingerprint(path) == before
    assert list_backups(path.parent / "backups") == []  # nothing was backed up or migrated


def damage_table_page(path: Path, table: str) -> None:
    """Overwrite the b-tree page header and cell pointers of `table`'s root page with garbage."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 8 + os.urandom(56))


def test_damaged_page_is_found_and_file_untouched(demo_database: Database) -> None:
    path = closed_demo_file(demo_database)
    damage_table_page(path, "incidents")
    before = fingerprint(path)
    check = check_database_file(path)
    assert check.state == FileState.DAMAGED, check
    assert check.detail
    assert check_database_file(path, thorough=True).state == FileState.DAMAGED
    with pytest.raises(DatabaseFileError):
        open_checked(sqlite_url(path))
    assert fingerprint(path) == before


def test_newer_schema_is_refused_byte_identical(demo_database: Database) -> None:
    with demo_database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    path = closed_demo_file(demo_database)
    before = fingerprint(path)
    check = check_database_file(path)
    assert (check.state, check.revision, check.usable) == (FileState.NEWER_SCHEMA, "f00dfeedbeef", False)
    assert "newer version of Incident Logger" in check.message
    with pytest.raises(DatabaseFileError, match="newer version"):
        open_for_use(sqlite_url(path), path.parent / "backups")
    assert fingerprint(path) == before


def test_database_of_another_program_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = fingerprint(path)
    check = check_database_file(path)
    assert check.state == FileState.NOT_OURS and "recipes" in check.message
    assert fingerprint(path) == before


@pytest.mark.posix_only
def test_hot_wal_after_a_crash_is_ok(tmp_path: Path) -> None:
    """A writer killed after committing leaves its changes in the -wal file: not damage."""
    url = sqlite_url(tmp_path / "incidents.sqlite3")
    open_checked(url).close()
    writer = (
        "import os, sys\n"
        "from desktop.persistence.opening import open_database\n"
        "from desktop.domain.records import Facility\n"
        "from desktop.services.records import FacilityService\n"
        "database = open_database(sys.argv[1])\n"
        "FacilityService(database).create(Facility(name='Written before the crash'))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    finished = subprocess.run([sys.executable, "-c", writer, url], check=False, timeout=60)
    assert finished.returncode == -signal.SIGKILL
    path = tmp_path / "incidents.sqlite3"
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    assert check_database_file(path, thorough=True).state == FileState.OK
    database = open_checked(url)
    try:
        with database.unit_of_work(write=False) as uow:
            assert uow.facilities.find_by_name("Written before the crash") is not None
    finally:
        database.close()


def test_header_problems() -> None:
    good = b"SQLite format 3\x00" + (4096).to_bytes(2, "big") + bytes(6) + bytes(4) + (10).to_bytes(4, "big")
    good = good.ljust(100, b"\x00")
    assert header_problem(good, 40960, has_wal=False) == ""
    assert "truncated" in header_problem(good, 4096, has_wal=False)
    assert header_problem(good, 4096, has_wal=True) == ""  # the WAL may hold the rest
    assert "page size" in header_problem(good[:16] + (1000).to_bytes(2, "big") + good[18:], 40960, has_wal=False)
    assert "not a database" in header_problem(b"PK\x03\x04" + bytes(96), 40960, has_wal=False)
    assert "not a database" in header_problem(good[:50], 40960, has_wal=False)


def test_storage_errors_are_told_in_plain_words() -> None:
    full = OperationalError("INSERT INTO x", {}, sqlite3.OperationalError("database or disk is full"))
    error = storage_error(full, writing=True)
    assert isinstance(error, StorageError)
    assert str(error).startswith("Nothing was saved: the disk is full")
    io_error = storage_error(OperationalError("COMMIT", {}, sqlite3.OperationalError("disk I/O error")), writing=True)
    assert io_error is not None and "input/output error" in str(io_error)
    read = storage_error(OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error")), writing=False)
    assert read is not None and str(read).startswith("Could not read the database")
    unique = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    assert storage_error(unique, writing=True) is None  # a broken rule is no storage failure
    locked = OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
    assert storage_error(locked, writing=True) is None  # after the busy timeout: its own well-known error
    assert storage_error(ValueError("bad"), writing=True) is None


OLD_FACILITY = (
    "INSERT INTO facilities (uuid, name, agency, facility_type, address, city, state, zip_code, notes, created_at,"
    " updated_at, version) VALUES ('f-1', 'Old facility', 'other', 'other', '', '', '', '', '', '2024-01-01',"
    " '2024-01-01', 1)"
)


def test_verified_backup_is_taken_before_a_migration(sqlite_url: str, tmp_path: Path) -> None:
    engine = create_database_engine(sqlite_url)
    try:
        with engine.begin() as connection:
            config = alembic_config(engine)
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            connection.execute(text(OLD_FACILITY))
    finally:
        engine.dispose()
    backups = tmp_path / "backups"
    database = open_for_use(sqlite_url, backups)
    database.close()
    taken = list_backups(backups)
    assert [b.label.value if b.label else None for b in taken] == ["before-migration"]
    summary = verify_backup(taken[0].path)
    assert summary.ok and summary.check.revision == "0001" and summary.facilities == 1
    assert check_database_file(tmp_path / "incidents.sqlite3").revision == head_revision()
    open_for_use(sqlite_url, backups).close()
    assert len(list_backups(backups)) == 1  # no migration, no backup


def test_opening_reads_the_first_page_of_each_table_not_the_whole_file(tmp_path: Path) -> None:
    """A damaged leaf in the middle of a table opens (the background check finds it); a damaged first leaf, as a
    damaged root, does not."""
    from bench.generate import generate

    path = tmp_path / "incidents.sqlite3"
    generate(path, 2000, analyze=False)
    open_database(sqlite_url(path)).close()
    connection = sqlite3.connect(path)
    leaves = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = 'incidents' AND pagetype = 'leaf' ORDER BY path")]  # fmt: skip
    connection.close()
    page_size = 4096
    with path.open("r+b") as file:
        file.seek((leaves[len(leaves) // 2] - 1) * page_size + 8)
        file.write(b"\xa5\x5a" * 1024)
    assert check_database_file(path).state == FileState.DAMAGED  # quick_check reads it
    assert check_database_file(path, scan=Scan.ROOTS).state == FileState.OK
    database = open_checked(sqlite_url(path))  # opening does not
    database.close()
    with path.open("r+b") as file:
        file.seek((leaves[0] - 1) * page_size + 8)
        file.write(b"\xa5\x5a" * 1024)
    check = check_database_file(path, scan=Scan.ROOTS)
    assert check.state == FileState.DAMAGED, check
    with pytest.raises(DatabaseFileError, match="is damaged"):
        open_checked(sqlite_url(path))
