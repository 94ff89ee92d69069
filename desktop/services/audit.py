"""Audit trail queries: a record's history and verification of the hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import GENESIS, entry_hash
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _entry(row: AuditRow) -> AuditEntry:
    changes = {name: (pair[0], pair[1]) for name, pair in row.changes.items()}
    return AuditEntry(row.at, row.action, row.entity, row.entity_uuid, changes, row.id, row.entry_hash, row.prev_hash)


def history(database: Database, entity_uuid: str) -> list[AuditEntry]:
    """Every audit entry of one record, oldest first."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        rows = uow.session.scalars(select(AuditRow).where(AuditRow.entity_uuid == entity_uuid).order_by(AuditRow.id))
        return [_entry(row) for row in rows]


def verify_chain(database: Database) -> ChainReport:
    """Recompute every hash: an edited, inserted or deleted entry breaks the chain where it was."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        for row in uow.session.scalars(select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=1000)):
            count += 1
            if row.prev_hash != prev:
                problems.append(f"entry {row.id}: previous entry is missing or was replaced")
            expected = entry_hash(row.prev_hash, row.at, row.action.value, row.entity, row.entity_uuid, row.changes)
            if expected != row.entry_hash:
                problems.append(f"entry {row.id} ({row.action.value} {row.entity} {row.entity_uuid}) was edited")
            prev = row.entry_hash
    return ChainReport(count, tuple(problems))
