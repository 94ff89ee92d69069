"""An incident's timeline: its free-form events (audited), and the dated facts its chronology is made of."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from desktop.domain.errors import RecordNotFoundError, StaleRecordError
from desktop.domain.evidence import Attachment, CustodyEntry, EvidenceKind, TimelineEvent
from desktop.domain.kinds import RecordKind
from desktop.domain.records import PlanItem
from desktop.persistence.audit_log import AuditLog
from desktop.persistence.evidence_mapping import (
    attachment_record,
    custody_record,
    event_record,
    happened_columns,
)
from desktop.persistence.mapping import new_uuid, plan_item_record
from desktop.persistence.models import (
    AttachmentRow,
    CustodyEntryRow,
    IncidentRow,
    PlanItemIncidentRow,
    PlanItemRow,
    StatusChangeRow,
    TimelineEventRow,
)
from desktop.persistence.repositories import Clock, bytewise


class TimelineRepository:
    """Timeline events of incidents, and the records an incident's chronology draws on."""

    kind = EvidenceKind.TIMELINE_EVENT

    def __init__(self, session: Session, audit: AuditLog, clock: Clock) -> None:
        self.session, self.audit, self.clock = session, audit, clock

    def _incident_id(self, incident_uuid: str) -> int:
        found = self.session.scalar(select(IncidentRow.id).where(IncidentRow.uuid == incident_uuid))
        if found is None:
            raise RecordNotFoundError(RecordKind.INCIDENT.label, incident_uuid)
        return found

    def row(self, uuid: str) -> tuple[TimelineEventRow, str]:
        found = self.session.execute(
            select(TimelineEventRow, IncidentRow.uuid)
            .join(IncidentRow, IncidentRow.id == TimelineEventRow.incident_id)
            .where(TimelineEventRow.uuid == uuid)
        ).first()
        if found is None:
            raise RecordNotFoundError(self.kind.label, uuid)
        return found[0], found[1]

    def get(self, uuid: str) -> TimelineEvent:
        row, incident_uuid = self.row(uuid)
        return event_record(row, incident_uuid)

    def events(self, incident_uuid: str) -> list[TimelineEvent]:
        incident_id = self._incident_id(incident_uuid)
        query = (
            select(TimelineEventRow).where(TimelineEventRow.incident_id == incident_id).order_by(TimelineEventRow.id)
        )
        return [event_record(row, incident_uuid) for row in self.session.scalars(query)]

    def add(self, event: TimelineEvent) -> TimelineEvent:
        now = self.clock()
        row = TimelineEventRow(uuid=event.uuid or new_uuid(), created_at=now, updated_at=now,
                               created_by=self.audit.actor, updated_by=self.audit.actor,
                               incident_id=self._incident_id(event.incident_uuid), source=event.source,
                               text=event.text, **happened_columns(event.happened))  # fmt: skip
        self.session.add(row)
        self.session.flush()
        created = event_record(row, event.incident_uuid)
        self.audit.created(self.kind, created)
        return created

    def update(self, event: TimelineEvent) -> TimelineEvent:
        row, incident_uuid = self.row(event.uuid)
        if event.version != row.version:
            raise StaleRecordError(self.kind.label, event.uuid, event.version, row.version)
        before = event_record(row, incident_uuid)
        row.source, row.text = event.source, event.text
        for name, value in happened_columns(event.happened).items():
            setattr(row, name, value)
        if self.session.is_modified(row):
            row.updated_at, row.updated_by = self.clock(), self.audit.actor
            self.session.flush()
        after = event_record(row, incident_uuid)
        self.audit.updated(self.kind, before, after)
        return after

    def delete(self, uuid: str) -> TimelineEvent:
        row, incident_uuid = self.row(uuid)
        before = event_record(row, incident_uuid)
        self.session.delete(row)
        self.session.flush()
        self.audit.deleted(self.kind, before)
        return before

    def in_uuid_order(self, size: int = 500) -> Iterator[TimelineEvent]:
        query = (select(TimelineEventRow, IncidentRow.uuid).join(IncidentRow, IncidentRow.id ==
                 TimelineEventRow.incident_id).order_by(bytewise(self.session, TimelineEventRow.uuid)))  # fmt: skip
        for row, incident_uuid in self.session.execute(query.execution_options(yield_per=size)):
            yield event_record(row, incident_uuid)

    # what an incident's chronology is made of, besides its events and legal history

    def attachments(self, incident_uuid: str) -> list[Attachment]:
        query = (
            select(AttachmentRow)
            .where(AttachmentRow.owner_kind == RecordKind.INCIDENT, AttachmentRow.owner_uuid == incident_uuid)
            .order_by(AttachmentRow.id)
        )
        return [attachment_record(row) for row in self.session.scalars(query)]

    def custody(self, incident_uuid: str) -> list[tuple[CustodyEntry, Attachment]]:
        query = (select(CustodyEntryRow, AttachmentRow)
                 .join(AttachmentRow, AttachmentRow.id == CustodyEntryRow.attachment_id)
                 .where(AttachmentRow.owner_kind == RecordKind.INCIDENT, AttachmentRow.owner_uuid == incident_uuid)
                 .order_by(CustodyEntryRow.id))  # fmt: skip
        return [(custody_record(entry, row.uuid), attachment_record(row)) for entry, row in self.session.execute(query)]

    def plan_items(self, incident_uuid: str) -> list[PlanItem]:
        query = (select(PlanItemRow).join(PlanItemIncidentRow, PlanItemIncidentRow.plan_item_id == PlanItemRow.id)
                 .where(PlanItemIncidentRow.incident_id == self._incident_id(incident_uuid))
                 .order_by(PlanItemRow.id))  # fmt: skip
        return [plan_item_record(row) for row in self.session.scalars(query)]

    def last_activity(self, incident_uuids: Sequence[str]) -> dict[str, datetime]:
        """For each incident, when anything about it was last recorded: the incident saved, an event, a legal
        history entry, an attachment or a custody entry of one, a plan item answering it."""
        if not incident_uuids:
            return {}
        wanted = list(incident_uuids)
        ids = select(IncidentRow.id, IncidentRow.uuid).where(IncidentRow.uuid.in_(wanted)).subquery()
        times = union_all(
            select(IncidentRow.uuid.label("uuid"), IncidentRow.updated_at.label("at")).where(
                IncidentRow.uuid.in_(wanted)),
            select(ids.c.uuid, TimelineEventRow.updated_at).join(ids, ids.c.id == TimelineEventRow.incident_id),
            select(ids.c.uuid, StatusChangeRow.recorded_at).join(ids, ids.c.id == StatusChangeRow.incident_id),
            select(AttachmentRow.owner_uuid, AttachmentRow.updated_at).where(
                AttachmentRow.owner_kind == RecordKind.INCIDENT, AttachmentRow.owner_uuid.in_(wanted)),
            select(AttachmentRow.owner_uuid, CustodyEntryRow.recorded_at).join(
                AttachmentRow, AttachmentRow.id == CustodyEntryRow.attachment_id).where(
                AttachmentRow.owner_kind == RecordKind.INCIDENT, AttachmentRow.owner_uuid.in_(wanted)),
            select(ids.c.uuid, PlanItemRow.updated_at).join(
                PlanItemIncidentRow, PlanItemIncidentRow.plan_item_id == PlanItemRow.id).join(
                ids, ids.c.id == PlanItemIncidentRow.incident_id),
        ).subquery()  # fmt: skip
        query = select(times.c.uuid, func.max(times.c.at)).group_by(times.c.uuid)
        return {uuid: at for uuid, at in self.session.execute(query) if at is not None}
