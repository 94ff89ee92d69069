"""The test machinery itself: the throw-away PostgreSQL server stops cleanly, and CI cannot skip PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.pg_server import PG_BIN_ENV, PostgresServer, PostgresUnavailableError, find_bin_dir

TESTS = Path(__file__).parent


def test_fake_clock_stands_still_until_moved() -> None:
    clock = FakeClock()
    start = clock()
    assert clock() == start and start.tzinfo is None
    assert clock.advance(days=1, seconds=5) == clock() == start.replace(day=2, second=5)
    stepping = FakeClock(start, step=timedelta(minutes=1))
    assert [stepping(), stepping()] == [start, start + timedelta(minutes=1)]
    with pytest.raises(ValueError, match="naive UTC"):
        clock.set(start.astimezone())


def test_missing_server_programs_are_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(PG_BIN_ENV, str(tmp_path))
    with pytest.raises(PostgresUnavailableError, match=rf"not found; looked in {tmp_path}\. Install Debian's"):
        find_bin_dir()


@pytest.mark.postgres
def test_server_stops_and_leaves_nothing_behind() -> None:
    try:
        server = PostgresServer()
    except PostgresUnavailableError as error:
        if os.environ.get("CI"):
            pytest.fail(str(error))
        pytest.skip(str(error))
    with server:
        pid = server._postmaster_pid()
        root = server.root
        assert pid is not None and root is not None
        with server.fresh_database() as name:
            assert server.url(name).startswith(f"postgresql+psycopg://postgres@127.0.0.1:{server.port}/")
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not root.exists()


def run_pytest(env_changes: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One PostgreSQL-parametrized test in a child pytest with the given environment."""
    env = {k: v for k, v in os.environ.items() if k != "CI"} | env_changes
    node = "tests/test_repositories.py::test_add_keeps_a_given_uuid[postgresql]"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:pytestqt", "-q", "-rs", node],
        cwd=TESTS.parent, capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_without_postgresql_the_tests_are_skipped_with_a_reason(tmp_path: Path) -> None:
    result = run_pytest({PG_BIN_ENV: str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "PostgreSQL server programs (initdb, pg_ctl, postgres) not found" in result.stdout


def test_without_postgresql_ci_fails(tmp_path: Path) -> None:
    result = run_pytest({PG_BIN_ENV: str(tmp_path), "CI": "true"})
    assert result.returncode != 0
    assert "1 error" in result.stdout
    assert "CI is set, so the PostgreSQL tests must not be skipped" in result.stdout
