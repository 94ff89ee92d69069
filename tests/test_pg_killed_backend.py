"""A save whose server backend is killed (before the INSERT, after it, at COMMIT, at random moments) is committed
once or not at all, never lost once acknowledged; the audit chain verifies; a serialization failure is run again."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from support.pg_server import PostgresServer

from desktop.domain.errors import CommitUnknownError, SerializationConflictError, ServerUnreachableError
from desktop.domain.records import Facility
from desktop.persistence.engine import create_database_engine
from desktop.persistence.facility_repository import FacilityRepository
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.server_link import server_connect_args
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services import safe_writes
from desktop.services.audit import verify_chain
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
APP = "killed_backend_test"


@pytest.fixture(scope="module")
def database(postgres_server: PostgresServer) -> Iterator[Database]:
    """One migrated database for the module, opened as the app opens it (its connections named APP)."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name) + f"?application_name={APP}"
        engine = create_database_engine(url)
        upgrade_to_head(engine)
        engine.dispose()
        sessions = DatabaseSessions(None)
        db = sessions.open(url, lock=False)
        try:
            yield db
        finally:
            sessions.close(db)


def kill(server: PostgresServer, pid: int) -> None:
    """End one backend from another connection and wait (up to 5 s) until it is gone."""
    server.execute(f"SELECT pg_terminate_backend({int(pid)}, 5000)")


def backend_pid(session: Session) -> int:
    return int(session.connection().execute(text("SELECT pg_backend_pid()")).scalar_one())


def stored(database: Database, name: str) -> list[Facility]:
    with database.unit_of_work(write=False) as uow:
        return [f for f in uow.facilities.page(None) if f.name == name]


def created_entries(database: Database, uuid: str) -> int:
    with database.engine.connect() as connection:
        count = connection.execute(
            text("SELECT count(*) FROM audit_entries WHERE entity_uuid = :uuid AND action = 'create'"), {"uuid": uuid}
        ).scalar_one()
    return int(count)


def commit_then_lose(server: PostgresServer) -> Callable[[UnitOfWork], None]:
    """A before_commit hook: COMMIT reaches the server and is done there, then the connection dies before the
    answer is read (the backend is killed, and the driver raises what it raises for a closed connection)."""

    def hook(uow: UnitOfWork) -> None:
        assert uow.session is not None
        pid = backend_pid(uow.session)
        raw = uow.session.connection().connection.dbapi_connection
        assert raw is not None
        real = raw.commit

        def commit() -> None:
            real()
            kill(server, pid)
            raise psycopg.OperationalError("server closed the connection unexpectedly")

        raw.commit = commit  # type: ignore[method-assign]

    return hook


def kill_before_insert(server: PostgresServer) -> Callable[..., Any]:
    original = FacilityRepository.add

    def add(self: FacilityRepository, record: Facility) -> Facility:
        kill(server, backend_pid(self.session))
        return original(self, record)

    return add


def kill_after_insert(server: PostgresServer) -> Callable[..., Any]:
    original = UnitOfWork.write_audit

    def write_audit(self: UnitOfWork) -> None:
        original(self)  # the record and its audit entry are in the transaction now
        assert self.session is not None
        self.session.flush()
        kill(server, backend_pid(self.session))

    return write_audit


def checked(database: Database, name: str, outcome: str) -> None:
    """Exactly once with one create entry when acknowledged; not at all when said not saved."""
    found = stored(database, name)
    if outcome == "saved":
        assert len(found) == 1, f"{name}: acknowledged but found {len(found)} times"
        assert created_entries(database, found[0].uuid) == 1
    elif outcome == "not saved":
        assert found == [], f"{name}: said not saved, yet stored"
    else:
        assert len(found) <= 1 and all(created_entries(database, f.uuid) == 1 for f in found)


def save(service: FacilityService, name: str) -> str:
    """Create a facility; 'saved', 'not saved' or 'unknown' as the service tells it."""
    try:
        service.create(Facility(name=name, city="Reno", state="NV"))
    except CommitUnknownError:
        return "unknown"
    except ServerUnreachableError as error:
        assert "not saved" in str(error) or "Nothing was saved" in str(error), str(error)
        return "not saved"
    return "saved"


@pytest.mark.parametrize("point", ["before insert", "after insert", "at commit, answer lost"])
def test_a_save_whose_backend_is_killed_is_committed_once_or_not_at_all(
    database: Database, postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    service = FacilityService(database)
    expected = {"before insert": "not saved", "after insert": "not saved", "at commit, answer lost": "saved"}[point]
    for round_ in range(3):
        name = f"{point} {round_}"
        with monkeypatch.context() as patch:
            if point == "before insert":
                patch.setattr(FacilityRepository, "add", kill_before_insert(postgres_server))
            elif point == "after insert":
                patch.setattr(UnitOfWork, "write_audit", kill_after_insert(postgres_server))
            else:
                patch.setattr(UnitOfWork, "before_commit", commit_then_lose(postgres_server))
            outcome = save(service, name)
        assert outcome == expected, f"{name}: {outcome}"
        checked(database, name, outcome)
        assert save(service, name + " again") == "saved"  # the next save gets a fresh connection
        checked(database, name + " again", "saved")
    assert verify_chain(database).ok


def test_backends_killed_at_random_moments_lose_nothing_acknowledged(
    database: Database, postgres_server: PostgresServer
) -> None:
    service = FacilityService(database)
    chooser = random.Random(18)
    outcomes: dict[str, str] = {}
    for round_ in range(40):
        name = f"random {round_}"
        delay = chooser.uniform(0.0, 0.02)
        killer = threading.Thread(target=_kill_app_backends_after, args=(postgres_server, database, delay))
        killer.start()
        outcomes[name] = save(service, name)
        killer.join()
    for name, outcome in outcomes.items():
        checked(database, name, outcome)
    assert "saved" in outcomes.values(), outcomes  # the loop did save some
    assert set(outcomes.values()) - {"saved"}, outcomes  # and some backends died mid-save
    assert verify_chain(database).ok


def _kill_app_backends_after(server: PostgresServer, database: Database, delay: float) -> None:
    time.sleep(delay)
    name = database.engine.url.database
    server.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{APP}' "
                   f"AND datname = '{name}' AND pid <> pg_backend_pid()")  # fmt: skip


def test_an_update_whose_answer_is_lost_at_commit_is_confirmed_by_its_version(
    database: Database, postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FacilityService(database)
    created = service.create(Facility(name="Versioned", city="Reno", state="NV"))
    with monkeypatch.context() as patch:
        patch.setattr(UnitOfWork, "before_commit", commit_then_lose(postgres_server))
        updated = service.update(replace(created, city="Elko"))
    assert service.get(created.uuid).city == "Elko"
    assert updated.version == service.get(created.uuid).version == created.version + 1


def test_a_serialization_failure_runs_the_unit_of_work_again(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first two runs meet SQLSTATE 40001 from the server itself; the third commits once."""
    service = FacilityService(database)
    runs: list[int] = []
    original = FacilityRepository.add

    def add(self: FacilityRepository, record: Facility) -> Facility:
        runs.append(1)
        if len(runs) <= 2:
            self.session.execute(text("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$"))
        return original(self, record)

    monkeypatch.setattr(FacilityRepository, "add", add)
    monkeypatch.setattr(safe_writes.time, "sleep", lambda _s: None)
    service.create(Facility(name="Serialized", city="Reno", state="NV"))
    assert len(runs) == 3
    checked(database, "Serialized", "saved")
    runs.clear()
    monkeypatch.setattr(FacilityRepository, "add", lambda self, r: self.session.execute(
        text("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40P01'; END $$")))  # fmt: skip
    with pytest.raises(SerializationConflictError):
        service.create(Facility(name="Never", city="Reno", state="NV"))
    assert stored(database, "Never") == []


def test_other_failures_are_not_run_again(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    service = FacilityService(database)
    runs: list[int] = []

    def add(self: FacilityRepository, record: Facility) -> Facility:
        runs.append(1)
        self.session.execute(text("SELECT 1/0"))
        raise AssertionError("not reached")

    monkeypatch.setattr(FacilityRepository, "add", add)
    with pytest.raises(Exception, match="division by zero"):
        service.create(Facility(name="Once", city="Reno", state="NV"))
    assert runs == [1]


def test_server_connections_carry_timeouts_and_keepalives(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.execute(text("SHOW statement_timeout")).scalar_one() == "30s"
        raw = connection.connection.dbapi_connection
        assert raw is not None
        parameters = raw.info.get_parameters()  # libpq's own: the keepalives are socket options of the client
        assert parameters["keepalives_idle"] == "10" and parameters["connect_timeout"] == "5"
    url = str(database.engine.url)
    assert server_connect_args(url)["connect_timeout"] == 5
    assert "connect_timeout" not in server_connect_args(url + "&connect_timeout=12")
    assert "options" not in server_connect_args(url + "&options=-c%20statement_timeout%3D0")
    assert server_connect_args("sqlite+pysqlite:///x.sqlite3") == {}
