"""`python -m desktop` as a separate process: the window opens, closes by itself and the process exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.lookup import reopen

from desktop.app import QUIT_AFTER_ENV
from desktop.persistence.sqlite_files import audit_head
from desktop.services.backup import verify_backup
from desktop.services.demo import load_demo
from desktop.services.records import IncidentService
from desktop.ui.background_backup import BackgroundBackups

TIMEOUT = 120
BAD_SIGNS = ("Traceback", "QObject", "Segmentation fault", "Fatal Python error", "QThread", "Error")


def run_app(data_dir: Path, *arguments: str, quit_after_ms: int = 1500) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_ENV: str(quit_after_ms)}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *arguments],
                          env=environment, capture_output=True, text=True, timeout=TIMEOUT, check=False)  # fmt: skip


def log_text(data_dir: Path) -> str:
    return (data_dir / "logs" / "incident-logger.log").read_text(encoding="utf-8")


def assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    for sign in BAD_SIGNS:
        assert sign not in done.stderr, f"{sign!r} on stderr:\n{done.stderr}"


def test_first_start_shows_the_window_and_exits_zero(tmp_path: Path) -> None:
    done = run_app(tmp_path)
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    database = tmp_path / "incidents.sqlite3"
    assert database.is_file()
    assert f"main window shown on {database}" in log_text(tmp_path)
    assert "exited with 0" in log_text(tmp_path)
    assert not (tmp_path / "incidents.sqlite3.lock").exists()  # the lock was released
    settings = (tmp_path / "config" / "settings.ini").read_text(encoding="utf-8")
    assert "geometry=" in settings and "incident\\header=" in settings
    assert "demo_offered" not in settings  # no question at start: the empty tables offer the demo records
    reopened = reopen(f"sqlite:///{database}")
    try:
        assert IncidentService(reopened).count() == 0
    finally:
        reopened.close()


def test_a_changed_database_is_backed_up_in_the_background_soon_after_the_start(tmp_path: Path) -> None:
    database = tmp_path / "incidents.sqlite3"
    tmp_path.mkdir(exist_ok=True)
    opened = reopen(f"sqlite:///{database}")
    try:
        load_demo(opened)
    finally:
        opened.close()
    after_start = BackgroundBackups.start_delay_ms + 1500
    done = run_app(tmp_path, quit_after_ms=after_start)
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    backups = sorted((tmp_path / "backups").glob("incidents-*-auto.sqlite3"))
    assert len(backups) == 1 and verify_backup(backups[0]).audit_head == audit_head(database)
    assert "in the background" in log_text(tmp_path)
    again = run_app(tmp_path, quit_after_ms=after_start)  # nothing changed since: no second backup
    assert again.returncode == 0, again.stderr
    assert sorted((tmp_path / "backups").glob("incidents-*-auto.sqlite3")) == backups


def test_a_damaged_database_is_refused_without_a_traceback_and_left_alone(tmp_path: Path) -> None:
    database = tmp_path / "incidents.sqlite3"
    database.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)  # a header, then garbage
    before = database.read_bytes()
    done = run_app(tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"cannot open sqlite+pysqlite:///{database}" in done.stderr
    assert database.read_bytes() == before


@pytest.mark.parametrize("arguments", [("gui",), ()], ids=["gui", "default"])
def test_gui_is_the_default_command(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    done = run_app(tmp_path, *arguments, quit_after_ms=300)
    assert done.returncode == 0, done.stderr
    assert "main window shown" in log_text(tmp_path)
