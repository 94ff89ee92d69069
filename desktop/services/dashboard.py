"""Dashboard figures: one GROUP BY query per chart, following an IncidentFilter, as frozen dataclasses."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.figures import Casualties as Casualties  # the UI imports these two from here
from desktop.domain.figures import DirectiveProgress
from desktop.domain.figures import FacilityCount as FacilityCount
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.case_facts import CaseFacts, case_facts
from desktop.services.plans import (
    DeadlineSummary,
    ReassessmentDue,
    deadline_summary_in,
    directive_progress_in,
    reassessments_due_in,
)

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
    """Incidents per month stacked by primary attack type; `undated` ones have no known occurred date. Each
    incident counts once, in the month its date starts (a month, a year or a range: its first day), or in the
    period's first month when it starts before the period (it overlaps it, so it is in the filter)."""

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
class StateCount:
    state: str
    count: int


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
    facts: CaseFacts  # pending referrals, "possibly" in the period, target types, damage bands
    cases: CaseCounts
    plan_items: tuple[tuple[PlanStatus, int], ...]  # every status
    deadlines: DeadlineSummary
    reassessments: tuple[ReassessmentDue, ...]
    directives: tuple[DirectiveProgress, ...] = field(default=())  # those reaching the filter's facilities

    def directives_overdue(self) -> int:
        return sum(1 for progress in self.directives if progress.is_overdue(self.today))


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
    """Counts per month and primary attack type; months without incidents are filled with zeros."""
    counts, undated = uow.figures.attack_counts_by_month(where)
    if where.occurred_from is not None:
        counts = from_period_start(counts, where.occurred_from.strftime("%Y-%m"))
    months = _axis(sorted({key for key, _ in counts}), where)
    series = tuple(
        AttackSeries(attack_type, tuple(counts.get((m, attack_type), 0) for m in months))
        for attack_type in AttackType
        if any(kind is attack_type for _, kind in counts)
    )
    return MonthlyAttackCounts(months, series, undated)


def from_period_start(counts: dict[tuple[str, AttackType], int], first: str) -> dict[tuple[str, AttackType], int]:
    """The counts of months before `first` (incidents starting before the period that reach into it) added to
    `first`, so that each is counted once, inside the chart."""
    moved: dict[tuple[str, AttackType], int] = {}
    for (month, attack_type), n in counts.items():
        key = (max(month, first), attack_type)
        moved[key] = moved.get(key, 0) + n
    return moved


def states_of(facilities: tuple[FacilityCount, ...]) -> tuple[StateCount, ...]:
    """Per-state totals of the per-facility counts (a loop over facilities, not incidents), most first."""
    totals: dict[str, int] = {}
    for facility in facilities:
        totals[facility.state] = totals.get(facility.state, 0) + facility.count
    return tuple(StateCount(state, n) for state, n in sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def incidents_by_severity(uow: UnitOfWork, where: IncidentFilter) -> tuple[tuple[Severity, int], ...]:
    counts = uow.figures.severity_counts(where)
    return tuple((severity, counts.get(severity, 0)) for severity in Severity)


def case_counts(uow: UnitOfWork, where: IncidentFilter) -> CaseCounts:
    counts = uow.figures.status_counts(where)
    return CaseCounts(tuple((status, counts.get(status, 0)) for status in CaseStatus))


def plan_items_by_status(uow: UnitOfWork, where: IncidentFilter) -> tuple[tuple[PlanStatus, int], ...]:
    """Plan items of the facilities the filter selects (nationwide ones included), by status."""
    counts = uow.plans.status_counts(where)
    return tuple((status, counts.get(status, 0)) for status in PlanStatus)


def collect(uow: UnitOfWork, where: IncidentFilter, today: date) -> DashboardData:
    """Every figure of the dashboard, read in the unit of work's single transaction."""
    uow.figures.prepare(where)  # PostgreSQL, a filter: the incident figures in one statement
    facilities = uow.figures.facility_counts(where)
    return DashboardData(
        where=where,
        today=today,
        months=incidents_per_month(uow, where),
        facilities=facilities,
        states=states_of(facilities),
        severities=incidents_by_severity(uow, where),
        casualties=uow.figures.casualties(where),
        facts=case_facts(uow, where),
        cases=case_counts(uow, where),
        plan_items=plan_items_by_status(uow, where),
        deadlines=deadline_summary_in(uow, today, where, limit=20),
        reassessments=reassessments_due_in(uow, today, REASSESSMENT_HORIZON_DAYS, where),
        directives=directive_progress_in(uow, where),
    )


def dashboard_data(database: Database, where: IncidentFilter | None, today: date) -> DashboardData:
    """All dashboard figures for `where` (None: everything), deadlines measured against `today`."""
    with database.unit_of_work(write=False) as uow:
        return collect(uow, where or IncidentFilter(), today)


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
    pending_referral: bool = False,
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
    if pending_referral:
        where = replace(where, pending_referral=True)
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
    if where.pending_referral:
        parts.append("pending referral for prosecution")
    if where.text.strip():
        parts.append(f"matching “{where.text.strip()}”")
    return "; ".join(parts) if parts else "all incidents"
