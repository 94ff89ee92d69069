"""Two laptops making random changes (creates, edits of random fields, deletes, timeline events, custody entries),
synchronized through the server in random orders, every conflict answered: all three end with the same records and
every chain verifies (issue 19)."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support.sync_laptops import assert_chain, records, seed

from desktop.domain.enums import Severity
from desktop.domain.errors import RecordInUseError
from desktop.domain.evidence import CustodyEntry, TimelineEvent
from desktop.domain.records import Incident
from desktop.domain.sync import RecordConflict, Resolution, Side
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.session.service import DatabaseSessions
from desktop.services.sync import preview, synchronize

pytestmark = pytest.mark.postgres
STEPS = 6  # rounds of changes; each laptop makes 1-3 changes per round
SEEDS = [int(s) for s in os.environ.get("SYNC_RANDOM_SEEDS", "1,2,3").split(",")]  # more: SYNC_RANDOM_SEEDS=4,5,…


@pytest.fixture
def server(server_database: Database) -> Database:
    return server_database


def _change(db: Database, rng: random.Random, facility: str, attachment: str, tag: str) -> None:
    with db.unit_of_work() as uow:
        incidents = sorted(i.uuid for i in uow.incidents.in_uuid_order())
        what = rng.choice(["create", "edit", "edit", "delete", "event", "custody"])
        if what == "create" or not incidents:
            uow.incidents.add(Incident(facility_uuid=facility, title=f"new {tag}"))
        elif what == "edit":
            record = uow.incidents.get(rng.choice(incidents))
            field = rng.choice(["title", "description", "severity"])
            value = rng.choice(list(Severity)) if field == "severity" else f"{field} {tag}"
            uow.incidents.update(replace(record, **{field: value}))
        elif what == "delete":
            try:
                uow.incidents.delete(rng.choice(incidents))
            except RecordInUseError:  # it has evidence: left
                return
        elif what == "event":
            uow.timeline.add(TimelineEvent(rng.choice(incidents), PartialDate.of_day(date(2024, 2, 1)), f"ev {tag}"))
        else:
            uow.attachments.add_custody(CustodyEntry(attachment, "desk", f"clerk {tag}", PartialDate.unknown()))
        uow.commit()


def _answers(conflicts: tuple[RecordConflict, ...], rng: random.Random) -> tuple[Resolution, ...]:
    sides: list[Side] = ["mine", "theirs"]
    return tuple(Resolution(c.uuid, keep_deleted=rng.random() < 0.5) if c.deleted_by is not None
                 else Resolution(c.uuid, {f.key: rng.choice(sides) for f in c.fields}) for c in conflicts)  # fmt: skip


def _sync(db: Database, server: Database, rng: random.Random) -> None:
    seen = preview(db, server)
    result = synchronize(db, server, _answers(seen.conflicts, rng))
    if not seen.conflicts:
        assert result.counts == seen.counts
    assert_chain(db)
    assert_chain(server)


@pytest.mark.parametrize("seed_number", SEEDS)
def test_random_changes_converge(seed_number: int, server: Database, sessions: DatabaseSessions,
                                 tmp_path: Path) -> None:  # fmt: skip
    rng = random.Random(seed_number)
    a = sessions.open(sqlite_url(tmp_path / "a.sqlite3"), lock=False)
    b = sessions.open(sqlite_url(tmp_path / "b.sqlite3"), lock=False)
    try:
        ids = seed(a, "a")
        _sync(a, server, rng)
        _sync(b, server, rng)
        laptops = {"a": a, "b": b}
        for step in range(STEPS):
            for name, db in laptops.items():
                for change in range(rng.randint(1, 3)):
                    _change(db, rng, ids["facility"], ids["attachment"], f"{name}{step}.{change}")
            for name in rng.sample(sorted(laptops), 2):
                _sync(laptops[name], server, rng)
        for name in ("a", "b", "a"):  # the last changes reach everyone
            _sync(laptops[name], server, rng)
        assert records(a) == records(server) == records(b)
        assert preview(a, server).nothing_to_do and preview(b, server).nothing_to_do
    finally:
        sessions.close(a)
        sessions.close(b)
