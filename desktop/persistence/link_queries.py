"""Reads of the links between records: incidents by uuid (pickers' labels) and the incidents linking to one."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, contains_eager

from desktop.domain.records import Incident
from desktop.persistence import mapping
from desktop.persistence.models import IncidentLinkRow, IncidentRow

CHUNK = 500  # uuids per IN list


class LinkQueries:
    """The incidents a list of links names, and the links read from their other end."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _incidents(self) -> Select[tuple[IncidentRow]]:
        return select(IncidentRow).join(IncidentRow.facility).options(contains_eager(IncidentRow.facility))

    def incidents_of(self, uuids: Sequence[str]) -> list[Incident]:
        """The stored incidents among `uuids`, in that order (without status history or links); a uuid
        that names no incident is left out."""
        found: dict[str, Incident] = {}
        wanted = list(dict.fromkeys(uuids))
        for start in range(0, len(wanted), CHUNK):
            query = self._incidents().where(IncidentRow.uuid.in_(wanted[start : start + CHUNK]))
            found.update((row.uuid, mapping.incident_record(row)) for row in self.session.scalars(query))
        return [found[uuid] for uuid in wanted if uuid in found]

    def related_from(self, uuid: str) -> list[Incident]:
        """The incidents whose related incidents include `uuid` (links are stored one way: this is the other
        end), the latest occurrence first."""
        target = select(IncidentRow.id).where(IncidentRow.uuid == uuid).scalar_subquery()
        linking = select(IncidentLinkRow.incident_id).where(IncidentLinkRow.related_id == target)
        query = (
            self._incidents()
            .where(IncidentRow.id.in_(linking))
            .order_by(IncidentRow.occurred_on.desc().nulls_last(), IncidentRow.id.desc())
        )
        return [mapping.incident_record(row) for row in self.session.scalars(query)]
