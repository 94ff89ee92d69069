"""What tests do to a SQLite file behind the program's back (the sqlite3 shell's way), and the CLI run in process."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main

Run = Callable[..., tuple[int, str, str]]


def sql(path: Path, statement: str, *parameters: object) -> list[tuple[object, ...]]:
    """Run one statement on the file with the standard library (committed), returning its rows."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(statement, parameters).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def cli_runner(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """run(*args) -> (exit status, stdout, stderr) of `incident-logger --data-dir DATA_DIR *args`, in process."""

    def run_cli(*args: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run_cli
