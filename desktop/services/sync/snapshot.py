"""Every synchronized record of one database as it is now: the record, its content as the trail renders it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop.domain.changes import stored_fields
from desktop.domain.evidence import CustodyEntry
from desktop.domain.kinds import short_label
from desktop.domain.sync import SyncedKind
from desktop.persistence.unit_of_work import UnitOfWork

Content = dict[str, object]
Key = tuple[SyncedKind, str]

WRITE_ORDER = (SyncedKind.FACILITY, SyncedKind.DIRECTIVE, SyncedKind.INCIDENT, SyncedKind.PLAN_ITEM,
               SyncedKind.TIMELINE_EVENT, SyncedKind.ATTACHMENT)  # fmt: skip
"""Records are written in this order (what a record names exists first) and deleted in the reverse one."""


def content_of(record: object) -> Content:
    """The fields the audit trail compares, as it renders them (a JSON object; empty fields left out)."""
    return stored_fields(record)


@dataclass(frozen=True, slots=True)
class Snap:
    """One record of one side: the record, its content, and an attachment's custody entries (by uuid)."""

    kind: SyncedKind
    record: Any
    content: Content
    custody: dict[str, CustodyEntry]

    @property
    def title(self) -> str:
        return short_label(self.record) or self.record.uuid


def _records(uow: UnitOfWork, kind: SyncedKind) -> Iterator[Any]:
    if kind is SyncedKind.ATTACHMENT:
        return uow.attachments.in_uuid_order()
    if kind is SyncedKind.TIMELINE_EVENT:
        return uow.timeline.in_uuid_order()
    repository: Any = {SyncedKind.FACILITY: uow.facilities, SyncedKind.INCIDENT: uow.incidents,
                  SyncedKind.DIRECTIVE: uow.directives, SyncedKind.PLAN_ITEM: uow.plan_items}[kind]  # fmt: skip
    return iter(repository.in_uuid_order())


def snapshot(uow: UnitOfWork) -> dict[Key, Snap]:
    """Every record of every synchronized kind in this unit of work's database, by (kind, uuid)."""
    custody: dict[str, dict[str, CustodyEntry]] = defaultdict(dict)
    for entry in uow.attachments.custody_in_uuid_order():
        custody[entry.attachment_uuid][entry.uuid] = entry
    found: dict[Key, Snap] = {}
    for kind in WRITE_ORDER:
        for record in _records(uow, kind):
            found[kind, record.uuid] = Snap(kind, record, content_of(record), custody.get(record.uuid, {}))
    return found


def _getter(uow: UnitOfWork, kind: SyncedKind) -> Any:
    repositories: dict[SyncedKind, Any] = {
        SyncedKind.FACILITY: uow.facilities, SyncedKind.INCIDENT: uow.incidents, SyncedKind.DIRECTIVE: uow.directives,
        SyncedKind.PLAN_ITEM: uow.plan_items, SyncedKind.ATTACHMENT: uow.attachments,
        SyncedKind.TIMELINE_EVENT: uow.timeline,
    }  # fmt: skip
    return repositories[kind].get


def snapshot_of(uow: UnitOfWork, keys: Iterable[Key]) -> dict[Key, Snap]:
    """The records of `keys` that this database has (one read each: for the few changed since the last time)."""
    found: dict[Key, Snap] = {}
    for kind, uuid in keys:
        if not uow.sync.exists(kind.value, uuid):
            continue
        record = _getter(uow, kind)(uuid)
        custody = {e.uuid: e for e in uow.attachments.custody(uuid)} if kind is SyncedKind.ATTACHMENT else {}
        found[kind, uuid] = Snap(kind, record, content_of(record), custody)
    return found
