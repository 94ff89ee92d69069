"""An import proven by its one audit entry: the file kept, a digest per record it made, the replay and the history
of imported records, tampering found, and a file rejected at its last row leaving everything as it was."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from support.raw import sql
from support.released import released_copy

from desktop.domain.enums import AuditAction
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.engine import sqlite_file
from desktop.persistence.schema import current_revision, head_revision
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.audit import history, verify_chain
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions

TACOMA = "Northwest Detention Center, Tacoma"
HEADER = ["title", "facility_name", "occurred", "description", "suspect_names"]


def rows_file(path: Path, count: int, *, last: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for number in range(count):
            writer.writerow([f"Imported {number}", TACOMA, f"2019-08-{1 + number % 28:02d}",
                             f"quadcopter{number} over the fence", f"Suspect {number}"])  # fmt: skip
        if last is not None:
            writer.writerow(last)
    return path


def path_of(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def imported_uuids(database: Database) -> list[str]:
    return [str(row[0]) for row in sql(path_of(database), "SELECT uuid FROM imported_records ORDER BY uuid")]


def test_an_import_is_one_entry_that_proves_every_record_it_made(demo_database: Database, tmp_path: Path) -> None:
    source = rows_file(tmp_path / "many.csv", 1_200)  # more than two batches
    entries_before = sql(path_of(demo_database), "SELECT count(*) FROM audit_entries")[0][0]

    report = import_csv(demo_database, source, ImportOptions())

    assert report.committed and report.inserted == 1_200
    path = path_of(demo_database)
    assert sql(path, "SELECT count(*) FROM audit_entries")[0][0] == entries_before + 1  # one entry for 1,200 rows
    [(action, changes)] = sql(path, "SELECT action, changes FROM audit_entries ORDER BY id DESC LIMIT 1")
    assert action == "import" and '"records_made":[null,1200]' in str(changes).replace(" ", "")
    assert len(imported_uuids(demo_database)) == 1_200
    sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    assert sql(path, "SELECT size FROM evidence_blobs WHERE sha256 = ?", sha256) == [(source.stat().st_size,)]
    report_of_verify = verify_chain(demo_database)
    assert report_of_verify.ok, report_of_verify.problems
    assert report_of_verify.records >= 1_200 + 3
    # the full-text index knows the imported rows (it was kept per batch, the trigger made again)
    assert IncidentService(demo_database).count(IncidentFilter(text="quadcopter1199")) == 1
    assert sql(path, "SELECT count(*) FROM sqlite_master WHERE name = 'incidents_fts_insert'") == [(1,)]


def test_a_row_edited_behind_the_program_is_named_by_its_import_digest(demo_database: Database, tmp_path: Path) -> None:
    import_csv(demo_database, rows_file(tmp_path / "few.csv", 5), ImportOptions())
    path = path_of(demo_database)
    victim = imported_uuids(demo_database)[2]
    sql(path, "UPDATE incidents SET description = 'rewritten' WHERE uuid = ?", victim)

    problems = verify_chain(demo_database).problems

    assert any(victim in problem and "state as imported" in problem for problem in problems), problems
    assert len(problems) == 1


def test_the_list_of_imported_records_is_itself_proven(demo_database: Database, tmp_path: Path) -> None:
    import_csv(demo_database, rows_file(tmp_path / "few.csv", 5), ImportOptions())
    path = path_of(demo_database)
    victim = imported_uuids(demo_database)[0]
    sql(path, "UPDATE imported_records SET state_digest = 'x' WHERE uuid = ?", victim)
    problems = verify_chain(demo_database).problems
    assert any("the list of the records it made was edited" in problem for problem in problems), problems
    sql(path, "DELETE FROM imported_records WHERE uuid = ?", victim)
    problems = verify_chain(demo_database).problems
    assert any("made 5 records but 4 are listed" in problem for problem in problems), problems
    assert any(victim in problem and "inserted outside the program" in problem for problem in problems), problems


def test_an_imported_record_changed_in_the_program_stays_proven(demo_database: Database, tmp_path: Path) -> None:
    import_csv(demo_database, rows_file(tmp_path / "few.csv", 4), ImportOptions())
    service = IncidentService(demo_database)
    first, second, third, _ = imported_uuids(demo_database)
    service.update(replace(service.get(first), description="Corrected by the analyst"))
    service.update(replace(service.get(first), title="Corrected title"))
    service.delete(second)
    path = path_of(demo_database)
    restated = sql(path, "SELECT count(*) FROM audit_entries WHERE entity_uuid = ? AND changes LIKE '%(imported)%'",
                   first)  # fmt: skip
    assert restated == [(1,)]  # its state written once, before its first change

    report = verify_chain(demo_database)
    assert report.ok, report.problems

    entries = history(demo_database, first)
    assert entries[0].action is AuditAction.IMPORT and entries[0].changes["file"][1].endswith("few.csv")
    assert [entry.action for entry in entries[1:]] == [AuditAction.UPDATE, AuditAction.UPDATE]
    old, new = entries[1].changes["description"]
    assert str(old).startswith("quadcopter") and new == "Corrected by the analyst"
    # a later change behind the program's back is still found, field by field
    sql(path, "UPDATE incidents SET occurred_on = '2001-01-01' WHERE uuid = ?", first)
    sql(path, "UPDATE incidents SET title = 'forged' WHERE uuid = ?", third)
    problems = verify_chain(demo_database).problems
    assert any(first in problem and "occurred" in problem for problem in problems), problems
    assert any(third in problem and "state as imported" in problem for problem in problems), problems


def test_sensitive_values_are_in_no_digest_readable_form(demo_database: Database, tmp_path: Path) -> None:
    import_csv(demo_database, rows_file(tmp_path / "few.csv", 3), ImportOptions())
    text = " ".join(str(row) for row in sql(path_of(demo_database), "SELECT * FROM audit_entries"))
    text += " ".join(str(row) for row in sql(path_of(demo_database), "SELECT * FROM imported_records"))
    assert "Suspect 1" not in text


def test_the_imported_file_is_kept_when_an_attachment_of_the_same_bytes_goes(demo_database: Database,
                                                                            tmp_path: Path) -> None:  # fmt: skip
    source = rows_file(tmp_path / "few.csv", 3)
    import_csv(demo_database, source, ImportOptions())
    uuid = imported_uuids(demo_database)[0]
    attachments = AttachmentService(demo_database)
    [attachment] = attachments.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(source)])
    attachments.remove(attachment.uuid)
    sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    assert sql(path_of(demo_database), "SELECT count(*) FROM evidence_blobs WHERE sha256 = ?", sha256) == [(1,)]


def test_an_error_in_the_last_row_writes_nothing(demo_database: Database, tmp_path: Path) -> None:
    source = rows_file(tmp_path / "late.csv", 1_100, last=["", TACOMA, "2019-08-01", "", ""])  # no title
    path = path_of(demo_database)
    tables = ("incidents", "incidents_fts", "incident_status_changes", "audit_entries", "imported_records",
              "evidence_blobs", "evidence_chunks")  # fmt: skip
    before = {table: sql(path, f"SELECT count(*) FROM {table}") for table in tables}
    schema = sql(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")

    report = import_csv(demo_database, source, ImportOptions())

    assert not report.committed and report.inserted == 1_100
    [problem] = report.problems
    assert problem.line == 1_102 and "title" in (problem.column_name + problem.reason)
    assert {table: sql(path, f"SELECT count(*) FROM {table}") for table in tables} == before
    assert sql(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema  # the trigger is back
    assert verify_chain(demo_database).ok
    assert IncidentService(demo_database).count(IncidentFilter(text="quadcopter5")) == 0


def test_the_released_0005_database_upgrades_and_its_old_import_still_verifies(tmp_path: Path) -> None:
    copy = released_copy(tmp_path, "0005")
    assert sql(copy, "SELECT version_num FROM alembic_version") == [("0005",)]
    before = sql(copy, "SELECT uuid, title, description, suspect_names FROM incidents ORDER BY uuid")
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        assert current_revision(database.engine) == head_revision()
        assert any((tmp_path / "backups").iterdir()), "a verified backup before migrating"
        report = verify_chain(database)
        assert report.ok and report.signed, report.problems
        assert sql(copy, "SELECT uuid, title, description, suspect_names FROM incidents ORDER BY uuid") == before
        assert sql(copy, "SELECT count(*) FROM imported_records") == [(0,)]  # the old import keeps its own entries
        stored = IncidentService(database).page(page=Page(limit=50))
        edited = next(i for i in stored if i.title.startswith("Imported and"))
        assert edited.description == "Edited after its import"
        assert history(database, edited.uuid)[0].action is AuditAction.CREATE
        source = rows_file(tmp_path / "new.csv", 2)
        assert import_csv(database, source, ImportOptions()).committed
        assert verify_chain(database).ok
    finally:
        database.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_an_import_on_postgresql_is_proven_the_same_way(any_demo_database: Database, tmp_path: Path) -> None:
    report = import_csv(any_demo_database, rows_file(tmp_path / "pg.csv", 600), ImportOptions())
    assert report.committed and report.inserted == 600
    service = IncidentService(any_demo_database)
    assert service.count(IncidentFilter(text="quadcopter599")) == 1
    first = service.page(IncidentFilter(text="quadcopter7"))[0]
    service.update(replace(first, description="Changed on the server"))
    result = verify_chain(any_demo_database)
    assert result.ok, result.problems
