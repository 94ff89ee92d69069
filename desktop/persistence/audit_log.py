"""Audit trail: collects changes during a unit of work and writes hash-chained entries with it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from desktop.domain.changes import changed_fields, created_fields, history_changes
from desktop.domain.enums import AuditAction
from desktop.persistence.models import AuditHeadRow, AuditRow

GENESIS = "0" * 64


def entry_hash(prev_hash: str, at: datetime, action: str, entity: str, entity_uuid: str, changes: object) -> str:
    """SHA-256 over the previous hash and a canonical rendering of the entry."""
    body = json.dumps([prev_hash, at.isoformat(), action, entity, entity_uuid, changes],
                      sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)  # fmt: skip
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class _Pending:
    action: AuditAction
    entity: str
    entity_uuid: str
    changes: dict[str, list[object]]


@dataclass
class AuditLog:
    clock: Callable[[], datetime]
    pending: list[_Pending] = field(default_factory=list)

    def record(self, action: AuditAction, entity: str, entity_uuid: str, changes: dict[str, list[object]]) -> None:
        self.pending.append(_Pending(action, str(entity), entity_uuid, changes))  # a RecordKind: its plain value

    def created(self, entity: str, record: object) -> None:
        self.record(AuditAction.CREATE, entity, getattr(record, "uuid"), created_fields(record))  # noqa: B009

    def updated(self, entity: str, before: object, after: object) -> None:
        changes = changed_fields(before, after) | history_changes(before, after)  # an incident's legal history too
        if changes:
            self.record(AuditAction.UPDATE, entity, getattr(after, "uuid"), changes)  # noqa: B009

    def deleted(self, entity: str, record: object) -> None:
        self.record(AuditAction.DELETE, entity, getattr(record, "uuid"), changed_fields(record, None))  # noqa: B009

    def write(self, session: Session) -> None:
        """Append the pending entries to the chain inside the caller's transaction."""
        if not self.pending:
            return
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(7301)"))  # one chain writer at a time
        prev = session.scalar(select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1)) or GENESIS
        rows = []
        for item in self.pending:
            at = self.clock()
            digest = entry_hash(prev, at, item.action.value, item.entity, item.entity_uuid, item.changes)
            rows.append({"at": at, "action": item.action, "entity": item.entity, "entity_uuid": item.entity_uuid,
                         "changes": item.changes, "prev_hash": prev, "entry_hash": digest})  # fmt: skip
            prev = digest
        session.execute(insert(AuditRow.metadata.tables[AuditRow.__tablename__]), rows)  # one executemany, in order
        written = len(self.pending)
        self.pending.clear()
        head = session.get(AuditHeadRow, 1)
        if head is None:  # the head row was deleted; verify_chain reports the count that no longer matches
            session.add(AuditHeadRow(id=1, entries=written, last_hash=prev))
        else:
            head.entries += written
            head.last_hash = prev
