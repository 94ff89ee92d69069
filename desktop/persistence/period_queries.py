"""How many of the incidents a period selects only possibly lie in it (the CLI's report and export summaries)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select, true

from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import IncidentRow
from desktop.persistence.repositories import IncidentRepository


def possibly_in_period(incidents: IncidentRepository, where: IncidentFilter) -> int:
    """Of the incidents `where` selects (their dates overlap its period), those that may lie outside it: an
    approximate date, or one reaching before its first day or after its last (not PartialDate.wholly_within);
    0 without a period."""
    if where.occurred_from is None and where.occurred_to is None:
        return 0
    outside: list[ColumnElement[bool]] = [IncidentRow.occurred_approximate.is_(true())]
    if where.occurred_from is not None:
        outside.append(IncidentRow.occurred_on < where.occurred_from)
    if where.occurred_to is not None:
        outside.append(IncidentRow.occurred_end > where.occurred_to)
    query = select(func.count()).select_from(IncidentRow).where(or_(*outside))
    return int(incidents.session.scalar(incidents.filtered(query, where)) or 0)
