"""Synchronizing as a team login (issue 19 on top of issue 18's roles): an analyst's laptop sends edits, while what
only a supervisor may do (a directive, a deletion) is refused by the server and nothing is written; the origin
replica is part of each synchronized entry's hash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from support.pg_server import PostgresServer
from support.pg_team import make_team
from support.sync_laptops import assert_chain, edit_incident, records, seed

from desktop.domain.errors import PermissionDeniedError
from desktop.persistence.engine import sqlite_url
from desktop.services.audit import verify_chain
from desktop.services.session.service import DatabaseSessions
from desktop.services.sync import preview, synchronize

pytestmark = pytest.mark.postgres
ANALYST, SUPERVISOR = "sync_analyst_al", "sync_supervisor_sue"


@pytest.fixture
def team(postgres_server: PostgresServer) -> Iterator[tuple[str, str]]:
    """(database name, owner URL) of a team database with an analyst and a supervisor."""
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        make_team(url, ((ANALYST, "analyst"), (SUPERVISOR, "supervisor")), title="Letter", suspect="X", personal="Y")
        yield name, url


def _as(url: str, login: str) -> str:
    return url.replace("postgres@", f"{login}@")


def test_an_analyst_sends_edits_but_not_deletions(team: tuple[str, str], tmp_path: Path,
                                                 sessions: DatabaseSessions) -> None:  # fmt: skip
    _name, owner_url = team
    laptop = sessions.open(sqlite_url(tmp_path / "laptop.sqlite3"), lock=False)
    analyst = sessions.open(_as(owner_url, ANALYST), lock=False)
    supervisor = sessions.open(_as(owner_url, SUPERVISOR), lock=False)
    try:
        ids = seed(laptop, "field")  # with a directive: only a supervisor may make one
        with pytest.raises(PermissionDeniedError):
            synchronize(laptop, analyst)
        synchronize(laptop, supervisor)  # everything the laptop made, and the team's records back
        assert records(laptop) == records(analyst)
        edit_incident(laptop, ids["first"], title="Edited in the field")
        synchronize(laptop, analyst)
        assert records(laptop) == records(analyst)
        with laptop.unit_of_work() as uow:
            uow.plan_items.delete(ids["item"])
            uow.commit()
        before = records(analyst)
        assert preview(laptop, analyst).counts  # it would send the deletion…
        with pytest.raises(PermissionDeniedError):
            synchronize(laptop, analyst)  # …which the server refuses to an analyst
        assert records(analyst) == before  # nothing written
        synchronize(laptop, supervisor)
        assert records(laptop) == records(supervisor)
        assert ("plan_item", ids["item"]) not in records(supervisor)
        assert_chain(laptop)
        assert_chain(supervisor)
    finally:
        for db in (laptop, analyst, supervisor):
            sessions.close(db)


def test_the_origin_is_inside_the_entry_hash(team: tuple[str, str], tmp_path: Path, sessions: DatabaseSessions,
                                             postgres_server: PostgresServer) -> None:  # fmt: skip
    name, owner_url = team
    laptop = sessions.open(sqlite_url(tmp_path / "laptop.sqlite3"), lock=False)
    server = sessions.open(owner_url, lock=False)
    try:
        seed(laptop, "field")
        synchronize(laptop, server)
        assert_chain(server)
        conninfo = f"host=127.0.0.1 port={postgres_server.port} user=postgres dbname={name}"
        with psycopg.connect(conninfo, autocommit=True) as connection:
            [(entry_id,)] = connection.execute(
                "SELECT min(id) FROM audit_entries WHERE origin IS NOT NULL").fetchall()  # fmt: skip
            connection.execute("UPDATE audit_entries SET origin = 'another-laptop' WHERE id = %s", (entry_id,))
        report = verify_chain(server)
        assert not report.ok and any(str(entry_id) in problem for problem in report.problems)
    finally:
        sessions.close(laptop)
        sessions.close(server)
