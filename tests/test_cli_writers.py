"""One writer at a time for every tool: the CLI's writing commands take the window's instance lock (waiting with
a message, --wait), two creators of a new database do not collide, and racing writers lose nothing they
acknowledged. The race runs RACE_ROUNDS rounds per pair (1 in the normal suite; `make stress` runs 20)."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.persistence.instance_lock import InstanceLock

TACOMA = "Northwest Detention Center, Tacoma"
CI_ROUNDS = 1
TIMEOUT = 180


def cli(data: Path, *args: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data), "--wait", "60", *args],
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=TIMEOUT)
    return process.returncode, out, err


def titles(database: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return {title for (title,) in connection.execute("SELECT title FROM incidents")}
    finally:
        connection.close()


def incident_file(folder: Path, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"\W+", "-", title) + ".csv")
    path.write_text(f'title,facility_name\n{title},"{TACOMA}"\n', encoding="utf-8")
    return path


@pytest.fixture
def demo_dir(tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    yield data


def test_a_writer_waits_for_the_window_and_then_writes(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = demo_dir / "incidents.sqlite3"
    source = incident_file(demo_dir.parent, "Imported once the window closed")
    window = InstanceLock(database)
    window.acquire()
    closes = threading.Timer(0.6, window.release)
    closes.start()
    try:
        status = main(["--data-dir", str(demo_dir), "--wait", "20", "import", "--input", str(source)])
    finally:
        closes.join()
        window.release()
    err = capsys.readouterr().err
    assert status == 0 and "Incident Logger is already running on" in err and "Waiting up to 20 s" in err
    assert "Imported once the window closed" in titles(database)


def test_a_writer_gives_up_when_the_wait_is_over(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = demo_dir / "incidents.sqlite3"
    source = incident_file(demo_dir.parent, "Never imported")
    before = database.read_bytes()
    with InstanceLock(database):
        status = main(["--data-dir", str(demo_dir), "--wait", "0", "import", "--input", str(source)])
    err = capsys.readouterr().err
    assert status == 3 and "Close it first, or wait longer with --wait SECONDS." in err
    assert database.read_bytes() == before


WRITERS = ("import", "demo", "restore", "backup", "migrate")
PAIRS = list(itertools.combinations_with_replacement(WRITERS, 2))  # every pair of writers, each with itself too
RELEASE_0003 = Path(__file__).parent / "data" / "release-0003.sqlite"


def race_rounds(tmp_path: Path, rounds: int) -> list[str]:
    """Race every pair of writers `rounds` times; what each acknowledged and was lost."""
    lost: list[str] = []
    for number in range(rounds):
        for pair in PAIRS:
            lost += race(tmp_path / f"{number}-{'-'.join(pair)}", pair)
    return lost


def prepare(data: Path, pair: tuple[str, str]) -> None:
    """The database the pair races on: none for two demo runs (both create it), a file of release schema 0003 with
    a backup of it when migrate runs (both commands would migrate it), else the demo records and a backup."""
    database = data / "incidents.sqlite3"
    if pair == ("demo", "demo"):
        return
    if "migrate" in pair:
        (data / "backups").mkdir(parents=True)
        for path in (database, data / "backups" / "incidents-20261201-000000-manual.sqlite3"):
            shutil.copyfile(RELEASE_0003, path)
            path.chmod(0o600)
        return
    assert main(["--data-dir", str(data), "demo"]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0


def race(folder: Path, pair: tuple[str, str]) -> list[str]:
    """Start both commands at once on one database; what one acknowledged and nobody can find any more."""
    data = folder / "data"
    database = data / "incidents.sqlite3"
    prepare(data, pair)
    commands = []
    imported: dict[int, str] = {}
    for index, name in enumerate(pair):
        if name == "import":
            imported[index] = f"Race import {index} {folder.name}"
            commands.append(["import", "--input", str(incident_file(folder, imported[index]))])
        elif name == "restore":
            commands.append(["restore", "--latest"])
        else:
            commands.append([name])
    results = [finished(process) for process in [cli(data, *command) for command in commands]]
    lost: list[str] = []
    replaced = [Path(m.group(1)) for _, out, _ in results
                if (m := re.search(r"the replaced database was saved as (.+)", out))]  # fmt: skip
    for index, (name, (status, out, err)) in enumerate(zip(pair, results, strict=True)):
        assert status == 0, f"{pair}: {name} exited {status}: {err}"
        if name == "import" and "Imported 1 rows" in out:
            title = imported[index]
            if not any(title in titles(path) for path in [database, *replaced]):
                lost.append(f"{pair}: {title}")
    assert main(["--data-dir", str(data), "check"]) == 0, f"{pair}: the database does not check"
    return lost


def test_racing_writers_lose_nothing_acknowledged(tmp_path: Path) -> None:
    assert race_rounds(tmp_path, int(os.environ.get("RACE_ROUNDS", CI_ROUNDS))) == []


@pytest.mark.slow
def test_racing_writers_stress(tmp_path: Path) -> None:
    if "RACE_ROUNDS" not in os.environ:
        pytest.skip("set RACE_ROUNDS (make stress races every pair 20 times)")
    assert race_rounds(tmp_path, int(os.environ["RACE_ROUNDS"])) == []
