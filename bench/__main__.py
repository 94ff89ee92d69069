"""`python -m bench`: generate (or reuse) the database, run every measurement, print one table.

Environment: BENCH_ROWS (default 1,000,000 incidents), BENCH_KEEP=1 keeps the generated database
for the next run, BENCH_REPEAT (default 5) runs per figure, BENCH_ONLY=queries,csv,... limits the
areas (evidence and sync make their own databases: BENCH_ONLY=evidence,sync generates no incidents). Always exits 0: the
table is a report; missed targets are marked MISSED.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from functools import partial

from bench import (
    measure_audit,
    measure_close,
    measure_csv,
    measure_dashboard,
    measure_encrypted,
    measure_evidence,
    measure_queries,
    measure_start,
    measure_sync,
    measure_window,
    postgres,
)
from bench.generate import BenchDatabase, database_path, ensure_database, iter_sizes, requested_analyze, requested_rows
from bench.timing import SHELL, Figure

AREAS: dict[str, Callable[[BenchDatabase], list[Figure]]] = {
    "queries": measure_queries.measure,
    "window": measure_window.measure,
    "csv": measure_csv.measure,
    "dashboard": measure_dashboard.measure,
    "audit": measure_audit.measure,
    "session": measure_close.measure,
    "start": measure_start.measure,
    "encrypted": measure_encrypted.measure,
}
STANDALONE: dict[str, Callable[[], list[Figure]]] = {  # areas that make their own database
    "evidence": measure_evidence.measure,
    "sync": measure_sync.measure,  # its own laptop file and PostgreSQL server (or BENCH_PG_PORT's)
}
HEADER = ("area", "operation", "seconds", "target", "result", "sqlite3 s", "ratio", "cpu s", "note")
PG_AREAS = ("queries", "dashboard", "csv", "start", "sync")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def table(figures: list[Figure]) -> str:
    rows = [HEADER if not postgres.requested() else (*HEADER[:5], "psql s", *HEADER[6:])]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
        rows.append((f.area, f.operation, _seconds(f.seconds), f.target_text, f.verdict, _seconds(f.shell_seconds),
                     ratio, _seconds(f.cpu_seconds), f.note))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER) - 1)]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.rjust(w) if 2 <= i <= 7 and i != 3 else cell.ljust(w) for i, (cell, w) in
                 enumerate(zip(row, widths, strict=False))]  # fmt: skip
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ----")
    return "\n".join(lines)


def main() -> int:
    known = [*AREAS, *STANDALONE]
    wanted = [a.strip() for a in os.environ.get("BENCH_ONLY", ",".join(known)).split(",") if a.strip()]
    unknown = [a for a in wanted if a not in known]
    if unknown:
        print(f"unknown BENCH_ONLY area(s) {', '.join(unknown)}; choose from {', '.join(known)}", file=sys.stderr)
        return 2
    print("Incident Logger benchmark")
    print(f"sqlite3 shell: {SHELL or 'not installed (no shell figures)'}; load average {os.getloadavg()[0]:.1f}")
    if postgres.requested():  # the areas the PostgreSQL copy can answer; the others are about SQLite files
        wanted = [area for area in wanted if area in PG_AREAS]
        print("BENCH_PG=1: measured on PostgreSQL (a throw-away server), psql as the reference")
    figures = _on_generated([area for area in wanted if area in AREAS]) if set(wanted) & set(AREAS) else []
    figures += [figure for area in wanted if area in STANDALONE for figure in _area(area, STANDALONE[area])]
    print()
    print(table(figures))
    print()
    print(f"peak RSS of the benchmark process: {peak_rss_mib():,.0f} MiB; load average {os.getloadavg()[0]:.1f}")
    missed = [f for f in figures if f.verdict == "MISSED"]
    skipped = [f for f in figures if f.verdict == "skipped"]
    if missed:
        print(f"*** MISSED {len(missed)} target(s): " + "; ".join(f"{f.area}: {f.operation}" for f in missed))
    else:
        print("all measured targets met")
    if skipped:
        print(f"skipped {len(skipped)}: " + "; ".join(f"{f.operation} ({f.note})" for f in skipped))
    return 0


def _area(area: str, run: Callable[[], list[Figure]]) -> list[Figure]:
    """One area's figures; a broken area is reported as such (the others still run)."""
    started = time.perf_counter()
    print(f"measuring {area} ...", flush=True)
    try:
        return run()
    except Exception as error:
        traceback.print_exc()
        return [Figure(area, "(failed)", None, note=f"{type(error).__name__}: {error}"[:200], skipped=True)]
    finally:
        print(f"  {area} took {time.perf_counter() - started:.1f} s", flush=True)


def _on_generated(wanted: list[str]) -> list[Figure]:
    """The areas measured on the generated database (made, or reused, first)."""
    keep = os.environ.get("BENCH_KEEP") == "1"
    made = "reused"
    if not database_path(requested_rows(), requested_analyze()).exists():  # a child process: its memory is not ours
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bench.generate"], check=True)
        made = f"generated in {time.perf_counter() - started:.1f} s"
    bench = ensure_database()
    print(f"database: {bench.path} ({bench.path.stat().st_size / 2**20:,.0f} MiB, {made})")
    print("rows: " + ", ".join(f"{table} {count:,}" for table, count in iter_sizes(bench.path)))
    figures: list[Figure] = []
    try:
        if postgres.requested():
            with postgres.postgres_copy(bench, keep=keep) as on_server:
                for area in wanted:
                    figures.extend(_area(area, partial(AREAS[area], on_server)))
        else:
            for area in wanted:
                figures.extend(_area(area, partial(AREAS[area], bench)))
    finally:
        if os.environ.get("BENCH_DATA_DIR"):  # another checkout's file, shared by several runs: never ours to delete
            print("(database kept: BENCH_DATA_DIR is shared)")
        elif not keep:
            for path in bench.path.parent.glob(bench.path.name + "*"):
                path.unlink()
            print("(database deleted; BENCH_KEEP=1 keeps it for the next run)")
    return figures


if __name__ == "__main__":
    sys.exit(main())
