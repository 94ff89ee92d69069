"""Writing the outcomes of a synchronization into one side through its repositories (with their audit entries)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from desktop.domain.sync import SyncedKind
from desktop.persistence.unit_of_work import UnitOfWork
from desktop.services.sync.plan import Outcome
from desktop.services.sync.snapshot import WRITE_ORDER, Key, Snap, content_of

Tick = Callable[[], None]


class Writer:
    """Writes outcomes into `uow` (the target side) from the other side (`source`), naming `origin` (the other
    side's replica id) and the original user in every audit entry it makes."""

    def __init__(self, uow: UnitOfWork, source: UnitOfWork, origin: str, to_server: bool, tick: Tick) -> None:
        self.uow, self.source, self.origin, self.to_server, self.tick = uow, source, origin, to_server, tick
        self.written: dict[Key, Any] = {}

    def _sides(self, outcome: Outcome) -> tuple[Snap | None, Snap | None]:
        """(what the target has, what the source has)."""
        if self.to_server:
            return outcome.theirs, outcome.mine
        return outcome.mine, outcome.theirs

    def _as(self, actor: str | None) -> None:
        self.uow.audit.actor, self.uow.audit.origin = actor, self.origin

    def write(self, outcomes: Sequence[Outcome]) -> dict[Key, Any]:
        """Upserts in WRITE_ORDER (incident links once every incident exists), custody entries, then deletions in
        the reverse order; returns the records written, by key."""
        actor, origin = self.uow.audit.actor, self.uow.audit.origin
        try:
            by_kind = {kind: [o for o in outcomes if o.kind is kind] for kind in WRITE_ORDER}
            for kind in WRITE_ORDER:
                if kind is SyncedKind.INCIDENT:
                    self._new_incidents(by_kind[kind])
                for outcome in by_kind[kind]:
                    self._upsert(outcome)
                if kind is SyncedKind.INCIDENT:
                    for outcome in by_kind[kind]:
                        self._links(outcome)
            for outcome in by_kind[SyncedKind.ATTACHMENT]:
                self._custody(outcome)
            self._delete_all([o for kind in reversed(WRITE_ORDER) for o in by_kind[kind]])
        finally:
            self.uow.audit.actor, self.uow.audit.origin = actor, origin
        return self.written

    def _upsert(self, outcome: Outcome) -> None:
        held, _given = self._sides(outcome)
        record = outcome.record
        if record is None or (held is not None and held.content == outcome.content):
            return
        if held is None and outcome.kind is SyncedKind.INCIDENT:
            return  # added by _new_incidents
        self._as(record.updated_by)
        if held is None:
            self.written[outcome.kind, outcome.uuid] = self._add(outcome.kind, record)
        else:
            self.written[outcome.kind, outcome.uuid] = self._update(outcome.kind, record, held.record)
        self.tick()

    def _new_incidents(self, outcomes: list[Outcome]) -> None:
        """The incidents new on this side, a few statements per author (links once all are stored: `_links`)."""
        authors: dict[str | None, list[Any]] = {}
        for outcome in outcomes:
            if outcome.record is not None and self._sides(outcome)[0] is None:
                authors.setdefault(outcome.record.updated_by, []).append(replace(outcome.record, related_uuids=()))
        for author, records in authors.items():
            self._as(author)
            for made in self.uow.incidents.add_many(records):
                self.written[SyncedKind.INCIDENT, made.uuid] = made
                self.tick()

    def _add(self, kind: SyncedKind, record: Any) -> Any:
        uow = self.uow
        if kind is SyncedKind.INCIDENT:
            return uow.incidents.add(replace(record, related_uuids=()))
        if kind is SyncedKind.ATTACHMENT:
            return uow.attachments.add(record, self._bytes(record.sha256))
        if kind is SyncedKind.TIMELINE_EVENT:
            return uow.timeline.add(record)
        return self._repository(kind).add(record)

    def _update(self, kind: SyncedKind, record: Any, stored: Any) -> Any:
        uow, mine = self.uow, replace(record, version=stored.version)
        if kind is SyncedKind.INCIDENT:
            there = uow.incidents.existing_uuids(record.related_uuids)
            return uow.incidents.update(replace(mine, related_uuids=tuple(u for u in record.related_uuids
                                                                          if u in there)))  # fmt: skip
        if kind is SyncedKind.ATTACHMENT:
            return uow.attachments.update(mine)
        if kind is SyncedKind.TIMELINE_EVENT:
            return uow.timeline.update(mine)
        return self._repository(kind).update(mine)

    def _repository(self, kind: SyncedKind) -> Any:
        return {SyncedKind.FACILITY: self.uow.facilities, SyncedKind.INCIDENT: self.uow.incidents,
                SyncedKind.DIRECTIVE: self.uow.directives, SyncedKind.PLAN_ITEM: self.uow.plan_items}[kind]  # fmt: skip

    def _bytes(self, sha256: str) -> Iterator[bytes]:
        return self.source.attachments.store.read(sha256)

    def _links(self, outcome: Outcome) -> None:
        """An incident's related incidents, once all of this synchronization's incidents are stored."""
        key = (outcome.kind, outcome.uuid)
        record = outcome.record
        if key not in self.written or record is None or self.written[key].related_uuids == record.related_uuids:
            return
        self._as(record.updated_by)
        current = self.uow.incidents.get(outcome.uuid)
        self.written[key] = self.uow.incidents.update(replace(record, version=current.version))

    def _custody(self, outcome: Outcome) -> None:
        entries = outcome.custody_to_send() if self.to_server else outcome.custody_to_receive()
        for entry in entries:
            self._as(entry.received_by or None)
            self.uow.attachments.add_custody(entry)
            self.tick()

    def _delete_all(self, outcomes: list[Outcome]) -> None:
        gone = [o for o in outcomes if o.record is None and self._sides(o)[0] is not None]
        for kind in reversed(WRITE_ORDER):
            uuids = [o.uuid for o in gone if o.kind is kind]
            authors = self.source.sync.deleted_by(kind.value, uuids)
            for uuid in uuids:
                self._as(authors.get(uuid))
                self._delete(kind, uuid)
                self.tick()

    def _delete(self, kind: SyncedKind, uuid: str) -> None:
        if not self.uow.sync.exists(kind.value, uuid):  # a timeline event gone already with its incident
            return
        if kind is SyncedKind.ATTACHMENT:
            self.uow.attachments.delete(uuid)
        elif kind is SyncedKind.TIMELINE_EVENT:
            self.uow.timeline.delete(uuid)
        else:
            self._repository(kind).delete(uuid)


def stamps(record: Any, *, created_only: bool = False) -> dict[str, object]:
    """The stamps of `record` to give the same record on the other side."""
    if created_only:  # (a dict made here: dataclasses.asdict deep-copies, 10 s of a 100,000-record round)
        return {"created_at": record.created_at, "created_by": record.created_by}
    return {"created_at": record.created_at, "updated_at": record.updated_at, "created_by": record.created_by,
            "updated_by": record.updated_by}  # fmt: skip


def final_content(outcome: Outcome) -> dict[str, object] | None:
    return content_of(outcome.record) if outcome.record is not None else None
