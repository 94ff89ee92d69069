"""PostgreSQL's search and sort indexes (migration 0010): the queries the app sends are served by them, the
migration fills existing rows, and the tsvector and the facility name follow every change."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, event, text
from support.pg_server import PostgresServer
from support.synthetic_incidents import populate

from desktop.domain.queries import INCIDENT_SORT_KEYS, IncidentFilter, Page
from desktop.persistence.opening import open_database
from desktop.persistence.schema import alembic_config
from desktop.persistence.unit_of_work import Database

pytestmark = pytest.mark.postgres
ROWS = 300


def _alembic(engine: Engine, action: str, revision: str) -> None:
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


@pytest.fixture(scope="module")
def database(postgres_server: PostgresServer) -> Iterator[Database]:
    """Incidents written at head, the schema taken down to 0007 and up again: the migration fills what it adds."""
    with postgres_server.fresh_database() as name:
        database = open_database(postgres_server.url(name))
        try:
            populate(database, ROWS, facilities=12, plan_items=0)
            _alembic(database.engine, "downgrade", "0007")
            with database.engine.connect() as connection:
                assert connection.scalar(text("SELECT to_regclass('incident_words')")) is None
            _alembic(database.engine, "upgrade", "head")
            with database.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
            yield database
        finally:
            database.close()


def _plans(engine: Engine, action: Any, *priced_out: str) -> list[str]:
    """The plans of every statement `action` sends, with sequential scans and sorts (and `priced_out`: other
    enable_* settings) priced out: what remains is what the indexes can serve."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    plans = []
    with engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        for setting in ("seqscan", "sort", *priced_out):
            cursor.execute(f"SET enable_{setting} = off")
        for statement, parameters in sent:
            if statement.lstrip().upper().startswith("SELECT"):
                cursor.execute("EXPLAIN " + statement, parameters)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def _page_plan(database: Database, where: IncidentFilter, page: Page) -> str:
    def read() -> None:
        with database.unit_of_work(write=False) as uow:
            uow.incidents.page(where, page)

    return _plans(database.engine, read)[0]  # the ids of the page come first


@pytest.mark.parametrize("text_", ["vandalism", "mo", "synthetic incident", '"synthetic incident" -vandalism',
                                   "vandalism OR threat", "case:syn"])  # fmt: skip
def test_a_search_reads_the_gin_index(database: Database, text_: str) -> None:
    [plan] = _plans(database.engine, lambda: _count(database, text_))
    assert "ixpg_incident_words" in plan, plan
    assert "~*" not in plan


@pytest.mark.parametrize("key", [k for k in INCIDENT_SORT_KEYS if k not in ("severity", "status")])
@pytest.mark.parametrize("descending", [False, True])
def test_each_sort_walks_an_index_in_its_order(database: Database, key: str, descending: bool) -> None:
    plan = _page_plan(database, IncidentFilter(), Page(sort=key, descending=descending, limit=50))
    assert "Sort" not in plan.replace("Sort Key", ""), plan  # no sort node: an index hands the rows in order
    assert "Index" in plan, plan
    if key == "facility":
        assert "ixpg_incidents_facility_name" in plan and "facilities" not in plan, plan
    if key in ("occurred", "case_number"):  # nullable: NULLS FIRST, as the indexes of migration 0010 hold them
        assert f"ixpg_incidents_{key}" in plan, plan


def test_facility_field_reads_the_trigram_index(database: Database) -> None:
    # twelve facilities: the primary key read whole is cheaper, unless priced out as a 1M-row table would
    plan = _plans(database.engine, lambda: _count(database, "facility:oma"), "indexscan")[0]
    assert "ixpg_facilities_name_trgm" in plan, plan


def _count(database: Database, text_: str) -> int:
    with database.unit_of_work(write=False) as uow:
        return uow.incidents.count(IncidentFilter(text=text_))


def test_the_migration_filled_the_existing_rows(database: Database) -> None:
    with database.engine.connect() as connection:
        empty = connection.scalar(text(
            "SELECT count(*) FROM incidents i LEFT JOIN incident_words w ON w.id = i.id"
            " WHERE w.words IS NULL OR w.words = ''::tsvector"))  # fmt: skip
        names = connection.scalar(text(
            "SELECT count(*) FROM incidents i JOIN facilities f ON f.id = i.facility_id"
            " WHERE i.facility_name IS DISTINCT FROM f.name"))  # fmt: skip
        total = connection.scalar(text("SELECT count(*) FROM incidents"))
    assert (total, empty, names) == (ROWS, 0, 0)


def test_the_search_and_the_facility_name_follow_updates(database: Database) -> None:
    with database.unit_of_work() as uow:
        [incident] = uow.incidents.page(IncidentFilter(), Page(sort="occurred", limit=1))
        facility = uow.facilities.get(incident.facility_uuid)
        uow.incidents.update(replace(incident, title="Zeppelin-shaped balloon over the gate"))
        uow.facilities.update(replace(facility, name="Zzyzx Federal Building"))
        uow.commit()
    with database.unit_of_work(write=False) as uow:
        found = uow.incidents.page(IncidentFilter(text='zepp "shaped balloon"'), Page(limit=10))
        assert [i.uuid for i in found] == [incident.uuid]
        first = uow.incidents.page(IncidentFilter(), Page(sort="facility", descending=True, limit=1))
        assert first[0].facility_uuid == facility.uuid  # Z sorts after every synthetic facility name
        assert uow.incidents.count(IncidentFilter(text="facility:zzyzx")) >= 1
