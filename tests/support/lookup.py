"""Finding test records by name (the application itself picks facilities from lists), and changing a status."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.domain.enums import CaseStatus
from desktop.domain.records import Facility, Incident
from desktop.domain.values import StatusChange
from desktop.persistence.unit_of_work import Database
from desktop.services.records import IncidentService


def facility_named(database: Database, name: str) -> Facility | None:
    """The facility called `name` (case and surrounding spaces ignored), or None."""
    with database.unit_of_work(write=False) as uow:
        return uow.facilities.find_by_name(name)


def change_status(service: IncidentService, uuid: str, status: CaseStatus, on: date, note: str = "") -> Incident:
    """Move the stored incident to `status` on `on`, as the form's save does (update with a status change)."""
    current = replace(service.get(uuid), status=status)
    return service.update_with_status(current, StatusChange(status, on, note))
