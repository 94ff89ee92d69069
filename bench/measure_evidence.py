"""Evidence at size: BENCH_EVIDENCE_FILES photos (default 1,000) of BENCH_EVIDENCE_MB MB (default 3; random bytes
behind a JPEG header, made one at a time, never kept on disk) added through AttachmentService to a new database, one
add each; the database's size against the payload; `evidence verify` over them; a verified backup; and one
BENCH_EVIDENCE_BIG_MB file (default 200) added from disk in a child process, with its peak RSS. Beside each, the
sqlite3 shell doing the same work: the same bytes inserted as 1 MiB pieces (randomblob, one transaction a file, the
app's pragmas), every piece hashed (sha3), `.backup`."""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.timing import SHELL, Figure, shell_wall_seconds, skipped
from desktop.domain.evidence import CHUNK_BYTES
from desktop.domain.kinds import RecordKind
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.backup import back_up_to
from desktop.services.demo import load_demo
from desktop.services.evidence_check import verify_evidence

AREA = "evidence"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def _files() -> int:
    return int(os.environ.get("BENCH_EVIDENCE_FILES", "1000"))


def _file_bytes() -> int:
    return int(float(os.environ.get("BENCH_EVIDENCE_MB", "3")) * 1_000_000)


def _big_bytes() -> int:
    return int(float(os.environ.get("BENCH_EVIDENCE_BIG_MB", "200")) * 1_000_000)


def photo(rng: random.Random, size: int) -> bytes:
    return JPEG + rng.randbytes(size - len(JPEG))


def _incident(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT uuid FROM incidents ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        connection.close()


def _on_disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def measure() -> list[Figure]:
    files, size, big = _files(), _file_bytes(), _big_bytes()
    payload = files * size
    with tempfile.TemporaryDirectory(prefix="incident-logger-evidence-bench-") as name:
        folder = Path(name)
        path = folder / "evidence.sqlite3"
        database = open_database(sqlite_url(path))
        try:
            load_demo(database)
            incident = _incident(path)
            empty = _on_disk(path)
            service = AttachmentService(database)
            rng = random.Random(7)
            wall = cpu = 0.0
            for number in range(files):
                new = NewFile.of_bytes(f"IMG_{number:05d}.jpg", photo(rng, size))
                started, cpu_started = time.perf_counter(), time.process_time()
                service.add(RecordKind.INCIDENT, incident, [new])
                wall += time.perf_counter() - started
                cpu += time.process_time() - cpu_started
            started, cpu_started = time.perf_counter(), time.process_time()
            report = verify_evidence(database)
            verify_wall, verify_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        finally:
            database.close()
        stored = _on_disk(path) - empty
        shell_add, shell_size = _shell_add(folder / "shell.sqlite3", files, size)
        what = f"{files:,} photos of {size / 1e6:g} MB"
        figures = [Figure(AREA, f"add {what} (one add each, AttachmentService)", wall, shell_seconds=shell_add,
                          cpu_seconds=cpu, note=f"{files / wall:,.1f} files/s, {payload / 1e6 / wall:,.0f} MB/s; "
                          "the shell inserts randomblob pieces")]  # fmt: skip
        overhead = f"{(stored / payload - 1) * 100:+.2f}%"
        shell_note = f"; the shell's database {shell_size / 1e6:,.0f} MB" if shell_size else ""
        grown = f"{stored / 1e6:,.1f} MB more on disk for {payload / 1e6:,.0f} MB of payload ({overhead})"
        figures.append(Figure(AREA, "database size after the adds", None, note=grown + shell_note))
        verified = "ok" if report.ok else f"{len(report.problems)} PROBLEMS"
        figures.append(Figure(AREA, f"evidence verify, {report.files:,} stored files", verify_wall,
                              shell_seconds=_shell_hash(path), cpu_seconds=verify_cpu, note=(
                              f"{verified}; {payload / 1e6 / verify_wall:,.0f} MB/s; the shell sha3-hashes every "
                              "piece")))  # fmt: skip
        figures.append(_backup(path, folder))
        figures.append(_big_add(path, folder, incident, big))
    return figures


def _shell_add(target: Path, files: int, size: int) -> tuple[float | None, int]:
    """The sqlite3 shell storing the same number of bytes the same way: a file's row and its 1 MiB pieces, one
    transaction a file, WAL, synchronous=FULL, secure_delete; (seconds, database size)."""
    if SHELL is None:
        return None, 0
    pieces = [min(CHUNK_BYTES, size - start) for start in range(0, size, CHUNK_BYTES)]
    lines = ["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA secure_delete=ON;",
             "CREATE TABLE blobs (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE NOT NULL, size INTEGER, chunks INTEGER);",
             "CREATE TABLE chunks (blob_id INTEGER NOT NULL REFERENCES blobs (id), seq INTEGER NOT NULL, data BLOB "
             "NOT NULL, PRIMARY KEY (blob_id, seq));"]  # fmt: skip
    for number in range(files):
        lines.append(f"BEGIN; INSERT INTO blobs VALUES ({number}, 'f{number}', {size}, {len(pieces)});")
        lines += [f"INSERT INTO chunks VALUES ({number}, {seq}, randomblob({n}));" for seq, n in enumerate(pieces)]
        lines.append("COMMIT;")
    seconds = shell_wall_seconds([str(target)], "\n".join(lines) + "\n")
    stored = _on_disk(target)
    for side in target.parent.glob(target.name + "*"):
        side.unlink()
    return seconds, stored


def _shell_hash(path: Path) -> float | None:
    return shell_wall_seconds(["-readonly", str(path), "SELECT sum(length(sha3(data, 256))) FROM evidence_chunks;"])


def _backup(path: Path, folder: Path) -> Figure:
    """back_up_to (SQLite's backup API, integrity_check, fsync, rename) beside the shell's `.backup`."""
    target = folder / "backup.sqlite3"
    started, cpu_started = time.perf_counter(), time.process_time()
    info = back_up_to(path, target)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    target.unlink()
    shell = None
    if SHELL is not None:
        shell = shell_wall_seconds(["-readonly", str(path), f".backup {folder / 'shell-backup.sqlite3'}"])
        (folder / "shell-backup.sqlite3").unlink(missing_ok=True)
    return Figure(AREA, "verified backup of that database", wall, shell_seconds=shell, cpu_seconds=cpu,
                  note=f"{info.size / 1e6:,.0f} MB, {info.size / 1e6 / wall:,.0f} MB/s; integrity_check included; "
                  "the shell's .backup checks nothing")  # fmt: skip


def _big_add(path: Path, folder: Path, incident: str, size: int) -> Figure:
    """One file of `size` bytes, written to disk first, added in a child process (its memory is its own)."""
    operation = f"add one {size / 1e6:g} MB file (from disk, child process)"
    done = subprocess.run([sys.executable, "-m", "bench.measure_evidence", str(path), str(folder), incident,
                           str(size)], capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        return skipped(AREA, operation, (done.stderr.strip().splitlines() or ["failed"])[-1][:150])
    found = json.loads(done.stdout.strip().splitlines()[-1])
    note = (f"{size / 1e6 / found['seconds']:,.0f} MB/s; peak RSS {found['rss_mib']:.0f} MiB "
            f"({found['rss_before_mib']:.0f} MiB before the add)")  # fmt: skip
    return Figure(AREA, operation, found["seconds"], cpu_seconds=found["cpu"], note=note)


def _big_add_in_child(path: str, folder: str, incident: str, size: int) -> dict[str, Any]:
    source = Path(folder) / "big.jpg"
    rng = random.Random(11)
    with open(source, "wb") as out:  # a piece at a time: the process never holds the whole file
        out.write(JPEG)
        written = len(JPEG)
        while written < size:
            piece = rng.randbytes(min(CHUNK_BYTES, size - written))
            out.write(piece)
            written += len(piece)
    database = open_database(sqlite_url(Path(path)))
    try:
        service = AttachmentService(database)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started, cpu = time.perf_counter(), time.process_time()
        service.add(RecordKind.INCIDENT, incident, [NewFile.of_path(source)])
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        database.close()
        source.unlink()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "rss_mib": rss, "rss_before_mib": rss_before}


if __name__ == "__main__":  # the child: database folder incident size
    print(json.dumps(_big_add_in_child(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))))
