"""Closing after a change, on a copy of the bench database opened as the app opens it (DatabaseSessions, with the
lock and a backup folder): the close with a backup due and with the background backup running (target: 1 s), and
beside them the background backup taken to its end (copy in steps, integrity_check, fsync, rename) with its CPU
time, against the sqlite3 shell's `.backup` of the same file (alone, and followed by its integrity_check)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.generate import BenchDatabase
from bench.timing import SHELL, Figure
from desktop.domain.records import Facility
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import verify_backup
from desktop.services.backup_worker import Phase
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions

AREA = "session"
CLOSE_TARGET = 1.0


def _copy(source: Path, target: Path) -> None:
    """A copy that shares blocks where the file system can (cp --reflink=auto), else a plain one."""
    done = subprocess.run(["cp", "--reflink=auto", str(source), str(target)], check=False)
    if done.returncode != 0:
        shutil.copyfile(source, target)
    descriptor = os.open(target, os.O_RDONLY)  # on disk before anything is timed: else the first fsync of the
    try:  # database (a checkpoint on closing) or of a backup flushes the whole new copy
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _change(database: Database, n: int) -> None:
    FacilityService(database).create(Facility(name=f"Bench facility changed before closing {n}"))


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _shell(arguments: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of the sqlite3 shell."""
    cpu, started = _child_cpu(), time.perf_counter()
    subprocess.run([SHELL or "sqlite3", *arguments], check=True, capture_output=True)
    return time.perf_counter() - started, _child_cpu() - cpu


def measure(bench: BenchDatabase) -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="close-bench-", dir=bench.path.parent))
    try:
        return _measure(bench, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(bench: BenchDatabase, folder: Path) -> list[Figure]:
    path, backups = folder / "incidents.sqlite3", folder / "backups"
    _copy(bench.path, path)
    size = path.stat().st_size / 2**20
    sessions = DatabaseSessions(backups)
    url = sqlite_url(path)

    database = sessions.open(url)  # with the lock, as the window opens it
    _change(database, 1)
    due = sessions.backup_due(database)
    started, cpu = time.perf_counter(), time.process_time()
    sessions.close(database)
    idle_close = Figure(AREA, "close after a change (backup due, none running)", time.perf_counter() - started,
                        CLOSE_TARGET, note=f"backup due: {due}; {size:,.0f} MiB file",
                        cpu_seconds=time.process_time() - cpu)  # fmt: skip

    database = sessions.open(url)
    _change(database, 2)
    job = sessions.start_backup(database)
    assert job is not None
    while job.running and job.progress.percent < 30:  # well into the copy
        time.sleep(0.005)
    phase, percent = job.progress.phase.value, job.progress.percent
    started, cpu = time.perf_counter(), time.process_time()
    sessions.close(database)
    busy = time.perf_counter() - started
    left = sorted(p.name for p in backups.iterdir()) if backups.exists() else []
    busy_close = Figure(AREA, "close after a change, background backup running", busy, CLOSE_TARGET,
                        note=f"cancelled at {phase} {percent} %: {job.cancelled}; backup folder: {left or 'empty'}",
                        cpu_seconds=time.process_time() - cpu)  # fmt: skip

    database = sessions.open(url)  # the next start: the backup is due, taken in the background
    if not sessions.backup_due(database):  # a small file: the backup above ended before the close
        _change(database, 3)
    job = sessions.start_backup(database)
    assert job is not None
    started, cpu = time.perf_counter(), time.process_time()
    copied = None
    while not job.wait(0.01):
        if copied is None and job.progress.phase == Phase.CHECKING:
            copied = time.perf_counter() - started
    whole, whole_cpu = time.perf_counter() - started, time.process_time() - cpu
    sessions.close(database)
    taken = job.result
    verified = taken is not None and verify_backup(taken.path).ok
    shell_wall = shell_cpu = shell_checked = shell_checked_cpu = None
    if SHELL is not None:
        target = folder / "shell-backup.sqlite3"
        shell_wall, shell_cpu = _shell([str(path), f".backup {target}"])
        check_wall, check_cpu = _shell([str(target), "PRAGMA integrity_check;"])
        shell_checked, shell_checked_cpu = shell_wall + check_wall, shell_cpu + check_cpu
        target.unlink()
    note = f"copy {copied or 0:.1f} s, then integrity_check, fsync, rename; verified again: {verified}"
    if job.error is not None:
        note += f"; FAILED: {job.error}"
    if shell_checked_cpu is not None:
        note += f" · shell: .backup then integrity_check, cpu {shell_checked_cpu:.1f} s"
    background = Figure(AREA, "background backup to its end (not waited for)", whole, None, shell_checked, None,
                        note, whole_cpu)  # fmt: skip
    shell_only = Figure(AREA, "sqlite3 shell .backup alone (no check)", shell_wall, None,
                        note="for reference" if shell_wall is not None else "no sqlite3 shell",
                        cpu_seconds=shell_cpu, skipped=shell_wall is None)  # fmt: skip
    return [idle_close, busy_close, background, shell_only]
