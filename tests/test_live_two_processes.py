"""Two app processes (`python -m desktop --database-url …`) on one PostgreSQL database, and a third process that saves:
both windows read the change within a second, without Refresh. The latency is measured from the saving process's
commit to each window's refreshed table (the windows log it with the wall clock)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.pg_server import PostgresServer

from desktop.app import QUIT_AFTER_ENV
from desktop.domain.records import Facility
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
START_TIMEOUT_S = 60
REFRESHED = re.compile(r"live refresh of (\S+) at (\d+\.\d+)")
SAVE = textwrap.dedent(
    """
    import sys, time
    from dataclasses import replace
    from desktop.services.records import FacilityService
    from desktop.services.session.service import DatabaseSessions
    sessions = DatabaseSessions(None)
    database = sessions.open(sys.argv[1], lock=False)
    service = FacilityService(database)
    stored = service.get(sys.argv[2])
    service.update(replace(stored, name=sys.argv[3]))
    print(f"committed at {time.time():.3f}", flush=True)
    sessions.close(database)
    """
)


@pytest.fixture(scope="module")
def shared(postgres_server: PostgresServer) -> Iterator[tuple[str, str]]:
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        sessions = DatabaseSessions(None)
        database = sessions.open(url, lock=False)
        uuid = FacilityService(database).create(Facility(name="Tacoma field office", state="WA")).uuid
        sessions.close(database)
        yield url, uuid


def log_of(data_dir: Path) -> str:
    path = data_dir / "logs" / "incident-logger.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def start_window(url: str, data_dir: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_ENV: str(START_TIMEOUT_S * 1000)}
    return subprocess.Popen([sys.executable, "-m", "desktop", "--database-url", url, "--data-dir", str(data_dir)],
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def wait_for(condition: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.05)


def test_two_windows_see_a_save_of_another_process_within_a_second(shared: tuple[str, str], tmp_path: Path) -> None:
    url, uuid = shared
    folders = [tmp_path / "first", tmp_path / "second"]
    windows = [start_window(url, folder) for folder in folders]
    try:
        for folder, window in zip(folders, windows, strict=True):

            def ready(f: Path = folder, w: subprocess.Popen[str] = window) -> bool:
                return (
                    "listening for changes" in log_of(f) and "main window shown" in log_of(f)
                ) or w.poll() is not None

            wait_for(ready, f"the window of {folder.name} listening", START_TIMEOUT_S)
            assert window.poll() is None, window.communicate()[1]
        saved = subprocess.run([sys.executable, "-c", SAVE, url, uuid, "Tacoma FO (renamed by a script)"],
                               capture_output=True, text=True, timeout=60, check=True)  # fmt: skip
        committed = float(saved.stdout.split("committed at ")[1])
        latencies = []
        for folder in folders:
            wait_for(lambda f=folder: REFRESHED.search(log_of(f)), f"{folder.name} refreshed", 5)
            match = REFRESHED.search(log_of(folder))
            assert match is not None and match.group(1) == "facility"
            latencies.append(float(match.group(2)) - committed)
        print(f"\ncommit to refreshed table in each window: {', '.join(f'{s * 1000:.0f} ms' for s in latencies)}")
        assert all(0 <= seconds < 1.0 for seconds in latencies), latencies
    finally:
        for window in windows:
            window.terminate()
        for window in windows:
            _out, err = window.communicate(timeout=30)
            assert "Traceback" not in err, err
