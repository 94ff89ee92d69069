"""Summary figures over incidents and plan items, counted in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.figures import Casualties
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database


@dataclass(frozen=True, slots=True)
class Summary:
    incidents: int
    open_cases: int
    by_status: dict[CaseStatus, int]
    by_attack_type: dict[AttackType, int]
    by_severity: dict[Severity, int]
    casualties: Casualties  # with what is unknown; worded by desktop.domain.figure_text
    plan_items_by_status: dict[PlanStatus, int]

    @property
    def killed(self) -> int:
        return self.casualties.killed

    @property
    def injured(self) -> int:
        return self.casualties.injured

    @property
    def damage_usd(self) -> int:
        """The sum of the known estimates only: see casualties.damage_of_unknown_value."""
        return self.casualties.damage_usd


def summarize(database: Database, where: IncidentFilter | None = None) -> Summary:
    """Incidents (following `where`) by status, attack type and severity with their casualty and damage totals;
    every plan item by status."""
    where = where or IncidentFilter()
    with database.unit_of_work(write=False) as uow:
        by_status = uow.figures.status_counts(where)
        totals = uow.figures.casualties(where)
        return Summary(
            incidents=totals.incidents,
            open_cases=sum(n for status, n in by_status.items() if status.is_open),
            by_status=by_status,
            by_attack_type=uow.figures.attack_type_counts(where),
            by_severity=uow.figures.severity_counts(where),
            casualties=totals,
            plan_items_by_status=uow.plans.status_counts(),
        )
