"""A synchronization killed (SIGKILL) at random points, 50 times, while both sides keep changing: a clean run after
loses nothing, duplicates nothing, and both audit chains verify (issue 19)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support.pg_server import PostgresServer
from support.sync_laptops import assert_chain, records, seed

from desktop.domain.records import Incident
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.session.service import DatabaseSessions
from desktop.services.sync import synchronize

pytestmark = [pytest.mark.postgres, pytest.mark.posix_only, pytest.mark.slow]
ROUNDS = 50
KILL_AFTER = (0.3, 1.6)  # seconds after the start: the start-up takes about half a second


@pytest.fixture
def server_url(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.fresh_database() as name:
        yield postgres_server.url(name)


def _titles(db: Database) -> list[str]:
    return sorted(str(content[0]["title"]) for (kind, _), content in records(db).items()  # type: ignore[index]
                  if kind == "incident")  # fmt: skip


def _new_incident(db: Database, facility: str, title: str) -> None:
    with db.unit_of_work() as uow:
        uow.incidents.add(Incident(facility_uuid=facility, title=title))
        uow.commit()


def _describe(db: Database, uuid: str, text: str) -> None:
    with db.unit_of_work() as uow:
        uow.incidents.update(replace(uow.incidents.get(uuid), description=text))
        uow.commit()


def test_killed_syncs_lose_and_duplicate_nothing(tmp_path: Path, server_url: str, sessions: DatabaseSessions) -> None:
    path = tmp_path / "laptop.sqlite3"
    laptop = sessions.open(sqlite_url(path), lock=False)
    server = sessions.open(server_url, lock=False)
    rng = random.Random(19)
    try:
        ids = seed(laptop, "a")
        synchronize(laptop, server)
        command = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "--database-url",
                   sqlite_url(path), "sync", "--to", server_url]  # fmt: skip
        expected = set(_titles(laptop))
        killed = 0
        for round_ in range(ROUNDS):
            _new_incident(laptop, ids["facility"], f"laptop {round_}")
            _describe(laptop, ids["first"], f"laptop text {round_}")  # the same field, edited here only
            expected.add(f"laptop {round_}")
            if round_ % 3 == 0:
                _new_incident(server, ids["facility"], f"server {round_}")
                _describe(server, ids["second"], f"server text {round_}")
                expected.add(f"server {round_}")
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
            time.sleep(rng.uniform(*KILL_AFTER))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            out, err = process.communicate()
            assert process.returncode in (0, -signal.SIGKILL), out + err
        assert killed >= 10  # most runs were cut somewhere
        synchronize(laptop, server)
        assert records(laptop) == records(server)
        assert _titles(server) == sorted(expected)  # every record once: nothing lost, nothing twice
        state = records(server)
        assert state["incident", ids["first"]][0]["description"] == f"laptop text {ROUNDS - 1}"  # type: ignore[index]
        last_server = max(r for r in range(ROUNDS) if r % 3 == 0)
        assert state["incident", ids["second"]][0]["description"] == f"server text {last_server}"  # type: ignore[index]
        assert_chain(laptop)
        assert_chain(server)
    finally:
        sessions.close(laptop)
        sessions.close(server)
