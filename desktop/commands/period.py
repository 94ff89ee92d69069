"""The incidents of a period in words, for the report and export commands: "Incidents 3 (1 possibly in the period:
dates overlap it)"."""

from __future__ import annotations

from desktop.domain.queries import IncidentFilter
from desktop.persistence.period_queries import possibly_in_period
from desktop.persistence.unit_of_work import Database

POSSIBLY = "possibly in the period: dates overlap it"


def period_counts(database: Database, where: IncidentFilter) -> tuple[int, int]:
    """(incidents `where` selects, those of them only possibly in its period), in one read transaction."""
    with database.unit_of_work(write=False) as uow:
        return uow.incidents.count(where), possibly_in_period(uow.incidents, where)


def possibly_text(possibly: int) -> str:
    """ "(2 possibly in the period: dates overlap it)", or "" when every incident lies wholly in it."""
    return f"({possibly:,} {POSSIBLY})" if possibly else ""


def incidents_line(database: Database, where: IncidentFilter) -> str:
    """ "Incidents 12" or "Incidents 12 (3 possibly in the period: dates overlap it)"."""
    total, possibly = period_counts(database, where)
    return " ".join(part for part in (f"Incidents {total:,}", possibly_text(possibly)) if part)
