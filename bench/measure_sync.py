"""Synchronization at size (issue 19): `sync --to` as CLI processes against a throw-away PostgreSQL server.

A laptop's first round sending BENCH_SYNC_ROWS generated incidents (default 20,000) to an empty server, a second,
empty laptop's first round receiving them, the everyday round (one edit, then `sync`) and a round with nothing to do.
Beside the first two, the old way between a laptop and the server (`export` then `import` of the same incidents, CLI
processes); beside the rounds, psql doing one UPDATE (a process: start, connect, the statement). Each figure is the
median of BENCH_REPEAT runs, each on a copy of the laptop file (kept in bench/data, never written) and a new database
on the server. Wall time as the user waits for the process; CPU and peak RSS of that process from os.wait4 (its own
rusage, as RUSAGE_CHILDREN deltas would give, but without the maximum of the earlier children)."""

from __future__ import annotations

import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bench import generate as generating
from bench.postgres import PSQL, TESTS
from bench.timing import Figure, repeats, skipped
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database

AREA = "sync"
DEFAULT_ROWS = 20_000
FIRST_RATE = 500  # records a second (every kind the round reports: facilities, incidents, plan items), the target
EVERYDAY_SECONDS = 2.0  # one edit synchronized, or a round with nothing to do
CLI = (sys.executable, "-m", "desktop.cli")
ROOT = Path(__file__).resolve().parents[1]
GENERATE = (
    "import sys, pathlib, bench.generate as g; "
    "g.generate(pathlib.Path(sys.argv[1]), int(sys.argv[2]), audited=True)"
)  # in a child: its memory
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None  # GNU time: -f %M, the peak RSS


def sync_rows() -> int:
    return int(os.environ.get("BENCH_SYNC_ROWS", DEFAULT_ROWS))


def laptop_file(rows: int) -> Path:
    """The generated laptop (audited: its records are in its audit chain, as a laptop's are), made once per row
    count and key, like the other generated files; callers copy it (a synchronization writes to its database)."""
    folder = generating.DATA_DIR
    path = folder / f"sync-laptop-{rows}-{generating.data_key(rows)}.sqlite3"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"sync-laptop-{rows}-*"):
        stale.unlink()
    started = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    subprocess.run([sys.executable, "-c", GENERATE, str(partial), str(rows)], cwd=ROOT, check=True)
    partial.rename(path)
    print(f"  sync: laptop of {rows:,} incidents generated in {time.perf_counter() - started:.1f} s", flush=True)
    return path


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    rss_mib: float | None  # None: no /usr/bin/time
    output: str


def run_process(command: Sequence[str], *, expect: str = "") -> Run:
    """One process: wall seconds, its CPU (user + system, a RUSAGE_CHILDREN delta) and peak RSS (by /usr/bin/time:
    a child forked from this large process would count this process's pages in its ru_maxrss); it must exit 0 and
    print `expect`."""
    with tempfile.TemporaryDirectory(prefix="incident-logger-run-") as name:
        out, peak = Path(name) / "output", Path(name) / "peak"
        wrapped = [TIME, "-f", "%M", "-o", str(peak), *command] if TIME else list(command)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        with open(out, "wb") as stdout:
            done = subprocess.run(wrapped, stdout=stdout, stderr=subprocess.STDOUT, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        output = out.read_text(errors="replace")
        rss = int(peak.read_text().split()[-1]) / 1024 if TIME else None
    if done.returncode != 0 or expect not in output:
        raise RuntimeError(f"{' '.join(command[2:])[:200]} exited {done.returncode}: {output.strip()[-600:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, rss, output)


@dataclass(frozen=True, slots=True)
class Server:
    """A PostgreSQL server on 127.0.0.1 (trust login as postgres) and the databases this area made on it."""

    port: int

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def conninfo(self, name: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={name}"

    @contextmanager
    def database(self, number: int) -> Iterator[str]:
        """A new, migrated database of this area's own (never BENCH_PG_DB's), dropped after."""
        name = f"bench_sync_{os.getpid()}_{number}"
        drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        self._maintenance(drop, f'CREATE DATABASE "{name}"')
        try:
            open_database(self.url(name)).close()  # the server's schema, set up before the team's first round
            yield name
        finally:
            self._maintenance(drop)

    def _maintenance(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)  # type: ignore[arg-type]


@contextmanager
def server() -> Iterator[Server]:
    """BENCH_PG_PORT's server when set (only databases of our own are made and dropped there), else a throw-away
    one started like the tests' (tests/support/pg_server.py) and stopped after."""
    if port := os.environ.get("BENCH_PG_PORT"):
        yield Server(int(port))
        return
    if str(TESTS) not in sys.path:
        sys.path.append(str(TESTS))
    from support.pg_server import PostgresServer

    with PostgresServer() as started:
        yield Server(started.port)


def _cli(folder: Path, url: str, *arguments: str) -> list[str]:
    return [*CLI, "--data-dir", str(folder / "data"), "--database-url", url, *arguments]


def _sync(folder: Path, laptop: Path, to: str, expect: str) -> Run:
    return run_process(_cli(folder, sqlite_url(laptop), "sync", "--to", to), expect=expect)


def _csv_way(folder: Path, source: str, target: str) -> Run:
    """The old way: `export` of every incident from `source`, then `import` of that file into `target`."""
    csv = folder / "incidents.csv"
    out = run_process(_cli(folder, source, "export", "-o", str(csv), "--include-sensitive"))
    into = run_process(_cli(folder, target, "import", "-i", str(csv), "--create-facilities"))
    csv.unlink()
    return Run(out.wall + into.wall, out.cpu + into.cpu, _peak([out, into]), "")


def _empty_laptop(path: Path) -> Path:
    open_database(sqlite_url(path)).close()  # a laptop whose application has started once: migrated, empty
    return path


def _edit(laptop: Path, number: int) -> None:
    """One incident's title changed on `laptop`, as the window saves an edit."""
    connection = sqlite3.connect(laptop)
    try:
        uuid = str(connection.execute("SELECT uuid FROM incidents ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        connection.close()
    database = open_database(sqlite_url(laptop))
    try:
        with database.unit_of_work() as uow:
            uow.incidents.update(replace(uow.incidents.get(uuid), title=f"Edited on the laptop ({number})"))
            uow.commit()
    finally:
        database.close()


def _psql_update(conninfo: str) -> Run:
    statement = "BEGIN; UPDATE incidents SET title = title WHERE id = (SELECT min(id) FROM incidents); ROLLBACK"
    assert PSQL is not None
    return run_process([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", conninfo, "-c", statement])


def _median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs), _peak(runs), "")


def _peak(runs: list[Run]) -> float | None:
    known = [r.rss_mib for r in runs if r.rss_mib is not None]
    return max(known) if known else None


def _mib(value: float | None, rows: int | None = None) -> str:
    if value is None:
        return "peak RSS unknown (no /usr/bin/time)"
    per = f" ({value * 1024 / rows:,.1f} KiB an incident)" if rows else ""
    return f"peak RSS {value:,.0f} MiB{per}"


def moved(output: str, way: str) -> dict[str, int]:
    """The records a round reports as new, by kind: `way` "send" or "receive"."""
    found = {}
    for match in re.finditer(rf"^  (\w+): .*?{way} (\d+) new", output, re.MULTILINE):
        found[match.group(1)] = int(match.group(2))
    return found


def _first(operation: str, rows: int, ours: list[Run], csv: list[Run], way: str) -> Figure:
    sync, old = _median(ours), _median(csv)
    kinds = moved(ours[-1].output, way)
    records = sum(kinds.values())
    rate = records / sync.wall
    note = (f"{rate:,.0f} records/s ({', '.join(f'{n:,} {k}' for k, n in kinds.items())}), {rows / sync.wall:,.0f} "
            f"incidents/s; {_mib(sync.rss_mib, rows)}; beside: export + import of the incidents (CPU {old.cpu:.1f} s, "
            f"{_mib(old.rss_mib)}); process start included")  # fmt: skip
    return Figure(AREA, operation, sync.wall, shell_seconds=old.wall, note=note, cpu_seconds=sync.cpu,
                  limits=f"≥ {FIRST_RATE} records/s", within_limits=rate >= FIRST_RATE)  # fmt: skip


def _round(operation: str, ours: list[Run], psql: Run) -> Figure:
    sync = _median(ours)
    note = f"{_mib(sync.rss_mib)}; beside: psql (a process) doing one UPDATE; process start included"
    return Figure(AREA, operation, sync.wall, EVERYDAY_SECONDS, psql.wall, None, note, sync.cpu)


def measure() -> list[Figure]:
    if PSQL is None:
        return [skipped(AREA, "synchronization", "no psql (Debian's postgresql-client)")]
    rows, runs = sync_rows(), repeats()
    laptop = laptop_file(rows)
    with server() as host, tempfile.TemporaryDirectory(prefix="incident-logger-sync-bench-") as name:
        folder = Path(name)
        sends: list[Run] = []
        receives: list[Run] = []
        csv_sends: list[Run] = []
        csv_receives: list[Run] = []
        for number in range(runs):
            with host.database(2 * number) as target, host.database(2 * number + 1) as csv_target:
                mine = folder / f"a{number}.sqlite3"
                shutil.copyfile(laptop, mine)
                sends.append(_sync(folder, mine, host.url(target), f"incident: send {rows} new"))
                other = _empty_laptop(folder / f"b{number}.sqlite3")
                receives.append(_sync(folder, other, host.url(target), f"incident: send 0 new, 0 changed, 0 "
                                      f"deleted; receive {rows} new"))  # fmt: skip
                csv_sends.append(_csv_way(folder, sqlite_url(mine), host.url(csv_target)))
                fresh = _empty_laptop(folder / f"c{number}.sqlite3")
                csv_receives.append(_csv_way(folder, host.url(target), sqlite_url(fresh)))
                if number == runs - 1:
                    everyday, idle, psql = _rounds(folder, mine, host, target, runs)
                for path in folder.glob("*.sqlite3*"):
                    path.unlink()
    return [
        _first(f"first round: send {rows:,} incidents", rows, sends, csv_sends, "send"),
        _first(f"first round: receive {rows:,} incidents", rows, receives, csv_receives, "receive"),
        _round("everyday round: one edit sent", everyday, psql),
        _round("round with nothing to do", idle, psql),
    ]


def _rounds(folder: Path, mine: Path, host: Server, target: str, runs: int) -> tuple[list[Run], list[Run], Run]:
    everyday = []
    for number in range(runs):
        _edit(mine, number)
        everyday.append(_sync(folder, mine, host.url(target), "incident: send 0 new, 1 changed"))
    idle = [_sync(folder, mine, host.url(target), "nothing to send or receive") for _ in range(runs)]
    psql = _median([_psql_update(host.conninfo(target)) for _ in range(runs)])
    return everyday, idle, psql
