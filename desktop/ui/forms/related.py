"""RelatedRecords: what the facility form lists under "Incidents at this facility" and "Plan items"."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.records import Incident, PlanItem


@dataclass(frozen=True)
class RelatedRecords:
    incidents: list[Incident] = field(default_factory=list)
    plan_items: list[PlanItem] = field(default_factory=list)
