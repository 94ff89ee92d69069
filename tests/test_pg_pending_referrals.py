"""PostgreSQL's list of pending referrals (migration 0012) holds exactly the incidents the row-level condition
selects after inserts, edits, legal-history changes, deletes, a restore and a COPY import; the dashboard figures
on PostgreSQL equal SQLite's for the same rows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from support.pg_server import PostgresServer
from support.synthetic_incidents import add_incidents, populate

from desktop.domain.enums import Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence import figure_pass
from desktop.persistence.case_conditions import pending_referral_condition
from desktop.persistence.models import IncidentRow
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.dashboard import DashboardData, dashboard_data
from desktop.services.records import IncidentService

pytestmark = pytest.mark.postgres
TODAY = date(2024, 3, 1)
FILTERS = [
    IncidentFilter(),
    IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31)),
    IncidentFilter(occurred_from=date(2020, 3, 1)),
    IncidentFilter(severities=(Severity.CRITICAL,)),
    IncidentFilter(text="generated"),
]
HISTORY = ("INSERT INTO incident_status_changes (incident_id, status, changed_on, changed_precision, "
           "changed_approximate, note, recorded_at, agency) SELECT id, :status, :changed, 'day', :no, '', :recorded, "
           "'' FROM incidents WHERE id % :every = :rest")  # fmt: skip
EDITS = [  # portable SQL: the same changes on both engines
    "UPDATE incidents SET suspect_names = 'J. Doe' WHERE id % 4 = 0",
    "UPDATE incidents SET perpetrator_outcome = 'killed' WHERE id % 12 = 0",
    "UPDATE incidents SET perpetrator_outcome = 'arrested' WHERE id % 9 = 1",
    "UPDATE incidents SET status = 'unfounded' WHERE id % 10 = 3",
    "UPDATE incidents SET arrests_count = 2 WHERE id % 8 = 5",
    "UPDATE incidents SET suspect_names = '  ' WHERE id % 16 = 0",
]


def _listed(database: Database) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The list the triggers keep, and the row-level condition's incidents with their dates."""
    with database.engine.connect() as connection:
        listed = connection.execute(text("SELECT id, occurred_on, occurred_end FROM incident_pending ORDER BY id"))
        row = IncidentRow
        query = select(row.id, row.occurred_on, row.occurred_end).where(pending_referral_condition()).order_by(row.id)
        return [tuple(r) for r in listed], [tuple(r) for r in connection.execute(query)]


def _incident_figures(database: Database, where: IncidentFilter, *, fast: bool) -> tuple[Any, ...]:
    """The figures FigureQueries gives for `where`: `fast`, after prepare (one statement, or the unfiltered
    per-day pass with the casualty sums); else each by its own row-level query."""
    with database.unit_of_work(write=False) as uow:
        figures = uow.figures
        if fast:
            figures.prepare(where)
        return (figures.attack_counts_by_month(where), figures.facility_counts(where), figures.severity_counts(where),
                figures.status_counts(where), figures.case_fact_counts(where), figures.casualties(where))  # fmt: skip


def _agree(database: Database) -> int:
    listed, computed = _listed(database)
    assert listed == computed
    for where in FILTERS:
        assert _incident_figures(database, where, fast=True) == _incident_figures(database, where, fast=False)
    with database.unit_of_work(write=False) as uow:
        for where in FILTERS[:4]:
            pending = replace(where, pending_referral=True)
            plain = uow.incidents.filtered(select(func.count()).select_from(IncidentRow), where)
            expected = uow.session.scalar(plain.where(pending_referral_condition()))
            assert uow.incidents.count(pending) == expected
    return len(listed)


def _change(database: Database) -> None:
    with database.engine.begin() as connection:
        for statement in EDITS:
            connection.execute(text(statement))
        for status, every, rest in (("arrest_made", 5, 1), ("referred_for_prosecution", 7, 2), ("charged", 11, 0)):
            values = {"changed": date(2019, 5, 1), "no": False, "recorded": datetime(2024, 1, 1)}
            connection.execute(text(HISTORY), {"status": status, "every": every, "rest": rest, **values})


@pytest.fixture
def pg_database(postgres_server: PostgresServer) -> Iterator[Database]:
    with postgres_server.fresh_database() as name:
        database = open_database(postgres_server.url(name))
        try:
            populate(database, 300, facilities=12, plan_items=0)
            yield database
        finally:
            database.close()


def test_the_list_follows_every_kind_of_change(pg_database: Database) -> None:
    database = pg_database
    _change(database)
    assert _agree(database) > 20
    add_incidents(database, 60, seed=99)  # inserts (one statement per batch)
    _change(database)
    _agree(database)
    with database.engine.begin() as connection:  # history entries edited and removed, dates moved
        connection.execute(text("UPDATE incident_status_changes SET status = 'arrest_made' WHERE id % 3 = 0"))
        connection.execute(text("DELETE FROM incident_status_changes WHERE id % 4 = 1"))
        connection.execute(text("UPDATE incidents SET occurred_on = occurred_on - 400, occurred_end = occurred_end "
                                "- 400 WHERE id % 6 = 0 AND occurred_on IS NOT NULL"))  # fmt: skip
        connection.execute(text("DELETE FROM incidents WHERE id % 13 = 0"))
    _agree(database)
    with database.engine.begin() as connection:  # the synthetic rows were written with their ids
        connection.execute(text("SELECT setval(pg_get_serial_sequence('incidents', 'id'), max(id)) FROM incidents"))
    service = IncidentService(database)
    with database.engine.connect() as connection:
        uuid = connection.scalar(text("SELECT i.uuid FROM incidents i JOIN incident_pending p ON p.id = i.id "
                                      "WHERE i.id NOT IN (SELECT incident_id FROM incident_status_changes) "
                                      "AND coalesce(i.arrests_count, 0) = 0 "
                                      "ORDER BY i.id LIMIT 1"))  # fmt: skip
    record = service.get(uuid)
    service.delete(uuid)
    _agree(database)
    service.create(record)  # a restore: the same incident written again
    assert _agree(database) > 20
    _copy_import(database)
    _agree(database)


def _copy_import(database: Database) -> None:
    """Incidents and their history written by COPY (as the import's staging does for a batch)."""
    columns = [c.name for c in IncidentRow.__table__.columns if c.name != "id"]
    names = ", ".join(columns)
    with database.engine.begin() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(f"CREATE TEMP TABLE staged AS SELECT {names} FROM incidents ORDER BY id LIMIT 40")
        cursor.execute("UPDATE staged SET uuid = md5(uuid), case_number = 'COPY-' || case_number, "
                       "arrests_count = 1, status = 'arrest_made'")  # fmt: skip
        rows = cursor.execute(f"SELECT {names} FROM staged").fetchall()
        with cursor.copy(f"COPY incidents ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute("DROP TABLE staged")
        copied = cursor.execute("SELECT count(*) FROM incidents WHERE case_number LIKE 'COPY-%'").fetchone()
        assert copied == (40,)


def _figures(data: DashboardData) -> tuple[Any, ...]:
    facilities = sorted((f.name, f.state, f.count) for f in data.facilities)
    return (data.months, facilities, data.states, data.severities, data.casualties, data.facts, data.cases)


def test_the_dashboard_figures_equal_sqlite_s(pg_database: Database, tmp_path: Path) -> None:
    sqlite = open_database(f"sqlite:///{tmp_path / 'same.sqlite3'}")
    try:
        populate(sqlite, 300, facilities=12, plan_items=0)
        for database in (pg_database, sqlite):
            _change(database)
        for where in FILTERS:
            on_pg = dashboard_data(pg_database, where, TODAY)
            assert _figures(on_pg) == _figures(dashboard_data(sqlite, where, TODAY))
            assert on_pg.facts.pending_referral > 0 or where.severities
    finally:
        sqlite.close()


def test_two_sessions_changing_one_incident_s_history_leave_the_list_right(pg_database: Database) -> None:
    """Session A records an arrest, session B a referral, of the same incident at once: B's trigger waits for A's
    lock on the incident, then reads A's committed entry, so the list does not keep an incident B referred."""
    database = pg_database
    with database.engine.connect() as connection:
        incident = connection.scalar(text("SELECT id FROM incidents WHERE id NOT IN (SELECT id FROM incident_pending) "
                                          "AND status <> 'unfounded' ORDER BY id LIMIT 1"))  # fmt: skip
    values = {"changed": date(2019, 5, 1), "no": False, "recorded": datetime(2024, 1, 1), "every": 1_000_000}
    first = database.engine.connect()
    try:
        first.begin()
        first.execute(text(HISTORY), {**values, "status": "arrest_made", "rest": incident})
        second_done = threading.Event()

        def second() -> None:
            with database.engine.begin() as connection:
                connection.execute(text(HISTORY), {**values, "status": "referred_for_prosecution", "rest": incident})
            second_done.set()

        worker = threading.Thread(target=second)
        worker.start()
        assert not second_done.wait(0.5)  # waits for the first session's lock on the incident
        first.commit()
        worker.join(10)
        assert second_done.is_set()
    finally:
        first.close()
    listed, computed = _listed(database)
    assert listed == computed
    assert incident not in {row[0] for row in listed}


def test_a_filter_matching_most_rows_is_read_figure_by_figure(
    pg_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above figure_pass.ONE_PASS_ROWS estimated matches, no one-statement read: the per-figure queries answer."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    where = FILTERS[1]
    expected = _incident_figures(pg_database, where, fast=False)
    event.listen(pg_database.engine, "before_cursor_execute", record)
    try:
        assert _incident_figures(pg_database, where, fast=True) == expected
        assert any("MATERIALIZED" in statement for statement in sent)
        sent.clear()
        monkeypatch.setattr(figure_pass, "ONE_PASS_ROWS", 0)
        assert _incident_figures(pg_database, where, fast=True) == expected
        assert sent and not any("MATERIALIZED" in statement for statement in sent)
    finally:
        event.remove(pg_database.engine, "before_cursor_execute", record)
