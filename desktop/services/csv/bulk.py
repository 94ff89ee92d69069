"""Batched insert of new incidents for the import: the same rows IncidentRepository.add writes (the incident, its
weapons, its status history and a CREATE audit entry), but written with executemany a few hundred at a time
instead of one flush per record, keeping the file's created_at and updated_at."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import datetime

from sqlalchemy import Table, insert, select

from desktop.domain.enums import AuditAction, DatePrecision
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence import mapping
from desktop.persistence.mapping import plain
from desktop.persistence.models import FacilityRow, IncidentRow, StatusChangeRow, WeaponRow
from desktop.persistence.repositories import new_uuid
from desktop.persistence.unit_of_work import UnitOfWork

BATCH = 500
_AUDITED = tuple(spec.name for spec in fields(Incident) if spec.name not in mapping.BOOKKEEPING)


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


@dataclass
class Pending:
    """A checked new incident waiting for its batch; `tag` is handed back with any problem found at flush."""

    record: Incident
    created_at: datetime | None
    updated_at: datetime | None
    tag: object


class IncidentBatch:
    """Collects new incidents and writes them in batches within the caller's unit of work."""

    def __init__(self, uow: UnitOfWork, clock: Callable[[], datetime]) -> None:
        assert uow.session is not None
        self.session = uow.session
        self.audit = uow.audit
        self.clock = clock
        self.pending: list[Pending] = []
        self.facilities: dict[str, tuple[int, str]] = {}  # uuid -> (id, name)

    @property
    def full(self) -> bool:
        return len(self.pending) >= BATCH

    def add(self, item: Pending) -> None:
        self.pending.append(item)

    def flush(self) -> list[tuple[object, str, str]]:
        """Write the waiting incidents; returns (tag, field, reason) for each that cannot be written, and then
        writes none of the batch."""
        batch, self.pending = self.pending, []
        if not batch:
            return []
        numbers = [number for item in batch if (number := mapping.case_number(item.record)) is not None]
        if numbers:
            taken = set(self.session.scalars(select(IncidentRow.case_number).where(
                IncidentRow.case_number.in_(numbers))))  # fmt: skip
            clashes = [(item.tag, "case_number", f"{mapping.case_number(item.record)!r} is already used by another "
                        "incident") for item in batch if mapping.case_number(item.record) in taken]  # fmt: skip
            if clashes:
                return clashes
        wanted = {item.record.facility_uuid for item in batch} - self.facilities.keys()
        if wanted:
            query = select(FacilityRow.uuid, FacilityRow.id, FacilityRow.name).where(FacilityRow.uuid.in_(wanted))
            self.facilities.update({uuid: (id_, name) for uuid, id_, name in self.session.execute(query)})
        missing = [(item.tag, "facility", f"{item.record.facility_uuid} does not exist") for item in batch
                   if item.record.facility_uuid not in self.facilities]  # fmt: skip
        if missing:
            return missing
        self._write(batch)
        return []

    def _write(self, batch: list[Pending]) -> None:
        now = self.clock()
        rows, stored = [], []
        for item in batch:
            record = item.record
            occurred = record.occurred
            precision = occurred.precision if occurred.on else DatePrecision.UNKNOWN
            created, updated = item.created_at or now, item.updated_at or now
            saved = replace(record, uuid=record.uuid or new_uuid(), case_number=mapping.case_number(record),
                            occurred=PartialDate(precision, occurred.on, occurred.at),
                            status_history=record.status_history or (StatusChange(record.status, now.date()),),
                            facility_name=self.facilities[record.facility_uuid][1], version=1, created_at=created,
                            updated_at=updated)  # fmt: skip
            values = {name: getattr(saved, name) for name in mapping.INCIDENT_SCALARS}
            rows.append({**values, "uuid": saved.uuid, "facility_id": self.facilities[record.facility_uuid][0],
                         "occurred_precision": precision, "occurred_on": occurred.on, "occurred_time": occurred.at,
                         "created_at": created, "updated_at": updated, "version": 1})  # fmt: skip
            stored.append(saved)
        self.session.execute(insert(_table(IncidentRow)), rows)
        query = select(IncidentRow.uuid, IncidentRow.id).where(IncidentRow.uuid.in_([s.uuid for s in stored]))
        ids: dict[str, int] = {uuid: id_ for uuid, id_ in self.session.execute(query)}
        weapons = [{"incident_id": ids[s.uuid], "position": position, "weapon_type": weapon.type,
                    "subtype": weapon.subtype}
                   for s in stored for position, weapon in enumerate(s.weapons)]  # fmt: skip
        history = [{"incident_id": ids[s.uuid], "status": change.status, "changed_on": change.changed_on,
                    "note": change.note, "recorded_at": now}
                   for s in stored for change in s.status_history]  # fmt: skip
        if weapons:
            self.session.execute(insert(_table(WeaponRow)), weapons)
        self.session.execute(insert(_table(StatusChangeRow)), history)
        for saved in stored:  # what AuditLog.created records, without changed_fields' per-record field walk
            changes = {name: [None, value] for name in _AUDITED if (value := plain(getattr(saved, name))) is not None}
            self.audit.record(AuditAction.CREATE, "incident", saved.uuid, changes)
