"""Audit trail queries: a record's history and verification of the hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.records import AuditEntry
from desktop.persistence.audit_log import GENESIS
from desktop.persistence.audit_queries import AuditHead
from desktop.persistence.unit_of_work import Database


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def history(database: Database, entity_uuid: str) -> list[AuditEntry]:
    """Every audit entry of one record, oldest first."""
    with database.unit_of_work(write=False) as uow:
        return uow.audit_trail.history(entity_uuid)


def verify_chain(database: Database) -> ChainReport:
    """Recompute every hash: an edited, inserted or deleted entry breaks the chain where it was."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    last_id = 0
    with database.unit_of_work(write=False) as uow:
        for link in uow.audit_trail.links():
            count += 1
            if link.prev_hash != prev:
                after = f"after entry {last_id}" if last_id else "at the start"
                problems.append(f"entry {link.id}: the entry before it ({after}) is missing or was replaced")
            if link.content_hash != link.entry_hash:
                problems.append(f"entry {link.id} ({link.action.value} {link.entity} {link.entity_uuid}) was edited")
            prev = link.entry_hash
            last_id = link.id
        head = uow.audit_trail.head()
        problems.extend(_head_problems(head, count, prev, last_id if not problems else 0))
    return ChainReport(count, tuple(problems))


def _head_problems(head: AuditHead | None, count: int, last_hash: str, newest_id: int) -> list[str]:
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
