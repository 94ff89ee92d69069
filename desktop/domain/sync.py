"""What a synchronization between a local database and the team's server will do and did: the preview per kind,
the conflicts field by field, the person's choices, the result, and the status shown in the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

Side = Literal["mine", "theirs"]  # mine: this database's value; theirs: the server's


class SyncedKind(StrEnum):
    """Every kind of record a synchronization carries (children travel with their record)."""

    FACILITY = "facility"
    INCIDENT = "incident"  # with its weapons, legal history and links
    DIRECTIVE = "directive"
    PLAN_ITEM = "plan_item"  # with the incidents it answers
    ATTACHMENT = "attachment"  # with its stored file and custody entries
    TIMELINE_EVENT = "timeline_event"


@dataclass(frozen=True, slots=True)
class KindCounts:
    """For one kind: records to send (created, changed, deleted here) and to receive (from the server)."""

    send_new: int = 0
    send_changed: int = 0
    send_deleted: int = 0
    receive_new: int = 0
    receive_changed: int = 0
    receive_deleted: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field both sides changed differently since they last agreed (`base`), as text for people."""

    key: str
    label: str
    base: str
    mine: str
    theirs: str


@dataclass(frozen=True, slots=True)
class RecordConflict:
    """A record changed on both sides since the last synchronization: the fields that differ (only those both
    changed need a choice; one side's change alone is taken without asking), or a deletion on one side against an
    edit on the other (`deleted_by`: "mine" or "theirs"; `fields` then empty)."""

    kind: SyncedKind
    uuid: str
    title: str  # how people know the record: an incident's title, a facility's name
    fields: tuple[FieldDifference, ...] = ()
    deleted_by: Side | None = None


@dataclass(frozen=True, slots=True)
class SyncPreview:
    """What `synchronize` would do now, before anything is written on either side."""

    counts: dict[SyncedKind, KindCounts]
    conflicts: tuple[RecordConflict, ...]
    server: str  # the server's address as shown to people (no password)

    @property
    def nothing_to_do(self) -> bool:
        return not self.conflicts and all(c == KindCounts() for c in self.counts.values())


@dataclass(frozen=True, slots=True)
class Resolution:
    """The person's answer for one conflict: per field key the side kept; for a deletion conflict `keep_deleted`
    (True: the record stays deleted on both sides; False: the edited record comes back on both)."""

    uuid: str
    sides: dict[str, Side] = field(default_factory=dict)
    keep_deleted: bool | None = None


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What a finished synchronization did: sent and received per kind, conflicts resolved, and when (server time)."""

    counts: dict[SyncedKind, KindCounts]
    resolved: int
    finished_at: datetime


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """For the status bar: the last synchronization with a server (None: never) and the records changed here since
    (None when never synchronized)."""

    server: str | None
    last_sync_at: datetime | None
    pending_changes: int | None
