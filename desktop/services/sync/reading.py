"""Reading both sides for a synchronization: which records to compare, their bases, and the plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.sync import Resolution, SyncedKind
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.sync.plan import Base, Plan, make_plan
from desktop.services.sync.snapshot import Key, snapshot, snapshot_of

Bases = dict[tuple[str, str], Base]
KINDS = frozenset(kind.value for kind in SyncedKind)


@dataclass(frozen=True, slots=True)
class Reading:
    peer: str  # the server's replica id
    replica: str  # this database's
    bases: Bases
    plan: Plan
    server_entry_id: int  # the server's newest audit entry before anything was read there


def _changed(mine: UnitOfWork, theirs: UnitOfWork, peer: str, newest: int) -> set[Key] | None:
    """The records either side's audit entries name since the last synchronization with this server; None (read
    everything) the first time, after a restore of either side, or when the server's trail is shorter than it was."""
    row = mine.sync.peer(peer)
    if row is None or newest < row.server_entry_id:
        return None
    here = mine.sync.changed_since(row.local_entry_id, KINDS)
    there = theirs.sync.changed_since(row.server_entry_id, KINDS)
    if here is None or there is None:
        return None
    return {(SyncedKind(kind), uuid) for kind, uuid in here | there}


def read_both(local: Database, server: Database, mine: UnitOfWork, theirs: UnitOfWork,
              resolutions: Sequence[Resolution] = ()) -> Reading:  # fmt: skip
    """Compare the records changed on either side since the last synchronization (all of them the first time)
    with their bases: those kept here, with the server's receipts of a round whose local half was lost (killed
    after the server's commit) laid over them."""
    peer = theirs.sync.replica_id() or server.url
    replica = mine.sync.replica_id() or local.url
    newest = theirs.sync.newest_entry_id()  # first: an entry committed while reading is read again next time
    receipts = theirs.sync.receipts(replica, mine.sync.rounds(peer))
    changed = _changed(mine, theirs, peer, newest)
    if changed is None:
        here, there, kept = snapshot(mine), snapshot(theirs), mine.sync.bases(peer)
    else:
        keys = changed | {(SyncedKind(kind), uuid) for kind, uuid in receipts}
        kept = mine.sync.bases(peer, {uuid for _kind, uuid in keys})
        here, there = snapshot_of(mine, keys), snapshot_of(theirs, keys)
    bases: Bases = {key: Base(content, content) for key, content in kept.items()}
    bases.update({key: Base(had, agreed) for key, (agreed, had) in receipts.items()})
    return Reading(peer, replica, bases, make_plan(here, there, bases, resolutions), newest)
