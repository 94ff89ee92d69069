"""Preview, synchronize and status: a local database and the team's server compared and brought together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.domain.sync import KindCounts, Resolution, SyncPreview, SyncResult, SyncStatus
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.sync.apply import Writer, stamps
from desktop.services.sync.plan import NO_BASE, Base, Outcome, Plan, SyncConflictsError, make_plan
from desktop.services.sync.snapshot import Key, snapshot

Progress = Callable[[int, int], bool]
Bases = dict[tuple[str, str], Base]


class SyncCancelledError(Exception):
    """The progress callback asked to stop before the server's transaction was committed: nothing was written."""


def _peer_id(server: Database, uow: UnitOfWork) -> str:
    """The server's replica id (its audit_head.database_id), else its address."""
    return uow.sync.replica_id() or server.url


def _bases(local: Database, server: Database, mine: UnitOfWork, theirs: UnitOfWork) -> tuple[str, Bases]:
    """The server's id and the merge bases: those kept here, with the server's receipts of a round whose local half
    was lost (killed after the server's commit) laid over them."""
    peer = _peer_id(server, theirs)
    bases: Bases = {key: Base(content, content) for key, content in mine.sync.bases(peer).items()}
    receipts = theirs.sync.receipts(_replica(local, mine), mine.sync.rounds(peer))
    bases.update({key: Base(had, agreed) for key, (agreed, had) in receipts.items()})
    return peer, bases


def _replica(local: Database, uow: UnitOfWork) -> str:
    return uow.sync.replica_id() or local.url


def _plan(local: Database, server: Database, mine: UnitOfWork, theirs: UnitOfWork,
          resolutions: Sequence[Resolution]) -> tuple[str, Bases, Plan]:  # fmt: skip
    peer, bases = _bases(local, server, mine, theirs)
    return peer, bases, make_plan(snapshot(mine), snapshot(theirs), bases, resolutions)


def preview(local: Database, server: Database) -> SyncPreview:
    """What `synchronize` would send and receive now, per kind, and the conflicts needing a choice; reads only."""
    with local.unit_of_work(write=False) as mine, server.unit_of_work(write=False) as theirs:
        _peer, _bases_now, plan = _plan(local, server, mine, theirs, ())
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
        peer, bases, plan = _plan(local, server, mine, theirs, resolutions)
        if plan.unresolved:
            raise SyncConflictsError(plan.unresolved)
        counts = plan.counts()
        total, done = _total(counts), [0]
        committed = [False]

        def tick() -> None:
            done[0] += 1
            if progress is not None and not progress(min(done[0], total), total) and not committed[0]:
                raise SyncCancelledError("synchronization cancelled; nothing was written")

        origin = _replica(local, mine)
        sent = Writer(theirs, mine, origin, True, tick).write(plan.outcomes)
        for (kind, uuid), _record in sent.items():
            outcome = _outcome(plan, (kind, uuid))
            if outcome.theirs is None and outcome.mine is not None:  # made here: when and by whom it was made
                theirs.sync.restamp(kind.value, uuid, stamps(outcome.mine.record, created_only=True))
        agreed = {(o.kind.value, o.uuid): o.content for o in plan.outcomes}
        receipts = {
            (o.kind.value, o.uuid): (o.content, o.mine.content if o.mine is not None else None)
            for o in plan.outcomes
            if bases.get((o.kind.value, o.uuid), NO_BASE) != Base(o.content, o.content)
        }
        theirs.sync.put_receipts(origin, mine.sync.rounds(peer) + 1, receipts)
        theirs.write_audit()
        server_entry = theirs.sync.newest_entry_id()
        theirs.commit()
        committed[0] = True
        finished = server.now()
        received = Writer(mine, theirs, peer, False, tick).write(plan.outcomes)
        _adopt_stamps(mine, plan, sent, received)
        kept = mine.sync.bases(peer)
        mine.sync.put_bases(peer, {key: content for key, content in agreed.items() if kept.get(key) != content})
        mine.write_audit()
        mine.sync.save_peer(peer, server.url, finished, mine.sync.newest_entry_id(), server_entry)
        mine.commit()
    if progress is not None:
        progress(total, total)
    return SyncResult(counts, sum(1 for o in plan.outcomes if o.conflict is not None), finished)


def _outcome(plan: Plan, key: Key) -> Outcome:
    return next(o for o in plan.outcomes if (o.kind, o.uuid) == key)


def _adopt_stamps(mine: UnitOfWork, plan: Plan, sent: dict[Key, Any], received: dict[Key, Any]) -> None:
    """Every record kept gets here the stamps the server has (its time, the users it names)."""
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
            mine.sync.restamp(outcome.kind.value, outcome.uuid, server_stamps)


def status(local: Database) -> SyncStatus:
    """The last synchronization of this database (server, when by the server's clock) and the audit entries
    written here since (the changes it has not sent yet)."""
    with local.unit_of_work(write=False) as uow:
        peer = uow.sync.newest_peer()
        if peer is None:
            return SyncStatus(None, None, uow.sync.entries_after(0))
        return SyncStatus(peer.server, peer.last_sync_at, uow.sync.entries_after(peer.local_entry_id))
