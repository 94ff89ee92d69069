"""The CSV import on PostgreSQL: COPY into a staging table then one INSERT ... SELECT per batch; the same report as
SQLite's for the same file, all or nothing, and the same one audit entry proving every record made."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from support.reset import DatabaseReset

from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.models import AuditRow, Base
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.csv.report import ImportReport
from desktop.services.demo import load_demo
from desktop.services.session.service import DatabaseSessions

pytestmark = pytest.mark.postgres
TACOMA = "Northwest Detention Center, Tacoma"
HEADER = ["title", "facility_name", "occurred", "description", "case_number", "severity"]
ROWS = 1_500  # more than one batch of records.BATCH: a batch is copied before the bad line is met


@pytest.fixture
def pg_demo(postgres_database: DatabaseReset, sessions: DatabaseSessions) -> Iterator[Database]:
    database = sessions.open(postgres_database.engine.url.render_as_string(hide_password=False), lock=False)
    try:
        load_demo(database)
        yield database
    finally:
        sessions.close(database)
        postgres_database.reset()


def rows_file(path: Path, *, bad_line: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for number in range(ROWS):
            writer.writerow([f"Imported {number}", TACOMA, f"2019-08-{1 + number % 28:02d}",
                             f"quadcopter{number} over the fence", f"IMP-{number:05d}", "high"])  # fmt: skip
        if bad_line is not None:
            writer.writerow(bad_line)
    return path


def table_counts(database: Database) -> dict[str, int]:
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return {
            t.name: uow.session.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.tables.values()
        }


def comparable(report: ImportReport) -> ImportReport:
    return replace(report, source="")


def imported_with_statements(database: Database, path: Path) -> tuple[ImportReport, list[str]]:
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        return import_csv(database, path, ImportOptions()), sent
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


BAD_LINES = {
    "a bad date": ["Late row", TACOMA, "2019-13-45", "", "IMP-LAST", "high"],
    "a case number of the file again": ["Twice", TACOMA, "2019-08-01", "", "IMP-00007", "high"],
    "an unknown severity": ["Odd", TACOMA, "2019-08-01", "", "IMP-LAST", "dire"],
}


@pytest.mark.parametrize("bad", list(BAD_LINES))
def test_a_bad_last_line_leaves_the_database_as_it_was_with_the_report_sqlite_gives(
    pg_demo: Database, demo_database: Database, tmp_path: Path, bad: str
) -> None:
    path = rows_file(tmp_path / "bad.csv", bad_line=BAD_LINES[bad])
    before = table_counts(pg_demo)

    on_postgres, sent = imported_with_statements(pg_demo, path)
    on_sqlite = import_csv(demo_database, path, ImportOptions())

    assert not on_postgres.committed and on_postgres.problem_count >= 1
    assert comparable(on_postgres) == comparable(on_sqlite)
    assert [p.line for p in on_postgres.problems] == [ROWS + 2] or bad == "a case number of the file again"
    assert table_counts(pg_demo) == before
    assert any("FROM import_stage_incidents" in s for s in sent)  # a batch went through the staging table first


def test_a_good_file_is_copied_whole_and_proven_by_one_audit_entry(
    pg_demo: Database, demo_database: Database, tmp_path: Path
) -> None:
    path = rows_file(tmp_path / "good.csv")
    before = table_counts(pg_demo)

    on_postgres, sent = imported_with_statements(pg_demo, path)
    on_sqlite = import_csv(demo_database, path, ImportOptions())

    assert on_postgres.committed and on_postgres.inserted == ROWS
    assert comparable(on_postgres) == comparable(on_sqlite)
    assert any(s.startswith("INSERT INTO incidents (") and "FROM import_stage_incidents" in s for s in sent)
    after = table_counts(pg_demo)
    assert after["incidents"] == before["incidents"] + ROWS
    assert after["imported_records"] == before["imported_records"] + ROWS
    assert after["audit_entries"] == before["audit_entries"] + 1
    with pg_demo.unit_of_work(write=False) as uow:
        assert uow.session is not None
        action = uow.session.scalar(select(AuditRow.action).order_by(AuditRow.id.desc()).limit(1))
        assert str(action) in ("import", "AuditAction.IMPORT")
        found = uow.incidents.page(IncidentFilter(text="quadcopter1499 case:imp"), Page(limit=5))
        assert [(i.title, i.case_number, i.facility_name) for i in found] == [("Imported 1499", "IMP-01499", TACOMA)]
        assert uow.incidents.count(IncidentFilter(text="fence")) == ROWS
        named = "SELECT count(*) FROM incidents WHERE facility_name = :name AND title LIKE 'Imported %'"
        assert (
            uow.session.execute(text(named), {"name": TACOMA}).scalar() == ROWS
        )  # the facility sort's key, filled by the trigger for copied rows too
    report = verify_chain(pg_demo)
    assert report.ok, report.problems


def test_a_uuid_of_the_file_again_a_chunk_later_is_found_through_the_keys_copied_before(
    pg_demo: Database, demo_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "twice.csv"
    uuids = [f"00000000-0000-4000-8000-{number:012d}" for number in range(ROWS)]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["uuid", *HEADER])
        for number, uuid in enumerate(uuids):
            writer.writerow([uuid, f"Imported {number}", TACOMA, "2019-08-01", "", f"IMP-{number:05d}", "high"])
        writer.writerow([uuids[3], "Again", TACOMA, "2019-08-01", "", "IMP-LAST", "high"])
    before = table_counts(pg_demo)

    on_postgres, sent = imported_with_statements(pg_demo, path)
    on_sqlite = import_csv(demo_database, path, ImportOptions())

    assert [(p.line, p.reason) for p in on_postgres.problems] == [(ROWS + 2, f"{uuids[3]} is also on line 5")]
    assert comparable(on_postgres) == comparable(on_sqlite)
    assert table_counts(pg_demo) == before
    assert not any(s.startswith("INSERT INTO import_seen") for s in sent)  # the keys met went by COPY
    assert any("= ANY" in s and "import_seen_uuids" in s for s in sent)  # looked up with one array parameter


REFUSING = """CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.title = 'Imported 500' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
CREATE TRIGGER refuse_one BEFORE INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION refuse_one()"""
SQLITE_REFUSING = """CREATE TRIGGER refuse_one BEFORE INSERT ON incidents WHEN NEW.title = 'Imported 500'
BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"""


def test_a_batch_the_server_refuses_is_reported_on_its_first_row_and_the_rest_still_checked_as_on_sqlite(
    pg_demo: Database, demo_database: Database, tmp_path: Path
) -> None:
    path = rows_file(tmp_path / "refused.csv", bad_line=BAD_LINES["an unknown severity"])
    for database, statements in ((pg_demo, REFUSING.split(";\n")), (demo_database, [SQLITE_REFUSING])):
        with database.unit_of_work() as uow:
            assert uow.session is not None
            for statement in statements:
                uow.session.execute(text(statement))
            uow.session.commit()
    before = table_counts(pg_demo)
    try:
        on_postgres = import_csv(pg_demo, path, ImportOptions())  # the first batch is refused, 500 rows follow
    finally:
        with pg_demo.unit_of_work() as uow:  # the server's database outlives the test
            assert uow.session is not None
            uow.session.execute(text("DROP TRIGGER refuse_one ON incidents; DROP FUNCTION refuse_one()"))
            uow.session.commit()
    on_sqlite = import_csv(demo_database, path, ImportOptions())

    assert [(p.line, p.reason) for p in on_postgres.problems] == [
        (2, "uuid: the database refused the row: refused by the test (the file has no uuid column)"),  # its first row
        (ROWS + 2, "unknown value 'dire'; choose one of: Low, Medium, High, Critical"),
    ]
    assert comparable(on_postgres) == comparable(on_sqlite)
    assert not on_postgres.committed and table_counts(pg_demo) == before
