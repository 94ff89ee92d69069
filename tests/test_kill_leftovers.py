"""Operations killed with SIGKILL: backup, restore, export and import, each the real CLI in a subprocess on a
generated database (10,000 incidents, 15 MB, in the normal suite; 40,000 under `make stress`), killed at a random
moment. After each kill the database passes its check, an import is there in full or not at all (in full when it
was acknowledged), and no leftover stays after the next run of the same operation and after `check`, which runs
once before and once after the next run (alternating); the next run succeeds.

The writer kill loop of test_crash_safety.py is about saves; this one is about the files around the database. The
kill comes once the operation has begun (the subprocess holds the instance lock, or an export's temporary file
exists), after a delay drawn uniformly from the operation's duration (measured in process, per set of arguments,
and again at every next run). Three rounds per operation run in the normal suite (about 30 s on 2 busy cores);
`make stress` (STRESS_KILLS set) runs STRESS_KILLS // 40 rounds of each (KILL_ROUNDS overrides); KILL_LOOP_SEED
repeats a run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench.generate import generate
from desktop.cli import main
from desktop.persistence.integrity import FileState, check_database_file, read_only_connection

pytestmark = pytest.mark.posix_only  # SIGKILL

INCIDENTS = 40_000 if "STRESS_KILLS" in os.environ else 10_000
IMPORTED = 600  # incidents in the file each import round reads
ROUNDS = 2  # in the normal suite (each round checks the database twice); `make stress` runs many more
KILL_WINDOW = (0.30, 1.00)  # of the operation's whole duration
DEADLINE_S = 120.0
EXPORTS = (  # a round's export, in turn: round-trip CSV, ZIP, XLSX of the critical ones (about 600)
    ("incidents.csv", ()),
    ("incidents.zip", ("--profile", "spreadsheet")),
    ("incidents.xlsx", ("--profile", "spreadsheet", "--filter", "severity=critical")),
)


@dataclass
class Figures:
    rounds: int = 0
    finished_before_kill: int = 0
    left_behind: list[tuple[str, int]] = field(default_factory=list)  # (name, bytes) found right after a kill
    imports_acknowledged: int = 0
    imports_committed_unacknowledged: int = 0
    seconds: float = 0.0
    whole: float = 0.0  # the operation's longest duration, unkilled, in process

    def report(self, operation: str) -> str:
        total = sum(size for _, size in self.left_behind)
        return (
            f"{operation}: {self.rounds} kills in {self.seconds:.1f} s ({self.seconds / max(1, self.rounds):.1f} s a "
            f"round; the operation whole {self.whole:.2f} s in process), {len(self.left_behind)} leftovers found "
            f"after kills ({total / 1e6:.1f} MB), {self.finished_before_kill} finished before the kill"
            + (
                f", imports acknowledged {self.imports_acknowledged}, committed without acknowledgment "
                f"{self.imports_committed_unacknowledged}"
                if operation == "import"
                else ""
            )
        )


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A database of INCIDENTS incidents and a round-trip CSV of IMPORTED others (own uuids and case numbers)."""
    folder = tmp_path_factory.mktemp("material")
    base = folder / "incidents.sqlite3"
    generate(base, INCIDENTS, audited=True)  # its rows under the audit chain, so that `check` passes
    other = folder / "other.sqlite3"
    generate(other, IMPORTED, seed=99, analyze=False)
    connection = sqlite3.connect(other)
    try:
        connection.execute("UPDATE incidents SET case_number = 'IMP-' || id WHERE case_number IS NOT NULL")
        connection.commit()
    finally:
        connection.close()
    data = folder / "import.csv"
    assert main(["--database-url", f"sqlite:///{other}", "export", "-o", str(data), "--include-sensitive"]) == 0
    return {"database": base, "import": data}


class Place:
    """One operation's data folder (the database, its backups) and export folder."""

    def __init__(self, root: Path, material: dict[str, Path]) -> None:
        self.data = root / "data"
        self.backups = self.data / "backups"
        self.exports = root / "exports"
        for folder in (self.data, self.backups, self.exports):
            folder.mkdir(parents=True, exist_ok=True)
        self.database = self.data / "incidents.sqlite3"
        self.material = material
        self.fresh()

    def fresh(self) -> None:
        for side in ("", "-wal", "-shm", "-journal"):
            self.database.with_name(self.database.name + side).unlink(missing_ok=True)
        shutil.copyfile(self.material["database"], self.database)
        os.chmod(self.database, 0o600)

    def hidden(self) -> list[Path]:
        """Every hidden file or folder in the three folders, whatever its name: what a killed run may leave."""
        return sorted(p for folder in (self.data, self.backups, self.exports) for p in folder.iterdir()
                      if p.name.startswith("."))  # fmt: skip

    def incidents(self) -> int:
        connection = read_only_connection(self.database)  # leaves no -wal beside a closed file
        try:
            return int(connection.execute("SELECT COUNT(*) FROM incidents").fetchone()[0])
        finally:
            connection.close()


def arguments(operation: str, place: Place, round_number: int) -> list[str]:
    if operation == "backup":
        return ["backup"]
    if operation == "restore":
        return ["restore", str(place.backups / "source.sqlite3")]
    if operation == "import":
        return ["import", "-i", str(place.material["import"]), "--create-facilities"]
    name, extra = EXPORTS[round_number % len(EXPORTS)]
    return ["export", "-o", str(place.exports / name), "--include-sensitive", *extra]


def command(place: Place, args: list[str]) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(place.data), *args]


def tidy(operation: str, place: Place) -> None:
    """Between rounds: backups beyond the restore's source and exported files go (disk space); an import round
    starts from the database without the imported incidents."""
    for path in place.backups.iterdir():
        if not path.name.startswith(".") and path.name != "source.sqlite3":
            path.unlink()
    for path in place.exports.iterdir():
        if not path.name.startswith("."):
            path.unlink()
    if operation == "import":
        place.fresh()


def run_checked(place: Place, capsys: pytest.CaptureFixture[str]) -> str:
    """`check`, in process; it must pass. Returns its output."""
    capsys.readouterr()
    status = main(["--data-dir", str(place.data), "check"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.splitlines()[-1].startswith("ok"), out
    return out


def run_again(operation: str, place: Place, round_number: int, capsys: pytest.CaptureFixture[str]) -> tuple[str, float]:
    """The same operation again, in process; it must succeed. Returns what it said on stderr, and its seconds."""
    capsys.readouterr()
    started = time.monotonic()
    status = main(["--data-dir", str(place.data), *arguments(operation, place, round_number)])
    seconds = time.monotonic() - started
    captured = capsys.readouterr()
    assert status == 0, captured.out + captured.err
    return captured.err, seconds


def wait_until_begun(process: subprocess.Popen[str], operation: str, place: Place) -> None:
    """Until the subprocess shows that its operation has begun (past the interpreter's start): the instance lock
    of backup, restore and import, the temporary file of an export. Returns early when it ends."""
    lock = place.database.with_name(place.database.name + ".lock")
    deadline = time.monotonic() + DEADLINE_S
    while process.poll() is None and time.monotonic() < deadline:
        if operation == "export" and any(p.name.startswith(".") for p in place.exports.iterdir()):
            return
        if operation != "export" and lock.exists():
            return
        time.sleep(0.002)


def kill_rounds(operation: str, root: Path, material: dict[str, Path], rounds: int, seed: int,
                capsys: pytest.CaptureFixture[str]) -> Figures:  # fmt: skip
    """`rounds` kills of `operation`, each followed by the checks; the kill comes at a moment drawn uniformly from
    the operation's duration (measured in process, per set of arguments) once it has begun."""
    place = Place(root, material)
    shutil.copyfile(material["database"], place.backups / "source.sqlite3")
    figures = Figures()
    rng = random.Random(seed)
    durations: dict[tuple[str, ...], float] = {}
    started = time.monotonic()
    for round_number in range(rounds):
        key = tuple(arguments(operation, place, round_number))
        if key not in durations:
            tidy(operation, place)
            durations[key] = run_again(operation, place, round_number, capsys)[1]
        tidy(operation, place)
        before = place.incidents()
        lock = place.database.with_name(place.database.name + ".lock")
        assert not lock.exists() and place.hidden() == []
        process = subprocess.Popen(command(place, list(key)), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)  # fmt: skip
        wait_until_begun(process, operation, place)
        time.sleep(rng.uniform(0.0, durations[key]))
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        out, _ = process.communicate(timeout=DEADLINE_S)
        finished = finished or process.returncode == 0  # it ended between poll() and the kill (a zombie takes it)
        where = f"{operation} round {round_number} (seed {seed})"
        figures.finished_before_kill += finished
        assert finished or process.returncode == -signal.SIGKILL, where
        left = place.hidden()
        figures.left_behind.extend((p.name, _size(p)) for p in left)
        left = sorted({_main(p) for p in left})  # a temporary database's -wal, -shm, -journal are told with it

        check = check_database_file(place.database)
        assert check.state == FileState.OK, f"{where}: {check.message}"
        if operation == "import":
            after = place.incidents()
            acknowledged = f"Imported {IMPORTED} rows" in out
            assert after in (before, before + IMPORTED), f"{where}: {after - before} of {IMPORTED} imported"
            assert not acknowledged or after == before + IMPORTED, f"{where}: acknowledged but not there"
            figures.imports_acknowledged += acknowledged
            figures.imports_committed_unacknowledged += not acknowledged and after == before + IMPORTED

        check_first = round_number % 2 == 1
        if check_first:  # check removes what is beside the database and in the backup folder
            said = run_checked(place, capsys)
            for path in left:
                if path.parent != place.exports:  # the export folder is the next export's to clean
                    assert f"removed an incomplete {_work(path)} left by an interrupted run: {path}" in said, where
            assert all(p.parent == place.exports for p in place.hidden()), f"{where}: {place.hidden()}"
        told, durations[key] = run_again(operation, place, round_number, capsys)
        for path in left:
            if not check_first or path.parent == place.exports:
                assert f"removed an incomplete {_work(path)} left by an interrupted run: {path.name}" in told, where
        assert place.hidden() == [], f"{where}: left after the next run: {place.hidden()}"
        if not check_first:
            run_checked(place, capsys)
        assert place.hidden() == [], f"{where}: {place.hidden()}"
        if operation == "import":
            assert place.incidents() == before + IMPORTED, where
        for side in ("-wal", "-shm", "-journal"):
            assert not place.database.with_name(place.database.name + side).exists(), f"{where}: {side} left"
        figures.rounds += 1
    figures.seconds = time.monotonic() - started
    figures.whole = max(durations.values())
    return figures


def _main(path: Path) -> Path:
    for side in ("-wal", "-shm", "-journal"):
        if path.name.endswith(side):
            return path.with_name(path.name.removesuffix(side))
    return path


def _work(path: Path) -> str:
    if ".restoring-" in path.name:
        return "restore"
    return "export" if path.parent.name == "exports" or ".parts-" in path.name else "backup"


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(_size(child) for child in path.iterdir())
    return path.stat().st_size if path.exists() else 0


def _seed() -> int:
    return int(os.environ.get("KILL_LOOP_SEED", random.randrange(2**32)))


@pytest.mark.parametrize("operation", ["backup", "restore", "export", "import"])
def test_a_killed_operation_leaves_nothing_behind_the_next_run_and_check(
    operation: str, tmp_path: Path, material: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    seed = _seed()
    figures = kill_rounds(operation, tmp_path, material, ROUNDS, seed, capsys)
    with capsys.disabled():
        print(f"\n{figures.report(operation)} (seed {seed})")
    assert figures.rounds == ROUNDS


@pytest.mark.slow
@pytest.mark.parametrize("operation", ["backup", "restore", "export", "import"])
def test_kill_stress(
    operation: str, tmp_path: Path, material: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    if "STRESS_KILLS" not in os.environ:
        pytest.skip("set STRESS_KILLS (make stress runs STRESS_KILLS // 40 rounds of each operation)")
    rounds = int(os.environ.get("KILL_ROUNDS", max(ROUNDS, int(os.environ["STRESS_KILLS"]) // 40)))
    seed = _seed()
    figures = kill_rounds(operation, tmp_path, material, rounds, seed, capsys)
    with capsys.disabled():
        print(f"\n{figures.report(operation)} (seed {seed})")
    assert figures.rounds == rounds
    if operation != "import":  # an import writes no file of its own: only its transaction is at stake
        assert len(figures.left_behind) > 0, "no kill left anything: the rounds would prove little"
