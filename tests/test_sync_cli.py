"""`incident-logger --database-url LOCAL sync --to SERVER [--preview] [--keep-mine | --take-theirs]` (issue 19)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.pg_server import PostgresServer
from support.sync_laptops import edit_incident, records, seed

from desktop.cli import main
from desktop.persistence.engine import sqlite_url
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_url(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.fresh_database() as name:
        yield postgres_server.url(name)


def _sync(tmp_path: Path, local: str, server: str, *options: str) -> int:
    return main(["--data-dir", str(tmp_path / "data"), "--database-url", local, "sync", "--to", server, *options])


def test_conflicts_are_listed_and_nothing_written_until_a_choice(
    tmp_path: Path, server_url: str, sessions: DatabaseSessions, capsys: pytest.CaptureFixture[str]
) -> None:
    a_url, b_url = sqlite_url(tmp_path / "a.sqlite3"), sqlite_url(tmp_path / "b.sqlite3")
    a, b = sessions.open(a_url, lock=False), sessions.open(b_url, lock=False)
    try:
        ids = seed(a, "a")
    finally:
        sessions.close(a)
    assert _sync(tmp_path, a_url, server_url, "--preview") == 0
    assert "incident: send 2 new" in capsys.readouterr().out
    assert _sync(tmp_path, a_url, server_url) == 0
    sessions.close(b)
    assert _sync(tmp_path, b_url, server_url) == 0
    a, b = sessions.open(a_url, lock=False), sessions.open(b_url, lock=False)
    try:
        edit_incident(a, ids["first"], title="Mine")
        edit_incident(b, ids["first"], title="Theirs")
    finally:
        sessions.close(a)
        sessions.close(b)
    assert _sync(tmp_path, b_url, server_url) == 0
    capsys.readouterr()
    server = sessions.open(server_url, lock=False)
    try:
        before = records(server)
        assert _sync(tmp_path, a_url, server_url) == 3
        out = capsys.readouterr().out
        assert "nothing was written" in out and "incident 'Mine'" in out and "title (was 'Fire a'" in out
        assert records(server) == before
        assert _sync(tmp_path, a_url, server_url, "--take-theirs") == 0
        title = records(server)["incident", ids["first"]][0]
        assert title["title"] == "Theirs"  # type: ignore[index]
        a = sessions.open(a_url, lock=False)
        try:
            assert records(a) == records(server)
        finally:
            sessions.close(a)
    finally:
        sessions.close(server)


def test_keep_mine_and_take_theirs_exclude_each_other(tmp_path: Path, server_url: str) -> None:
    with pytest.raises(SystemExit):
        _sync(tmp_path, sqlite_url(tmp_path / "a.sqlite3"), server_url, "--keep-mine", "--take-theirs")
