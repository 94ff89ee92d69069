"""The synchronization's own rows: the peers synchronized with, the merge bases, and what it asks of the trail."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import CompoundSelect, bindparam, delete, func, insert, literal, select, union, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.persistence.models import (
    AttachmentRow,
    AuditHeadRow,
    AuditRow,
    CustodyEntryRow,
    DirectiveRow,
    FacilityRow,
    ImportedRecordRow,
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


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_kind(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for kind, uuid in keys:
        grouped.setdefault(kind, []).append(uuid)
    return grouped


class SyncStore:
    """Reading and writing the synchronization's rows within a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def replica_id(self) -> str | None:
        """This database's id (audit_head.database_id: made by migration 0004 and kept by restores)."""
        return self.session.scalar(select(AuditHeadRow.database_id).where(AuditHeadRow.id == 1))

    def newest_entry_id(self) -> int:
        return self.session.scalar(select(func.max(AuditRow.id))) or 0

    def record_count(self, kinds: Collection[str]) -> int:
        """How many records of `kinds` this database holds (every one of them, after a restore, is to be compared)."""
        return sum(self.session.scalar(select(func.count()).select_from(STAMPED[kind])) or 0 for kind in kinds)

    def deleted_by(self, entity: str, uuids: Iterable[str]) -> dict[str, str | None]:
        """Who wrote the newest DELETE entry of each record of `uuids` (absent: none found)."""
        wanted = list(uuids)
        if not wanted:
            return {}
        query = (select(AuditRow.entity_uuid, AuditRow.actor)
                 .where(AuditRow.entity == entity, AuditRow.action == AuditAction.DELETE,
                        AuditRow.entity_uuid.in_(wanted)).order_by(AuditRow.id))  # fmt: skip
        return dict(self.session.execute(query).tuples().all())

    def changed_since(self, entry_id: int, kinds: frozenset[str]) -> set[tuple[str, str]] | None:
        """(kind, uuid) of every record of `kinds` an audit entry after `entry_id` names (a custody entry: its
        attachment; an import: the records it made); None when a whole database was restored since (anything may
        have changed)."""
        query = self._changed_query(entry_id, kinds)
        return None if query is None else {(kind, uuid) for kind, uuid in self.session.connection().execute(query)}

    def changed_count(self, entry_id: int, kinds: frozenset[str]) -> int | None:
        """How many records `changed_since` names, counted by the database (the status bar asks after every save:
        100,000 records changed since the last round were read in 0.4 s, counted in a fraction of it)."""
        query = self._changed_query(entry_id, kinds)
        if query is None:
            return None
        return self.session.scalar(select(func.count()).select_from(query.subquery())) or 0

    def _changed_query(self, entry_id: int, kinds: frozenset[str]) -> CompoundSelect[Any] | None:
        after = AuditRow.id > entry_id
        restored = select(AuditRow.id).where(after, AuditRow.action == AuditAction.RESTORE,
                                             AuditRow.entity.not_in(kinds)).limit(1)  # fmt: skip
        if self.session.scalar(restored) is not None:
            return None
        named = select(AuditRow.entity, AuditRow.entity_uuid).where(
            after, AuditRow.entity.in_(kinds), AuditRow.action.not_in((AuditAction.IMPORT, AuditAction.EXPORT))
        )
        imports = select(AuditRow.entity_uuid).where(after, AuditRow.action == AuditAction.IMPORT)
        made = select(ImportedRecordRow.entity, ImportedRecordRow.uuid).where(
            ImportedRecordRow.import_uuid.in_(imports), ImportedRecordRow.entity.in_(kinds)
        )
        handed = select(AuditRow.entity_uuid).where(after, AuditRow.entity == "custody_entry")
        owners = (select(literal("attachment"), AttachmentRow.uuid)
                  .join(CustodyEntryRow, CustodyEntryRow.attachment_id == AttachmentRow.id)
                  .where(CustodyEntryRow.uuid.in_(handed)))  # fmt: skip
        return union(named, made, owners)

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

    def bases(self, peer_id: str, uuids: Collection[str] | None = None) -> dict[tuple[str, str], Content | None]:
        """(kind, uuid) -> the content both sides had after the last synchronization with `peer_id` (of the records
        of `uuids`; None: all)."""
        query = select(SyncBaseRow.kind, SyncBaseRow.uuid, SyncBaseRow.content).where(SyncBaseRow.peer_id == peer_id)
        if uuids is None:
            return {(kind, uuid): content for kind, uuid, content in self.session.execute(query)}
        found: dict[tuple[str, str], Content | None] = {}
        for chunk in _chunks(list(uuids)):
            rows = self.session.execute(query.where(SyncBaseRow.uuid.in_(chunk)))
            found.update({(kind, uuid): content for kind, uuid, content in rows})
        return found

    def put_bases(self, peer_id: str, agreed: dict[tuple[str, str], Content | None]) -> None:
        """Replace the bases of the records in `agreed` (None: the record is gone on both sides, no base)."""
        for kind, uuids in _by_kind(agreed).items():
            for chunk in _chunks(uuids):
                self.session.execute(delete(SyncBaseRow).where(
                    SyncBaseRow.peer_id == peer_id, SyncBaseRow.kind == kind, SyncBaseRow.uuid.in_(chunk)))  # fmt: skip
        rows = [{"peer_id": peer_id, "kind": kind, "uuid": uuid, "content": content}
                for (kind, uuid), content in agreed.items() if content is not None]  # fmt: skip
        if rows:
            self.session.execute(insert(SyncBaseRow), rows)

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
        for kind, uuids in _by_kind(agreed).items():
            for chunk in _chunks(uuids):
                self.session.execute(delete(SyncReceiptRow).where(
                    SyncReceiptRow.replica_id == replica_id, SyncReceiptRow.kind == kind,
                    SyncReceiptRow.uuid.in_(chunk)))  # fmt: skip
        rows = [{"replica_id": replica_id, "kind": kind, "uuid": uuid, "round": round_, "content": content,
                 "sent": sent} for (kind, uuid), (content, sent) in agreed.items()]  # fmt: skip
        if rows:
            self.session.execute(insert(SyncReceiptRow), rows)

    def restamp(self, kind: str, stamps: dict[str, dict[str, object]]) -> None:
        """Give records of one kind ({uuid: stamps}, the same stamp names for all) the created/updated stamps (times
        and users) they have on the other side: stamps are not audited fields, so the chain is not concerned; the
        version stays this database's own."""
        if not stamps:
            return
        table: Any = STAMPED[kind].__table__  # type: ignore[attr-defined]
        names = list(next(iter(stamps.values())))
        statement = (update(table).where(table.c.uuid == bindparam("b_uuid"))
                     .values({name: bindparam(f"b_{name}") for name in names}))  # fmt: skip
        rows = [{"b_uuid": uuid, **{f"b_{name}": values[name] for name in names}} for uuid, values in stamps.items()]
        self.session.connection().execute(statement, rows)

    def exists(self, kind: str, uuid: str) -> bool:
        model = STAMPED[kind]
        return self.session.scalar(select(model.id).where(model.uuid == uuid)) is not None
