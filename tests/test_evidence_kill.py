"""Adding attachments, killed with SIGKILL: `incident-logger attachments add --incident U f1 f2 …` (2 to 5 photos of
1 to 8 MB, random bytes behind a JPEG header; now and then the bytes of a file stored before, or the same bytes twice
in one add) runs as a subprocess and is killed at a moment drawn uniformly from 0 to 1.5 s after its start.

After each kill: the file passes its quick check; an add of N files stored all N (with the very uuids it printed,
when it printed any) or none; what it printed is all N lines or nothing; every attachment ever acknowledged (and not
removed since) is there with its bytes: `attachments get` writes a copy whose SHA-256 is the printed one; no stored
file that no attachment names, no piece without its file, no attachment whose file is missing, no file missing a
piece (raw SQL); `evidence verify` and `check` pass. When the stored bytes pass STORE_LIMIT every attachment is
removed through the service, and nothing at all may stay stored. At the end every acknowledged attachment is read
back once more.

Five rounds run in the normal suite (about 8 s); `make stress` (STRESS_KILLS set) runs STRESS_KILLS // 10 rounds
(EVIDENCE_KILL_ROUNDS overrides); KILL_LOOP_SEED repeats a run.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.lookup import reopen

from desktop.cli import main
from desktop.persistence.engine import sqlite_url
from desktop.persistence.integrity import FileState, check_database_file, read_only_connection
from desktop.services.attachments import AttachmentService
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.posix_only  # SIGKILL

ROUNDS = 5  # in the normal suite; `make stress` runs many more
KILL_AFTER = (0.0, 1.5)  # seconds after the subprocess starts
FILES = (2, 5)  # per add
SIZES = (1_000_000, 8_000_000)  # bytes of one file
STORE_LIMIT = 120_000_000  # stored bytes past which every attachment is removed (disk and verify time stay small)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
DEADLINE_S = 120.0

ORPHANS = {
    "stored files no attachment names": "SELECT count(*) FROM evidence_blobs b WHERE NOT EXISTS "
    "(SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256)",
    "pieces without their file": "SELECT count(*) FROM evidence_chunks c WHERE NOT EXISTS "
    "(SELECT 1 FROM evidence_blobs b WHERE b.id = c.blob_id)",
    "attachments whose file is missing": "SELECT count(*) FROM attachments a WHERE NOT EXISTS "
    "(SELECT 1 FROM evidence_blobs b WHERE b.sha256 = a.sha256)",
    "stored files missing pieces": "SELECT count(*) FROM evidence_blobs b WHERE b.chunks != "
    "(SELECT count(*) FROM evidence_chunks c WHERE c.blob_id = b.id)",
    "stored files still pending": "SELECT count(*) FROM evidence_blobs WHERE sha256 LIKE 'pending:%'",
}


@dataclass(frozen=True, slots=True)
class Acknowledged:
    uuid: str
    sha256: str
    name: str


@dataclass
class Figures:
    rounds: int = 0
    acknowledged: int = 0  # adds whose lines were printed
    committed_unacknowledged: int = 0  # stored in full, killed before it printed
    rolled_back: int = 0  # killed before the commit: nothing stored
    finished: int = 0  # done before the kill came
    removals: int = 0
    stored_mb: float = 0.0
    seconds: float = 0.0

    def report(self) -> str:
        return (f"evidence add: {self.rounds} kills in {self.seconds:.1f} s; adds acknowledged {self.acknowledged} "
                f"({self.finished} finished before the kill), committed without acknowledgment "
                f"{self.committed_unacknowledged}, rolled back {self.rolled_back}; {self.stored_mb:,.0f} MB added; "
                f"every attachment removed {self.removals} times")  # fmt: skip


@dataclass
class Place:
    """The data folder, its database, the incident the files go to, and what was acknowledged so far."""

    data: Path
    incident: str
    acknowledged: dict[str, Acknowledged] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        return self.data / "incidents.sqlite3"

    def scalar(self, statement: str, *parameters: object) -> int:
        connection = read_only_connection(self.database)
        try:
            return int(connection.execute(statement, parameters).fetchone()[0])
        finally:
            connection.close()

    def rows(self, statement: str, *parameters: object) -> list[tuple[str, ...]]:
        connection = read_only_connection(self.database)
        try:
            return [tuple(row) for row in connection.execute(statement, parameters)]
        finally:
            connection.close()


def make_place(root: Path) -> Place:
    """A data folder with the demo data (audited, so that `check` passes) and one incident's uuid."""
    data = root / "data"
    data.mkdir()
    sessions = DatabaseSessions(None)
    database = sessions.open(sqlite_url(data / "incidents.sqlite3"), lock=False)
    try:
        load_demo(database)
    finally:
        sessions.close(database)
    place = Place(data, "")
    place.incident = place.rows("SELECT uuid FROM incidents ORDER BY id LIMIT 1")[0][0]
    return place


def photo(rng: random.Random) -> bytes:
    return JPEG + rng.randbytes(rng.randint(*SIZES) - len(JPEG))


def write_files(folder: Path, round_number: int, rng: random.Random, previous: list[Path]) -> list[Path]:
    """This round's files, named r<round>-<i>.jpg: fresh photos, now and then one with the bytes of a file of the
    previous round (stored already when that add went through) or two with the same bytes."""
    folder.mkdir()
    count = rng.randint(*FILES)
    paths = []
    for i in range(count):
        path = folder / f"r{round_number}-{i}.jpg"
        if i == 0 and previous and rng.random() < 0.3:
            shutil.copyfile(rng.choice(previous), path)
        elif i > 0 and rng.random() < 0.2:
            shutil.copyfile(paths[-1], path)
        else:
            path.write_bytes(photo(rng))
        paths.append(path)
    return paths


def sha256_of(path: Path) -> str:
    with open(path, "rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


def run_in_process(place: Place, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--data-dir", str(place.data), *args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def assert_read_back(place: Place, wanted: list[Acknowledged], scratch: Path, capsys: pytest.CaptureFixture[str],
                     where: str) -> None:  # fmt: skip
    """`attachments get` writes each one's bytes, and they hash to what was printed when it was added."""
    target = scratch / "copy.bin"
    for known in wanted:
        status, said = run_in_process(place, capsys, "attachments", "get", known.uuid, "-o", str(target))
        assert status == 0, f"{where}: get {known.name} ({known.uuid}): {said}"
        assert sha256_of(target) == known.sha256, f"{where}: {known.name} ({known.uuid}) read back differs"
        target.unlink()


def assert_sound(place: Place, capsys: pytest.CaptureFixture[str], where: str) -> None:
    """The file checks out, no orphan of any kind (raw SQL), `evidence verify` and `check` pass."""
    state = check_database_file(place.database)
    assert state.state == FileState.OK, f"{where}: {state.message}"
    found = {what: place.scalar(statement) for what, statement in ORPHANS.items()}
    assert not any(found.values()), f"{where}: {found}"
    status, said = run_in_process(place, capsys, "evidence", "verify")
    assert status == 0 and said.startswith("ok:"), f"{where}: evidence verify: {said}"
    status, said = run_in_process(place, capsys, "check")
    assert status == 0 and said.splitlines()[-1].startswith("ok"), f"{where}: check: {said}"


def one_round(place: Place, root: Path, round_number: int, rng: random.Random, previous: list[Path],
              figures: Figures, capsys: pytest.CaptureFixture[str], where: str) -> list[Path]:  # fmt: skip
    """One add, killed; its checks. Returns the round's files (the next round may reuse their bytes)."""
    paths = write_files(root / f"round-{round_number}", round_number, rng, previous)
    hashes = {path.name: sha256_of(path) for path in paths}
    command = [sys.executable, "-m", "desktop", "--data-dir", str(place.data), "attachments", "add", "--incident",
               place.incident, *map(str, paths)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(*KILL_AFTER))
    finished = process.poll() is not None
    if not finished:
        os.kill(process.pid, signal.SIGKILL)
    out, err = process.communicate(timeout=DEADLINE_S)
    finished = finished or process.returncode != -signal.SIGKILL  # it ended between poll() and the kill
    assert finished or process.returncode == -signal.SIGKILL, f"{where}: {process.returncode}"
    assert not finished or process.returncode == 0, f"{where}: the add failed: {err}"
    lines = [line for line in out.splitlines(keepends=True) if line.endswith("\n")]
    assert len(lines) in (0, len(paths)), f"{where}: {len(lines)} of {len(paths)} lines printed: {out!r}"
    printed = [Acknowledged(line.split()[0], line.split()[1], line.split()[-1]) for line in lines]

    stored = place.rows("SELECT uuid, sha256, file_name FROM attachments WHERE file_name LIKE ? ORDER BY id",
                        f"r{round_number}-%")  # fmt: skip
    assert len(stored) in (0, len(paths)), f"{where}: {len(stored)} of {len(paths)} files stored"
    if stored:
        assert [name for _, _, name in stored] == [path.name for path in paths], where
        assert all(sha256 == hashes[name] for _, sha256, name in stored), f"{where}: stored hashes differ"
    if printed:
        assert [(a.uuid, a.sha256, a.name) for a in printed] == stored, f"{where}: printed {printed}, stored {stored}"
        place.acknowledged.update((a.uuid, a) for a in printed)
        figures.acknowledged += 1
        figures.finished += finished
        figures.stored_mb += sum(path.stat().st_size for path in paths) / 1e6
    elif stored:
        figures.committed_unacknowledged += 1
    else:
        figures.rolled_back += 1
    known = set(place.acknowledged)
    present = {uuid for (uuid,) in place.rows("SELECT uuid FROM attachments")}
    assert known <= present, f"{where}: acknowledged attachments gone: {sorted(known - present)}"

    assert_sound(place, capsys, where)
    assert_read_back(place, printed, root, capsys, where)
    if place.scalar("SELECT coalesce(sum(size), 0) FROM evidence_blobs") > STORE_LIMIT:
        remove_all(place)
        figures.removals += 1
        assert place.scalar("SELECT count(*) FROM evidence_blobs") == 0, f"{where}: files stay after removal"
        assert place.scalar("SELECT count(*) FROM evidence_chunks") == 0, f"{where}: pieces stay after removal"
        assert_sound(place, capsys, f"{where}, after removing every attachment")
    return paths


def remove_all(place: Place) -> None:
    """Every attachment removed through the service (each removal drops the bytes no other one names)."""
    database = reopen(sqlite_url(place.database))
    try:
        service = AttachmentService(database)
        for attachment in service.all():
            service.remove(attachment.uuid)
    finally:
        database.close()
    place.acknowledged.clear()


def kill_rounds(root: Path, rounds: int, seed: int, capsys: pytest.CaptureFixture[str]) -> Figures:
    place = make_place(root)
    rng = random.Random(seed)
    figures = Figures()
    started = time.monotonic()
    previous: list[Path] = []
    for round_number in range(rounds):
        where = f"round {round_number} (seed {seed})"
        paths = one_round(place, root, round_number, rng, previous, figures, capsys, where)
        if previous:
            shutil.rmtree(previous[0].parent)
        previous = paths
        figures.rounds += 1
    assert_sound(place, capsys, f"the end (seed {seed})")
    assert_read_back(place, list(place.acknowledged.values()), root, capsys, f"the end (seed {seed})")
    figures.seconds = time.monotonic() - started
    return figures


def _seed() -> int:
    return int(os.environ.get("KILL_LOOP_SEED", random.randrange(2**32)))


def test_a_killed_add_stores_all_its_files_or_none_and_leaves_no_orphan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = _seed()
    figures = kill_rounds(tmp_path, ROUNDS, seed, capsys)
    with capsys.disabled():
        print(f"\n{figures.report()} (seed {seed})")
    assert figures.rounds == ROUNDS


@pytest.mark.slow
def test_evidence_kill_stress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if "STRESS_KILLS" not in os.environ:
        pytest.skip("set STRESS_KILLS (make stress runs STRESS_KILLS // 10 rounds of attachments add)")
    rounds = int(os.environ.get("EVIDENCE_KILL_ROUNDS", max(ROUNDS, int(os.environ["STRESS_KILLS"]) // 10)))
    seed = _seed()
    figures = kill_rounds(tmp_path, rounds, seed, capsys)
    with capsys.disabled():
        print(f"\n{figures.report()} (seed {seed})")
    assert figures.rounds == rounds
    assert figures.rolled_back > 0 and figures.acknowledged > 0, "the kills never hit both sides: they prove little"
