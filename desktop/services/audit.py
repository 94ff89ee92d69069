"""Audit trail queries: a record's history and verification of the hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import GENESIS, entry_hash
from desktop.persistence.models import AuditHeadRow, AuditRow
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
    last_id = 0
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        for row in uow.session.scalars(select(AuditRow).order_by(AuditRow.id).execution_options(yield_per=1000)):
            count += 1
            if row.prev_hash != prev:
                after = f"after entry {last_id}" if last_id else "at the start"
                problems.append(f"entry {row.id}: the entry before it ({after}) is missing or was replaced")
            expected = entry_hash(row.prev_hash, row.at, row.action.value, row.entity, row.entity_uuid, row.changes)
            if expected != row.entry_hash:
                problems.append(f"entry {row.id} ({row.action.value} {row.entity} {row.entity_uuid}) was edited")
            prev = row.entry_hash
            last_id = row.id
        head = uow.session.get(AuditHeadRow, 1)
        problems.extend(_head_problems(head, count, prev, last_id if not problems else 0))
    return ChainReport(count, tuple(problems))


def _head_problems(head: AuditHeadRow | None, count: int, last_hash: str, newest_id: int) -> list[str]:
    """The chain head (count and last hash, kept with every write) exposes deleted newest entries.
    `newest_id` is the last entry of an otherwise intact chain (0 when the chain is broken or empty)."""
    if head is None:
        return ["the chain head (count and last hash of the entries) is missing"]
    where = f" after entry {newest_id}" if newest_id else ""
    if head.entries > count:
        return [f"{head.entries - count} entries{where} are missing: {head.entries} were written, {count} remain"]
    if head.entries < count:
        return [f"{count - head.entries} entries were added outside the program, or the chain head was edited"]
    if head.last_hash != last_hash:
        return ["the newest entry does not match the chain head: it was replaced, or the head was edited"]
    return []
