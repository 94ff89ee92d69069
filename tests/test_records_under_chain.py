"""Records under the keyed audit chain: a row edited, inserted or deleted with the sqlite3 shell is named by `check`
and `audit verify`; a chain re-hashed or rebuilt without the key is caught, one rebuilt with it by a receipt; a
database upgraded from release 0003 gets its key, its old entries signed and its sensitive values fingerprinted."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from support.raw import Run, cli_runner, sql

from desktop.persistence.audit_log import GENESIS, entry_hash
from desktop.persistence.chain_keys import KeyStore
from desktop.services.audit import verify_chain
from desktop.services.session.service import DatabaseSessions

RELEASE_0003 = Path(__file__).parent / "data" / "release-0003.sqlite"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_runner(tmp_path / "data", capsys)


@pytest.fixture
def demo(run: Run, tmp_path: Path) -> Path:
    assert run("demo")[0] == 0
    return tmp_path / "data" / "incidents.sqlite3"


def verify(run: Run, *extra: str) -> tuple[int, list[str]]:
    status, out, _ = run("audit", "verify", *extra)
    return status, out.splitlines()


def tampered(lines: list[str]) -> list[str]:
    return [line.removeprefix("TAMPERED: ") for line in lines if line.startswith("TAMPERED: ")]


def test_a_demo_database_verifies_with_every_record_replayed(run: Run, demo: Path) -> None:
    status, lines = verify(run)
    assert status == 0, lines
    assert lines[-1].startswith("audit trail intact:") and "signed with this database's key" in lines[-1]
    assert "10 records match their entries" in lines[-1]


def test_an_incident_edited_with_the_shell_is_named_with_its_fields(run: Run, demo: Path) -> None:
    [(uuid,)] = sql(demo, "SELECT uuid FROM incidents WHERE title LIKE 'Molotov%'")
    sql(demo, "UPDATE incidents SET title = 'Nothing happened', victims_injured = 5 WHERE uuid = ?", uuid)
    status, lines = verify(run)
    assert status == 1
    assert tampered(lines) == [f"incident {uuid} (Nothing happened) was edited outside the program: title, victims "
                               "injured differ from the audit trail"]  # fmt: skip
    status, out, _ = run("check")
    assert status == 1 and f"audit: incident {uuid} (Nothing happened) was edited outside the program" in out


def test_a_sensitive_field_edited_with_the_shell_is_named_without_its_value(run: Run, demo: Path) -> None:
    [(uuid,)] = sql(demo, "SELECT uuid FROM incidents WHERE title LIKE 'Molotov%'")
    sql(demo, "UPDATE incidents SET suspect_names = 'Someone Else' WHERE uuid = ?", uuid)
    status, lines = verify(run)
    assert status == 1 and len(tampered(lines)) == 1
    assert "suspect names differs from the audit trail" in tampered(lines)[0]
    assert "Someone Else" not in "\n".join(lines)


def test_a_row_inserted_with_the_shell_is_named(run: Run, demo: Path) -> None:
    columns = [row[1] for row in sql(demo, "PRAGMA table_info(plan_items)") if row[1] != "id"]
    chosen = ", ".join("'forged-plan-item'" if name == "uuid" else name for name in columns)
    sql(demo, f"INSERT INTO plan_items ({', '.join(columns)}) SELECT {chosen} FROM plan_items LIMIT 1")
    [(description,)] = sql(demo, "SELECT description FROM plan_items WHERE uuid = 'forged-plan-item'")
    status, lines = verify(run)
    assert status == 1
    assert tampered(lines) == [f"plan item forged-plan-item ({description}) was inserted outside the program: the "
                               "audit trail has no entry that made it"]  # fmt: skip


def test_a_row_deleted_with_the_shell_is_named(run: Run, demo: Path) -> None:
    [(uuid,)] = sql(demo, "SELECT uuid FROM plan_items LIMIT 1")
    sql(demo, "DELETE FROM plan_items WHERE uuid = ?", uuid)
    status, lines = verify(run)
    assert status == 1
    assert tampered(lines) == [f"plan item {uuid} was deleted outside the program: the audit trail says it exists"]


def test_deleting_the_newest_entry_and_fixing_the_head_is_caught(run: Run, demo: Path) -> None:
    [(last_id,)] = sql(demo, "SELECT MAX(id) FROM audit_entries")
    [(previous,)] = sql(demo, "SELECT entry_hash FROM audit_entries WHERE id = ?", int(str(last_id)) - 1)
    sql(demo, "DELETE FROM audit_entries WHERE id = ?", last_id)
    sql(demo, "UPDATE audit_head SET entries = entries - 1, last_hash = ?", previous)
    status, lines = verify(run)
    assert status == 1 and any("outside the program" in line for line in tampered(lines)), lines


def rehash_without_key(path: Path) -> None:
    """What anyone who can write the file can do: recompute every hash with plain SHA-256 and fix the head."""
    prev = GENESIS
    rows = sql(path, "SELECT id, at, action, entity, entity_uuid, changes FROM audit_entries ORDER BY id")
    from datetime import datetime

    for row_id, at, action, entity, entity_uuid, changes in rows:
        digest = entry_hash(prev, datetime.fromisoformat(str(at)), str(action), str(entity), str(entity_uuid),
                            json.loads(str(changes)))  # fmt: skip
        sql(path, "UPDATE audit_entries SET prev_hash = ?, entry_hash = ? WHERE id = ?", prev, digest, row_id)
        prev = digest
    sql(path, "UPDATE audit_head SET entries = ?, last_hash = ?", len(rows), prev)


def test_a_middle_entry_edited_and_the_chain_rehashed_without_the_key_is_caught(run: Run, demo: Path) -> None:
    [(row_id, changes)] = sql(demo, "SELECT id, changes FROM audit_entries WHERE entity = 'incident' LIMIT 1")
    edited = json.loads(str(changes))
    edited["title"] = [None, "Rewritten history"]
    sql(demo, "UPDATE audit_entries SET changes = ? WHERE id = ?", json.dumps(edited), row_id)
    sql(demo, "UPDATE audit_entries SET key_id = NULL")  # as if never signed
    rehash_without_key(demo)
    status, lines = verify(run)
    assert status == 1
    assert any("not signed with the chain key" in line for line in tampered(lines)), lines
    assert any("was edited outside the program: title" in line for line in tampered(lines)), lines


def test_every_entry_deleted_and_the_head_reset_is_caught(run: Run, demo: Path) -> None:
    sql(demo, "DELETE FROM audit_entries")
    sql(demo, "UPDATE audit_head SET entries = 0, last_hash = ?", GENESIS)
    status, lines = verify(run)
    assert status == 1
    assert sum("was inserted outside the program" in line for line in tampered(lines)) == 10, lines


def test_a_receipt_catches_a_chain_rebuilt_with_the_key(run: Run, demo: Path, tmp_path: Path) -> None:
    status, out, _ = run("audit", "receipt")
    taken = out.splitlines()[0]
    assert status == 0 and taken.split(":")[0] == str(sql(demo, "SELECT COUNT(*) FROM audit_entries")[0][0])
    assert verify(run, "--receipt", taken)[0] == 0
    [(database_id,)] = sql(demo, "SELECT database_id FROM audit_head")
    [key] = KeyStore().keys(str(database_id)).values()
    prev = GENESIS
    rows = sql(demo, "SELECT id, at, action, entity, entity_uuid, changes, actor FROM audit_entries ORDER BY id")
    from datetime import datetime

    for number, (entry_id, at, action, entity, entity_uuid, entry_changes, actor) in enumerate(rows):
        contents = json.loads(str(entry_changes))
        if number == 0:
            contents["notes"] = [None, "forged by someone with the key"]
            sql(demo, "UPDATE audit_entries SET changes = ? WHERE id = ?", json.dumps(contents), entry_id)
        digest = entry_hash(prev, datetime.fromisoformat(str(at)), str(action), str(entity), str(entity_uuid),
                            contents, key.secret, actor=None if actor is None else str(actor))  # fmt: skip
        sql(demo, "UPDATE audit_entries SET prev_hash = ?, entry_hash = ? WHERE id = ?", prev, digest, entry_id)
        prev = digest
    sql(demo, "UPDATE audit_head SET last_hash = ?", prev)
    status, lines = verify(run, "--receipt", taken)
    assert status == 1
    assert any("are not those the receipt was taken of" in line for line in tampered(lines)), lines
    assert verify(run, "--receipt", "12:not-a-hash")[0] == 2


@pytest.mark.posix_only
def test_without_the_key_the_chain_is_not_called_intact(run: Run, demo: Path) -> None:
    [(database_id,)] = sql(demo, "SELECT database_id FROM audit_head")
    key_file = KeyStore().file_of(str(database_id))
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert key_file.parent.stat().st_mode & 0o777 == 0o700
    moved = key_file.with_name("elsewhere.json")
    key_file.rename(moved)
    try:
        status, lines = verify(run)
        assert status == 1
        assert any("which is not on this computer" in line for line in tampered(lines)), lines
    finally:
        moved.rename(key_file)
    assert verify(run)[0] == 0


def test_the_key_is_neither_in_the_database_nor_in_its_backups(run: Run, demo: Path, tmp_path: Path) -> None:
    [(database_id,)] = sql(demo, "SELECT database_id FROM audit_head")
    [key] = KeyStore().keys(str(database_id)).values()
    assert run("backup")[0] == 0
    for path in [demo, *(tmp_path / "data" / "backups").iterdir()]:
        contents = path.read_bytes()
        assert key.secret not in contents and key.secret.hex().encode() not in contents, path


def name_suspect(path: Path, names: str) -> str:
    from dataclasses import replace

    from desktop.domain.queries import Page
    from desktop.persistence.engine import sqlite_url
    from desktop.persistence.opening import open_database
    from desktop.services.records import RecordServices

    database = open_database(sqlite_url(path))
    try:
        services = RecordServices.of(database)
        incident = services.incidents.page(page=Page(limit=1))[0]
        services.incidents.update(replace(services.incidents.get(incident.uuid), suspect_names=names))
        return incident.uuid
    finally:
        database.close()


def test_sensitive_values_are_fingerprints_in_the_trail_unless_kept(run: Run, demo: Path) -> None:
    uuid = name_suspect(demo, "MARKER-SUSPECT-ONE")
    trail = "\n".join(str(row[0]) for row in sql(demo, "SELECT changes FROM audit_entries"))
    assert "MARKER-SUSPECT-ONE" not in trail and "sensitive:" in trail
    status, out, _ = run("audit", "history", uuid)
    assert status == 0 and "suspect_names: '' → (sensitive: not kept in the trail)" in out
    assert verify(run)[0] == 0  # the replay compares the fingerprint with the stored names
    assert run("audit", "sensitive", "keep")[0] == 0
    name_suspect(demo, "MARKER-SUSPECT-TWO")
    trail = "\n".join(str(row[0]) for row in sql(demo, "SELECT changes FROM audit_entries"))
    assert "MARKER-SUSPECT-TWO" in trail  # kept as typed, as asked (the old value too)
    assert verify(run)[0] == 0


def upgraded_0003(tmp_path: Path) -> Path:
    copy = tmp_path / "release.sqlite"
    shutil.copyfile(RELEASE_0003, copy)
    copy.chmod(0o600)
    return copy


def test_a_release_0003_database_is_signed_and_its_sensitive_values_leave_the_trail(tmp_path: Path) -> None:
    copy = upgraded_0003(tmp_path)
    before = sql(copy, "SELECT changes FROM audit_entries")
    assert any("RELEASE-0003-SUSPECT" in str(row[0]) for row in before)  # that release kept them in clear
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        report = verify_chain(database)
        assert report.ok and report.signed, report.problems
        assert report.records == sum(sql(copy, f"SELECT COUNT(*) FROM {t}")[0][0]
                                     for t in ("facilities", "incidents", "plan_items", "directives"))  # fmt: skip
    finally:
        database.close()
    trail = "\n".join(str(row[0]) for row in sql(copy, "SELECT changes FROM audit_entries"))
    for marker in ("RELEASE-0003-SUSPECT", "RELEASE-0003-DETAILS", "RELEASE-0003-DELETED"):
        assert marker not in trail
    assert sql(copy, "SELECT COUNT(*) FROM audit_entries WHERE key_id IS NULL") == [(0,)]


def test_a_release_0003_database_edited_before_the_upgrade_is_taken_as_found_and_said(tmp_path: Path) -> None:
    copy = upgraded_0003(tmp_path)
    sql(
        copy,
        "UPDATE incidents SET title = 'Edited before the upgrade' WHERE rowid = (SELECT MIN(rowid) FROM incidents)",
    )
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        assert verify_chain(database).ok
    finally:
        database.close()
    baseline = sql(copy, "SELECT changes FROM audit_entries WHERE changes LIKE '%(baseline)%'")
    assert any("Edited before the upgrade" in str(row[0]) for row in baseline)


def test_deleting_a_linked_incident_audits_the_links_it_removes(run: Run, demo: Path) -> None:
    from desktop.persistence.engine import sqlite_url
    from desktop.persistence.opening import open_database
    from desktop.services.records import RecordServices

    database = open_database(sqlite_url(demo))
    try:
        services = RecordServices.of(database)
        from desktop.domain.queries import Page

        first, second, _ = services.incidents.page(page=Page(limit=3))
        from dataclasses import replace

        services.incidents.update(replace(services.incidents.get(first.uuid), related_uuids=(second.uuid,)))
        services.incidents.delete(second.uuid)
        report = verify_chain(database)
        assert report.ok, report.problems
    finally:
        database.close()


def test_hashes_in_this_file_use_the_same_rendering(demo: Path) -> None:
    """The forgeries above are real: an unsigned re-hash of an untouched entry gives SHA-256 of its rendering."""
    from datetime import datetime

    [(at, action, entity, entity_uuid, changes)] = sql(
        demo, "SELECT at, action, entity, entity_uuid, changes FROM audit_entries ORDER BY id LIMIT 1")  # fmt: skip
    rendering = [GENESIS, datetime.fromisoformat(str(at)).isoformat(), action, entity, entity_uuid,
                 json.loads(str(changes))]  # fmt: skip
    body = json.dumps(rendering, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert entry_hash(GENESIS, datetime.fromisoformat(str(at)), str(action), str(entity), str(entity_uuid),
                      json.loads(str(changes))) == hashlib.sha256(body.encode()).hexdigest()  # fmt: skip
