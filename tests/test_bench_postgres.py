"""BENCH_PG: the generated rows copied into PostgreSQL read back as on SQLite, and the queries area measures them
with psql's time for the same statements beside."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support.pg_server import PostgresServer

from bench import measure_queries
from bench.generate import BenchDatabase, generate
from bench.postgres import copy_database, psql_seconds
from bench.timing import inline_pyformat, recorded_sql
from desktop.domain.queries import INCIDENT_SORT_KEYS, IncidentFilter, Page
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database
from desktop.services.records import IncidentService

pytestmark = pytest.mark.postgres
ROWS = 300


@pytest.fixture(scope="module")
def benches(tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer) -> Iterator[BenchDatabase]:
    path = tmp_path_factory.mktemp("bench-pg") / "bench.sqlite3"
    generate(path, ROWS, seed=5)
    with postgres_server.fresh_database() as name:
        copy_database(path, postgres_server.url(name), postgres_server.conninfo(name))
        yield BenchDatabase(path, ROWS, None, postgres_server.url(name), postgres_server.conninfo(name))


def test_the_copy_reads_back_as_the_generated_file(benches: BenchDatabase) -> None:
    lite, pg = open_database(sqlite_url(benches.path)), open_database(benches.url)
    try:
        for where in (IncidentFilter(), IncidentFilter(text="vandalism"), IncidentFilter(text="t -vandalism")):
            assert IncidentService(pg).count(where) == IncidentService(lite).count(where) > 0, where.text
        for key in INCIDENT_SORT_KEYS:
            page = Page(sort=key, limit=ROWS)
            if key in ("title", "facility", "case_number"):  # text: bytewise on SQLite, the "C" collation here
                assert [i.uuid for i in IncidentService(pg).page(page=page)] == [
                    i.uuid for i in IncidentService(lite).page(page=page)
                ], key
    finally:
        lite.close()
        pg.close()


def test_psql_times_the_statements_the_application_sent(benches: BenchDatabase) -> None:
    database = open_database(benches.url)
    try:
        with recorded_sql(database.engine) as statements:
            IncidentService(database).page(IncidentFilter(text='"vandalism" OR case:x'), Page(sort="facility"))
    finally:
        database.close()
    assert statements and all("%(" not in s for s in statements)
    assert benches.conninfo is not None
    seconds = psql_seconds(benches.conninfo, statements, runs=1)
    assert seconds is not None and 0 < seconds < 5
    assert inline_pyformat("SELECT %(a)s, %(b)s, '%%'", {"a": "it's", "b": True}) == "SELECT 'it''s', true, '%'"


def test_the_queries_area_reports_postgres_beside_psql(benches: BenchDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BENCH_REPEAT", "1")
    figures = measure_queries.measure(benches)
    assert len(figures) > 40
    measured = [f for f in figures if f.seconds is not None]
    assert len(measured) == len(figures)
    assert all(f.shell_seconds is not None and f.ratio is not None for f in measured), [
        f.operation for f in measured if f.shell_seconds is None
    ]


def test_a_sqlite_bench_still_names_its_file(tmp_path: Path) -> None:
    bench = BenchDatabase(tmp_path / "x.sqlite3", 1, None)
    assert bench.url == sqlite_url(tmp_path / "x.sqlite3")
    assert replace(bench, database_url="postgresql+psycopg://h/db").url == "postgresql+psycopg://h/db"
