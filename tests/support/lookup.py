"""Test look-ups: reopening a database as the app does, finding records by name, changing a status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from desktop.domain.enums import CaseStatus
from desktop.domain.legal_history import current_status
from desktop.domain.records import Facility, Incident
from desktop.domain.values import StatusChange
from desktop.persistence.unit_of_work import Database, utc_now
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions


def reopen(url: str, clock: Callable[[], datetime] = utc_now) -> Database:
    """Open `url` as the app does (through the session service), without the instance lock: a test's second
    look at a database, beside whatever else holds it."""
    return DatabaseSessions(None, clock=clock).open(url, lock=False)


def facility_named(database: Database, name: str) -> Facility | None:
    """The facility called `name` (case and surrounding spaces ignored), or None."""
    with database.unit_of_work(write=False) as uow:
        return uow.facilities.find_by_name(name)


def change_status(service: IncidentService, uuid: str, status: CaseStatus, on: date, note: str = "") -> Incident:
    """Move the stored incident to `status` on `on`, as the form's save does: an entry added to its legal
    history, the incident's status that of the latest entry by date."""
    current = service.get(uuid)
    history = (*current.status_history, StatusChange.on_day(status, on, note))
    return service.update(replace(current, status=current_status(history) or status, status_history=history))
