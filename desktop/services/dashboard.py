"""Dashboard figures: one GROUP BY query per chart, following an IncidentFilter, as frozen dataclasses."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.plans import DeadlineSummary, ReassessmentDue, deadline_summary_in, plan_scope
from desktop.services.plans import reassessments_due_in as _reassessments_due_in

MAX_MONTHS = 1200  # a filter reaching further than this is drawn over the months that hold incidents
REASSESSMENT_HORIZON_DAYS = 90  # the dashboard also lists reassessments falling due this soon


@dataclass(frozen=True, slots=True)
class AttackSeries:
    attack_type: AttackType
    counts: tuple[int, ...]  # aligned with MonthlyAttackCounts.months

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class MonthlyAttackCounts:
    """Incidents per month stacked by attack type; `undated` ones have no known occurred date."""

    months: tuple[str, ...]  # "YYYY-MM", consecutive, first to last
    series: tuple[AttackSeries, ...]  # attack types with at least one incident, in AttackType order
    undated: int

    @property
    def dated(self) -> int:
        return sum(series.total for series in self.series)

    def month_totals(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*(s.counts for s in self.series), strict=True)) or tuple(
            0 for _ in self.months
        )


@dataclass(frozen=True, slots=True)
class FacilityCount:
    facility_uuid: str
    name: str
    state: str
    count: int


@dataclass(frozen=True, slots=True)
class StateCount:
    state: str
    count: int


@dataclass(frozen=True, slots=True)
class Casualties:
    """Totals of the known figures; incidents where any casualty figure is unknown are counted apart."""

    incidents: int
    victims_killed: int
    victims_injured: int
    perpetrators_killed: int
    perpetrators_injured: int
    casualties_unknown: int  # incidents with at least one casualty figure unknown (NULL, not 0)
    damage_usd: int
    damaged: int  # incidents with property damage "yes"

    @property
    def killed(self) -> int:
        return self.victims_killed + self.perpetrators_killed

    @property
    def injured(self) -> int:
        return self.victims_injured + self.perpetrators_injured


@dataclass(frozen=True, slots=True)
class CaseCounts:
    by_status: tuple[tuple[CaseStatus, int], ...]  # every status, in lifecycle order

    @property
    def open(self) -> int:
        return sum(n for status, n in self.by_status if status.is_open)

    @property
    def closed(self) -> int:
        return sum(n for status, n in self.by_status if not status.is_open)


@dataclass(frozen=True, slots=True)
class DashboardData:
    where: IncidentFilter
    today: date
    months: MonthlyAttackCounts
    facilities: tuple[FacilityCount, ...]  # most incidents first
    states: tuple[StateCount, ...]  # most incidents first; derived from `facilities` (same GROUP BY)
    severities: tuple[tuple[Severity, int], ...]  # every severity, low to critical
    casualties: Casualties
    cases: CaseCounts
    plan_items: tuple[tuple[PlanStatus, int], ...]  # every status
    deadlines: DeadlineSummary
    reassessments: tuple[ReassessmentDue, ...]


def month_key(column: Any, dialect: str) -> Any:
    """SQL for the month of a date column: "YYYY-MM" text on SQLite, PostgreSQL and MySQL (literal formats,
    so that a SQLite expression index can match), the number YYYYMM elsewhere (see month_text)."""
    if dialect == "sqlite":
        return func.strftime(literal_column("'%Y-%m'"), column)
    if dialect == "postgresql":
        return func.to_char(column, literal_column("'YYYY-MM'"))
    if dialect in ("mysql", "mariadb"):
        return func.date_format(column, literal_column("'%%Y-%%m'"))
    return func.extract("year", column) * 100 + func.extract("month", column)


def group_key(column: Any, where: IncidentFilter, dialect: str) -> Any:
    """What to GROUP BY: on SQLite with a filter, `+column`, so that the planner reads the rows through the
    filter's own index and sorts the few that match, rather than walking an index in GROUP BY order over every
    row and looking each one up (SQLite has no hash aggregation; measured on 1M rows: 1.7 s down to 0.1 s).
    Without a filter the plain column lets a covering index hand over the groups already in order."""
    if dialect != "sqlite" or where.is_empty:
        return column
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def month_text(key: object) -> str:
    """A month_key value as "YYYY-MM"."""
    if isinstance(key, str):
        return key
    number = int(key)  # type: ignore[call-overload]
    return f"{number // 100:04d}-{number % 100:02d}"


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of "YYYY-MM"."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def month_span(first: str, last: str) -> tuple[str, ...]:
    """Every month from `first` to `last` inclusive ("YYYY-MM")."""
    year, month = (int(part) for part in first.split("-"))
    end = tuple(int(part) for part in last.split("-"))
    months: list[str] = []
    while (year, month) <= end and len(months) <= MAX_MONTHS:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _axis(present: list[str], where: IncidentFilter) -> tuple[str, ...]:
    first = where.occurred_from.strftime("%Y-%m") if where.occurred_from else None
    last = where.occurred_to.strftime("%Y-%m") if where.occurred_to else None
    if present:
        first = first or min(present)
        last = last or max(present)
    if first is None or last is None or first > last:
        return ()
    months = month_span(first, last)
    if len(months) > MAX_MONTHS and present:
        months = month_span(min(present), max(present))
    return months


def incidents_per_month(uow: UnitOfWork, where: IncidentFilter) -> MonthlyAttackCounts:
    """Counts per (day, attack type), summed per month; months without incidents are filled with zeros.
    Grouping by the day first lets the index (occurred_on, attack_type, ...) hand over the groups in order,
    so only a few thousand day groups, not every incident, are sorted into months (1M rows: 1.3 s to 0.16 s)."""
    session = _session(uow)
    dialect = session.get_bind().dialect.name
    day = group_key(IncidentRow.occurred_on, where, dialect)
    kind = group_key(IncidentRow.attack_type, where, dialect)
    per_day = uow.incidents.filtered(
        select(day.label("day"), kind.label("attack_type"), func.count().label("n")).group_by(day, kind), where
    ).subquery("per_day")
    month = month_key(per_day.c.day, dialect).label("month")
    query = select(month, per_day.c.attack_type, func.sum(per_day.c.n)).group_by(month, per_day.c.attack_type)
    counts: dict[tuple[str, AttackType], int] = {}
    undated = 0
    for key, attack_type, n in session.execute(query):
        if key is None:
            undated += int(n)
        else:
            counts[month_text(key), attack_type] = int(n)
    months = _axis(sorted({key for key, _ in counts}), where)
    series = tuple(
        AttackSeries(attack_type, tuple(counts.get((m, attack_type), 0) for m in months))
        for attack_type in AttackType
        if any(kind is attack_type for _, kind in counts)
    )
    return MonthlyAttackCounts(months, series, undated)


def incidents_by_facility(uow: UnitOfWork, where: IncidentFilter) -> tuple[FacilityCount, ...]:
    """One GROUP BY facility (its covering index), joined to the facilities for name and state."""
    facility_id = group_key(IncidentRow.facility_id, where, _dialect(uow)).label("facility_id")
    grouped = select(facility_id, func.count().label("n")).group_by(facility_id)
    counts = uow.incidents.filtered(grouped, where).subquery("per_facility")
    query = (
        select(FacilityRow.uuid, FacilityRow.name, FacilityRow.state, counts.c.n)
        .join(counts, counts.c.facility_id == FacilityRow.id)
        .order_by(counts.c.n.desc(), FacilityRow.name, FacilityRow.id)
    )
    return tuple(FacilityCount(uuid, name, state, int(n)) for uuid, name, state, n in _session(uow).execute(query))


def states_of(facilities: tuple[FacilityCount, ...]) -> tuple[StateCount, ...]:
    """Per-state totals of the per-facility counts (a loop over facilities, not incidents), most first."""
    totals: dict[str, int] = {}
    for facility in facilities:
        totals[facility.state] = totals.get(facility.state, 0) + facility.count
    return tuple(StateCount(state, n) for state, n in sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def _grouped(uow: UnitOfWork, where: IncidentFilter, column: Any) -> dict[Any, int]:
    key = group_key(column, where, _dialect(uow))
    query = uow.incidents.filtered(select(key, func.count()).group_by(key), where)
    return {key: int(n) for key, n in _session(uow).execute(query)}


def incidents_by_severity(uow: UnitOfWork, where: IncidentFilter) -> tuple[tuple[Severity, int], ...]:
    counts = _grouped(uow, where, IncidentRow.severity)
    return tuple((severity, counts.get(severity, 0)) for severity in Severity)


def case_counts(uow: UnitOfWork, where: IncidentFilter) -> CaseCounts:
    counts = _grouped(uow, where, IncidentRow.status)
    return CaseCounts(tuple((status, counts.get(status, 0)) for status in CaseStatus))


def casualties(uow: UnitOfWork, where: IncidentFilter) -> Casualties:
    """Sums in one pass; an unknown (NULL) figure adds nothing but counts the incident as unknown."""
    row = IncidentRow
    figures = (row.victims_killed, row.victims_injured, row.perpetrators_killed, row.perpetrators_injured)
    unknown: ColumnElement[bool] = or_(*(figure.is_(None) for figure in figures))
    query = select(
        func.count(),
        *(func.coalesce(func.sum(figure), 0) for figure in figures),
        func.coalesce(func.sum(case((unknown, 1), else_=0)), 0),
        func.coalesce(func.sum(row.damage_estimate_usd), 0),
        func.coalesce(func.sum(case((row.property_damage == "yes", 1), else_=0)), 0),
    )
    values = [int(value) for value in _session(uow).execute(uow.incidents.filtered(query, where)).one()]
    return Casualties(*values)


def plan_items_by_status(uow: UnitOfWork, where: IncidentFilter) -> tuple[tuple[PlanStatus, int], ...]:
    """Plan items of the facilities the filter selects (nationwide ones included), by status."""
    query = select(PlanItemRow.status, func.count()).where(*plan_scope(where)).group_by(PlanItemRow.status)
    counts = {status: int(n) for status, n in _session(uow).execute(query)}
    return tuple((status, counts.get(status, 0)) for status in PlanStatus)


def collect(uow: UnitOfWork, where: IncidentFilter, today: date) -> DashboardData:
    """Every figure of the dashboard, read in the unit of work's single transaction."""
    session = _session(uow)
    facilities = incidents_by_facility(uow, where)
    return DashboardData(
        where=where,
        today=today,
        months=incidents_per_month(uow, where),
        facilities=facilities,
        states=states_of(facilities),
        severities=incidents_by_severity(uow, where),
        casualties=casualties(uow, where),
        cases=case_counts(uow, where),
        plan_items=plan_items_by_status(uow, where),
        deadlines=deadline_summary_in(session, today, where, limit=20),
        reassessments=_reassessments_due_in(session, today, REASSESSMENT_HORIZON_DAYS, where),
    )


def dashboard_data(database: Database, where: IncidentFilter | None, today: date) -> DashboardData:
    """All dashboard figures for `where` (None: everything), deadlines measured against `today`."""
    with database.unit_of_work(write=False) as uow:
        return collect(uow, where or IncidentFilter(), today)


def _dialect(uow: UnitOfWork) -> str:
    return _session(uow).get_bind().dialect.name


def _session(uow: UnitOfWork) -> Session:
    assert uow.session is not None, "use inside `with database.unit_of_work(...)`"
    return uow.session


# -- narrowing: what clicking a bar asks the incident table to show -----------------------------------


def narrowed_to_month(where: IncidentFilter, month: str) -> IncidentFilter:
    """`where` limited to one month ("YYYY-MM"), inside any period it already has."""
    first, last = month_bounds(month)
    start = max(first, where.occurred_from) if where.occurred_from else first
    end = min(last, where.occurred_to) if where.occurred_to else last
    return replace(where, occurred_from=start, occurred_to=end)


def narrowed(
    where: IncidentFilter,
    *,
    month: str | None = None,
    attack_type: AttackType | None = None,
    facility_uuid: str | None = None,
    state: str | None = None,
    severity: Severity | None = None,
    open_cases: bool | None = None,
    status: CaseStatus | None = None,
) -> IncidentFilter:
    """`where` narrowed to what a clicked bar or slice stands for."""
    if month is not None:
        where = narrowed_to_month(where, month)
    if attack_type is not None:
        where = replace(where, attack_types=(attack_type,))
    if facility_uuid is not None:
        where = replace(where, facility_uuids=(facility_uuid,))
    if state is not None:
        where = replace(where, states=(state,))
    if severity is not None:
        where = replace(where, severities=(severity,))
    if status is not None:
        where = replace(where, statuses=(status,), open_only=False)
    if open_cases is True:
        where = replace(where, open_only=True)
    elif open_cases is False:
        closed = tuple(s for s in (where.statuses or tuple(CaseStatus)) if not s.is_open)
        where = replace(where, statuses=closed, open_only=False)
    return where


def describe_filter(where: IncidentFilter, facility_names: dict[str, str] | None = None) -> str:
    """The filter in words, for the dashboard and the briefing ("all incidents" when empty)."""
    names = facility_names or {}
    parts = []
    if where.occurred_from or where.occurred_to:
        start = where.occurred_from.isoformat() if where.occurred_from else "the beginning"
        end = where.occurred_to.isoformat() if where.occurred_to else "today"
        parts.append(f"occurred {start} to {end}")
    if where.facility_uuids:
        known = [names[uuid] for uuid in where.facility_uuids if uuid in names]
        parts.append(", ".join(known) if len(known) == len(where.facility_uuids) and len(known) <= 3
                     else f"{len(where.facility_uuids)} facilities")  # fmt: skip
    listed = (
        ("state", where.states),
        ("attack type", [a.label for a in where.attack_types]),
        ("weapon", [w.label for w in where.weapon_types]),
        ("severity", [s.label for s in where.severities]),
        ("status", [s.label for s in where.statuses]),
    )
    parts.extend(f"{name}: {', '.join(values)}" for name, values in listed if values)
    if where.open_only:
        parts.append("open cases only")
    if where.text.strip():
        parts.append(f"matching “{where.text.strip()}”")
    return "; ".join(parts) if parts else "all incidents"
