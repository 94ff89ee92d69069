"""Security-plan deadlines (overdue, due this week) and ISC reassessments due, computed in SQL for a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, contains_eager, joinedload, lazyload

from desktop.domain.enums import PlanStatus, SecurityLevel
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import PlanItem, add_years
from desktop.persistence import mapping
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.repositories import FacilityRepository
from desktop.persistence.unit_of_work import Database

DUE_SOON_DAYS = 7
"""An open item is "due this week" when its due date is today or at most this many days ahead."""
DONE_STATUSES = tuple(status for status in PlanStatus if status.is_done)


class Deadline(StrEnum):
    """Where an item stands against its due date; what the tables highlight."""

    NONE = "none"
    OVERDUE = "overdue"
    DUE_THIS_WEEK = "due_this_week"


def deadline_of(item: PlanItem, today: date) -> Deadline:
    """The same rule the SQL of deadline_summary applies, for one item (row highlighting)."""
    if item.is_overdue(today):
        return Deadline.OVERDUE
    if item.is_due_within(today, DUE_SOON_DAYS):
        return Deadline.DUE_THIS_WEEK
    return Deadline.NONE


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """Counts of open plan items by deadline on `today`, and the items needing attention."""

    today: date
    overdue: int
    due_this_week: int
    open_items: int
    open_without_due_date: int
    items: tuple[PlanItem, ...]  # overdue and due this week, earliest due date first, at most `limit`

    @property
    def needing_attention(self) -> int:
        return self.overdue + self.due_this_week


@dataclass(frozen=True, slots=True)
class ReassessmentDue:
    """A facility whose ISC security reassessment is due (or that was never assessed)."""

    facility_uuid: str
    name: str
    state: str
    security_level: SecurityLevel
    last_assessment: date | None
    due_on: date | None  # None: never assessed, so due now

    def is_overdue(self, today: date) -> bool:
        return self.due_on is None or self.due_on < today


def plan_scope(where: IncidentFilter | None) -> list[ColumnElement[bool]]:
    """Plan items that concern the facilities an incident filter selects (nationwide items always do)."""
    if where is None or not (where.facility_uuids or where.states):
        return []
    facilities = select(FacilityRow.id)
    if where.facility_uuids:
        facilities = facilities.where(FacilityRow.uuid.in_(where.facility_uuids))
    if where.states:
        facilities = facilities.where(FacilityRow.state.in_(where.states))
    return [or_(PlanItemRow.facility_id.is_(None), PlanItemRow.facility_id.in_(facilities))]


def _is_open() -> ColumnElement[bool]:
    return PlanItemRow.status.not_in(DONE_STATUSES)


def _counted(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def deadline_summary_in(
    session: Session, today: date, where: IncidentFilter | None = None, limit: int = 100
) -> DeadlineSummary:
    """deadline_summary inside an open session (so the dashboard reads everything in one transaction)."""
    scope = plan_scope(where)
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    is_open, due = _is_open(), PlanItemRow.due_date
    counts = session.execute(
        select(
            _counted(and_(is_open, due < today)),
            _counted(and_(is_open, due >= today, due <= horizon)),
            _counted(is_open),
            _counted(and_(is_open, due.is_(None))),
        ).where(*scope)
    ).one()
    query = (
        select(PlanItemRow)
        .outerjoin(PlanItemRow.facility)
        .options(
            contains_eager(PlanItemRow.facility),
            joinedload(PlanItemRow.incident)
            .load_only(IncidentRow.uuid)
            .options(lazyload(IncidentRow.facility), lazyload(IncidentRow.weapons)),
        )
        .where(is_open, due <= horizon, *scope)
        .order_by(due, PlanItemRow.id)
        .limit(max(limit, 0))
    )
    items = tuple(mapping.plan_item_record(row) for row in session.scalars(query))
    return DeadlineSummary(today, int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3]), items)


def deadline_summary(
    database: Database, today: date, where: IncidentFilter | None = None, limit: int = 100
) -> DeadlineSummary:
    """Open plan items overdue (due before `today`) and due this week (today .. today + DUE_SOON_DAYS).

    Counted by one SQL query; `items` lists them (earliest first, at most `limit`). With `where`,
    only items of the facilities it selects, plus nationwide items."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return deadline_summary_in(uow.session, today, where, limit)


def reassessments_due_in(
    session: Session, today: date, within_days: int = 0, where: IncidentFilter | None = None
) -> tuple[ReassessmentDue, ...]:
    """reassessments_due inside an open session."""
    by = today + timedelta(days=within_days)
    query = select(
        FacilityRow.uuid, FacilityRow.name, FacilityRow.state, FacilityRow.security_level, FacilityRow.last_assessment
    ).where(FacilityRepository.reassessment_due_condition(by))
    if where is not None and where.facility_uuids:
        query = query.where(FacilityRow.uuid.in_(where.facility_uuids))
    if where is not None and where.states:
        query = query.where(FacilityRow.state.in_(where.states))
    query = query.order_by(FacilityRow.name, FacilityRow.id)
    found = []
    for uuid, name, state, level, last in session.execute(query):
        due_on = add_years(last, level.reassessment_years) if last is not None else None
        found.append(ReassessmentDue(uuid, name, state, level, last, due_on))
    found.sort(key=lambda item: (item.due_on is not None, item.due_on or date.min, item.name))
    return tuple(found)


def reassessments_due(
    database: Database, today: date, within_days: int = 0, where: IncidentFilter | None = None
) -> tuple[ReassessmentDue, ...]:
    """Facilities whose ISC reassessment (3 years after the last one at FSL III-V, 5 at FSL I-II) falls on
    or before `today + within_days`, never-assessed ones first, then by due date. Facilities without a
    security level are not listed. With `where`, only the facilities it selects (by uuid and state)."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return reassessments_due_in(uow.session, today, within_days, where)
