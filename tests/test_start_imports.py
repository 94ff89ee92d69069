"""Start-up loads only what it uses: `list`, `stats` and `list --search` on an up-to-date database import neither
PySide6 nor Alembic (Alembic comes in when a migration is due); the window imports the Dashboard when its tab is
first shown and the PDF code on export, not to show its first page; the timing marks the start benchmark reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.timing import PREFIX, QUIT_AFTER_SHOW_ENV, TIMING_ENV

TIMEOUT = 120
NEVER_FOR_LISTING = ("PySide6", "shiboken6", "alembic", "openpyxl", "reportlab", "pyzipper", "Cryptodome")
NOT_FOR_THE_FIRST_PAGE = ("PySide6.QtCharts", "PySide6.QtPdf", "alembic", "openpyxl", "pyzipper", "Cryptodome",
                          "desktop.ui.dashboard.tab",
                          "desktop.services.briefing", "desktop.ui.report.briefing_pdf",
                          "desktop.ui.report.custody_pdf")  # fmt: skip


def imported(*arguments: str, env: dict[str, str] | None = None) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules `python -X importtime -m desktop ARGUMENTS` imported, and the finished process."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop", *arguments], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False, env={**os.environ, **(env or {})})  # fmt: skip
    modules = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return modules, done


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose default database holds the demo records (made by `demo`: schema at head)."""
    folder = tmp_path_factory.mktemp("start")
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "demo"], capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize("command", [["list"], ["stats"], ["list", "--search", "molotov"]])
def test_listing_imports_neither_qt_nor_alembic(data_dir: Path, command: list[str]) -> None:
    modules, done = imported("--data-dir", str(data_dir), *command)
    assert done.returncode == 0, done.stderr
    assert "desktop.cli" in modules and "sqlalchemy" in modules  # the probe sees imports at all
    assert loaded(modules, NEVER_FOR_LISTING) == []


def test_a_due_migration_imports_alembic(tmp_path: Path) -> None:
    """The probe above can fail: a new database is created by the migrations, so Alembic is imported."""
    modules, done = imported("--data-dir", str(tmp_path), "--create", "list")
    assert done.returncode == 0, done.stderr
    assert "alembic" in modules and loaded(modules, ("PySide6",)) == []


def test_the_window_shows_its_first_page_without_charts_or_pdf_code(data_dir: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", TIMING_ENV: "1", QUIT_AFTER_SHOW_ENV: "1"}
    modules, done = imported("--data-dir", str(data_dir), "gui", env=env)
    assert done.returncode == 0, done.stderr
    assert "PySide6.QtWidgets" in modules and "desktop.ui.main_window" in modules
    assert loaded(modules, NOT_FOR_THE_FIRST_PAGE) == []
    marks = [line.removeprefix(PREFIX).rsplit(" ", 2) for line in done.stderr.splitlines() if line.startswith(PREFIX)]
    assert [name for name, _, _ in marks] == ["main", "imports", "opened", "first page shown"]
    for column in (1, 2):  # the monotonic clock, the process's CPU time
        times = [float(mark[column]) for mark in marks]
        assert times == sorted(times)
