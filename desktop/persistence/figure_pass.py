"""PostgreSQL: every incident figure of the dashboard in one statement, the filtered rows collected once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, String, and_, case, cast, func, literal, null, or_, select
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.orm import Session

from desktop.domain.enums import AttackType, CaseStatus, DamageStatus, PropertyExtent, Severity, TargetType
from desktop.domain.figures import Casualties, FacilityCount
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import FacilityRow, IncidentRow

READ = ("occurred_on", "occurred_end", "occurred_approximate", "attack_type", "facility_id", "severity", "status",
        "target_type", "property_damage", "property_extent", "victims_killed", "victims_injured",
        "perpetrators_killed", "perpetrators_injured", "damage_estimate_usd")  # fmt: skip
ONE_PASS_ROWS = 400_000  # at most this many estimated matches: one statement (measured at 1M, see estimated_rows)
CASUALTY_FIGURES = ("victims_killed", "victims_injured", "perpetrators_killed", "perpetrators_injured")


@dataclass(frozen=True, slots=True)
class PassFigures:
    """What FigureQueries' per-figure methods return, for one filter."""

    months: dict[tuple[str, AttackType], int]
    undated: int
    facilities: tuple[FacilityCount, ...]
    severities: dict[Severity, int]
    statuses: dict[CaseStatus, int]
    case_facts: dict[tuple[TargetType, DamageStatus, PropertyExtent | None], tuple[int, int]]
    casualties: Casualties


def casualty_columns(row: Any) -> list[Any]:
    """The Casualties sums, in field order, over `row` (IncidentRow or a subquery's columns): an unknown (NULL)
    figure adds nothing but counts the incident as unknown (for any figure, and for each one), as does damage
    without an estimate."""
    figures = [getattr(row, name) for name in CASUALTY_FIGURES]
    unknown: ColumnElement[bool] = or_(*(figure.is_(None) for figure in figures))

    def counted(condition: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return [
        func.count(),
        *(func.coalesce(func.sum(figure), 0) for figure in figures),
        counted(unknown),
        func.coalesce(func.sum(row.damage_estimate_usd), 0),
        counted(row.property_damage == "yes"),
        *(counted(figure.is_(None)) for figure in figures),
        counted(row.damage_estimate_usd.is_not(None)),
        counted(and_(row.property_damage == "yes", row.damage_estimate_usd.is_(None))),
        counted(row.property_damage == "unknown"),
    ]


def _branch(kind: str, keys: list[Any], matched: Any, *, possibly: Any = None, sums: Any = None) -> Select[Any]:
    """One way of grouping the matched rows, its keys as text."""
    texts = [cast(key, String) for key in keys] + [cast(null(), String)] * (3 - len(keys))
    extra = func.coalesce(func.sum(possibly), 0) if possibly is not None else literal(0)
    labelled = [text.label(f"k{number}") for number, text in enumerate(texts, 1)]
    columns = [literal(kind).label("kind"), *labelled, func.count().label("n"),
               cast(extra, BigInteger).label("extra"), sums.label("sums")]  # fmt: skip
    query = select(*columns).select_from(matched)
    return query.group_by(*keys) if keys else query


def estimated_rows(session: Session, query: Select[Any]) -> float:
    """The planner's estimate of the rows `query` returns (EXPLAIN, not run: a millisecond or two). Measured at 1M
    incidents, the one statement wins while the matches are few (a year: 263,000 estimated, 0.14 s against
    0.59 s row-level; attack type vandalism: 300,000, 1.2 s against 2.1 s) and loses when they are most of the
    table (open cases, 547,000: 1.5 s against 1.2 s; from 2016 on, 890,000: 1.6 s against 1.2 s): collecting
    the rows costs more than the separate index-only scans then."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    plan: Any = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar()
    return float(plan[0]["Plan"]["Plan Rows"])


def _months(matched: Any, empty: Any) -> Select[Any]:
    """Incidents per (month, attack type): per day first, then the day groups per month (as
    FigureQueries.attack_counts_by_month: to_char once per day group, and a few thousand rows sent, not one per
    day and type)."""
    m = matched.c
    per_day = select(m.occurred_on.label("day"), m.attack_type.label("attack_type"), func.count().label("n"))
    days = per_day.group_by(m.occurred_on, m.attack_type).subquery("per_day")
    month = func.to_char(days.c.day, literal("YYYY-MM"))
    columns = [literal("month").label("kind"), month.label("k1"), cast(days.c.attack_type, String).label("k2"),
               cast(null(), String).label("k3"), cast(func.sum(days.c.n), BigInteger).label("n"),
               cast(literal(0), BigInteger).label("extra"), empty.label("sums")]  # fmt: skip
    return select(*columns).group_by(month, days.c.attack_type)


def one_pass(
    session: Session, filtered: Callable[[Select[Any], IncidentFilter], Select[Any]], where: IncidentFilter,
    possibly: Callable[[Any], ColumnElement[bool] | None],
) -> PassFigures | None:  # fmt: skip
    """The filtered incidents read once (a MATERIALIZED CTE of the columns the figures read), grouped six ways in
    one UNION ALL: month and attack type, facility, severity, status, target type/damage/extent with the
    "possibly" count (`possibly(row)`: the condition over the CTE's columns), and the casualty sums. None when
    the planner expects more than ONE_PASS_ROWS matches (then the per-figure queries are faster)."""
    collected = filtered(select(*(getattr(IncidentRow, name) for name in READ)), where)
    if estimated_rows(session, collected) > ONE_PASS_ROWS:
        return None
    matched = collected.cte("matched")
    matched = matched.prefix_with("MATERIALIZED")
    m = matched.c
    outside = possibly(m)
    maybe = case((outside, 1), else_=0) if outside is not None else None
    sums = array([cast(value, BigInteger) for value in casualty_columns(m)])
    empty = cast(null(), sums.type)
    union = _months(matched, empty).union_all(
        _branch("facility", [m.facility_id], matched, sums=empty),
        _branch("severity", [m.severity], matched, sums=empty),
        _branch("status", [m.status], matched, sums=empty),
        _branch("facts", [m.target_type, m.property_damage, m.property_extent], matched, possibly=maybe, sums=empty),
        _branch("casualties", [], matched, sums=sums),
    )
    rows = list(session.execute(select(union.subquery("figures"))))  # a Select: session hooks read its columns
    return _figures(session, rows)


def _figures(session: Session, rows: list[Any]) -> PassFigures:
    months: dict[tuple[str, AttackType], int] = {}
    undated = 0
    per_facility: dict[int, int] = {}
    severities: dict[Severity, int] = {}
    statuses: dict[CaseStatus, int] = {}
    facts: dict[tuple[TargetType, DamageStatus, PropertyExtent | None], tuple[int, int]] = {}
    casualties: Casualties | None = None
    for kind, k1, k2, k3, n, extra, sums in rows:
        if kind == "month":
            if k1 is None:
                undated += int(n)
            else:
                key = (k1, AttackType(k2))
                months[key] = months.get(key, 0) + int(n)
        elif kind == "facility" and k1 is not None:
            per_facility[int(k1)] = int(n)
        elif kind == "severity":
            severities[Severity(k1)] = int(n)
        elif kind == "status":
            statuses[CaseStatus(k1)] = int(n)
        elif kind == "facts":
            fact = (TargetType(k1), DamageStatus(k2), PropertyExtent(k3) if k3 is not None else None)
            facts[fact] = (int(n), int(extra))
        elif kind == "casualties":
            casualties = Casualties(*(int(value) for value in sums))
    assert casualties is not None, "an aggregate without GROUP BY gives one row"
    return PassFigures(months, undated, _facilities(session, per_facility), severities, statuses, facts, casualties)


def months_and_casualties(session: Session) -> tuple[dict[tuple[str, AttackType], int], int, Casualties]:
    """Without a filter: incidents per (month, attack type), the undated ones, and the casualty sums, from one
    read of the index (occurred_on, attack_type, ...) that holds every column they need: sums per (day, type)
    group, then per month (the sums of sums are the sums)."""
    row = IncidentRow
    sums = casualty_columns(row)
    per_day = select(row.occurred_on.label("day"), row.attack_type.label("attack_type"),
                     *(value.label(f"s{number}") for number, value in enumerate(sums)))  # fmt: skip
    days = per_day.group_by(row.occurred_on, row.attack_type).subquery("per_day")
    month = func.to_char(days.c.day, literal("YYYY-MM"))
    totals = [func.sum(days.c[f"s{number}"]) for number in range(len(sums))]
    query = select(month, days.c.attack_type, *totals).group_by(month, days.c.attack_type)
    months: dict[tuple[str, AttackType], int] = {}
    undated = 0
    columns = [0] * len(sums)
    for key, attack_type, *values in session.execute(query):
        if key is None:
            undated += int(values[0])
        else:
            months[key, AttackType(attack_type)] = int(values[0])
        columns = [total + int(value) for total, value in zip(columns, values, strict=True)]
    return months, undated, Casualties(*columns)


def _facilities(session: Session, counts: dict[int, int]) -> tuple[FacilityCount, ...]:
    """Most incidents first, then by name (the database's collation, as FigureQueries.facility_counts orders)."""
    if not counts:
        return ()
    query = select(FacilityRow.id, FacilityRow.uuid, FacilityRow.name, FacilityRow.state).order_by(
        FacilityRow.name, FacilityRow.id
    )
    named = [row for row in session.execute(query.where(FacilityRow.id.in_(list(counts))))]
    named.sort(key=lambda row: -counts[row.id])  # stable: name order kept among equal counts
    return tuple(FacilityCount(row.uuid, row.name, row.state, counts[row.id]) for row in named)
