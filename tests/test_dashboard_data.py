"""Dashboard figures against independent raw SQL COUNT/SUM queries on generated data, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, text
from support.synthetic_incidents import Generated, populate

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity, WeaponType
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.unit_of_work import Database
from desktop.services.case_facts import DamageBand, possibly_in_filter
from desktop.services.dashboard import (
    DashboardData,
    dashboard_data,
    month_bounds,
    month_span,
    narrowed,
    narrowed_to_month,
)
from desktop.services.records import IncidentService

TODAY = date(2024, 3, 1)
CLOSED_CODES = "('closed', 'unfounded', 'adjudicated')"
CASUALTY_COLUMNS = ("victims_killed", "victims_injured", "perpetrators_killed", "perpetrators_injured")

# each filter with the same condition written by hand in raw SQL over the incidents table
FILTER_CASES: dict[str, tuple[IncidentFilter, str]] = {
    "everything": (IncidentFilter(), "1 = 1"),
    "period": (
        IncidentFilter(occurred_from=date(2019, 3, 10), occurred_to=date(2020, 6, 30)),
        "occurred_end >= '2019-03-10' AND occurred_on <= '2020-06-30'",  # overlap
    ),
    "states": (
        IncidentFilter(states=("TX", "FL")),
        "facility_id IN (SELECT id FROM facilities WHERE state IN ('TX', 'FL'))",
    ),
    "attack types and severities": (
        IncidentFilter(
            attack_types=(AttackType.VANDALISM, AttackType.THREAT), severities=(Severity.HIGH, Severity.CRITICAL)
        ),
        "attack_type IN ('vandalism', 'threat') AND severity IN ('high', 'critical')",
    ),
    "open cases": (IncidentFilter(open_only=True), f"status NOT IN {CLOSED_CODES}"),
    "weapon": (
        IncidentFilter(weapon_types=(WeaponType.FIREARMS,)),
        "id IN (SELECT incident_id FROM incident_weapons WHERE weapon_type = 'firearms')",
    ),
    "search text": (IncidentFilter(text="threat"), "title LIKE '%threat%'"),
}  # fmt: skip


@pytest.fixture
def generated(any_database: Database) -> Generated:
    return populate(any_database, incidents=2500, facilities=30, plan_items=90, today=TODAY)


def raw(database: Database, sql: str, **params: Any) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar() or 0)


def raw_count(database: Database, where_sql: str, extra: str = "1 = 1", **params: Any) -> int:
    return raw(database, f"SELECT COUNT(*) FROM incidents WHERE ({where_sql}) AND ({extra})", **params)


def starts_in(index: int) -> str:
    """Raw SQL of "counted in month `index`": its date starts in it; the first month also takes the dates that
    start before it (before a period's first day, reaching into it)."""
    return "occurred_on <= :b" if index == 0 else "occurred_on BETWEEN :a AND :b"


def check_months(database: Database, data: DashboardData, where_sql: str) -> None:
    months = data.months
    assert months.undated == raw_count(database, where_sql, "occurred_on IS NULL")
    for index, (month, total) in enumerate(zip(months.months, months.month_totals(), strict=True)):
        first, last = month_bounds(month)
        assert total == raw_count(database, where_sql, starts_in(index), a=first, b=last), month
    for series in months.series:
        dated = "occurred_on IS NOT NULL AND attack_type = :t"
        assert series.total == raw_count(database, where_sql, dated, t=series.attack_type.value)
        busiest = max(range(len(months.months)), key=series.counts.__getitem__)
        first, last = month_bounds(months.months[busiest])
        cell = f"attack_type = :t AND {starts_in(busiest)}"
        assert series.counts[busiest] == raw_count(
            database, where_sql, cell, t=series.attack_type.value, a=first, b=last
        )
    assert months.dated + months.undated == raw_count(database, where_sql)


def check_facilities_and_states(database: Database, data: DashboardData, where_sql: str) -> None:
    for facility in data.facilities:
        own = "facility_id = (SELECT id FROM facilities WHERE uuid = :u)"
        assert facility.count == raw_count(database, where_sql, own, u=facility.facility_uuid) > 0
    for state in data.states:
        in_state = "facility_id IN (SELECT id FROM facilities WHERE state = :s)"
        assert state.count == raw_count(database, where_sql, in_state, s=state.state) > 0
    assert [f.count for f in data.facilities] == sorted((f.count for f in data.facilities), reverse=True)
    assert sum(f.count for f in data.facilities) == sum(s.count for s in data.states) == raw_count(database, where_sql)


def check_groups(database: Database, data: DashboardData, where_sql: str) -> None:
    for severity, n in data.severities:
        assert n == raw_count(database, where_sql, "severity = :v", v=severity.value)
    for status, n in data.cases.by_status:
        assert n == raw_count(database, where_sql, "status = :v", v=status.value)
    assert data.cases.closed == raw_count(database, where_sql, f"status IN {CLOSED_CODES}")
    assert data.cases.open == raw_count(database, where_sql, f"status NOT IN {CLOSED_CODES}")


def check_casualties(database: Database, data: DashboardData, where_sql: str) -> None:
    figures = data.casualties
    for name in CASUALTY_COLUMNS:
        expected = raw(database, f"SELECT SUM({name}) FROM incidents WHERE {where_sql}")
        assert getattr(figures, name) == expected, name
    assert figures.damage_usd == raw(database, f"SELECT SUM(damage_estimate_usd) FROM incidents WHERE {where_sql}")
    assert figures.damaged == raw_count(database, where_sql, "property_damage = 'yes'")
    unknown = " OR ".join(f"{name} IS NULL" for name in CASUALTY_COLUMNS)
    assert figures.casualties_unknown == raw_count(database, where_sql, unknown)
    assert figures.incidents == raw_count(database, where_sql)


def check_facts(database: Database, data: DashboardData, where: IncidentFilter, where_sql: str) -> None:
    facts = data.facts
    for target, n in facts.target_types:
        assert n == raw_count(database, where_sql, "target_type = :v", v=target.value)
    assert sum(n for _, n in facts.damage) == data.casualties.incidents
    assert dict(facts.damage)[DamageBand.NO_DAMAGE] == raw_count(database, where_sql, "property_damage = 'no'")
    if facts.period is None:
        assert where.occurred_from is None and where.occurred_to is None
        return
    incidents = IncidentService(database).page(where, Page(limit=10_000))
    assert facts.period.incidents == len(incidents)
    assert facts.period.possibly == sum(1 for i in incidents if possibly_in_filter(i, where)) > 0


@pytest.mark.parametrize("case", list(FILTER_CASES))
def test_figures_match_raw_sql(any_database: Database, generated: Generated, case: str) -> None:
    where, where_sql = FILTER_CASES[case]

    data = dashboard_data(any_database, where, TODAY)

    assert data.casualties.incidents > 0, "the generated data must exercise this filter"
    check_months(any_database, data, where_sql)
    check_facilities_and_states(any_database, data, where_sql)
    check_groups(any_database, data, where_sql)
    check_casualties(any_database, data, where_sql)
    check_facts(any_database, data, where, where_sql)


def test_facility_filter_and_plan_items(any_database: Database, generated: Generated) -> None:
    facility = generated.facility_uuids[0]
    own = "facility_id = (SELECT id FROM facilities WHERE uuid = :u)"

    data = dashboard_data(any_database, IncidentFilter(facility_uuids=(facility,)), TODAY)

    assert [f.facility_uuid for f in data.facilities] == [facility]
    assert data.casualties.incidents == raw_count(any_database, own, u=facility)
    for status, n in data.plan_items:  # the facility's items plus the nationwide ones
        scoped = f"SELECT COUNT(*) FROM plan_items WHERE status = :s AND (facility_id IS NULL OR {own})"
        assert n == raw(any_database, scoped, s=status.value, u=facility)
    everything = dashboard_data(any_database, None, TODAY)
    for status, n in everything.plan_items:
        assert n == raw(any_database, "SELECT COUNT(*) FROM plan_items WHERE status = :s", s=status.value)
    assert sum(n for _, n in everything.plan_items) == generated.plan_items
    overdue = f"status NOT IN ('implemented', 'risk_accepted') AND due_date < '{TODAY}'"
    assert everything.deadlines.overdue == raw(any_database, f"SELECT COUNT(*) FROM plan_items WHERE {overdue}")


def test_clicked_bars_select_the_incidents_they_count(database: Database) -> None:
    """What a bar click asks the incident table to show has exactly the bar's count."""
    populate(database, incidents=1500, facilities=12, plan_items=0, today=TODAY)
    where = IncidentFilter(occurred_from=date(2018, 2, 15), severities=(Severity.LOW, Severity.MEDIUM))
    data = dashboard_data(database, where, TODAY)
    service = IncidentService(database)

    series = data.months.series[0]
    first_month = data.months.months[0]  # 2018-02, cut at the 15th by the filter
    assert narrowed_to_month(where, first_month).occurred_from == date(2018, 2, 15)
    clicked = narrowed(where, month=first_month, attack_type=series.attack_type)
    assert service.count(clicked) == series.counts[0]
    top = data.facilities[0]
    assert service.count(narrowed(where, facility_uuid=top.facility_uuid)) == top.count
    assert service.count(narrowed(where, state=data.states[-1].state)) == data.states[-1].count
    assert service.count(narrowed(where, severity=Severity.LOW)) == dict(data.severities)[Severity.LOW]
    assert service.count(narrowed(where, open_cases=True)) == data.cases.open
    assert service.count(narrowed(where, open_cases=False)) == data.cases.closed
    assert service.count(narrowed(where, status=CaseStatus.CHARGED)) == dict(data.cases.by_status)[CaseStatus.CHARGED]


def test_months_span_the_filter_period_with_zeros(database: Database) -> None:
    populate(database, incidents=300, facilities=5, plan_items=0, today=TODAY)
    where = IncidentFilter(occurred_from=date(2030, 1, 1), occurred_to=date(2030, 3, 31))
    data = dashboard_data(database, where, TODAY)
    assert data.months.months == ("2030-01", "2030-02", "2030-03")
    assert data.months.month_totals() == (0, 0, 0) and data.months.series == ()
    assert month_span("2019-11", "2020-02") == ("2019-11", "2019-12", "2020-01", "2020-02")
    assert month_bounds("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))


def test_empty_database_gives_zeros(database: Database) -> None:
    data = dashboard_data(database, None, TODAY)
    assert data.months.months == () and data.facilities == () and data.states == ()
    assert data.casualties.incidents == 0 and data.casualties.damage_usd == 0
    assert all(n == 0 for _, n in data.plan_items) and data.deadlines.overdue == 0
    assert [s for s, _ in data.plan_items] == list(PlanStatus)


def test_query_count_does_not_grow_with_the_data(database: Database) -> None:
    """Every figure is a fixed number of GROUP BY statements, whatever the number of incidents."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        populate(database, incidents=50, facilities=4, plan_items=5, today=TODAY)
        statements.clear()
        dashboard_data(database, IncidentFilter(open_only=True), TODAY)
        small = len(statements)
        populate(database, incidents=2000, facilities=4, plan_items=5, today=TODAY, seed=99)
        statements.clear()
        dashboard_data(database, IncidentFilter(open_only=True), TODAY)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert len(statements) == small <= 14  # + the directives and the GTD breakdowns
    incident_queries = [s for s in statements if "FROM incidents" in s]
    aggregates = ("group by", "sum(", "count(")  # never a read of rows
    assert incident_queries and all(any(word in s.lower() for word in aggregates) for s in incident_queries)


def test_month_query_reads_the_day_and_attack_type_index_on_sqlite(database: Database) -> None:
    """Unfiltered, the month query groups by day over the covering index (occurred_on, attack_type, ...), in index
    order, so that only the day groups are sorted into months, not every incident (1M rows: 1.3 s to 0.16 s)."""
    statements: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        dashboard_data(database, None, TODAY)
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)
    month_sql = next(s for s in statements if "strftime" in s)
    with database.engine.connect() as connection:
        plan = [(row[0], row[1], str(row[-1])) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {month_sql}")]
    scan = next((node, parent) for node, parent, step in plan if "COVERING INDEX ix_incidents_occurred_figures" in step)
    inner = [step for _node, parent, step in plan if parent == scan[1]]  # the per-day subquery's own steps
    assert not any("GROUP BY" in step for step in inner), plan  # the day groups come in index order


def test_filtered_groups_do_not_walk_a_group_by_index_on_sqlite() -> None:
    """With a filter, SQLite must read through the filter's index: the GROUP BY key is `+column` there."""
    from sqlalchemy.dialects import postgresql, sqlite

    from desktop.persistence.figure_queries import group_key
    from desktop.persistence.models import IncidentRow

    def rendered(where: IncidentFilter, dialect: Any) -> str:
        return str(group_key(IncidentRow.facility_id, where, dialect.name).compile(dialect=dialect))

    filtered = IncidentFilter(severities=(Severity.CRITICAL,))
    assert rendered(IncidentFilter(), sqlite.dialect()) == "incidents.facility_id"
    assert rendered(filtered, sqlite.dialect()) == "+ incidents.facility_id"
    assert rendered(filtered, postgresql.dialect()) == "incidents.facility_id"
