"""The one insert path of new incidents: rows, weapons and status history by executemany, audited per record."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.domain.changes import stored_fields
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Incident
from desktop.domain.validation import BatchValidationError, FieldError
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence import mapping
from desktop.persistence.audit_log import AuditLog
from desktop.persistence.import_writes import ImportedRecords, bulk_insert, one_of
from desktop.persistence.models import FacilityRow, IncidentLinkRow, IncidentRow, StatusChangeRow, WeaponRow


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def insert_incidents(
    session: Session, audit: AuditLog, now: datetime, records: Sequence[Incident], *,
    status_on: StatusChange | None = None, keep_stamps: bool = False, imported: ImportedRecords | None = None,
) -> list[Incident]:  # fmt: skip
    """Insert `records` with a few statements for all of them and record a CREATE audit entry for each (or, for an
    import, its digest in `imported`, the full-text index kept by it); returns them as stored. A record without
    status history starts with `status_on` (default: its status today); `keep_stamps` keeps the records' own
    created_at and updated_at where set. Raises BatchValidationError naming every record whose case number is taken,
    else every one whose facility does not exist; then writes nothing."""
    if not records:
        return []
    numbers = [mapping.case_number(record) for record in records]
    taken = _case_number_owners(session, {number for number in numbers if number is not None})
    clashes = [(position, FieldError("case_number", f"{number!r} is already used by {taken[number]}"))
               for position, number in enumerate(numbers) if number in taken]  # fmt: skip
    if clashes:
        raise BatchValidationError(clashes)
    wanted = {record.facility_uuid for record in records}
    query = select(FacilityRow.uuid, FacilityRow.id, FacilityRow.name).where(FacilityRow.uuid.in_(wanted))
    facilities: dict[str, tuple[int, str]] = {uuid: (id_, name) for uuid, id_, name in session.execute(query)}
    missing = [(position, FieldError("facility", f"{record.facility_uuid} does not exist"))
               for position, record in enumerate(records) if record.facility_uuid not in facilities]  # fmt: skip
    if missing:
        raise BatchValidationError(missing)
    stored, rows = [], []
    for record in records:
        facility_id, facility_name = facilities[record.facility_uuid]
        columns = mapping.incident_columns(record)
        saved = _stored(record, columns, now, status_on, keep_stamps, facility_name, audit.actor)
        rows.append({**columns, "uuid": saved.uuid, "facility_id": facility_id, "created_at": saved.created_at,
                     "updated_at": saved.updated_at, "version": 1, "created_by": audit.actor,
                     "updated_by": audit.actor})  # fmt: skip
        stored.append(saved)
    if imported is None:
        # a synchronization's new incidents (the same columns each) go by COPY on a server, so that a statement
        # trigger (the pending list's) runs once per table, not once per row (20,000 incidents: 103 s -> 5 s)
        many = len(rows) > 1 and all(row.keys() == rows[0].keys() for row in rows)
        if many:
            bulk_insert(session.connection(), _table(IncidentRow), rows)
        else:
            session.execute(insert(_table(IncidentRow)), rows)
        _insert_children(session, stored, now, fast=many)
        for saved in stored:
            audit.created(RecordKind.INCIDENT, saved)
        return stored
    with _undone_if_refused(session):
        bulk_insert(session.connection(), _table(IncidentRow), rows)
        ids = _insert_children(session, stored, now, fast=True)
        imported.index(ids.values())
        imported.record([(saved.uuid, stored_fields(saved)) for saved in stored])
    return stored


def _undone_if_refused(session: Session) -> AbstractContextManager[object]:
    """PostgreSQL: the batch inside a savepoint, so that a refusal undoes it alone and the import's transaction stays
    usable for checking the rest of the file (as SQLite's does); without it the next statement failed with
    InFailedSqlTransaction instead of the refusal being reported."""
    return nullcontext() if session.get_bind().dialect.name == "sqlite" else session.begin_nested()


def _case_number_owners(session: Session, numbers: set[str]) -> dict[str, str]:
    """Case number -> uuid of the stored incident that has it, for those of `numbers` that are taken."""
    if not numbers:
        return {}
    taken = one_of(session, IncidentRow.case_number, list(numbers))
    query = select(IncidentRow.case_number, IncidentRow.uuid).where(taken)
    return {number: uuid for number, uuid in session.execute(query) if number is not None}


def _stored(
    record: Incident, columns: dict[str, Any], now: datetime, status_on: StatusChange | None, keep_stamps: bool,
    facility_name: str, user: str | None,
) -> Incident:  # fmt: skip
    """The record as stored, with its `columns` (as IncidentRepository.get would read it back); made by `user` (the
    writer's, never a user the record came with)."""
    history = record.status_history or (status_on or StatusChange.on_day(record.status, now.date()),)
    created = (record.created_at if keep_stamps else None) or now
    updated = (record.updated_at if keep_stamps else None) or now
    return replace(
        record, uuid=record.uuid or mapping.new_uuid(), case_number=columns["case_number"],
        occurred=record.occurred if record.occurred.is_known else PartialDate(),
        status_history=tuple(replace(c, recorded_at=now) for c in history),
        related_uuids=tuple(dict.fromkeys(record.related_uuids)),
        facility_name=facility_name, version=1, created_at=created, updated_at=updated, created_by=user,
        updated_by=user,
    )  # fmt: skip


def _insert_children(session: Session, stored: list[Incident], now: datetime, *, fast: bool) -> dict[str, int]:
    """The weapons and status changes of incidents just inserted (their ids looked up by uuid in one query, and
    returned); `fast`: by executemany of tuples."""
    made = one_of(session, IncidentRow.uuid, [saved.uuid for saved in stored])
    query = select(IncidentRow.uuid, IncidentRow.id).where(made)
    ids: dict[str, int] = {uuid: id_ for uuid, id_ in session.execute(query)}
    weapons: list[dict[str, Any]] = [
        {"incident_id": ids[saved.uuid], "position": position, "weapon_type": weapon.type, "subtype": weapon.subtype}
        for saved in stored for position, weapon in enumerate(saved.weapons)
    ]  # fmt: skip
    history = [{"incident_id": ids[saved.uuid], **mapping.status_change_columns(change), "recorded_at": now}
               for saved in stored for change in saved.status_history]  # fmt: skip
    links = [{"incident_id": ids[saved.uuid], "related_id": related, "position": position}
             for index, saved in enumerate(stored)
             for position, related in enumerate(_ids_of(session, saved, index, ids[saved.uuid]))]  # fmt: skip
    for model, rows in ((IncidentLinkRow, links), (WeaponRow, weapons), (StatusChangeRow, history)):
        if rows and fast:
            bulk_insert(session.connection(), _table(model), rows)
        elif rows:
            session.execute(insert(_table(model)), rows)
    return ids


def _ids_of(session: Session, saved: Incident, position: int, own_id: int) -> list[int]:
    """The ids of the incidents `saved` is related to, in that order (once each); one that is missing, or the
    incident itself, is refused (naming the record's `position` in the batch)."""
    uuids = saved.related_uuids
    if not uuids:
        return []
    query = select(IncidentRow.uuid, IncidentRow.id).where(IncidentRow.uuid.in_(uuids))
    found: dict[str, int] = {uuid: id_ for uuid, id_ in session.execute(query)}  # (dict() of a Result: its keys())
    if missing := [uuid for uuid in uuids if uuid not in found]:
        raise BatchValidationError([(position, FieldError("related", f"{missing[0]} does not exist"))])
    if own_id in found.values():
        raise BatchValidationError([(position, FieldError("related", mapping.SELF_LINK))])
    return [found[uuid] for uuid in dict.fromkeys(uuids)]
