"""Related incidents of imported rows: checked against the database and the file, linked once their rows exist."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

from desktop.domain.records import Incident
from desktop.services.csv.rows import Cells


@dataclass(frozen=True, slots=True)
class LaterLinks:
    """A row's related incidents, some of which were not stored when the row was written."""

    uuid: str
    related: tuple[str, ...]
    cells: Cells


class RelatedIncidents:
    """A row may name as related any stored incident or any row of the same file, also one further down (a
    series is often listed in date order, each naming the others). A row is written with the related incidents
    that exist at that moment (stored, or new ones in the same insert batch); at the end of the file every
    reference is checked against the database and the file's uuids, and the rows that waited are linked to the
    rest with one update each (audited as such)."""

    def __init__(self, existing_uuids: Callable[[Collection[str]], set[str]]) -> None:
        self.existing_uuids = existing_uuids
        self.queued: set[str] = set()  # new incidents waiting for their insert batch (linked within it)
        self.later: list[LaterLinks] = []

    def for_now(self, record: Incident, cells: Cells) -> Incident:
        """The record to write now: without the related incidents that do not exist yet (remembered for later).
        A new row without uuid that has to wait is given one, so that the link can find it."""
        related = record.related_uuids
        if not related:
            return record
        known = self.existing_uuids(related) | (self.queued & set(related))
        now = tuple(uuid for uuid in related if uuid in known)
        if now == related:
            return record
        if not record.uuid:
            record = replace(record, uuid=str(uuid_module.uuid4()))
        self.later.append(LaterLinks(record.uuid, related, cells))
        return replace(record, related_uuids=now)

    def missing(self, file_uuids: Collection[str]) -> list[tuple[LaterLinks, str]]:
        """Every waiting row's first related incident that is neither stored nor a row of the file."""
        targets = {uuid for waiting in self.later for uuid in waiting.related}
        stored = self.existing_uuids(targets)
        found = []
        for waiting in self.later:
            absent = [uuid for uuid in waiting.related if uuid not in stored and uuid not in file_uuids]
            if absent:
                found.append((waiting, absent[0]))
        return found

    def link(self, repository: Any) -> None:
        """Give every waiting row all its related incidents (they are all stored now), keeping the row's
        updated_at when it has one."""
        for waiting in self.later:
            record = repository.get(waiting.uuid)
            repository.update(replace(record, related_uuids=waiting.related))
            repository.restamp(waiting.uuid, None, waiting.cells.values.get("updated_at"))
        self.later = []
