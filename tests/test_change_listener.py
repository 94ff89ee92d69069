"""LISTEN/NOTIFY: a change committed on one connection reaches another's listener within a second, with its kind,
uuid, version and user; a rollback sends nothing; a killed listener connection comes back; stop leaves no thread."""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool
from support.pg_server import PostgresServer

from desktop.domain.kinds import RecordKind
from desktop.domain.live_changes import Change
from desktop.domain.queries import Page
from desktop.domain.records import Facility
from desktop.persistence.change_listener import ChangeListener
from desktop.persistence.engine import create_database_engine
from desktop.persistence.schema import alembic_config, upgrade_to_head
from desktop.persistence.unit_of_work import Database
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
WITHIN_S = 1.0


@pytest.fixture(scope="module")
def server_url(postgres_server: PostgresServer) -> Iterator[str]:
    """One migrated database for the module (two Database objects on it are two analysts)."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        sessions = DatabaseSessions(None)
        sessions.close(sessions.open(url, lock=False))  # migrates
        yield url


@pytest.fixture
def two(server_url: str) -> Iterator[tuple[Database, Database]]:
    sessions = DatabaseSessions(None)
    first, second = sessions.open(server_url, lock=False), sessions.open(server_url, lock=False)
    try:
        yield first, second
    finally:
        sessions.close(first)
        sessions.close(second)


def listening(database: Database) -> tuple[ChangeListener, queue.Queue[tuple[float, Change]]]:
    heard: queue.Queue[tuple[float, Change]] = queue.Queue()
    listener = database.listen(lambda change: heard.put((time.perf_counter(), change)))
    assert listener is not None
    assert listener.wait_listening(5)
    return listener, heard


def next_change(heard: queue.Queue[tuple[float, Change]], timeout: float = WITHIN_S) -> tuple[float, Change]:
    try:
        return heard.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no change heard within {timeout} s") from None


def test_a_commit_on_another_connection_is_heard_with_kind_uuid_version_and_user(
    two: tuple[Database, Database],
) -> None:
    mine, theirs = two
    _listener, heard = listening(mine)
    facilities = FacilityService(theirs)
    began = time.perf_counter()
    created = facilities.create(Facility(name="Tacoma field office", state="WA"))
    at, change = next_change(heard)
    assert change == Change(RecordKind.FACILITY, created.uuid, 1, "insert", "postgres")
    assert at - began < WITHIN_S
    updated = facilities.update(replace(created, city="Tacoma"))
    _, change = next_change(heard)
    assert (change.uuid, change.version, change.operation) == (created.uuid, updated.version, "update")
    assert updated.version == 2
    facilities.delete(created.uuid, updated.version)
    _, change = next_change(heard)
    assert (change.kind, change.uuid, change.operation) == (RecordKind.FACILITY, created.uuid, "delete")
    assert heard.empty()


def test_a_rollback_sends_nothing(two: tuple[Database, Database]) -> None:
    mine, theirs = two
    _listener, heard = listening(mine)
    with theirs.unit_of_work() as uow:
        uow.facilities.add(Facility(name="Never committed"))
        uow.session.flush()  # type: ignore[union-attr]  # the triggers ran; the transaction is rolled back
    time.sleep(0.5)
    assert heard.empty()
    FacilityService(theirs).create(Facility(name="Committed"))  # the channel works: the next commit is heard
    assert next_change(heard)[1].operation == "insert"


def test_the_listener_reconnects_after_its_backend_is_terminated(two: tuple[Database, Database]) -> None:
    mine, theirs = two
    listener, heard = listening(mine)
    killed = listener.backend_pid
    with theirs.engine.begin() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": killed}).scalar()
    deadline = time.monotonic() + 5
    while (listener.connections < 2 or listener.backend_pid == killed) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.connections == 2 and listener.backend_pid != killed
    told = {next_change(heard)[1] for _ in RecordKind}  # what happened meanwhile: every kind read again
    assert told == {Change(kind, None, None, "many", "") for kind in RecordKind}
    created = FacilityService(theirs).create(Facility(name="After the reconnect"))
    assert next_change(heard)[1].uuid == created.uuid


def test_closing_the_database_stops_the_listener_and_leaves_no_thread(server_url: str) -> None:
    sessions = DatabaseSessions(None)
    database = sessions.open(server_url, lock=False)
    before = {t.ident for t in threading.enumerate()}
    listener = database.listen(lambda change: None)
    assert listener is not None and listener.wait_listening(5)
    assert listener.running
    began = time.perf_counter()
    sessions.close(database)
    assert time.perf_counter() - began < 1.0
    assert not listener.running
    assert {t.ident for t in threading.enumerate()} <= before


def test_a_statement_over_many_rows_sends_one_notice_for_the_kind(two: tuple[Database, Database]) -> None:
    mine, theirs = two
    with theirs.unit_of_work() as uow:
        for number in range(250):
            uow.facilities.add(Facility(name=f"Bulk {number}"))
        uow.commit()
    _listener, heard = listening(mine)
    with theirs.engine.begin() as connection:  # one statement, 250 rows (as an import's set-based INSERT)
        connection.execute(text("UPDATE facilities SET notes = 'bulk' WHERE name LIKE 'Bulk %'"))
    assert next_change(heard)[1] == Change(RecordKind.FACILITY, None, None, "many", "postgres")
    time.sleep(0.3)
    assert heard.empty()


def test_sqlite_has_no_listener(database: Database) -> None:
    assert database.listen(lambda change: None) is None


def test_a_child_row_names_its_parent_record(two: tuple[Database, Database]) -> None:
    mine, theirs = two
    load_demo(theirs)
    incident = IncidentService(theirs).page(None, Page(limit=1))[0]
    _listener, heard = listening(mine)
    with theirs.engine.begin() as connection:  # a legal history entry alone (the incident's row untouched)
        connection.execute(text(
            "UPDATE incident_status_changes SET note = 'seen'"
            " WHERE incident_id = (SELECT id FROM incidents WHERE uuid = :u)"
        ), {"u": incident.uuid})  # fmt: skip
    change = next_change(heard)[1]
    assert change == Change(RecordKind.INCIDENT, incident.uuid, incident.version, "update", "postgres")


def test_downgrade_drops_the_triggers_and_functions(postgres_server: PostgresServer) -> None:
    with postgres_server.fresh_database() as name:
        engine = create_database_engine(postgres_server.url(name))
        try:
            upgrade_to_head(engine)
            assert ours(engine) > 0
            with engine.begin() as connection:
                config = alembic_config(engine)
                config.attributes["connection"] = connection
                command.downgrade(config, "0007")
            assert ours(engine) == 0
        finally:
            engine.dispose()


def ours(engine: Engine) -> int:
    """Triggers and functions of migration 0009 in the database."""
    with engine.connect() as connection:
        return int(connection.execute(text(
            "SELECT (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'incident_logger_%')"
            " + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'incident_logger_%')"
        )).scalar_one())  # fmt: skip


def test_the_user_is_the_login_that_wrote_not_the_owner_of_the_triggers(
    two: tuple[Database, Database], server_url: str
) -> None:
    mine, theirs = two
    created = FacilityService(theirs).create(Facility(name="Written by an analyst"))
    role = f"analyst_{os.getpid()}"
    with theirs.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
        connection.execute(text(f"GRANT SELECT, UPDATE ON facilities TO {role}"))
    _listener, heard = listening(mine)
    analyst = create_engine(server_url.replace("postgres@", f"{role}@"), poolclass=NullPool)
    try:
        with analyst.begin() as connection:
            connection.execute(text("UPDATE facilities SET notes = 'checked' WHERE uuid = :u"), {"u": created.uuid})
        change = next_change(heard)[1]
        assert (change.uuid, change.user) == (created.uuid, role)
    finally:
        analyst.dispose()
        with theirs.engine.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
