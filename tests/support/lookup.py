"""Finding test records by name (the application itself picks facilities from lists)."""

from __future__ import annotations

from desktop.domain.records import Facility
from desktop.persistence.unit_of_work import Database


def facility_named(database: Database, name: str) -> Facility | None:
    """The facility called `name` (case and surrounding spaces ignored), or None."""
    with database.unit_of_work(write=False) as uow:
        return uow.facilities.find_by_name(name)
