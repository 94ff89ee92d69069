"""Reading the audit trail: a record's entries, the hash chain's links in order, and the chain head."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import entry_hash
from desktop.persistence.models import AuditHeadRow, AuditRow


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The count and last hash of the entries, kept with every write (exposes deleted newest entries)."""

    entries: int
    last_hash: str


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One stored entry as the hash chain sees it."""

    id: int
    action: AuditAction
    entity: str
    entity_uuid: str
    prev_hash: str
    entry_hash: str
    content_hash: str  # the hash of the stored contents now: differs from entry_hash when they were edited


def _entry(row: AuditRow) -> AuditEntry:
    changes = {name: (pair[0], pair[1]) for name, pair in row.changes.items()}
    return AuditEntry(row.at, row.action, row.entity, row.entity_uuid, changes, row.id, row.entry_hash, row.prev_hash)


class AuditTrail:
    """Read-only access to the audit entries, inside a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def history(self, entity_uuid: str) -> list[AuditEntry]:
        """Every entry of one record, oldest first."""
        query = select(AuditRow).where(AuditRow.entity_uuid == entity_uuid).order_by(AuditRow.id)
        return [_entry(row) for row in self.session.scalars(query)]

    def links(self) -> Iterator[ChainLink]:
        """Every entry in chain order, read a thousand at a time, with the hash of its stored contents."""
        query = select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=1000)
        for row in self.session.scalars(query):
            content = entry_hash(row.prev_hash, row.at, row.action.value, row.entity, row.entity_uuid, row.changes)
            yield ChainLink(row.id, row.action, row.entity, row.entity_uuid, row.prev_hash, row.entry_hash, content)

    def head(self) -> AuditHead | None:
        """The chain head, or None when its row is missing."""
        row = self.session.get(AuditHeadRow, 1)
        return AuditHead(row.entries, row.last_hash) if row is not None else None
