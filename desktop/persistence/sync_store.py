"""The synchronization's own rows: the peers synchronized with, the merge bases, and what it asks of the trail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.persistence.models import (
    AttachmentRow,
    AuditHeadRow,
    AuditRow,
    DirectiveRow,
    FacilityRow,
    IncidentRow,
    PlanItemRow,
    SyncBaseRow,
    SyncPeerRow,
    SyncReceiptRow,
    TimelineEventRow,
    Versioned,
)

Content = dict[str, object]
STAMPED: dict[str, type[Versioned]] = {
    "facility": FacilityRow, "incident": IncidentRow, "directive": DirectiveRow, "plan_item": PlanItemRow,
    "attachment": AttachmentRow, "timeline_event": TimelineEventRow,
}  # fmt: skip


class SyncStore:
    """Reading and writing the synchronization's rows within a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def replica_id(self) -> str | None:
        """This database's id (audit_head.database_id: made by migration 0004 and kept by restores)."""
        return self.session.scalar(select(AuditHeadRow.database_id).where(AuditHeadRow.id == 1))

    def newest_entry_id(self) -> int:
        return self.session.scalar(select(func.max(AuditRow.id))) or 0

    def entries_after(self, entry_id: int) -> int:
        """How many audit entries were written after `entry_id` (the changes not synchronized yet)."""
        query = select(func.count()).select_from(AuditRow).where(AuditRow.id > entry_id)
        return self.session.scalar(query) or 0

    def deleted_by(self, entity: str, uuids: Iterable[str]) -> dict[str, str | None]:
        """Who wrote the newest DELETE entry of each record of `uuids` (absent: none found)."""
        wanted = list(uuids)
        if not wanted:
            return {}
        query = (select(AuditRow.entity_uuid, AuditRow.actor)
                 .where(AuditRow.entity == entity, AuditRow.action == AuditAction.DELETE,
                        AuditRow.entity_uuid.in_(wanted)).order_by(AuditRow.id))  # fmt: skip
        return dict(self.session.execute(query).tuples().all())

    def peer(self, peer_id: str) -> SyncPeerRow | None:
        return self.session.get(SyncPeerRow, peer_id)

    def newest_peer(self) -> SyncPeerRow | None:
        """The server synchronized with last (None: never)."""
        query = select(SyncPeerRow).order_by(SyncPeerRow.last_sync_at.desc().nulls_last()).limit(1)
        return self.session.scalar(query)

    def rounds(self, peer_id: str) -> int:
        """How many synchronizations with `peer_id` finished here."""
        return self.session.scalar(select(SyncPeerRow.rounds).where(SyncPeerRow.peer_id == peer_id)) or 0

    def save_peer(self, peer_id: str, server: str, at: datetime, local_entry_id: int, server_entry_id: int) -> None:
        """Record a finished synchronization (one more round)."""
        row = self.session.get(SyncPeerRow, peer_id)
        if row is None:
            row = SyncPeerRow(peer_id=peer_id, rounds=0)
            self.session.add(row)
        row.server, row.last_sync_at = server, at
        row.local_entry_id, row.server_entry_id = local_entry_id, server_entry_id
        row.rounds += 1
        self.session.flush()

    def bases(self, peer_id: str) -> dict[tuple[str, str], Content | None]:
        """(kind, uuid) -> the content both sides had after the last synchronization with `peer_id`."""
        query = select(SyncBaseRow.kind, SyncBaseRow.uuid, SyncBaseRow.content).where(SyncBaseRow.peer_id == peer_id)
        return {(kind, uuid): content for kind, uuid, content in self.session.execute(query)}

    def put_bases(self, peer_id: str, agreed: dict[tuple[str, str], Content | None]) -> None:
        """Replace the bases of the records in `agreed` (None: the record is gone on both sides, no base)."""
        for (kind, uuid), content in agreed.items():
            self.session.execute(delete(SyncBaseRow).where(
                SyncBaseRow.peer_id == peer_id, SyncBaseRow.kind == kind, SyncBaseRow.uuid == uuid))  # fmt: skip
            if content is not None:
                self.session.add(SyncBaseRow(peer_id=peer_id, kind=kind, uuid=uuid, content=content))
        self.session.flush()

    # on the server

    def receipts(
        self, replica_id: str, after_round: int
    ) -> dict[tuple[str, str], tuple[Content | None, Content | None]]:
        """(kind, uuid) -> (the content agreed, the content the replica had then) of the records a replica's rounds
        after `after_round` changed (rounds whose local half was lost)."""
        query = (select(SyncReceiptRow.kind, SyncReceiptRow.uuid, SyncReceiptRow.content, SyncReceiptRow.sent)
                 .where(SyncReceiptRow.replica_id == replica_id, SyncReceiptRow.round > after_round))  # fmt: skip
        return {(kind, uuid): (content, sent) for kind, uuid, content, sent in self.session.execute(query)}

    def put_receipts(self, replica_id: str, round_: int,
                     agreed: dict[tuple[str, str], tuple[Content | None, Content | None]]) -> None:  # fmt: skip
        """Keep what round `round_` of a replica agreed on; those of the rounds it finished (before) are dropped."""
        self.session.execute(delete(SyncReceiptRow).where(
            SyncReceiptRow.replica_id == replica_id, SyncReceiptRow.round < round_))  # fmt: skip
        for (kind, uuid), (content, sent) in agreed.items():
            self.session.execute(delete(SyncReceiptRow).where(
                SyncReceiptRow.replica_id == replica_id, SyncReceiptRow.kind == kind,
                SyncReceiptRow.uuid == uuid))  # fmt: skip
            self.session.add(SyncReceiptRow(replica_id=replica_id, kind=kind, uuid=uuid, round=round_,
                                            content=content, sent=sent))  # fmt: skip
        self.session.flush()

    def restamp(self, kind: str, uuid: str, stamps: dict[str, object]) -> None:
        """Give a record the created/updated stamps (times and users) it has on the other side: stamps are not
        audited fields, so the chain is not concerned; the version stays this database's own."""
        if stamps:
            model = STAMPED[kind]
            self.session.execute(update(model).where(model.uuid == uuid).values(**stamps))

    def exists(self, kind: str, uuid: str) -> bool:
        model = STAMPED[kind]
        return self.session.scalar(select(model.id).where(model.uuid == uuid)) is not None
