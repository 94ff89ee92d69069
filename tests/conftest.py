"""Shared fixtures: fake clock, SQLite and PostgreSQL databases (fresh per test), demo data.

Fixtures for other test modules:
- `clock`: a FakeClock (tests/support/clock.py); call it for "now", `clock.set()`/`clock.advance()`.
- `sqlite_url`: URL of a not-yet-existing SQLite file in tmp_path.
- `sessions`: the session service (desktop.services.session.DatabaseSessions, as the app has one) that opens the
  databases of the fixtures below, using `clock`, without a backup folder (no automatic backups on closing).
- `database`: an open, migrated Database on a fresh SQLite file using `clock`, opened through `sessions` (without
  the instance lock, as a headless command opens one, so that a test may lock the file itself); closed at
  teardown.
- `demo_database`: `database` with the demo data (load_demo) applied.
- `backend`: "sqlite" or "postgresql" (parametrized; the postgresql case carries the `postgres` marker).
- `empty_database_url`: per backend, URL of an empty database with no schema (for migration tests).
- `any_database` / `any_demo_database`: like `database` / `demo_database`, once per backend.
- `postgres_server`: the session's throw-away PostgreSQL server (tests/support/pg_server.py);
  `postgres_server.fresh_database()` makes another database for a test that needs one.
- `server_database`: a migrated database of its own on `postgres_server`, opened through `sessions` (the team's
  server of the synchronization tests); dropped after the test.
- `password_server`: another one whose TCP logins need a password (tests/support/pg_login.py: role, password, URL).

PostgreSQL: the server is started once per session (initdb into a temp dir, 127.0.0.1, trust auth,
fsync off) from /usr/lib/postgresql/*/bin. `any_database` uses one migrated database that is put back
as it was right after the migration (rows and id sequences) after each test; `empty_database_url`
creates a new database.
Without the server programs the postgresql cases are skipped, unless the environment variable CI
is set: then they fail, so that CI proves they ran.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import pg_login
from support.clock import FakeClock
from support.pg_server import PostgresServer, PostgresUnavailableError
from support.reset import DatabaseReset

from desktop.persistence.cipher import KEYCHAIN
from desktop.persistence.engine import create_database_engine
from desktop.persistence.engine import sqlite_url as make_sqlite_url
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions

# The audit chain's keys go to a folder of this test run (and its subprocesses), never the user's keyring or config.
os.environ["INCIDENT_LOGGER_KEY_DIR"] = tempfile.mkdtemp(prefix="incident-logger-test-keys-")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
PG_DATABASE = "incident_logger_test"


def _unavailable(reason: str) -> None:
    """Skip, or fail when CI is set: CI must prove the PostgreSQL tests run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} [CI is set, so the PostgreSQL tests must not be skipped]", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _forget_passphrases() -> Iterator[None]:
    """The process keychain of encrypted databases starts empty in each test and is emptied after it."""
    KEYCHAIN.forget()
    yield
    KEYCHAIN.forget()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A working OS keyring for this test (and its subprocesses): a JSON file; the fail backend again after it."""
    import keyring
    from support.file_keyring import FileKeyring

    store = tmp_path / "keyring.json"
    monkeypatch.setenv("INCIDENT_LOGGER_TEST_KEYRING", str(store))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "support.file_keyring.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> FakeClock:
    """A settable fake clock (naive UTC), starting at 2024-03-01 12:00:00 and standing still."""
    return FakeClock()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a SQLite file in tmp_path that does not exist yet."""
    return make_sqlite_url(tmp_path / "incidents.sqlite3")


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    """A backup folder in tmp_path (not made yet)."""
    return tmp_path / "backups"


@pytest.fixture
def service(backups: Path, clock: FakeClock) -> DatabaseSessions:
    """A session service with the `backups` folder and the fake clock."""
    return DatabaseSessions(backups, clock=clock)


@pytest.fixture
def sessions(clock: FakeClock) -> DatabaseSessions:
    """The session service the fixtures open their databases through (fake clock, no backup folder)."""
    return DatabaseSessions(None, clock=clock)


@pytest.fixture
def database(sqlite_url: str, sessions: DatabaseSessions) -> Iterator[Database]:
    """An open, migrated Database on a fresh SQLite file, using the fake clock."""
    db = sessions.open(sqlite_url, lock=False)
    try:
        yield db
    finally:
        sessions.close(db)


@pytest.fixture
def demo_database(database: Database) -> Database:
    """`database` holding the demo data: 3 facilities, the three 2019 incidents, one plan item."""
    load_demo(database)
    return database


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server; stopped (and its directory removed) at session end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[pg]')")
    try:
        server = PostgresServer()
    except PostgresUnavailableError as error:
        _unavailable(str(error))
    with server:
        yield server


@pytest.fixture
def server_database(postgres_server: PostgresServer, sessions: DatabaseSessions) -> Iterator[Database]:
    """A fresh migrated database on the session's server, opened as the app opens one; dropped after the test."""
    with postgres_server.fresh_database() as name:
        db = sessions.open(postgres_server.url(name), lock=False)
        try:
            yield db
        finally:
            sessions.close(db)


@pytest.fixture(scope="session")
def password_server() -> Iterator[PostgresServer]:
    """A second throw-away server whose TCP logins need a password (scram-sha-256), as a team's does: the login
    role `analyst` (support.pg_login.LOGIN_PASSWORD) owns the migrated database `team` (support.pg_login.team_url).
    Started only by the tests that ask."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[pg]')")
    try:
        server = PostgresServer(host_auth="scram-sha-256")
    except PostgresUnavailableError as error:
        _unavailable(str(error))
    with server:
        pg_login.prepare(server)
        yield server


@pytest.fixture(scope="session")
def postgres_database(postgres_server: PostgresServer) -> Iterator[DatabaseReset]:
    """The session's migrated PostgreSQL database; `any_database` resets it to this state after each test."""
    postgres_server.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    url = postgres_server.url(PG_DATABASE)
    engine = create_database_engine(url)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()
    snapshot = DatabaseReset(url)
    try:
        yield snapshot
    finally:
        snapshot.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database kind under test: "sqlite" or "postgresql" (marked `postgres`)."""
    kind: str = request.param
    return kind


@pytest.fixture
def empty_database_url(backend: str, request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """URL of an empty database without any schema, per backend (dropped after the test)."""
    if backend == "sqlite":
        yield sqlite_url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with server.fresh_database("template0") as name:
        yield server.url(name)


@pytest.fixture
def any_database(
    backend: str, request: pytest.FixtureRequest, sqlite_url: str, sessions: DatabaseSessions
) -> Iterator[Database]:
    """An open, migrated Database per backend, using the fake clock; closed (and dropped) after the test."""
    if backend == "sqlite":
        db = sessions.open(sqlite_url, lock=False)
        try:
            yield db
        finally:
            sessions.close(db)
        return
    snapshot: DatabaseReset = request.getfixturevalue("postgres_database")
    db = sessions.open(snapshot.engine.url.render_as_string(hide_password=False), lock=False)
    try:
        yield db
    finally:
        sessions.close(db)
        snapshot.reset()


@pytest.fixture
def any_demo_database(any_database: Database) -> Database:
    """`any_database` holding the demo data."""
    load_demo(any_database)
    return any_database
