"""Attachments and their custody logs: read, add (with the file's bytes), describe, remove; each change audited."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.errors import RecordNotFoundError, StaleRecordError
from desktop.domain.evidence import Attachment, CustodyEntry, EvidenceKind
from desktop.domain.kinds import RecordKind
from desktop.persistence.audit_log import AuditLog
from desktop.persistence.evidence_mapping import (
    attachment_record,
    custody_record,
    happened_columns,
)
from desktop.persistence.evidence_store import EvidenceStore
from desktop.persistence.mapping import new_uuid
from desktop.persistence.models import AttachmentRow, CustodyEntryRow
from desktop.persistence.repositories import Clock, bytewise
from desktop.persistence.withheld_rows import WITHHELD_ATTACHMENTS


class AttachmentRepository:
    """The attachments of records of every kind, within one unit of work."""

    kind = EvidenceKind.ATTACHMENT

    def __init__(self, session: Session, audit: AuditLog, clock: Clock) -> None:
        self.session, self.audit, self.clock = session, audit, clock
        self.store = EvidenceStore(session)

    def row(self, uuid: str) -> AttachmentRow:
        row = self.session.scalar(select(AttachmentRow).where(AttachmentRow.uuid == uuid))
        if row is None:
            raise RecordNotFoundError(self.kind.label, uuid)
        return row

    def get(self, uuid: str) -> Attachment:
        return attachment_record(self.row(uuid))

    def of(self, owner_kind: RecordKind, owner_uuid: str) -> list[Attachment]:
        """A record's attachments, in the order they were added."""
        query = select(AttachmentRow).where(
            AttachmentRow.owner_kind == owner_kind, AttachmentRow.owner_uuid == owner_uuid
        )
        query = query.order_by(AttachmentRow.id)
        return [attachment_record(row) for row in self.session.scalars(query)]

    def withheld(self, owner_kind: RecordKind, owner_uuid: str) -> int:
        """How many of a record's attachments are marked sensitive, as the team's view counts them for a login that
        row security keeps from them (the caller asks for such a login only); 0 where there is no such view."""
        if self.session.get_bind().dialect.name != "postgresql":
            return 0
        if self.session.execute(text(f"SELECT to_regclass('{WITHHELD_ATTACHMENTS}')")).scalar() is None:
            return 0  # a server whose owner has not granted since this version (opening as the owner does)
        count = self.session.execute(
            text(f"SELECT withheld FROM {WITHHELD_ATTACHMENTS} WHERE owner_kind = :kind AND owner_uuid = :uuid"),
            {"kind": owner_kind.value, "uuid": owner_uuid},
        ).scalar()
        return int(count or 0)

    def all(self) -> Iterator[Attachment]:
        for row in self.session.scalars(select(AttachmentRow).order_by(AttachmentRow.id).execution_options(
                yield_per=500)):  # fmt: skip
            yield attachment_record(row)

    def add(self, attachment: Attachment, chunks: Iterable[bytes]) -> Attachment:
        """Store the attachment and, unless the same bytes are stored already, its file (`chunks`, hashed again
        as they are written); one transaction with the caller's other writes."""
        self.store.put(attachment.sha256, attachment.size, chunks)
        now = self.clock()
        row = AttachmentRow(uuid=attachment.uuid or new_uuid(), created_at=now, updated_at=now,
                            created_by=self.audit.actor, updated_by=self.audit.actor,
                            owner_kind=attachment.owner_kind, owner_uuid=attachment.owner_uuid,
                            file_name=attachment.file_name, media_type=attachment.media_type, size=attachment.size,
                            sha256=attachment.sha256, added_at=attachment.added_at or now,
                            added_by=attachment.added_by, description=attachment.description,
                            sensitive=attachment.sensitive)  # fmt: skip
        self.session.add(row)
        self.session.flush()
        created = attachment_record(row)
        self.audit.created(self.kind, created)
        return created

    def update(self, attachment: Attachment) -> Attachment:
        """Save its description and sensitive flag (what the file is, and whose, does not change)."""
        row = self.row(attachment.uuid)
        if attachment.version != row.version:
            raise StaleRecordError(self.kind.label, attachment.uuid, attachment.version, row.version)
        before = attachment_record(row)
        row.description, row.sensitive = attachment.description, attachment.sensitive
        if self.session.is_modified(row):
            row.updated_at, row.updated_by = self.clock(), self.audit.actor
            self.session.flush()
        after = attachment_record(row)
        self.audit.updated(self.kind, before, after)
        return after

    def delete(self, uuid: str) -> Attachment:
        """Remove the attachment and its custody log (each audited with every value it had, its hash among them),
        and the file's bytes when no other attachment names them."""
        row = self.row(uuid)
        before = attachment_record(row)
        for entry in self.custody(uuid):
            self.audit.deleted(EvidenceKind.CUSTODY, entry)
        self.session.delete(row)
        self.session.flush()
        self.audit.deleted(self.kind, before)
        self.store.drop_unused(before.sha256)
        return before

    def in_uuid_order(self, size: int = 500) -> Iterator[Attachment]:
        query = select(AttachmentRow).order_by(bytewise(self.session, AttachmentRow.uuid))
        for row in self.session.scalars(query.execution_options(yield_per=size)):
            yield attachment_record(row)

    # custody log

    def custody(self, attachment_uuid: str) -> list[CustodyEntry]:
        """An attachment's custody log, in the order it was written."""
        query = (select(CustodyEntryRow).join(AttachmentRow, AttachmentRow.id == CustodyEntryRow.attachment_id)
                 .where(AttachmentRow.uuid == attachment_uuid).order_by(CustodyEntryRow.id))  # fmt: skip
        return [custody_record(row, attachment_uuid) for row in self.session.scalars(query)]

    def add_custody(self, entry: CustodyEntry) -> CustodyEntry:
        """Append an entry to an attachment's custody log (entries are never changed or removed on their own)."""
        attachment = self.row(entry.attachment_uuid)
        row = CustodyEntryRow(uuid=entry.uuid or new_uuid(), attachment_id=attachment.id,
                              received_from=entry.received_from, received_by=entry.received_by,
                              purpose=entry.purpose, note=entry.note, recorded_at=self.clock(),
                              **happened_columns(entry.happened))  # fmt: skip
        self.session.add(row)
        self.session.flush()
        created = custody_record(row, attachment.uuid)
        self.audit.created(EvidenceKind.CUSTODY, created)
        return created

    def custody_in_uuid_order(self, size: int = 500) -> Iterator[CustodyEntry]:
        query = (select(CustodyEntryRow, AttachmentRow.uuid)
                 .join(AttachmentRow, AttachmentRow.id == CustodyEntryRow.attachment_id)
                 .order_by(bytewise(self.session, CustodyEntryRow.uuid)))  # fmt: skip
        for row, attachment_uuid in self.session.execute(query.execution_options(yield_per=size)):
            yield custody_record(row, attachment_uuid)
