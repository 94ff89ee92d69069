"""Figures read from the database for the dashboard, the deadlines and the statistics, as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import SecurityLevel


@dataclass(frozen=True, slots=True)
class FacilityCount:
    facility_uuid: str
    name: str
    state: str
    count: int


@dataclass(frozen=True, slots=True)
class Casualties:
    """Totals of the known figures, and how many incidents leave each figure unknown (NULL, not 0); the words
    for them are in desktop.domain.figure_text."""

    incidents: int
    victims_killed: int
    victims_injured: int
    perpetrators_killed: int
    perpetrators_injured: int
    casualties_unknown: int  # incidents with at least one casualty figure unknown (NULL, not 0)
    damage_usd: int  # the sum of the known estimates
    damaged: int  # incidents with property damage "yes"
    victims_killed_unknown: int = 0  # incidents whose number of victims killed is not known
    victims_injured_unknown: int = 0
    perpetrators_killed_unknown: int = 0
    perpetrators_injured_unknown: int = 0
    damage_estimated: int = 0  # incidents with a known estimate (0 included)
    damage_of_unknown_value: int = 0  # incidents with property damage "yes" and no estimate
    damage_status_unknown: int = 0  # incidents where whether there was damage is not known

    @property
    def killed(self) -> int:
        return self.victims_killed + self.perpetrators_killed

    @property
    def injured(self) -> int:
        return self.victims_injured + self.perpetrators_injured


@dataclass(frozen=True, slots=True)
class DeadlineCounts:
    """Open plan items by deadline on a day (see desktop.services.plans.deadline_summary)."""

    overdue: int
    due_this_week: int
    open_items: int
    open_without_due_date: int


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


@dataclass(frozen=True, slots=True)
class DirectiveProgress:
    """How far a directive's plan items are carried out: `implemented` of `total` are done (PlanStatus.is_done)."""

    directive_uuid: str
    title: str
    deadline: date | None
    implemented: int
    total: int

    def is_overdue(self, today: date) -> bool:
        """Past the deadline with plan items not all done (or none at all), as Directive.is_overdue."""
        unfinished = self.total == 0 or self.implemented < self.total
        return self.deadline is not None and self.deadline < today and unfinished

    @property
    def text(self) -> str:
        """ "3 / 12 implemented" ("no plan items" when there are none)."""
        return f"{self.implemented:,} / {self.total:,} implemented" if self.total else "no plan items"
