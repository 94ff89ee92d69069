"""`incident-logger migrate`: a release-0003 file is migrated (a verified backup first) and says from what to what;
a damaged file gets the line every command prints for it, and is left as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.raw import cli_runner, sql

from desktop.persistence.schema import head_revision

RELEASE_0003 = Path(__file__).parent / "data" / "release-0003.sqlite"


def test_migrate_brings_a_release_file_to_the_head_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "incidents.sqlite3"
    shutil.copyfile(RELEASE_0003, database)
    database.chmod(0o600)
    run = cli_runner(data, capsys)
    head = head_revision()
    status, out, _ = run("migrate")
    assert status == 0 and out.endswith(f"migrated from schema 0003 to {head}\n")
    assert sql(database, "SELECT version_num FROM alembic_version") == [(head,)]
    assert any(p.name.endswith("before-migration.sqlite3") for p in (data / "backups").iterdir())
    status, out, _ = run("migrate")
    assert status == 0 and out.endswith(f"is already at schema {head}\n")


def test_migrate_on_a_damaged_file_says_so_like_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "incidents.sqlite3"
    garbage = b"SQLite format 3\x00" + b"torn pages " * 500
    database.write_bytes(garbage)
    run = cli_runner(data, capsys)
    status, _, err = run("migrate")
    listed, _, list_err = run("list")
    assert status == listed == 2
    assert err == list_err and "is damaged" in err and "restore --latest --move-damaged" in err
    assert database.read_bytes() == garbage
