"""CLI export end to end: `python -m desktop --data-dir D export -o FILE` as a process (start, open, export, audit)
beside the sqlite3 shell's `sqlite3 -csv -header db "SELECT <the same columns>" > file`, also as a process."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import BenchDatabase
from bench.measure_csv import AREA, EXPORT_RATIO, shell_select
from bench.timing import SHELL, Figure, skipped

RUNS = 2


def _process(command: list[str], stdout: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, from RUSAGE_CHILDREN) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(stdout, "wb") as out:
        subprocess.run(command, stdout=out, stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_cli_export(bench: BenchDatabase, folder: Path) -> list[Figure]:
    if SHELL is None:
        return [skipped(AREA, "CLI export end to end", "no sqlite3 shell")]
    data_dir = folder / "cli-data"  # the export writes its audit entry: a copy of its own
    data_dir.mkdir()
    subprocess.run(["cp", "--reflink=auto", str(bench.path), str(data_dir / "incidents.sqlite3")], check=True)
    target, shell_file, log = folder / "cli.csv", folder / "shell-cli.csv", folder / "cli.log"
    app = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "export", "-o", str(target)]
    shell = [SHELL, "-readonly", "-csv", "-header", str(bench.path), shell_select()]
    try:
        _process(app, log)  # the first opening of a database sets up its audit chain: not an export's cost
        ours = [_process(app, log) for _ in range(RUNS)]
        theirs = [_process(shell, shell_file) for _ in range(RUNS)]
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    wall, cpu = min(ours)
    shell_wall, shell_cpu = min(theirs)
    size, shell_size = target.stat().st_size / 2**20, shell_file.stat().st_size / 2**20
    note = (f"best of {RUNS}, process start included; CPU {cpu:.1f} s vs the shell's {shell_cpu:.1f} s "
            f"({cpu / shell_cpu:.2f}×); {size:,.0f} MiB vs {shell_size:,.0f} MiB; fsynced, audited")  # fmt: skip
    return [Figure(AREA, "CLI export end to end", wall, None, shell_wall, EXPORT_RATIO, note, cpu)]
