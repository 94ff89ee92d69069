"""BENCH_PG=1: the generated database copied into a throw-away PostgreSQL server (tests/support/pg_server.py) by
COPY, and psql's time for the statements the application sent, as the sqlite3 shell's is for SQLite.

BENCH_KEEP=1 keeps the server's directory (bench/data/pg-<rows>-<key>) and its data for the next run."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.generate import DATA_DIR, BenchDatabase, data_key
from desktop.persistence.models import Base
from desktop.persistence.opening import open_database

TESTS = Path(__file__).resolve().parents[1] / "tests"  # support/pg_server.py: the test suite's throw-away server
DATABASE = "bench"
SETTINGS = {"shared_buffers": "512MB", "work_mem": "32MB", "maintenance_work_mem": "256MB", "max_wal_size": "2GB",
            "effective_cache_size": "4GB", "random_page_cost": "1.1", "jit": "off"}  # fmt: skip
COPY_BATCH = 100_000
INCIDENT_TABLES = ("incidents", "incident_weapons", "incident_status_changes", "incident_links")
_TIME = re.compile(r"^Time: ([0-9.]+) ms", re.MULTILINE)
PSQL = shutil.which("psql")


def requested() -> bool:
    return os.environ.get("BENCH_PG") == "1"


@contextmanager
def postgres_copy(bench: BenchDatabase, *, keep: bool) -> Iterator[BenchDatabase]:
    """A server holding `bench`'s rows (copied once, or found from an earlier BENCH_KEEP run); stopped after.

    BENCH_PG_PORT (and BENCH_PG_DB, default "bench"): a server already running on 127.0.0.1 that holds the copy
    (trust login as postgres), used as it is: several measurements can share one 1M-row server that way."""
    if port := os.environ.get("BENCH_PG_PORT"):
        name = os.environ.get("BENCH_PG_DB", DATABASE)
        yield BenchDatabase(bench.path, bench.rows, bench.generated_seconds,
                            database_url=f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}",
                            conninfo=f"host=127.0.0.1 port={port} user=postgres dbname={name}")  # fmt: skip
        return
    folder = DATA_DIR / f"pg-{bench.rows}-{data_key(bench.rows)}"
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    for stale in DATA_DIR.glob(f"pg-{bench.rows}-*"):
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    if str(TESTS) not in sys.path:
        sys.path.append(str(TESTS))
    from support.pg_server import PostgresServer

    server = PostgresServer(keep_dir=folder, settings=SETTINGS)
    server.start()
    try:
        url = server.url(DATABASE)
        ready = folder / "copied"
        if not ready.exists():
            started = time.perf_counter()
            server.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
            server.execute(f'CREATE DATABASE "{DATABASE}"')
            copy_database(bench.path, url, server.conninfo(DATABASE))
            ready.write_text("")
            print(f"PostgreSQL: copied in {time.perf_counter() - started:.1f} s", flush=True)
        else:
            print("PostgreSQL: reused the kept copy", flush=True)
        yield BenchDatabase(bench.path, bench.rows, bench.generated_seconds, database_url=url,
                            conninfo=server.conninfo(DATABASE))  # fmt: skip
    finally:
        server.stop()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def copy_database(source: Path, url: str, conninfo: str) -> None:
    """The schema by the real migrations, then every table's rows by COPY with the incident tables' secondary
    indexes dropped and made again after; sequences moved past the copied ids; VACUUM ANALYZE."""
    import psycopg

    open_database(url).close()
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            tables = [table.name for table in Base.metadata.sorted_tables]
            connection.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
            indexes = _drop_secondary(connection)
            for table in tables:
                _copy_table(lite, connection, table)
            for statement in indexes:
                connection.execute(statement)
            for table in tables:
                if "id" in [c.name for c in Base.metadata.tables[table].columns]:
                    connection.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                       f"coalesce((SELECT max(id) FROM \"{table}\"), 0) + 1, false)")  # fmt: skip
            connection.execute("VACUUM ANALYZE")
    finally:
        lite.close()


def _drop_secondary(connection: Any) -> list[str]:
    """Drop the incident tables' indexes other than those of constraints; return their definitions."""
    found = connection.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(%s) AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
        (list(INCIDENT_TABLES),),
    ).fetchall()
    for name, _definition in found:
        connection.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in found]


def _copy_table(lite: sqlite3.Connection, connection: Any, table: str) -> None:
    columns = [c.name for c in Base.metadata.tables[table].columns]
    stored = {row[1] for row in lite.execute(f'PRAGMA table_info("{table}")')}
    columns = [c for c in columns if c in stored]
    names = ", ".join(f'"{c}"' for c in columns)
    rows = lite.execute(f'SELECT {names} FROM "{table}"')
    with connection.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        while batch := rows.fetchmany(COPY_BATCH):
            for row in batch:
                copy.write_row(row)


def psql_seconds(conninfo: str, statements: Sequence[str], runs: int = 5) -> float | None:
    """Median seconds psql takes for all of `statements` (output discarded, \\timing), after a warm-up round."""
    if PSQL is None or not statements:
        return None
    body = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
    script = "\\timing on\n\\o /dev/null\n" + body * (runs + 1)
    done = subprocess.run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", conninfo], input=script,
                          capture_output=True, text=True, check=False)  # fmt: skip
    times = [float(t) / 1000 for t in _TIME.findall(done.stdout)]
    if done.returncode != 0 or len(times) != len(statements) * (runs + 1):
        raise RuntimeError(f"psql failed: {done.stderr.strip()[:300]}")
    rounds = [sum(times[i : i + len(statements)]) for i in range(0, len(times), len(statements))]
    return statistics.median(rounds[1:])


def reference_seconds(bench: BenchDatabase, statements: Sequence[str], runs: int | None = None) -> float | None:
    """The database's own shell for the same statements: psql on PostgreSQL, else the sqlite3 shell."""
    from bench.timing import repeats, shell_seconds

    if bench.conninfo is not None:
        return psql_seconds(bench.conninfo, statements, runs or repeats())
    return shell_seconds(bench.path, statements, runs)
