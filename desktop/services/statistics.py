"""Summary figures over incidents and plan items, computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import IncidentRow, PlanItemRow
from desktop.persistence.unit_of_work import Database


@dataclass(frozen=True, slots=True)
class Summary:
    incidents: int
    open_cases: int
    by_status: dict[CaseStatus, int]
    by_attack_type: dict[AttackType, int]
    by_severity: dict[Severity, int]
    killed: int
    injured: int
    damage_usd: int
    plan_items_by_status: dict[PlanStatus, int]


def summarize(database: Database, where: IncidentFilter | None = None) -> Summary:
    where = where or IncidentFilter()
    with database.unit_of_work(write=False) as uow:
        session = uow.session
        assert session is not None

        def grouped(column: Any) -> dict[Any, int]:
            query = uow.incidents.filtered(select(column, func.count()).group_by(column), where)
            return {key: count for key, count in session.execute(query)}

        by_status = grouped(IncidentRow.status)
        totals = session.execute(uow.incidents.filtered(select(
            func.count(),
            func.coalesce(func.sum(IncidentRow.victims_killed), 0) + func.coalesce(
                func.sum(IncidentRow.perpetrators_killed), 0),
            func.coalesce(func.sum(IncidentRow.victims_injured), 0) + func.coalesce(
                func.sum(IncidentRow.perpetrators_injured), 0),
            func.coalesce(func.sum(IncidentRow.damage_estimate_usd), 0),
        ), where)).one()  # fmt: skip
        plans = session.execute(select(PlanItemRow.status, func.count()).group_by(PlanItemRow.status))
        return Summary(
            incidents=int(totals[0]),
            open_cases=sum(n for status, n in by_status.items() if status.is_open),
            by_status=by_status,
            by_attack_type=grouped(IncidentRow.attack_type),
            by_severity=grouped(IncidentRow.severity),
            killed=int(totals[1]),
            injured=int(totals[2]),
            damage_usd=int(totals[3]),
            plan_items_by_status={status: n for status, n in plans},
        )
