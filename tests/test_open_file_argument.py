"""`incident-logger FILE` (the desktop file's `Exec=incident-logger %f`) opens the window on that database file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import QUIT_AFTER_ENV
from desktop.cli import main, parse_arguments

TIMEOUT = 120


def python(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_ENV: "1500"}
    return subprocess.run([sys.executable, "-m", "desktop", *arguments], env=environment, cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "file"),
    [
        (["case.incidents"], "case.incidents"),
        (["--data-dir", "/tmp/d", "/cases/2026.incidents"], "/cases/2026.incidents"),
        (["--wait", "5", "folder/case"], "folder/case"),
        (["gui", "old.sqlite3"], "old.sqlite3"),
    ],
)
def test_a_database_file_as_the_last_argument_opens_the_window_on_it(argv: list[str], file: str) -> None:
    args = parse_arguments(argv)
    assert args.command == "gui" and args.file == Path(file)


def test_a_command_or_an_option_value_is_not_taken_for_a_file() -> None:
    assert parse_arguments(["--data-dir", "/tmp/d"]).command is None
    assert parse_arguments(["--data-dir", "/tmp/d", "list"]).command == "list"
    assert parse_arguments([]).command is None


def test_a_mistyped_command_is_still_told_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(["lsit"])
    assert stopped.value.code == 2
    assert "invalid choice: 'lsit'" in capsys.readouterr().err


def test_a_file_and_a_database_url_together_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(tmp_path), "--database-url", f"sqlite:///{tmp_path / 'a.db'}", "b.incidents"])
    assert code == 2
    assert "either a database file or --database-url" in capsys.readouterr().err
    assert not (tmp_path / "b.incidents").exists() and not (tmp_path / "a.db").exists()


def test_the_window_opens_the_file_given_relative_to_the_current_folder(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    case = cases / "north.incidents"
    data = tmp_path / "data"
    made = python("--data-dir", str(data), "--database-url", f"sqlite:///{case}", "--create", "demo")
    assert made.returncode == 0, made.stderr
    done = python("--data-dir", str(data), "north.incidents", cwd=cases)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    log = (data / "logs" / "incident-logger.log").read_text(encoding="utf-8")
    assert f"main window shown on {case}" in log
    assert not (data / "incidents.sqlite3").exists()  # not the default database
    assert str(case) in (data / "config" / "settings.ini").read_text(encoding="utf-8")  # a recent database now
