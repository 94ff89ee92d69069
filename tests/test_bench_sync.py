"""The benchmark's sync area at a tiny size: every figure measured, with plausible values, and the generated laptop
file left as it was (each run synchronizes a copy); on a shared server (BENCH_PG_PORT) only its own databases."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from support.pg_server import PostgresServer

from bench import generate, measure_sync

pytestmark = pytest.mark.postgres
ROWS = 200


def _digest(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def _databases(server: PostgresServer) -> set[str]:
    import psycopg

    with psycopg.connect(server.conninfo("postgres")) as connection:
        return {row[0] for row in connection.execute("SELECT datname FROM pg_database")}


def test_every_figure_is_measured_and_the_laptop_file_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_server: PostgresServer
) -> None:
    monkeypatch.setattr(generate, "DATA_DIR", tmp_path / "data")
    monkeypatch.setenv("BENCH_SYNC_ROWS", str(ROWS))
    monkeypatch.setenv("BENCH_REPEAT", "1")
    monkeypatch.setenv("BENCH_PG_PORT", str(postgres_server.port))
    laptop = measure_sync.laptop_file(ROWS)
    before, databases = _digest(laptop.parent), _databases(postgres_server)

    figures = measure_sync.measure()

    assert _digest(laptop.parent) == before
    assert _databases(postgres_server) == databases
    assert [f.operation for f in figures] == [
        f"first round: send {ROWS} incidents",
        f"first round: receive {ROWS} incidents",
        "everyday round: one edit sent",
        "round with nothing to do",
    ]
    for figure in figures:
        assert figure.verdict in ("ok", "MISSED"), figure
        assert figure.seconds is not None and 0.1 < figure.seconds < 30, figure
        assert figure.cpu_seconds is not None and 0.05 < figure.cpu_seconds < 30, figure
        assert figure.shell_seconds is not None and 0 < figure.shell_seconds < 30, figure
        peak = re.search(r"peak RSS ([0-9,]+) MiB", figure.note)
        assert peak is not None and 20 < int(peak.group(1).replace(",", "")) < 1000, figure.note
    for figure in figures[:2]:
        assert f"{ROWS} incident" in figure.note and "500 facility" in figure.note, figure.note
        rate = re.search(r"([0-9,]+) records/s", figure.note)
        assert rate is not None and figure.seconds is not None
        assert int(rate.group(1).replace(",", "")) == pytest.approx(
            (ROWS + generate.FACILITIES + generate.PLAN_ITEMS) / figure.seconds, abs=1
        )
    assert figures[2].target == figures[3].target == measure_sync.EVERYDAY_SECONDS
