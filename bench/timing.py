"""Timing helpers: figures with targets, medians of repeated runs, and the sqlite3 shell as reference."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event

T = TypeVar("T")
SHELL = shutil.which("sqlite3")
_RUN_TIME = re.compile(r"^Run Time: real ([0-9.]+)", re.MULTILINE)


def repeats() -> int:
    return max(1, int(os.environ.get("BENCH_REPEAT", "5")))


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of the report. `target` is in seconds; `target_ratio` is against the sqlite3 shell."""

    area: str
    operation: str
    seconds: float | None  # None: not measured (see note)
    target: float | None = None
    shell_seconds: float | None = None
    target_ratio: float | None = None
    note: str = ""
    cpu_seconds: float | None = None  # this process's CPU time: less disturbed by a busy machine
    skipped: bool = False  # not measured: the note says why (seconds None without it: a figure of another kind)
    limits: str = ""  # a figure of another kind (memory, bytes): its targets, as text
    within_limits: bool | None = None  # whether it met them (None: no such targets)
    against: str = "shell"  # what `shell_seconds` timed: the sqlite3 shell, or (encrypted area) the plain file

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.shell_seconds:
            return None
        return self.seconds / self.shell_seconds

    @property
    def verdict(self) -> str:
        """'ok', 'MISSED', '' (no target, or not a time) or 'skipped'."""
        if self.skipped:
            return "skipped"
        if self.within_limits is not None:
            return "ok" if self.within_limits else "MISSED"
        if self.seconds is None:
            return ""
        missed = self.target is not None and self.seconds >= self.target
        if self.target_ratio is not None:
            missed = missed or self.ratio is None or self.ratio > self.target_ratio
        if self.target is None and self.target_ratio is None:
            return ""
        return "MISSED" if missed else "ok"

    @property
    def target_text(self) -> str:
        parts = [self.limits] if self.limits else []
        if self.target is not None:
            parts.append(f"< {self.target:g} s")
        if self.target_ratio is not None:
            parts.append(f"≤ {self.target_ratio:g}× {self.against}")
        return ", ".join(parts)


def skipped(area: str, operation: str, why: str) -> Figure:
    return Figure(area, operation, None, note=why, skipped=True)


@dataclass(frozen=True, slots=True)
class Timing:
    median: float
    first: float
    result: Any
    cpu: float  # median CPU seconds of this process


def timed(action: Callable[[], T], runs: int | None = None, *, warm_up: bool = True) -> Timing:
    """Median wall-clock seconds of `runs` calls (after one untimed warm-up call when `warm_up`)."""
    runs = runs or repeats()
    first = None
    if warm_up:
        started = time.perf_counter()
        action()
        first = time.perf_counter() - started
    samples, cpu = [], []
    result: Any = None
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = action()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    first = first if first is not None else samples[0]
    return Timing(statistics.median(samples), first, result, statistics.median(cpu))


@contextmanager
def recorded_sql(engine: Engine) -> Iterator[list[str]]:
    """Collect every statement `engine` runs inside the block, with its parameters inlined."""
    statements: list[str] = []

    written = inline_pyformat if engine.dialect.name == "postgresql" else inline

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if not many and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(written(statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


def inline(statement: str, parameters: Sequence[object] | dict[str, object] | None) -> str:
    """`statement` with its qmark parameters written in as SQL literals (for the sqlite3 shell)."""
    if not parameters:
        return statement
    assert not isinstance(parameters, dict), "pysqlite uses qmark parameters"
    pieces = statement.split("?")
    assert len(pieces) == len(parameters) + 1, "a literal '?' in generated SQL"
    out = [pieces[0]]
    for value, piece in zip(parameters, pieces[1:], strict=True):
        out += [literal(value), piece]
    return "".join(out)


_PYFORMAT = re.compile(r"%\((\w+)\)s|%%")


def inline_pyformat(statement: str, parameters: Sequence[object] | dict[str, object] | None) -> str:
    """`statement` with its %(name)s parameters (psycopg) written in as SQL literals (for psql)."""
    values = parameters if isinstance(parameters, dict) else {}

    def value(match: re.Match[str]) -> str:
        if match.group(0) == "%%":
            return "%"
        found = values[match.group(1)]
        if isinstance(found, bool):
            return "true" if found else "false"
        if isinstance(found, bytes):
            return f"'\\x{found.hex()}'::bytea"
        return literal(found)

    return _PYFORMAT.sub(value, statement)


def shell_seconds(database: Path, statements: Sequence[str], runs: int | None = None) -> float | None:
    """Median seconds the sqlite3 shell takes for all of `statements` (output discarded), after a
    warm-up round; its own start-up is not included (.timer on). None without the shell."""
    if SHELL is None or not statements:
        return None
    runs = runs or repeats()
    body = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
    script = ".timer on\n.output /dev/null\n" + body * (runs + 1)
    done = subprocess.run(
        [SHELL, "-readonly", "-batch", str(database)], input=script, capture_output=True, text=True, check=False
    )
    times = [float(t) for t in _RUN_TIME.findall(done.stdout)]
    if done.returncode != 0 or len(times) != len(statements) * (runs + 1):
        raise RuntimeError(f"sqlite3 shell failed: {done.stderr.strip()[:300]}")
    rounds = [sum(times[i : i + len(statements)]) for i in range(0, len(times), len(statements))]
    return statistics.median(rounds[1:])


def shell_wall_seconds(arguments: Sequence[str], stdin: str | None = None, runs: int = 1) -> float | None:
    """Median wall-clock seconds of running the sqlite3 shell with `arguments`, minus its start-up."""
    if SHELL is None:
        return None
    startup = _wall([SHELL, ":memory:", "SELECT 1;"], None, 3)
    return max(0.0, _wall([SHELL, *arguments], stdin, runs) - startup)


def _wall(command: Sequence[str], stdin: str | None, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
