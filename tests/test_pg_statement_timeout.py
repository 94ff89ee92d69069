"""A statement the server cancels at its time limit is told as a slow server (nothing changed, try a narrower
read), not as a lost one: the window's retry bar would only run the same long statement again and again."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import pytest
from support.pg_server import PostgresServer

from desktop.domain.errors import ServerTimeoutError, ServerUnreachableError
from desktop.domain.records import Facility
from desktop.persistence.engine import create_database_engine
from desktop.persistence.schema import upgrade_to_head
from desktop.persistence.server_link import is_connection_lost
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.error_dialogs import explain

pytestmark = pytest.mark.postgres
LIMIT_MS = 300


@pytest.fixture(scope="module")
def server_and_database(postgres_server: PostgresServer) -> Iterator[tuple[PostgresServer, str, Database]]:
    """A migrated database opened with a 300 ms statement limit set by the URL (libpq's `options`)."""
    with postgres_server.fresh_database() as name:
        engine = create_database_engine(postgres_server.url(name))
        upgrade_to_head(engine)
        engine.dispose()
        url = postgres_server.url(name) + "?options=" + quote(f"-c statement_timeout={LIMIT_MS}")
        sessions = DatabaseSessions(None)
        database = sessions.open(url, lock=False)
        try:
            yield postgres_server, name, database
        finally:
            sessions.close(database)


def test_the_url_sets_the_limit(server_and_database: tuple[PostgresServer, str, Database]) -> None:
    from sqlalchemy import text

    _server, _name, database = server_and_database
    with database.engine.connect() as connection:
        assert connection.execute(text("SHOW statement_timeout")).scalar_one() == f"{LIMIT_MS}ms"


def test_a_read_past_the_limit_is_a_slow_server_not_a_lost_one(
    server_and_database: tuple[PostgresServer, str, Database],
) -> None:
    server, name, database = server_and_database
    service = FacilityService(database)
    created = service.create(Facility(name="Timed Annex", city="Reno", state="NV"))
    with psycopg.connect(server.conninfo(name)) as holder:
        holder.execute("LOCK TABLE facilities IN ACCESS EXCLUSIVE MODE")  # the read waits past its limit
        with pytest.raises(ServerTimeoutError) as raised:
            service.get(created.uuid)
        holder.rollback()
    error = raised.value
    assert not isinstance(error, ServerUnreachableError) and not error.writing
    assert error.__cause__ is not None and not is_connection_lost(error.__cause__)
    assert "ran longer than the time allowed" in str(error) and "could not be read" in str(error)
    headline, details = explain(error)
    assert headline == "The database server took too long to answer."
    assert "Narrow the search" in details
    assert service.get(created.uuid).name == "Timed Annex"  # the same connection pool works at once after


def test_a_write_past_the_limit_saves_nothing_and_says_so(
    server_and_database: tuple[PostgresServer, str, Database],
) -> None:
    server, name, database = server_and_database
    service = FacilityService(database)
    with psycopg.connect(server.conninfo(name)) as holder:
        holder.execute("LOCK TABLE facilities IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(ServerTimeoutError) as raised:
            service.create(Facility(name="Never Stored", city="Elko", state="NV"))
        holder.rollback()
    assert raised.value.writing and "nothing was saved" in str(raised.value)
    assert explain(raised.value)[0] == "The database server took too long; nothing was saved."
    assert "Never Stored" not in [facility_name for _uuid, facility_name in service.names()]
