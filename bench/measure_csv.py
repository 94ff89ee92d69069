"""CSV export of every incident next to the sqlite3 shell's .mode csv export of the same columns; CSV import
next to the shell's .import of the same file; the export's memory (tracemalloc peak, peak RSS) measured in a
child process, for all rows and for about a tenth of them, to show that it does not grow with the rows.

BENCH_IMPORT_ROWS (default 100,000) limits the rows imported: the import checks and writes every row
through the services in one transaction, and is reported (rows per second) rather than held to a target.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

from bench.generate import BenchDatabase
from bench.timing import SHELL, Figure, shell_wall_seconds, skipped
from desktop.domain.queries import IncidentFilter
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database

AREA = "csv"
EXPORT_RATIO = 1.5  # at most 1.5 times the sqlite3 shell's export
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "1000000"))
IMPORT_RATE = 10_000  # rows/s (issue 14), at most IMPORT_RATIO × the shell's .import
IMPORT_RATIO = 7.0
PG_IMPORT_RATE = 20_000  # rows/s on PostgreSQL (issue 18)
IMPORT_RSS_MIB = 150
IMPORT_WRITTEN_RATIO = 3.0  # bytes written over the final file's size
TARGET_VERIFY_PER_100K = 30.0  # seconds, as for the audit area
RUNS = 2
TENTH = IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31))  # about a tenth


def measure(bench: BenchDatabase) -> list[Figure]:
    if importlib.util.find_spec("desktop.services.csv.export") is None:
        return [skipped(AREA, "CSV export / import", "not built yet (desktop/services/csv/export.py)")]
    from desktop.services.csv import export as csv_export

    if not hasattr(csv_export, "export_incidents"):
        return [skipped(AREA, "CSV export / import", "not built yet (export_incidents)")]
    folder = bench.path.parent / "csv-work"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        if bench.conninfo is not None:
            return _postgres_import(bench, bench.conninfo, folder)
        exported = folder / "incidents.csv"
        figures = [_export(bench, exported, folder), *_export_memory(bench, folder)]
        from bench.measure_cli_export import measure_cli_export  # imports this module

        figures += measure_cli_export(bench, folder)
        figures += _import(bench, exported, folder)
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shell_select() -> str:
    """The export's columns as plain SQL: the sqlite3 shell quotes them itself (.mode csv)."""
    from desktop.domain.kinds import RecordKind
    from desktop.services.csv.format import Kind, columns_of

    weapons = ("(SELECT group_concat(weapon_type || ':' || subtype, '|') FROM "
               "(SELECT * FROM incident_weapons WHERE incident_id = incidents.id ORDER BY position))")  # fmt: skip
    history = ("(SELECT group_concat(status || '@' || changed_on, '|') FROM "
               "(SELECT * FROM incident_status_changes WHERE incident_id = incidents.id ORDER BY id))")  # fmt: skip
    related = ("(SELECT group_concat(related.uuid, ';') FROM incident_links AS link JOIN incidents AS related "
               "ON related.id = link.related_id WHERE link.incident_id = incidents.id)")  # fmt: skip
    special = {"facility_uuid": "facilities.uuid", "facility_name": "facilities.name",
               "occurred": "incidents.occurred_on"}  # fmt: skip
    cells = []
    for column in columns_of(RecordKind.INCIDENT):
        if column.kind in (Kind.WEAPONS, Kind.WEAPONS_LABEL):
            cells.append(weapons)
        elif column.kind is Kind.HISTORY:
            cells.append(history)
        elif column.kind is Kind.UUIDS:
            cells.append(related)
        else:
            cells.append(special.get(column.key, f"incidents.{column.field}"))
    return (f"SELECT {', '.join(cells)} FROM incidents JOIN facilities ON facilities.id = incidents.facility_id "
            "ORDER BY incidents.id")  # fmt: skip


def _export(bench: BenchDatabase, target: Path, folder: Path) -> Figure:
    from desktop.services.csv.export import export_incidents

    database = open_database(bench.url)
    try:
        samples, cpu, rows = [], [], 0
        for _ in range(RUNS):
            started, cpu_started = time.perf_counter(), time.process_time()
            rows = export_incidents(database, target).rows
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
    finally:
        database.close()
    shell_file = folder / "shell.csv"
    shell = None
    if SHELL is not None:
        shell_samples = []
        for _ in range(RUNS):
            with open(shell_file, "w") as out:
                started = time.perf_counter()
                subprocess.run([SHELL, "-readonly", "-csv", "-header", str(bench.path), shell_select()],
                               stdout=out, check=True)  # fmt: skip
                shell_samples.append(time.perf_counter() - started)
        startup = shell_wall_seconds([":memory:", "SELECT 1;"], runs=1) or 0.0
        shell = max(0.001, statistics.median(shell_samples) - startup)
    size = target.stat().st_size / 2**20
    shell_size = shell_file.stat().st_size / 2**20 if shell_file.exists() else 0
    note = f"{rows:,} rows, {size:,.0f} MiB (shell file {shell_size:,.0f} MiB); written, fsynced, audited"
    return Figure(AREA, "CSV export, all incidents", statistics.median(samples), None, shell, EXPORT_RATIO, note,
                  statistics.median(cpu))  # fmt: skip


def _export_memory(bench: BenchDatabase, folder: Path) -> list[Figure]:
    """tracemalloc peak and peak RSS of an export in a child process, for a tenth and for all rows."""
    figures = []
    for label, subset in (("about a tenth (2019)", True), ("all incidents", False)):
        done = subprocess.run(
            [sys.executable, "-m", "bench.measure_csv", bench.url, str(folder / "memory.csv"), "tenth" * subset],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            figures.append(skipped(AREA, f"export memory, {label}", done.stderr.strip().splitlines()[-1][:150]))
            continue
        found = json.loads(done.stdout.strip().splitlines()[-1])
        figures.append(Figure(AREA, f"export memory, {label}", None, note=(
            f"{found['rows']:,} rows: tracemalloc peak {found['traced_mib']:.1f} MiB, "
            f"peak RSS {found['rss_mib']:.0f} MiB (child process)")))  # fmt: skip
    return figures


def _export_in_child(url: str, target: str, subset: bool) -> dict[str, Any]:
    from desktop.services.csv.export import ExportOptions, export_incidents

    database = open_database(url)
    try:
        tracemalloc.start()
        result = export_incidents(database, target, ExportOptions(where=TENTH if subset else None))
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        database.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": result.rows, "traced_mib": peak / 2**20, "rss_mib": rss}


def _import(bench: BenchDatabase, exported: Path, folder: Path) -> list[Figure]:
    """Import the first IMPORT_ROWS exported incidents into a new database, in a child process (its
    memory is its own), next to the shell's .import of the same file."""
    if importlib.util.find_spec("desktop.services.csv.importer") is None:
        return [skipped(AREA, "CSV import", "not built yet (desktop/services/csv/importer.py)")]
    from desktop.services.csv import importer as csv_import

    if not hasattr(csv_import, "import_csv"):
        return [skipped(AREA, "CSV import", "not built yet (import_csv)")]
    source = folder / "import.csv"
    rows = _head(exported, source, IMPORT_ROWS)
    done = subprocess.run([sys.executable, "-m", "bench.measure_csv", "import", str(source), str(folder)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        return [skipped(AREA, f"CSV import, {rows:,} rows", (done.stderr.strip().splitlines() or ["failed"])[-1][:150])]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    shell = None
    if SHELL is not None:
        scratch = folder / "shell-import.sqlite3"
        shell = shell_wall_seconds([str(scratch), f".import --csv {source} incidents_csv"])
    operation = f"CSV import, {rows:,} rows (into a new database)"
    if not found["committed"]:
        return [skipped(AREA, operation, "not imported: " + found["summary"][:150])]
    note = (f"{rows / found['seconds']:,.0f} rows/s (target ≥ {IMPORT_RATE:,}); checked, one transaction, one audit "
            "entry, the file kept as evidence")  # fmt: skip
    speed = Figure(AREA, operation, found["seconds"], rows / IMPORT_RATE, shell, IMPORT_RATIO, note,
                   found["cpu"])  # fmt: skip
    written = found["written"] / max(1, found["file_bytes"])
    within = found["rss_mib"] <= IMPORT_RSS_MIB and written <= IMPORT_WRITTEN_RATIO
    size = (f"peak RSS {found['rss_mib']:.0f} MiB (child process); {found['written'] / 2**20:,.0f} MiB written for a "
            f"{found['file_bytes'] / 2**20:,.0f} MiB file ({written:.2f}×)")  # fmt: skip
    limits = f"≤ {IMPORT_RSS_MIB} MiB, ≤ {IMPORT_WRITTEN_RATIO:g}× file"
    verified = (
        f"{found['verify_records']:,} records replayed, "
        f"{'all proven' if found['verify_ok'] else 'PROBLEMS FOUND'}: the import's one entry and digests"
    )
    return [speed, Figure(AREA, f"CSV import, {rows:,} rows: memory and bytes written", None, note=size,
                          limits=limits, within_limits=within),
            Figure(AREA, "audit verify of the imported database (in process)", found["verify_seconds"],
                   TARGET_VERIFY_PER_100K * max(1, rows) / 100_000, note=verified,
                   cpu_seconds=found["verify_cpu"])]  # fmt: skip


def _postgres_import(bench: BenchDatabase, conninfo: str, folder: Path) -> list[Figure]:
    """BENCH_PG: the incidents of 2019 (about a tenth) exported from the generated file, their first IMPORT_ROWS
    imported into a new PostgreSQL database in a child process, beside psql's \\copy of the file into a table of
    text columns (what COPY alone costs)."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    from desktop.services.csv.export import ExportOptions, export_incidents

    exported = folder / "incidents.csv"
    database = open_database(sqlite_url(bench.path))
    try:
        export_incidents(database, exported, ExportOptions(where=TENTH))
    finally:
        database.close()
    source = folder / "import.csv"
    rows = _head(exported, source, IMPORT_ROWS, blank="related_uuids")  # a part: links may name incidents left out
    with psycopg.connect(make_conninfo(conninfo, dbname="postgres"), autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS bench_import")
        connection.execute("CREATE DATABASE bench_import")
    target = make_conninfo(conninfo, dbname="bench_import")
    url = bench.url.rsplit("/", 1)[0] + "/bench_import"
    done = subprocess.run([sys.executable, "-m", "bench.measure_csv", "import", str(source), str(folder), url],
                          capture_output=True, text=True, check=False)  # fmt: skip
    operation = f"CSV import, {rows:,} rows (into a new PostgreSQL database)"
    if done.returncode != 0:
        return [skipped(AREA, operation, (done.stderr.strip().splitlines() or ["failed"])[-1][:150])]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    if not found["committed"]:
        return [skipped(AREA, operation, "not imported: " + found["summary"][:150])]
    note = (f"{rows / found['seconds']:,.0f} rows/s (target ≥ {PG_IMPORT_RATE:,}); peak RSS {found['rss_mib']:.0f} "
            "MiB; checked, one transaction, one audit entry, COPY into a staging table per batch")  # fmt: skip
    speed = Figure(AREA, operation, found["seconds"], rows / PG_IMPORT_RATE, _psql_copy(target, source), None, note,
                   found["cpu"])  # fmt: skip
    verified = f"{found['verify_records']:,} records replayed, {'all proven' if found['verify_ok'] else 'PROBLEMS'}"
    return [speed, Figure(AREA, "audit verify of the imported database (in process)", found["verify_seconds"],
                          TARGET_VERIFY_PER_100K * max(1, rows) / 100_000, note=verified,
                          cpu_seconds=found["verify_cpu"])]  # fmt: skip


def _psql_copy(conninfo: str, source: Path) -> float | None:
    """Wall seconds of psql's \\copy of the file into a new table of text columns, less psql's start."""
    psql = shutil.which("psql")
    if psql is None:
        return None
    import csv

    with open(source, newline="", encoding="utf-8") as file:
        columns = len(next(csv.reader(file)))
    table = "CREATE TABLE copied (" + ", ".join(f"c{i} text" for i in range(columns)) + ")"
    subprocess.run([psql, "-X", "-q", "-c", "DROP TABLE IF EXISTS copied", "-c", table, conninfo], check=True)
    started = time.perf_counter()
    subprocess.run([psql, "-X", "-q", "-c", f"\\copy copied FROM '{source}' CSV HEADER", conninfo], check=True)
    copied = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([psql, "-X", "-q", "-c", "SELECT 1", conninfo], check=True, capture_output=True)
    return max(0.001, copied - (time.perf_counter() - started))


def _import_in_child(source: str, folder: str, url: str | None = None) -> dict[str, Any]:
    from desktop.services.csv.importer import ImportOptions, import_csv

    target = Path(folder) / "imported.sqlite3"
    database = open_database(url or sqlite_url(target))
    try:
        written = _bytes_written()
        started, cpu = time.perf_counter(), time.process_time()
        report = import_csv(database, source, ImportOptions(create_facilities=True))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        database.close()  # checkpoints the WAL into the file: those writes are the import's too
    written = _bytes_written() - written
    from desktop.services.audit import verify_chain

    database = open_database(url or sqlite_url(target))
    try:
        checked, verify_cpu = time.perf_counter(), time.process_time()
        proven = verify_chain(database)
        verify = {"verify_seconds": time.perf_counter() - checked, "verify_cpu": time.process_time() - verify_cpu,
                  "verify_ok": proven.ok, "verify_records": proven.records}  # fmt: skip
    finally:
        database.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "committed": report.committed, "summary": report.summary(),
            "rss_mib": rss, "written": written, "file_bytes": target.stat().st_size if url is None else 0,
            **verify}  # fmt: skip


def _bytes_written() -> int:
    """Bytes this process caused to be written to storage (Linux /proc/self/io), 0 where unknown."""
    try:
        fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return 0
    return int(fields.get("write_bytes", "0"))


def _head(source: Path, target: Path, rows: int, blank: str = "") -> int:
    """Copy the header and the first `rows` records of a CSV file (records may span lines), the column headed
    `blank` emptied."""
    import csv

    with (
        open(source, newline="", encoding="utf-8-sig") as infile,
        open(target, "w", newline="", encoding="utf-8") as out,
    ):
        reader, writer = csv.reader(infile), csv.writer(out, lineterminator="\r\n")
        header = next(reader)
        writer.writerow(header)
        emptied = header.index(blank) if blank in header else None
        count = 0
        for count, record in enumerate(reader, start=1):
            if emptied is not None:
                record[emptied] = ""
            writer.writerow(record)
            if count >= rows:
                break
    return count


if __name__ == "__main__":  # children: "import" source folder | url target "tenth"-or-""
    if sys.argv[1] == "import":
        print(json.dumps(_import_in_child(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)))
    else:
        print(json.dumps(_export_in_child(sys.argv[1], sys.argv[2], sys.argv[3] == "tenth")))
