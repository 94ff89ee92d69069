"""The audit trail at size: `incident-logger audit verify` end to end (keyed chain and the replay of every record)
on a database whose generated rows are under the chain (BENCH_AUDIT_ROWS incidents, default 100,000), beside the
sqlite3 shell reading the same entries and rows."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import BenchDatabase, generate
from bench.timing import Figure, shell_wall_seconds

AREA = "audit"
TARGET_PER_100K = 30.0  # seconds of `audit verify` per 100,000 incidents: a thorough check, not a start-up one


def _rows() -> int:
    return int(os.environ.get("BENCH_AUDIT_ROWS", "100000"))


def _process(arguments: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of a child process (its user + system time), and its last output line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(arguments, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = (done.stdout.strip().splitlines() or [done.stderr.strip()])[-1]
    return wall, cpu, last


def measure(_bench: BenchDatabase) -> list[Figure]:
    rows = _rows()
    with tempfile.TemporaryDirectory(prefix="incident-logger-audit-bench-") as folder:
        path = Path(folder) / "audited.sqlite3"
        started = time.perf_counter()
        generate(path, rows, analyze=False, audited=True)
        made = time.perf_counter() - started
        url = f"sqlite:///{path}"
        wall, cpu, last = _process([sys.executable, "-m", "desktop", "--database-url", url, "audit", "verify"])
        reading = (
            "SELECT count(*), sum(length(changes)) FROM audit_entries; "
            "SELECT count(*), sum(length(title) + length(description)) FROM incidents;"
        )
        shell = shell_wall_seconds([str(path), reading])
        size = path.stat().st_size / 2**20
    target = TARGET_PER_100K * rows / 100_000
    intact = "intact" if "intact" in last else f"NOT INTACT: {last[:80]}"
    verify = Figure(AREA, f"audit verify, {rows:,} incidents (process, end to end)", wall, target, shell, None,
                    f"{intact}; {rows / wall:,.0f} incidents/s", cpu)  # fmt: skip
    return [Figure(AREA, f"generate {rows:,} incidents and put them under the chain", made, note=f"{size:,.0f} MiB"),
            verify]  # fmt: skip
