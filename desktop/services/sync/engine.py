"""Preview, synchronize and status: a local database and the team's server compared and brought together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.domain.sync import KindCounts, Resolution, SyncedKind, SyncPreview, SyncResult, SyncStatus
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.sync.apply import Writer, stamps
from desktop.services.sync.plan import NO_BASE, Base, Plan, SyncConflictsError
from desktop.services.sync.reading import KINDS, read_both
from desktop.services.sync.snapshot import Key

Progress = Callable[[int, int], bool]


class SyncCancelledError(Exception):
    """The progress callback asked to stop before the server's transaction was committed: nothing was written."""


def preview(local: Database, server: Database) -> SyncPreview:
    """What `synchronize` would send and receive now, per kind, and the conflicts needing a choice; reads only."""
    with local.unit_of_work(write=False) as mine, server.unit_of_work(write=False) as theirs:
        plan = read_both(local, server, mine, theirs).plan
    return SyncPreview(plan.counts(), tuple(plan.conflicts), server.url)


def _total(counts: dict[Any, KindCounts]) -> int:
    return sum(c.send_new + c.send_changed + c.send_deleted + c.receive_new + c.receive_changed + c.receive_deleted
               for c in counts.values())  # fmt: skip


def synchronize(local: Database, server: Database, resolutions: Sequence[Resolution] = (),
                progress: Progress | None = None) -> SyncResult:  # fmt: skip
    """Send this database's changes since the last synchronization to the server and take the server's, in one
    transaction per side (the server's first). Raises SyncConflictsError, before anything is written, when a record
    changed on both sides has no resolution; SyncCancelledError when `progress` returns False before the server's
    commit. Interrupted after the server's commit, the next run finds those records equal on both sides and only
    finishes the local half (nothing sent twice)."""
    with local.unit_of_work() as mine, server.unit_of_work() as theirs:
        reading = read_both(local, server, mine, theirs, resolutions)
        peer, bases, plan = reading.peer, reading.bases, reading.plan
        if plan.unresolved:
            raise SyncConflictsError(plan.unresolved)
        counts = plan.counts()
        total, done = _total(counts), [0]
        committed = [False]

        def tick() -> None:
            done[0] += 1
            if progress is not None and not progress(min(done[0], total), total) and not committed[0]:
                raise SyncCancelledError("synchronization cancelled; nothing was written")

        origin = reading.replica
        sent = Writer(theirs, mine, origin, True, tick).write(plan.outcomes)
        made_here: dict[SyncedKind, dict[str, dict[str, object]]] = {}
        for outcome in plan.outcomes:  # made here: when and by whom it was made
            if (outcome.kind, outcome.uuid) in sent and outcome.theirs is None and outcome.mine is not None:
                made_here.setdefault(outcome.kind, {})[outcome.uuid] = stamps(outcome.mine.record, created_only=True)
        for kind, created in made_here.items():
            theirs.sync.restamp(kind.value, created)
        agreed = {(o.kind.value, o.uuid): o.content for o in plan.outcomes}
        receipts = {
            (o.kind.value, o.uuid): (o.content, o.mine.content if o.mine is not None else None)
            for o in plan.outcomes
            if bases.get((o.kind.value, o.uuid), NO_BASE) != Base(o.content, o.content)
        }
        theirs.sync.put_receipts(origin, mine.sync.rounds(peer) + 1, receipts)
        ours = len(theirs.audit.pending)
        theirs.write_audit()  # holding the chain's lock until the commit: nobody writes entries after ours
        server_entry = _server_entry(theirs, reading.server_entry_id, ours)
        theirs.commit()
        committed[0] = True
        finished = server.now()
        received = Writer(mine, theirs, peer, False, tick).write(plan.outcomes)
        _adopt_stamps(mine, plan, sent, received)
        kept = mine.sync.bases(peer, {uuid for _kind, uuid in agreed})  # only this round's: not every base
        mine.sync.put_bases(peer, {key: content for key, content in agreed.items() if kept.get(key) != content})
        mine.write_audit()
        mine.sync.save_peer(peer, server.url, finished, mine.sync.newest_entry_id(), server_entry)
        mine.commit()
    if progress is not None:
        progress(total, total)
    return SyncResult(counts, sum(1 for o in plan.outcomes if o.conflict is not None), finished)


def _server_entry(theirs: UnitOfWork, read_from: int, ours: int) -> int:
    """The server's newest entry this round covers: its own entries too when they directly follow the newest one
    it read from (nobody else wrote in between), else the one it read from (the next round reads the others')."""
    newest = theirs.sync.newest_entry_id()
    return newest if newest - ours == read_from else read_from


def _adopt_stamps(mine: UnitOfWork, plan: Plan, sent: dict[Key, Any], received: dict[Key, Any]) -> None:
    """Every record kept gets here the stamps the server has (its time, the users it names)."""
    adopted: dict[SyncedKind, dict[str, dict[str, object]]] = {}
    for outcome in plan.outcomes:
        key = (outcome.kind, outcome.uuid)
        if outcome.record is None:
            continue
        if key in sent:
            server_stamps = stamps(sent[key])
            if outcome.theirs is None and outcome.mine is not None:
                server_stamps |= stamps(outcome.mine.record, created_only=True)
        elif outcome.theirs is not None:
            server_stamps = stamps(outcome.theirs.record)
        else:
            continue
        here = received.get(key) or (outcome.mine.record if outcome.mine is not None else None)
        if here is None or stamps(here) != server_stamps:
            adopted.setdefault(outcome.kind, {})[outcome.uuid] = server_stamps
    for kind, values in adopted.items():
        mine.sync.restamp(kind.value, values)


def status(local: Database) -> SyncStatus:
    """The last synchronization of this database (server, when by the server's clock) and how many records were
    changed here since (what the next round will send: a record edited three times is one, an import of a thousand
    new records a thousand; after a restore, every record). Never synchronized: no count (the trail is not read)."""
    with local.unit_of_work(write=False) as uow:
        peer = uow.sync.newest_peer()
        if peer is None:
            return SyncStatus(None, None, None)
        pending = uow.sync.changed_count(peer.local_entry_id, KINDS)
        if pending is None:  # restored since: every record is compared
            pending = uow.sync.record_count(KINDS)
        return SyncStatus(peer.server, peer.last_sync_at, pending)
