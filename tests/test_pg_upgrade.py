"""Schema upgrades on a shared PostgreSQL server: connections name themselves, one client upgrades while the others
wait, older clients connected refuse the upgrade by name, a pg_dump is taken first (and without one nothing is
changed), and an older client refuses a newer schema."""

from __future__ import annotations

import logging
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from support.pg_older import OLDER, fingerprint, make_older_database, require_client_programs
from support.pg_server import PostgresServer

from desktop import __version__
from desktop.persistence.engine import application_name, create_database_engine
from desktop.persistence.revisions import head_revision
from desktop.persistence.server_dumps import restore_archive
from desktop.persistence.server_upgrades import UPGRADE_LOCK_KEY, WAITING
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import CannotOpen, Choice, NeedsAnswer, Problem, Question, UpgradeRefused
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def older_template(postgres_server: PostgresServer) -> Iterator[str]:
    """A database at schema OLDER holding the demo data, made once; each test copies it (CREATE DATABASE TEMPLATE)."""
    require_client_programs()
    name = postgres_server.create_database()
    make_older_database(postgres_server.url(name))
    try:
        yield name
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def older_url(postgres_server: PostgresServer, older_template: str) -> Iterator[str]:
    with postgres_server.fresh_database(template=older_template) as name:
        yield postgres_server.url(name)


def connect(server: PostgresServer, url: str, application: str | None) -> psycopg.Connection[tuple[object, ...]]:
    """Another client's connection to the database of `url`, naming itself `application` (None: naming nothing)."""
    database = url.rsplit("/", 1)[1]
    settings = {"application_name": application} if application is not None else {}
    return psycopg.connect(server.conninfo(database), autocommit=True, **settings)  # type: ignore[arg-type]


def refused(sessions: DatabaseSessions, url: str) -> Question:
    with pytest.raises(NeedsAnswer) as raised:
        sessions.open(url, lock=False)
    return raised.value.question


def dumps(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.dump")) if folder.is_dir() else []


def test_every_connection_names_its_version_and_schema(postgres_server: PostgresServer, older_url: str) -> None:
    database = DatabaseSessions(None).open(older_url, lock=False)  # no backup folder: upgraded without a dump
    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            with connect(postgres_server, older_url, "observer") as observer:
                names = [row[0] for row in observer.execute(
                    "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()")]  # fmt: skip
    finally:
        database.close()
    assert application_name() == f"incident-logger {__version__} schema {head_revision()}"
    assert names and set(names) == {application_name()}  # the pool's connections, every one named


def test_two_clients_race_one_upgrades_the_other_waits_and_finds_it_done(
    postgres_server: PostgresServer, older_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.persistence.server_upgrades")
    opened: list[Database] = []
    failures: list[BaseException] = []

    def client() -> None:
        try:
            opened.append(DatabaseSessions(tmp_path).open(older_url, lock=False))
        except BaseException as error:
            failures.append(error)

    # A third party holds the upgrade lock, so that both clients are surely waiting for it at the same time.
    with connect(postgres_server, older_url, "lock holder") as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (UPGRADE_LOCK_KEY,))
        clients = [threading.Thread(target=client) for _ in range(2)]
        for thread in clients:
            thread.start()
        deadline = time.monotonic() + 30
        while [r.getMessage() for r in caplog.records].count(WAITING) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [r.getMessage() for r in caplog.records].count(WAITING) == 2
        assert dumps(tmp_path) == []  # nobody went past the lock
        holder.execute("SELECT pg_advisory_unlock(%s)", (UPGRADE_LOCK_KEY,))
    for thread in clients:
        thread.join(60)
    try:
        assert failures == []
        assert len(opened) == 2
        assert fingerprint(older_url)["(revision)"] == head_revision()
        assert len(dumps(tmp_path)) == 1  # the migration ran once: one backup before it, by the client that ran it
    finally:
        for database in opened:
            database.close()


def test_an_older_client_connected_refuses_the_upgrade_naming_it(
    postgres_server: PostgresServer, older_url: str, tmp_path: Path
) -> None:
    before = fingerprint(older_url)
    with connect(postgres_server, older_url, f"incident-logger 0.0.9 schema {OLDER}") as older:
        pid = older.info.backend_pid
        with connect(postgres_server, older_url, "psql"):  # an administrator's psql is no older client
            question = refused(DatabaseSessions(tmp_path), older_url)
    assert isinstance(question, UpgradeRefused) and question.choices == (Choice.RETRY, Choice.QUIT)
    message = question.message
    assert "postgres from 127.0.0.1 since 20" in message
    assert f"(incident-logger 0.0.9 schema {OLDER}, pid {pid})" in message
    assert "psql" not in message
    assert "Ask them to save and close Incident Logger" in message and "nothing was changed" in message
    assert fingerprint(older_url) == before  # still at OLDER, every row as it was
    assert dumps(tmp_path) == []  # refused before the backup


def test_a_connection_naming_no_program_counts_as_an_older_client(
    postgres_server: PostgresServer, older_url: str, tmp_path: Path
) -> None:
    """Releases before this one name no program: such a connection may be one, so the upgrade waits for it too."""
    before = fingerprint(older_url)
    with connect(postgres_server, older_url, None) as unnamed:
        question = refused(DatabaseSessions(tmp_path), older_url)
        pid = unnamed.info.backend_pid
    assert f"no program name: an Incident Logger from before connections were named, pid {pid}" in question.message
    assert fingerprint(older_url) == before
    database = DatabaseSessions(tmp_path).open(older_url, lock=False)  # once it has gone, the upgrade goes ahead
    database.close()
    assert fingerprint(older_url)["(revision)"] == head_revision()


def test_the_dump_taken_before_the_upgrade_restores_the_older_schema_with_the_same_rows(
    postgres_server: PostgresServer, older_url: str, tmp_path: Path
) -> None:
    before = fingerprint(older_url)
    began = time.perf_counter()
    DatabaseSessions(tmp_path).open(older_url, lock=False).close()
    upgraded_in = time.perf_counter() - began
    assert fingerprint(older_url)["(revision)"] == head_revision()
    [dump] = dumps(tmp_path)
    assert dump.name.endswith("-before-migration.dump")
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    with postgres_server.fresh_database() as restored:
        began = time.perf_counter()
        restore_archive(dump, postgres_server.url(restored))
        restored_in = time.perf_counter() - began
        assert fingerprint(postgres_server.url(restored)) == before  # the schema and rows before the upgrade
    print(f"upgrade with pg_dump first {upgraded_in:.2f} s; pg_restore {restored_in:.2f} s ({dump.stat().st_size:,} B)")


def test_without_pg_dump_the_upgrade_is_refused_and_the_database_untouched(
    older_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(older_url)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    question = refused(DatabaseSessions(tmp_path / "backups"), older_url)
    assert isinstance(question, CannotOpen) and question.problem == Problem.BACKUP_FAILED
    assert "The database was not upgraded because its backup failed" in question.message
    assert "pg_dump was not found on PATH; install Debian's postgresql-client package" in question.message
    monkeypatch.undo()
    assert fingerprint(older_url) == before
    assert dumps(tmp_path / "backups") == []


def test_a_pg_dump_older_than_the_server_is_refused(
    older_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("pg_dump", "pg_restore"):  # an old client: it tells its version and would dump nothing
        (tools / name).write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 11.22'\n")
        (tools / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:/usr/bin:/bin")
    before = fingerprint(older_url)
    question = refused(DatabaseSessions(tmp_path / "backups"), older_url)
    assert "pg_dump 11 is older than the server (PostgreSQL 1" in question.message
    assert "install postgresql-client-1" in question.message
    assert fingerprint(older_url) == before


def test_an_older_client_refuses_a_database_upgraded_by_a_newer_one(older_url: str, tmp_path: Path) -> None:
    engine = create_database_engine(older_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    finally:
        engine.dispose()
    before = fingerprint(older_url)
    question = refused(DatabaseSessions(tmp_path), older_url)
    assert isinstance(question, CannotOpen) and question.problem == Problem.NEWER_SCHEMA
    assert "this database was upgraded by a newer Incident Logger" in question.message
    assert "update Incident Logger to open it" in question.message
    assert fingerprint(older_url) == before
    assert dumps(tmp_path) == []


def test_a_login_that_does_not_own_the_schema_is_told_to_ask_its_owner(
    postgres_server: PostgresServer, older_url: str, tmp_path: Path
) -> None:
    database = older_url.rsplit("/", 1)[1]
    role = f"reader_{database}"
    postgres_server.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        with connect(postgres_server, older_url, "owner") as owner:
            owner.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
        before = fingerprint(older_url)
        question = refused(DatabaseSessions(tmp_path), older_url.replace("postgres@", f"{role}@"))
        assert isinstance(question, UpgradeRefused)
        assert f"only its owner (postgres) may upgrade it, not {role}; nothing was changed" in question.message
        assert fingerprint(older_url) == before
        assert dumps(tmp_path) == []
    finally:
        with connect(postgres_server, older_url, "owner") as owner:
            owner.execute(f'DROP OWNED BY "{role}"')
        postgres_server.execute(f'DROP ROLE "{role}"')
