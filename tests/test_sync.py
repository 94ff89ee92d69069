"""Synchronization of laptops' SQLite files through the team's PostgreSQL server (issue 19): convergence in any
order, conflicts field by field and deletion against edit, preview counts, both audit chains verifying."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from support.sync_laptops import assert_chain, close_case, edit_incident, records, seed

from desktop.domain.enums import AuditAction
from desktop.domain.evidence import CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.sync import KindCounts, Resolution, SyncedKind
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_url
from desktop.persistence.sync_store import SyncStore
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.audit import history
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions
from desktop.services.sync import SyncConflictsError, preview, status, synchronize

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(server_database: Database) -> Database:
    return server_database


def _laptop(sessions: DatabaseSessions, tmp_path: Path, name: str) -> Database:
    return sessions.open(sqlite_url(tmp_path / f"{name}.sqlite3"), lock=False)


@pytest.fixture
def laptops(sessions: DatabaseSessions, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    a, b = _laptop(sessions, tmp_path, "a"), _laptop(sessions, tmp_path, "b")
    try:
        yield a, b
    finally:
        sessions.close(a)
        sessions.close(b)


def _sync_checked(local: Database, server: Database, resolutions: tuple[Resolution, ...] = ()) -> None:
    """Synchronize; the preview's counts are what it then did; both chains verify."""
    before = preview(local, server)
    result = synchronize(local, server, resolutions)
    if not before.conflicts:
        assert result.counts == before.counts
    assert_chain(local)
    assert_chain(server)


def test_first_sync_carries_every_kind_both_ways(laptops: tuple[Database, Database], server: Database) -> None:
    a, b = laptops
    seed(a, "a")
    counts = preview(a, server).counts
    assert counts[SyncedKind.INCIDENT] == KindCounts(send_new=2)
    assert counts[SyncedKind.ATTACHMENT] == KindCounts(send_new=1)
    _sync_checked(a, server)
    assert records(a) == records(server)
    _sync_checked(b, server)
    assert records(b) == records(server)
    assert preview(a, server).nothing_to_do and preview(b, server).nothing_to_do
    assert status(a).pending_changes == 0 and status(a).last_sync_at is not None


@pytest.mark.parametrize("order", ["abab", "baba", "abba"])
def test_independent_edits_converge_in_any_order(laptops: tuple[Database, Database], server: Database,
                                                 order: str) -> None:  # fmt: skip
    a, b = laptops
    ids = seed(a, "a")
    _sync_checked(a, server)
    _sync_checked(b, server)
    # independently: creates, edits of different fields of the same record, deletes
    seed(b, "b")
    edit_incident(a, ids["first"], title="Fire at the gate")
    close_case(b, ids["first"])
    with a.unit_of_work() as uow:
        uow.timeline.delete(ids["event"])
        uow.commit()
    edit_incident(b, ids["second"], description="seen by a neighbour")
    with a.unit_of_work() as uow:
        uow.plan_items.delete(ids["item"])
        uow.commit()
    with b.unit_of_work() as uow:  # evidence: a hand-over logged there, the description edited here
        uow.attachments.add_custody(CustodyEntry(ids["attachment"], "officer a", "lab", PartialDate.unknown()))
        uow.commit()
    with a.unit_of_work() as uow:
        uow.attachments.update(replace(uow.attachments.get(ids["attachment"]), description="front gate"))
        uow.commit()
    side = {"a": a, "b": b}
    for name in order:
        _sync_checked(side[name], server)
    assert records(a) == records(server) == records(b)
    state = records(server)
    first = state["incident", ids["first"]][0]
    assert isinstance(first, dict)
    assert first["title"] == "Fire at the gate" and first["status"] == "closed"
    assert ("timeline_event", ids["event"]) not in state and ("plan_item", ids["item"]) not in state
    assert sum(1 for kind, _ in state if kind == "incident") == 4
    attachment = state["attachment", ids["attachment"]]
    assert attachment[0]["description"] == "front gate" and len(attachment[5]) == 2  # type: ignore[index,arg-type]
    assert sum(1 for kind, _ in state if kind == "attachment") == 2


def test_same_field_changed_on_both_is_a_conflict(laptops: tuple[Database, Database], server: Database) -> None:
    a, b = laptops
    ids = seed(a, "a")
    _sync_checked(a, server)
    _sync_checked(b, server)
    edit_incident(a, ids["first"], title="Mine")
    edit_incident(b, ids["first"], title="Theirs")
    _sync_checked(b, server)
    seen = preview(a, server)
    [conflict] = seen.conflicts
    assert [(f.key, f.base, f.mine, f.theirs) for f in conflict.fields] == [("title", "Fire a", "Mine", "Theirs")]
    server_before = records(server)
    with pytest.raises(SyncConflictsError) as raised:
        synchronize(a, server)
    assert raised.value.conflicts == seen.conflicts
    assert records(server) == server_before  # nothing written
    _sync_checked(a, server, (Resolution(ids["first"], {"title": "mine"}),))
    _sync_checked(b, server)
    assert records(a) == records(server) == records(b)
    title = records(server)["incident", ids["first"]][0]
    assert isinstance(title, dict) and title["title"] == "Mine"


def test_deleted_here_edited_there_is_a_conflict(laptops: tuple[Database, Database], server: Database) -> None:
    a, b = laptops
    ids = seed(a, "a")
    _sync_checked(a, server)
    _sync_checked(b, server)
    with a.unit_of_work() as uow:
        uow.incidents.delete(ids["second"])
        uow.commit()
    edit_incident(b, ids["second"], title="Still here")
    _sync_checked(b, server)
    [conflict] = preview(a, server).conflicts
    assert conflict.deleted_by == "mine" and conflict.uuid == ids["second"]
    _sync_checked(a, server, (Resolution(ids["second"], keep_deleted=False),))
    _sync_checked(b, server)
    assert records(a) == records(server) == records(b)
    assert ("incident", ids["second"]) in records(a)


def test_synchronized_entries_name_origin_and_user(laptops: tuple[Database, Database], server: Database) -> None:
    a, _b = laptops
    ids = seed(a, "a")
    _sync_checked(a, server)
    [made] = history(server, ids["facility"])
    [local] = history(a, ids["facility"])
    assert made.actor == local.actor
    with server.unit_of_work(write=False) as uow:
        query = text("SELECT origin FROM audit_entries WHERE entity_uuid = :u")
        origin = uow.session.execute(query, {"u": ids["facility"]}).scalar()
    with a.unit_of_work(write=False) as uow:
        assert origin == uow.sync.replica_id()


class _LocalHalfLost(Exception):
    pass


def _lose_local_half(local: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next synchronization dies after the server's commit, before the local one (as a kill there would)."""
    real = UnitOfWork.commit

    def commit(self: UnitOfWork) -> None:
        if self.database is local:
            raise _LocalHalfLost
        real(self)

    monkeypatch.setattr(UnitOfWork, "commit", commit)


def test_a_round_lost_here_after_the_server_committed(laptops: tuple[Database, Database], server: Database,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    a, b = laptops
    ids = seed(a, "a")
    _sync_checked(a, server)
    _sync_checked(b, server)
    edit_incident(b, ids["second"], title="From b")
    _sync_checked(b, server)
    edit_incident(a, ids["first"], title="Sent once")
    with monkeypatch.context() as patch:
        _lose_local_half(a, patch)
        with pytest.raises(_LocalHalfLost):
            synchronize(a, server)
    sent = records(server)
    assert sent["incident", ids["first"]][0]["title"] == "Sent once"  # type: ignore[index]
    edit_incident(a, ids["first"], title="Then changed again")  # here, after the lost round
    seen = preview(a, server)
    assert not seen.conflicts
    assert seen.counts[SyncedKind.INCIDENT] == KindCounts(send_changed=1, receive_changed=1)
    _sync_checked(a, server)
    _sync_checked(b, server)
    assert records(a) == records(server) == records(b)
    state = records(server)
    assert state["incident", ids["first"]][0]["title"] == "Then changed again"  # type: ignore[index]
    assert state["incident", ids["second"]][0]["title"] == "From b"  # type: ignore[index]
    assert [e.action.value for e in history(server, ids["first"])].count("update") == 2  # not sent a third time


def test_records_an_import_made_travel_after_the_first_sync(
    laptops: tuple[Database, Database], server: Database, sessions: DatabaseSessions, tmp_path: Path
) -> None:
    a, b = laptops
    seed(a, "a")
    _sync_checked(a, server)
    elsewhere = _laptop(sessions, tmp_path, "elsewhere")
    try:
        load_demo(elsewhere)
        export_records(elsewhere, tmp_path / "incidents.csv", ExportOptions(entity=RecordKind.INCIDENT))
    finally:
        sessions.close(elsewhere)
    options = ImportOptions(entity=RecordKind.INCIDENT, create_facilities=True)
    assert import_csv(a, tmp_path / "incidents.csv", options).committed
    assert_chain(a)
    counts = preview(a, server).counts  # the import is one entry: its records are found through it
    assert counts[SyncedKind.FACILITY].send_new == 3 and counts[SyncedKind.INCIDENT].send_new == 3
    assert status(a).pending_changes == 6  # the status bar's count: records to send, not audit entries (1 import)
    _sync_checked(a, server)
    _sync_checked(b, server)
    assert records(a) == records(server) == records(b)
    assert sum(1 for kind, _ in records(b) if kind == "incident") == 5


def test_the_status_counts_records_to_send_not_edits(laptops: tuple[Database, Database], server: Database) -> None:
    a, _b = laptops
    assert status(a).pending_changes is None  # never synchronized: no count, the trail not read
    ids = seed(a, "a")
    _sync_checked(a, server)
    assert status(a).pending_changes == 0
    for title in ("One", "Two", "Three"):
        edit_incident(a, ids["first"], title=title)
    close_case(a, ids["second"])
    assert status(a).pending_changes == 2  # two records, four edits
    assert sum(c.send_changed for c in preview(a, server).counts.values()) == 2
    _sync_checked(a, server)
    assert status(a).pending_changes == 0
    with a.unit_of_work() as uow:  # as a restore of a backup records itself: after it, every record is compared
        uow.audit.record(AuditAction.RESTORE, "database", "", {"backup": [None, "old.sqlite3"]})
        uow.commit()
    assert status(a).pending_changes == len(records(a)) == 7


def test_an_everyday_round_reads_only_the_bases_of_its_records(
    laptops: tuple[Database, Database], server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not every base: that read (100,000 incidents: 1.5 s and 500 MB) made a one-edit round grow with the file."""
    a, _b = laptops
    ids = seed(a, "a")
    synchronize(a, server)
    edit_incident(a, ids["first"], title="Edited")
    asked: list[list[str] | None] = []
    every_base = SyncStore.bases

    def bases(store: SyncStore, peer_id: str, uuids: Collection[str] | None = None) -> dict[Any, Any]:
        asked.append(None if uuids is None else sorted(uuids))
        return every_base(store, peer_id, uuids)

    monkeypatch.setattr(SyncStore, "bases", bases)
    assert synchronize(a, server).counts[SyncedKind.INCIDENT] == KindCounts(send_changed=1)
    assert asked and all(uuids == [ids["first"]] for uuids in asked), asked
