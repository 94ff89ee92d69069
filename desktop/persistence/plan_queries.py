"""Plan-item deadline, briefing and status queries, and the ISC reassessments due, for a given day."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.enums import PlanStatus
from desktop.domain.figures import DeadlineCounts, ReassessmentDue
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import PlanItem, add_years
from desktop.persistence import mapping
from desktop.persistence.facility_repository import FacilityRepository
from desktop.persistence.models import FacilityRow, PlanItemRow
from desktop.persistence.plan_item_repository import plan_item_query

DONE_STATUSES = tuple(status for status in PlanStatus if status.is_done)


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


class PlanQueries:
    """Read-only questions about plan items and reassessments, inside a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def deadline_counts(self, today: date, horizon: date, where: IncidentFilter | None = None) -> DeadlineCounts:
        """Open items overdue (due before `today`), due from `today` to `horizon`, open, and open without a due
        date, counted by one query; with `where`, only items of the facilities it selects, plus nationwide ones."""
        is_open, due = _is_open(), PlanItemRow.due_date
        counts = self.session.execute(
            select(
                _counted(and_(is_open, due < today)),
                _counted(and_(is_open, due >= today, due <= horizon)),
                _counted(is_open),
                _counted(and_(is_open, due.is_(None))),
            ).where(*plan_scope(where))
        ).one()
        return DeadlineCounts(*(int(count) for count in counts))

    def open_due_by(self, horizon: date, where: IncidentFilter | None = None, limit: int = 100) -> list[PlanItem]:
        """Open items due on or before `horizon`, earliest first, at most `limit` (scoped as deadline_counts)."""
        due = PlanItemRow.due_date
        query = plan_item_query().where(_is_open(), due <= horizon, *plan_scope(where))
        return self._items(query.order_by(due, PlanItemRow.id).limit(max(limit, 0)))

    def open_or_due_within(
        self, where: IncidentFilter, start: date | None, end: date | None, limit: int
    ) -> tuple[list[PlanItem], int]:
        """Items of the facilities `where` selects (nationwide ones too) that are open or due from `start` to `end`
        (either end open), earliest due date first (undated last), at most `limit`; and how many there are."""
        due = PlanItemRow.due_date
        in_period: list[ColumnElement[bool]] = [due.is_not(None)]
        if start:
            in_period.append(due >= start)
        if end:
            in_period.append(due <= end)
        conditions = [*plan_scope(where), or_(_is_open(), and_(*in_period))]
        total = self.session.scalar(select(func.count()).select_from(PlanItemRow).where(*conditions)) or 0
        query = plan_item_query().where(*conditions).order_by(due.is_(None), due, PlanItemRow.id).limit(limit)
        return self._items(query), int(total)

    def status_counts(self, where: IncidentFilter | None = None) -> dict[PlanStatus, int]:
        """Plan items by status (the statuses that occur), scoped as deadline_counts."""
        query = select(PlanItemRow.status, func.count()).where(*plan_scope(where)).group_by(PlanItemRow.status)
        return {status: int(n) for status, n in self.session.execute(query)}

    def reassessments_due(self, by: date, where: IncidentFilter | None = None) -> list[ReassessmentDue]:
        """Facilities with a security level whose reassessment falls on or before `by` (never assessed ones too),
        by name; with `where`, only the facilities it selects (by uuid and state)."""
        query = select(
            FacilityRow.uuid, FacilityRow.name, FacilityRow.state, FacilityRow.security_level,
            FacilityRow.last_assessment,
        ).where(FacilityRepository.reassessment_due_condition(by))  # fmt: skip
        if where is not None and where.facility_uuids:
            query = query.where(FacilityRow.uuid.in_(where.facility_uuids))
        if where is not None and where.states:
            query = query.where(FacilityRow.state.in_(where.states))
        query = query.order_by(FacilityRow.name, FacilityRow.id)
        found = []
        for uuid, name, state, level, last in self.session.execute(query):
            due_on = add_years(last, level.reassessment_years) if last is not None else None
            found.append(ReassessmentDue(uuid, name, state, level, last, due_on))
        return found

    def _items(self, query: Select[tuple[PlanItemRow]]) -> list[PlanItem]:
        return [mapping.plan_item_record(row) for row in self.session.scalars(query)]
