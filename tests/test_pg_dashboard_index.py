"""PostgreSQL's dashboard index (migration 0011): the case-fact figures read it alone, and give the same figures
as a plain table scan after inserts, updates and deletes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, event, text
from support.pg_server import PostgresServer
from support.synthetic_incidents import add_incidents, populate

from desktop.domain.queries import IncidentFilter
from desktop.persistence.opening import open_database
from desktop.persistence.schema import alembic_config
from desktop.persistence.unit_of_work import Database

pytestmark = pytest.mark.postgres
INDEX = "ixpg_incidents_case_facts"
FILTERS = [IncidentFilter(), IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31))]


def _alembic(engine: Engine, action: str, revision: str) -> None:
    with engine.begin() as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def _index_exists(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.scalar(text(f"SELECT to_regclass('{INDEX}')")) is not None


@pytest.fixture(scope="module")
def database(postgres_server: PostgresServer) -> Iterator[Database]:
    """Incidents written at head, the schema taken down to 0010 (no index) and up again."""
    with postgres_server.fresh_database() as name:
        database = open_database(postgres_server.url(name))
        try:
            populate(database, 300, facilities=12, plan_items=0)
            _alembic(database.engine, "downgrade", "0010")
            assert not _index_exists(database.engine)
            _alembic(database.engine, "upgrade", "head")
            assert _index_exists(database.engine)
            with database.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
            yield database
        finally:
            database.close()


def _case_facts(database: Database, where: IncidentFilter, *settings: str) -> tuple[Any, Any]:
    """The case-fact and severity figures, with `settings` (enable_* = off) in force."""
    with database.unit_of_work(write=False) as uow:
        session = uow.figures.session
        for setting in settings:
            session.execute(text(f"SET LOCAL enable_{setting} = off"))
        figures = uow.figures.case_fact_counts(where)
        severities = uow.figures.severity_counts(where)
        return figures, severities


def _plan_of_case_facts(database: Database, where: IncidentFilter) -> str:
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.unit_of_work(write=False) as uow:
            uow.figures.case_fact_counts(where)
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    [(statement, parameters)] = [(s, p) for s, p in sent if s.lstrip().upper().startswith("SELECT")]
    with database.engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_bitmapscan = off")  # at 300 rows: else the period index (0012), read as a bitmap
        cursor.execute("EXPLAIN " + statement, parameters)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_case_facts_read_only_the_index(database: Database) -> None:
    """Unfiltered (at 300 rows a period's few rows go through the period index; at 1M rows it reads this one)."""
    plan = _plan_of_case_facts(database, IncidentFilter())
    assert f"Index Only Scan using {INDEX}" in plan, plan


def _same_as_a_table_scan(database: Database) -> None:
    for where in FILTERS:
        through_index = _case_facts(database, where, "seqscan", "bitmapscan")
        plain = _case_facts(database, where, "indexscan", "indexonlyscan", "bitmapscan")
        assert through_index == plain
        assert sum(n for n, _ in through_index[0].values()) > 0


def test_figures_match_a_table_scan_after_inserts_updates_and_deletes(database: Database) -> None:
    _same_as_a_table_scan(database)
    add_incidents(database, 40, seed=99)
    _same_as_a_table_scan(database)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE incidents SET property_damage = 'yes', severity = 'critical', "
                                "occurred_approximate = NOT occurred_approximate WHERE id % 5 = 0"))  # fmt: skip
        connection.execute(text("DELETE FROM incidents WHERE id % 7 = 0"))
    _same_as_a_table_scan(database)
