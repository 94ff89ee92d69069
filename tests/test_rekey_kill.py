"""kill -9 during `rekey`, at random moments: the database always opens with either the old or the new passphrase
(never neither), holds every record, and no plain copy of the data is left anywhere in the data folder. The default
suite runs FAST_ROUNDS kills; the `slow` test (`make stress`, STRESS_KILLS set) at least SLOW_ROUNDS
(REKEY_KILL_ROUNDS to choose); KILL_LOOP_SEED repeats a run."""

from __future__ import annotations

import os
import random
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from support.encrypted_cli import (
    MARKERS,
    SQLITE_HEADER,
    command,
    environment,
    files_under,
    marker_csv,
    markers_in,
    opening_passphrases,
    run,
    write_secret,
)

OLD, NEW = "kill test first passphrase", "kill test second passphrase"
FAST_ROUNDS, SLOW_ROUNDS = 5, 24
REMEASURE_EVERY = 6  # a complete rekey now and then: the time to aim at grows with the backups it converts


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    secrets = {text: write_secret(tmp_path, f"secret-{number}", text) for number, text in enumerate((OLD, NEW))}
    data = tmp_path / "data"
    created = run(data, "--encrypt", "--new-passphrase-file", str(secrets[OLD]), "demo")
    assert created.returncode == 0, created.stderr
    imported = run(data, "--passphrase-file", str(secrets[OLD]), "import", "--input", str(marker_csv(tmp_path)))
    assert imported.returncode == 0, imported.stderr
    return data, secrets


def rekey_args(secrets: dict[str, Path], current: str) -> list[str]:
    other = NEW if current == OLD else OLD
    return ["--passphrase-file", str(secrets[current]), "--new-passphrase-file", str(secrets[other]), "rekey"]


def complete_rekey(data: Path, secrets: dict[str, Path], current: str) -> tuple[str, float]:
    started = time.monotonic()
    done = run(data, *rekey_args(secrets, current))
    assert done.returncode == 0, done.stderr
    return (NEW if current == OLD else OLD), time.monotonic() - started


def assert_no_plain_data(data: Path) -> None:
    for path in files_under(data):
        content = path.read_bytes()
        assert not content.startswith(SQLITE_HEADER), f"a plain SQLite file: {path}"
        assert markers_in(path) == [], f"a marker in {path}"


def _seed() -> int:
    return int(os.environ.get("KILL_LOOP_SEED", random.randrange(2**32)))


def kill_rounds(data: Path, secrets: dict[str, Path], rounds: int, seed: int) -> Counter[str]:
    database = data / "incidents.sqlite3"
    rng = random.Random(seed)
    expected = run(data, "--passphrase-file", str(secrets[OLD]), "list")
    assert expected.returncode == 0 and all(m not in expected.stdout for m in MARKERS)
    current, duration = complete_rekey(data, secrets, OLD)
    seen: Counter[str] = Counter()
    for number in range(rounds):
        if number and number % REMEASURE_EVERY == 0:
            current, duration = complete_rekey(data, secrets, current)
        process = subprocess.Popen(command(data, *rekey_args(secrets, current)), env=environment(),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)  # fmt: skip
        time.sleep(rng.uniform(0.1, 1.05) * duration)
        process.kill()
        status = process.wait(timeout=60)
        working = opening_passphrases(database, OLD, NEW)
        assert len(working) == 1, f"round {number}: {working or 'neither passphrase'} opens the database"
        seen["finished before the kill" if status == 0 else "new key" if working[0] != current else "old key"] += 1
        seen["leftovers"] += any(".converting-" in path.name or ".partial-" in path.name for path in files_under(data))
        current = working[0]
        listed = run(data, "--passphrase-file", str(secrets[current]), "list")
        assert listed.returncode == 0 and listed.stdout == expected.stdout, listed.stderr
        assert_no_plain_data(data)
    checked = run(data, "--passphrase-file", str(secrets[current]), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not [path for path in files_under(data) if ".converting-" in path.name or ".partial-" in path.name]
    verified = run(data, "--passphrase-file", str(secrets[current]), "audit", "verify")
    assert verified.returncode == 0 and "audit trail intact" in verified.stdout
    current, _ = complete_rekey(data, secrets, current)  # and a rekey after all that works
    assert opening_passphrases(database, OLD, NEW) == [current]
    assert_no_plain_data(data)
    return seen


def test_a_kill_during_rekey_leaves_the_old_or_the_new_passphrase_working(
    encrypted: tuple[Path, dict[str, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    data, secrets = encrypted
    seed = _seed()
    seen = kill_rounds(data, secrets, FAST_ROUNDS, seed)
    with capsys.disabled():
        print(f"\nrekey killed {FAST_ROUNDS} times: {dict(seen)} (seed {seed})")


@pytest.mark.slow
def test_rekey_kill_stress(encrypted: tuple[Path, dict[str, Path]], capsys: pytest.CaptureFixture[str]) -> None:
    if "STRESS_KILLS" not in os.environ:
        pytest.skip("set STRESS_KILLS (make stress kills rekey STRESS_KILLS // 40 times, at least 24)")
    rounds = int(os.environ.get("REKEY_KILL_ROUNDS", max(SLOW_ROUNDS, int(os.environ["STRESS_KILLS"]) // 40)))
    data, secrets = encrypted
    seed = _seed()
    seen = kill_rounds(data, secrets, rounds, seed)
    with capsys.disabled():
        print(f"\nrekey killed {rounds} times: {dict(seen)} (seed {seed})")
    assert seen["old key"] + seen["new key"] >= rounds // 2, "most kills must land while rekeying"
