"""Start-up, a new process each run: start → first page shown (cached, evicted), `list` end to end, the shell beside."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.generate import BenchDatabase
from bench.timing import SHELL, Figure, recorded_sql, repeats
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.opening import open_database
from desktop.services.records import IncidentService
from desktop.timing import PREFIX, QUIT_AFTER_SHOW_ENV, TIMING_ENV

AREA = "start"
CACHED_TARGET = 1.0  # process start → first page shown, the file in the page cache
UNCACHED_TARGET = 2.0  # the same with the file evicted from the page cache
LIST_TARGET = 0.6  # `incident-logger list`, end to end
WINDOW_PAGE = 200  # rows the incidents table reads first (table_models.paged.PAGE_SIZE)
LIST_PAGE = 50  # `list`'s default --limit
TIMEOUT = 300


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    marks: dict[str, float]  # seconds after the process was started
    cpu_marks: dict[str, float]  # the process's CPU seconds at each mark


def measure(bench: BenchDatabase) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-start-") as folder:
        data_dir = Path(folder)
        window_sql, list_sql = _first_page_sql(bench)
        gui = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--database-url", bench.url, "gui"]
        listing = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--database-url", bench.url, "list"]
        _run(listing)  # bytecode written (as an installed program has it), the file read once
        figures = _window(bench, gui, window_sql, cached=True)
        if bench.conninfo is None:  # a server's cache is the server's: not evicted from here
            figures += _window(bench, gui, window_sql, cached=False)
        runs = [_run(listing) for _ in range(repeats())]
        shell = _reference(bench, list_sql, repeats())
        figures.append(_figure("incident-logger list, end to end", runs, LIST_TARGET, shell,
                               "process start to exit; shell: the same page query as a process"))  # fmt: skip
        return figures


def _window(bench: BenchDatabase, command: list[str], sql: list[str], *, cached: bool) -> list[Figure]:
    env = {QUIT_AFTER_SHOW_ENV: "1", TIMING_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    if cached:
        _run(command, env)  # warm-up: the file's pages in the cache
    runs = []
    for _ in range(repeats()):
        if not cached:
            evict(bench.path)
        runs.append(_run(command, env))
    if not cached:
        evict(bench.path)
    shell = _reference(bench, sql, repeats(), evicting=not cached)
    how = "cached" if cached else "uncached"
    name = f"process start → first page shown ({how})"
    parts = ("imports", "open", "first page")
    wall = {part: statistics.median(_part(r.marks, part) for r in runs) for part in parts}
    cpu = {part: statistics.median(_part(r.cpu_marks, part) for r in runs) for part in parts}
    note = f"cpu until shown {statistics.median(r.cpu_marks['first page shown'] for r in runs):.3f} s"
    figure = _figure(name, runs, CACHED_TARGET if cached else UNCACHED_TARGET, shell, note, "first page shown")
    rows = [Figure(AREA, f"  {part} ({how})", wall[part], cpu_seconds=cpu[part]) for part in parts]
    return [figure, *rows]


def _part(marks: dict[str, float], part: str) -> float:
    if part == "imports":  # interpreter start and every import, until the window's code runs
        return marks["imports"]
    if part == "open":
        return marks["opened"] - marks["imports"]
    return marks["first page shown"] - marks["opened"]


def _figure(name: str, runs: list[Run], target: float, shell: Run | None, note: str, mark: str = "") -> Figure:
    """Wall seconds until `mark` (default: the process's end); CPU of the whole process (closing included)."""
    seconds = statistics.median(r.marks[mark] if mark else r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    if shell is not None:
        note += f"; shell cpu {shell.cpu:.3f} s"
    return Figure(AREA, name, seconds, target, shell.wall if shell else None, cpu_seconds=cpu, note=note)


def _environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: with .pyc files
    return {**env, **(extra or {})}


def _run(command: Sequence[str], env: dict[str, str] | None = None, stdin: str | None = None) -> Run:
    """One process: wall seconds, CPU seconds (user + system), and its timing marks relative to its start."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()  # the app's marks are on the same clock
    done = subprocess.run(list(command), input=stdin, capture_output=True, text=True, timeout=TIMEOUT,
                          env=_environment(env), check=False)  # fmt: skip
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[-2:])} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    marks, cpu_marks = {}, {}
    for line in done.stderr.splitlines():
        if line.startswith(PREFIX):
            name, seconds, cpu_seconds = line.removeprefix(PREFIX).rsplit(" ", 2)
            marks[name], cpu_marks[name] = float(seconds) - started, float(cpu_seconds)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, marks, cpu_marks)


def _reference(bench: BenchDatabase, statements: list[str], runs: int, *, evicting: bool = False) -> Run | None:
    """The database's own shell as a process: psql on a server (BENCH_PG), else the sqlite3 shell."""
    if bench.conninfo is not None:
        return _psql(bench.conninfo, statements, runs)
    return _shell(bench.path, statements, runs, evicting=evicting)


def _psql(conninfo: str, statements: list[str], runs: int) -> Run | None:
    """psql running `statements` as a process of its own (its start and connection included): the median run."""
    from bench.postgres import PSQL

    if PSQL is None or not statements:
        return None
    script = "\\o /dev/null\n" + "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
    done = sorted((_run([PSQL, "-X", "-q", conninfo], stdin=script) for _ in range(runs)), key=lambda r: r.wall)
    return done[len(done) // 2]


def _shell(path: Path, statements: list[str], runs: int, *, evicting: bool = False) -> Run | None:
    """The sqlite3 shell running `statements` as a process of its own (its start-up included): the median run."""
    if SHELL is None or not statements:
        return None
    script = ".output /dev/null\n" + "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
    done = []
    for _ in range(runs):
        if evicting:
            evict(path)
        done.append(_run([SHELL, "-readonly", "-batch", str(path)], stdin=script))
    done.sort(key=lambda r: r.wall)
    return done[len(done) // 2]


def _first_page_sql(bench: BenchDatabase) -> tuple[list[str], list[str]]:
    """The statements of the window's first incidents page (page and count) and of `list`, inlined."""
    database = open_database(bench.url)
    try:
        service = IncidentService(database)
        with recorded_sql(database.engine) as window:
            service.page(IncidentFilter(), Page(0, WINDOW_PAGE, "occurred", True))
            service.count(IncidentFilter())
        with recorded_sql(database.engine) as listing:
            service.page(IncidentFilter(text=""), Page(limit=LIST_PAGE, sort="occurred", descending=True))
    finally:
        database.close()
    return window, listing  # parameters written in


def evict(path: Path) -> None:
    """Drop the database file and its -wal/-shm from the page cache (written out first: dirty pages stay)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            descriptor = os.open(candidate, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fsync(descriptor)
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)
