"""Exports and backups to /dev/stdout when the shell redirected it to a file (`> file`, `>> file`): the data goes
into that file, and /dev/stdout stays the link it is (a temporary file renamed over it would replace the link and
the data would never arrive)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.output_targets import names_a_descriptor, streams_through

pytestmark = pytest.mark.linux_only  # /dev/stdout, /dev/fd and /proc/self/fd


def run(tmp_path: Path, *arguments: str, into: Path, append: bool = False) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "app"), *arguments]
    with open(into, "ab" if append else "wb") as out:
        return subprocess.run(command, stdout=out, stderr=subprocess.PIPE, timeout=120, check=False)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "app"), "demo"],
                          capture_output=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_an_export_to_redirected_stdout_lands_in_the_file(demo: Path) -> None:
    link = os.readlink("/dev/stdout") if Path("/dev/stdout").is_symlink() else None
    target = demo / "out.csv"
    done = run(demo, "export", "-o", "/dev/stdout", into=target)
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("uuid,") or "case_number" in text.splitlines()[0]
    assert len(text.splitlines()) >= 4  # the header and the demo's three incidents
    if link is not None:
        assert Path("/dev/stdout").is_symlink() and os.readlink("/dev/stdout") == link


def test_an_appending_redirection_keeps_what_was_there(demo: Path) -> None:
    target = demo / "log.txt"
    target.write_text("first line\n", encoding="utf-8")
    done = run(demo, "export", "-o", "/dev/stdout", into=target, append=True)
    assert done.returncode == 0, done.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "first line" and len(lines) >= 5


def test_a_backup_to_redirected_stdout_is_the_database(demo: Path) -> None:
    target = demo / "backup.sqlite3"
    done = run(demo, "backup", "--to", "/dev/stdout", into=target)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/1"])
def test_descriptor_names_are_written_through(name: str) -> None:
    assert names_a_descriptor(Path(name)) and streams_through(Path(name))


def test_a_file_in_dev_named_otherwise_is_not_taken_for_one(tmp_path: Path) -> None:
    assert not names_a_descriptor(tmp_path / "stdout") and not names_a_descriptor(Path("/dev/stdout.csv"))
