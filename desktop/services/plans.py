"""Security-plan deadlines (overdue, due this week), directive progress and ISC reassessments due, for a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.figures import DirectiveProgress
from desktop.domain.figures import ReassessmentDue as ReassessmentDue  # the UI imports it from here
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import PlanItem
from desktop.persistence.unit_of_work import Database, UnitOfWork

DUE_SOON_DAYS = 7
"""An open item is "due this week" when its due date is today or at most this many days ahead."""


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


def deadline_summary_in(
    uow: UnitOfWork, today: date, where: IncidentFilter | None = None, limit: int = 100
) -> DeadlineSummary:
    """deadline_summary inside an open unit of work (so the dashboard reads everything in one transaction)."""
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    counts = uow.plans.deadline_counts(today, horizon, where)
    items = tuple(uow.plans.open_due_by(horizon, where, limit))
    return DeadlineSummary(
        today, counts.overdue, counts.due_this_week, counts.open_items, counts.open_without_due_date, items
    )


def deadline_summary(
    database: Database, today: date, where: IncidentFilter | None = None, limit: int = 100
) -> DeadlineSummary:
    """Open plan items overdue (due before `today`) and due this week (today .. today + DUE_SOON_DAYS).

    Counted by one SQL query; `items` lists them (earliest first, at most `limit`). With `where`,
    only items of the facilities it selects, plus nationwide items."""
    with database.unit_of_work(write=False) as uow:
        return deadline_summary_in(uow, today, where, limit)


def reassessments_due_in(
    uow: UnitOfWork, today: date, within_days: int = 0, where: IncidentFilter | None = None
) -> tuple[ReassessmentDue, ...]:
    """reassessments_due inside an open unit of work."""
    found = uow.plans.reassessments_due(today + timedelta(days=within_days), where)
    found.sort(key=lambda item: (item.due_on is not None, item.due_on or date.min, item.name))
    return tuple(found)


def reassessments_due(
    database: Database, today: date, within_days: int = 0, where: IncidentFilter | None = None
) -> tuple[ReassessmentDue, ...]:
    """Facilities whose ISC reassessment (3 years after the last one at FSL III-V, 5 at FSL I-II) falls on
    or before `today + within_days`, never-assessed ones first, then by due date. Facilities without a
    security level are not listed. With `where`, only the facilities it selects (by uuid and state)."""
    with database.unit_of_work(write=False) as uow:
        return reassessments_due_in(uow, today, within_days, where)


def directive_progress_in(uow: UnitOfWork, where: IncidentFilter | None = None) -> tuple[DirectiveProgress, ...]:
    """Every directive's plan items done and in all, by deadline; with `where`, only the directives reaching a
    facility it selects (by uuid and state)."""
    if where is None:
        return tuple(uow.directives.progress())
    return tuple(uow.directives.progress(facility_uuids=where.facility_uuids, states=where.states))
