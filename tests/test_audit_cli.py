"""`incident-logger audit verify` finds any edited, deleted (also the newest) or forged entry and names it;
`audit history`, `backup` and `restore` on the command line (restore audited, damaged file kept on request)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from support.raw import Run, cli_runner, sql

from desktop.persistence.audit_log import entry_hash
from desktop.persistence.identity import os_user
from desktop.persistence.instance_lock import InstanceLock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_runner(data_dir, capsys)


@pytest.fixture
def demo(run: Run, data_dir: Path) -> Path:
    status, _, _ = run("demo")
    assert status == 0
    return data_dir / "incidents.sqlite3"


def entry_ids(path: Path) -> list[int]:
    return [int(row[0]) for row in sql(path, "SELECT id FROM audit_entries ORDER BY id")]


def test_intact_trail_verifies(run: Run, demo: Path) -> None:
    status, out, _ = run("audit", "verify")
    assert status == 0
    records = sum(len(sql(demo, f"SELECT uuid FROM {table}")) for table in
                  ("facilities", "incidents", "plan_items", "directives"))  # fmt: skip
    assert out == (
        f"audit trail intact: {len(entry_ids(demo))} entries signed with this database's key, hash chain, "
        f"chain head verified; {records} records match their entries\n"
    )


def test_edited_entry_is_named(run: Run, demo: Path) -> None:
    target = entry_ids(demo)[3]
    (changes, entity, uuid, action) = sql(
        demo, "SELECT changes, entity, entity_uuid, action FROM audit_entries WHERE id = ?", target
    )[0]
    edited = json.loads(str(changes))
    edited[next(iter(edited))] = [None, "something else"]
    sql(demo, "UPDATE audit_entries SET changes = ? WHERE id = ?", json.dumps(edited), target)
    status, out, _ = run("audit", "verify")
    assert status == 1
    assert f"TAMPERED: entry {target} ({action} {entity} {uuid}) was edited, or re-hashed without the key\n" in out
    assert f"TAMPERED: {entity} {uuid} (" in out and "was edited outside the program" in out  # its record's replay
    assert out.endswith(f"audit trail tampered: 2 problem(s) in {len(entry_ids(demo))} entries\n")


def test_edited_time_is_found(run: Run, demo: Path) -> None:
    target = entry_ids(demo)[0]
    sql(demo, "UPDATE audit_entries SET at = '2019-01-01 00:00:00.000000' WHERE id = ?", target)
    status, out, _ = run("audit", "verify")
    assert status == 1 and f"entry {target} (" in out and "was edited" in out


def test_deleted_middle_entry_is_found_where_it_was(run: Run, demo: Path) -> None:
    ids = entry_ids(demo)
    sql(demo, "DELETE FROM audit_entries WHERE id = ?", ids[2])
    status, out, _ = run("audit", "verify")
    assert status == 1
    assert f"entry {ids[3]}: the entry before it (after entry {ids[1]}) is missing or was replaced" in out
    assert "1 entries are missing" in out  # the chain head counts them too


def test_deleted_newest_entry_is_found_by_the_chain_head(run: Run, demo: Path) -> None:
    ids = entry_ids(demo)
    sql(demo, "DELETE FROM audit_entries WHERE id = ?", ids[-1])
    status, out, _ = run("audit", "verify")
    assert status == 1
    assert (
        f"TAMPERED: 1 entries after entry {ids[-2]} are missing: {len(ids)} were written, {len(ids) - 1} remain" in out
    )


def test_emptied_trail_is_found(run: Run, demo: Path) -> None:
    written = len(entry_ids(demo))
    sql(demo, "DELETE FROM audit_entries")
    status, out, _ = run("audit", "verify")
    assert status == 1 and f"{written} entries are missing: {written} were written, 0 remain" in out


def test_deleted_chain_head_is_found(run: Run, demo: Path) -> None:
    sql(demo, "DELETE FROM audit_head")
    status, out, _ = run("audit", "verify")
    assert status == 1 and "the chain head (count and last hash of the entries) is missing" in out


def test_forged_entry_with_a_valid_hash_is_found(run: Run, demo: Path) -> None:
    """Someone who recomputes the hash can append an entry, but the chain head does not count it."""
    (last,) = sql(demo, "SELECT entry_hash FROM audit_entries ORDER BY id DESC LIMIT 1")[0]
    at = datetime(2024, 3, 2, 9, 0, 0)
    changes = {"title": ["Real title", "Forged title"]}
    digest = entry_hash(str(last), at, "update", "incident", "forged-uuid", changes)
    sql(demo, "INSERT INTO audit_entries (at, action, entity, entity_uuid, changes, prev_hash, entry_hash) "
              "VALUES (?, 'update', 'incident', 'forged-uuid', ?, ?, ?)",
        at.isoformat(sep=" "), json.dumps(changes), last, digest)  # fmt: skip
    status, out, _ = run("audit", "verify")
    assert status == 1 and "1 entries were added outside the program, or the chain head was edited" in out


def test_history_of_a_record(run: Run, demo: Path) -> None:
    ((uuid, title),) = sql(demo, "SELECT uuid, title FROM incidents WHERE title LIKE '%Molotov%'")
    sql(demo, "SELECT 1")
    status, out, _ = run("audit", "history", str(uuid))
    assert status == 0
    lines = out.splitlines()
    assert lines[-1] == f"1 entry for {uuid}"
    assert " create  incident " in lines[0] and f"title: None → {title!r}" in lines[0]
    assert f" incident  by {os_user()}  " in lines[0]  # who wrote it (the computer's user on a file)
    sql(demo, "UPDATE audit_entries SET actor = NULL")  # as entries from before users were recorded read
    assert " incident  by unknown  " in run("audit", "history", str(uuid))[1].splitlines()[0]


@pytest.mark.posix_only
def test_backup_and_restore_on_the_command_line(run: Run, demo: Path, data_dir: Path) -> None:
    status, out, _ = run("backup")
    assert status == 0 and out.startswith("backup written and verified: ")
    backup = Path(out.split(": ", 1)[1].split("  ")[0])
    assert backup.parent == data_dir / "backups" and backup.stat().st_mode & 0o777 == 0o600
    assert run("demo")[0] == 0
    sql(demo, "DELETE FROM plan_items")  # a loss to undo
    status, out, _ = run("restore", "--list")
    assert status == 0 and str(backup) in out and "3 plan items" in out
    status, out, err = run("restore", str(backup))
    assert (status, err) == (0, "")
    assert "the replaced database was saved as" in out
    assert sql(demo, "SELECT COUNT(*) FROM plan_items") == [(3,)]
    status, out, _ = run("audit", "history", "")
    assert status == 0 and " restore database " in out and backup.name in out
    assert run("audit", "verify")[0] == 0


def test_restore_is_refused_while_the_app_has_the_database_open(run: Run, demo: Path) -> None:
    assert run("backup")[0] == 0
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    with InstanceLock(demo):
        status, _, err = run("--wait", "0.3", "restore", "--latest")
    assert status == 3 and "already running on" in err and "Close it first" in err
    assert "Waiting up to 0.3 s for it to close" in err
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before


def test_damaged_database_is_kept_only_with_move_damaged(run: Run, demo: Path) -> None:
    assert run("backup")[0] == 0
    garbage = b"SQLite format 3\x00" + b"not a database any more " * 500
    demo.write_bytes(garbage)
    status, _, err = run("list")
    assert status == 2 and "is damaged" in err and "restore --latest --move-damaged" in err
    status, _, err = run("restore", "--latest")
    assert status == 1 and "Add --move-damaged" in err
    assert demo.read_bytes() == garbage  # untouched without consent
    status, out, _ = run("restore", "--latest", "--move-damaged")
    assert status == 0 and "the damaged database was kept as" in out
    assert demo.with_name("incidents.sqlite3.damaged").read_bytes() == garbage
    status, out, _ = run("list")
    assert status == 0 and len(out.splitlines()) == 3


def test_newer_schema_is_refused_by_every_command_byte_identical(run: Run, demo: Path) -> None:
    sql(demo, "UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    for command in (["list"], ["audit", "verify"], ["backup"]):
        status, _, err = run(*command)
        assert status == 2 and "newer version of Incident Logger" in err
    status, _, err = run("restore", "--latest")
    assert status == 1
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
