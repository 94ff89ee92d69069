"""Unit of work: all-or-nothing, audit in the same transaction, SQLite locking, pragmas, file mode;
services reject bad values with field messages and write nothing."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from support.clock import FakeClock
from support.lookup import change_status

from desktop.domain.enums import AuditAction, CaseStatus, PlanStatus, SecurityLevel
from desktop.domain.queries import FacilityFilter, Page
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import ValidationError
from desktop.domain.values import StatusChange
from desktop.persistence import engine as engine_module
from desktop.persistence.engine import BUSY_TIMEOUT_MS, sqlite_file
from desktop.persistence.models import AuditRow, FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history
from desktop.services.records import FacilityService, IncidentService, PlanItemService


def counts(database: Database) -> dict[str, int]:
    """Rows per table: a fingerprint that must not move when a change is refused."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return {
            row.__tablename__: uow.session.scalar(select(func.count()).select_from(row)) or 0
            for row in (FacilityRow, IncidentRow, PlanItemRow, AuditRow)
        }


# -- all or nothing --------------------------------------------------------------------------------
def test_exception_midway_leaves_the_database_unchanged(any_database: Database) -> None:
    FacilityService(any_database).create(Facility(name="Existing"))
    before = counts(any_database)
    with pytest.raises(RuntimeError, match="power cut"), any_database.unit_of_work() as uow:
        facility = uow.facilities.add(Facility(name="New"))
        uow.incidents.add(Incident(facility_uuid=facility.uuid, title="Half-written"))
        raise RuntimeError("power cut")
    assert counts(any_database) == before


def test_leaving_without_commit_rolls_back(any_database: Database) -> None:
    before = counts(any_database)
    with any_database.unit_of_work() as uow:
        uow.facilities.add(Facility(name="Never committed"))
    assert counts(any_database) == before


def test_failing_second_step_undoes_the_first(any_database: Database) -> None:
    facility = FacilityService(any_database).create(Facility(name="Tacoma"))
    IncidentService(any_database).create(Incident(facility_uuid=facility.uuid, title="First", case_number="C-1"))
    before = counts(any_database)
    with pytest.raises(ValidationError, match="case_number"), any_database.unit_of_work() as uow:
        uow.incidents.add(Incident(facility_uuid=facility.uuid, title="Second", case_number="C-2"))
        uow.incidents.add(Incident(facility_uuid=facility.uuid, title="Duplicate", case_number="C-1"))
        uow.commit()
    assert counts(any_database) == before


def test_audit_entries_are_part_of_the_transaction(any_database: Database) -> None:
    """When writing the audit entries fails, the change itself is not written either."""
    before = counts(any_database)
    with any_database.unit_of_work() as uow:
        assert uow.session is not None

        def refuse_audit(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip().upper().startswith(f"INSERT INTO {AuditRow.__tablename__.upper()}"):
                raise RuntimeError("audit storage full")

        event.listen(any_database.engine, "before_cursor_execute", refuse_audit)
        try:
            uow.facilities.add(Facility(name="Unaudited"))
            with pytest.raises(RuntimeError, match="audit storage full"):
                uow.commit()
        finally:
            event.remove(any_database.engine, "before_cursor_execute", refuse_audit)
    assert counts(any_database) == before


def test_audit_records_old_and_new_values(any_database: Database, clock: FakeClock) -> None:
    service = FacilityService(any_database)
    created = service.create(Facility(name="Tacoma", state="WA"))
    clock.advance(minutes=5)
    updated = service.update(replace(created, name="Tacoma NWDC", notes="renamed"))
    clock.advance(minutes=5)
    service.delete(updated.uuid, updated.version)
    entries = history(any_database, created.uuid)
    assert [(e.action, e.at) for e in entries] == [
        (AuditAction.CREATE, FakeClock().now),
        (AuditAction.UPDATE, FakeClock().advance(minutes=5)),
        (AuditAction.DELETE, FakeClock().advance(minutes=10)),
    ]
    assert entries[0].changes["name"] == (None, "Tacoma")
    assert entries[0].changes["state"] == (None, "WA")
    assert entries[0].changes["zip_code"] == (None, "")  # a create records the whole record
    assert entries[1].changes == {"name": ("Tacoma", "Tacoma NWDC"), "notes": ("", "renamed")}
    assert entries[2].changes["name"] == ("Tacoma NWDC", None)
    assert {e.entity for e in entries} == {"facility"}


def test_audit_of_an_incident_renders_values_as_text(any_database: Database) -> None:
    facility = FacilityService(any_database).create(Facility(name="San Antonio"))
    service = IncidentService(any_database)
    reported = (StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 13)),)
    created = service.create(Incident(facility_uuid=facility.uuid, title="Shots fired", status_history=reported))
    change_status(service, created.uuid, CaseStatus.UNDER_INVESTIGATION, date(2019, 8, 14))
    update = history(any_database, created.uuid)[-1]
    assert update.action is AuditAction.UPDATE
    assert update.changes == {
        "status": ("reported", "under_investigation"),
        "status_history": ("2019-08-13 reported", "2019-08-13 reported; 2019-08-14 under investigation"),
    }


def test_read_only_unit_of_work_cannot_commit(any_database: Database) -> None:
    with any_database.unit_of_work(write=False) as uow, pytest.raises(AssertionError, match="writing unit of work"):
        uow.commit()


# -- SQLite: locking, pragmas, file ----------------------------------------------------------------
def other_connection(database: Database) -> sqlite3.Connection:
    """A second, independent connection to the same file that does not wait for locks."""
    path = sqlite_file(database.url)
    assert path is not None
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def test_writing_unit_of_work_takes_the_write_lock_up_front(database: Database) -> None:
    other = other_connection(database)
    try:
        with database.unit_of_work() as uow:
            assert uow.session is not None
            raw = uow.session.connection().connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            assert raw.in_transaction  # BEGIN IMMEDIATE ran before any statement of ours
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("SELECT count(*) FROM facilities").fetchone() == (0,)  # readers go on (WAL)
        other.execute("BEGIN IMMEDIATE")  # released by the rollback at exit
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_reading_unit_of_work_takes_no_write_lock(database: Database) -> None:
    other = other_connection(database)
    try:
        with database.unit_of_work(write=False) as uow:
            uow.facilities.count()
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT INTO audit_entries (at, action, entity, entity_uuid, changes, prev_hash, entry_hash)"
                          " VALUES ('2024-01-01', 'export', 'x', 'x', '{}', '', '')")  # fmt: skip
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_second_writer_gives_up_after_the_busy_timeout_with_nothing_written(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    impatient = open_database(database.url)
    other = other_connection(database)
    try:
        other.execute("BEGIN IMMEDIATE")  # someone else holds the write lock
        with pytest.raises(OperationalError, match="database is locked"):
            FacilityService(impatient).create(Facility(name="Blocked"))
        other.execute("ROLLBACK")
        FacilityService(impatient).create(Facility(name="After the lock"))
    finally:
        other.close()
        impatient.close()
    assert [f.name for f in FacilityService(database).page()] == ["After the lock"]


def test_sqlite_pragmas(database: Database) -> None:
    with database.engine.connect() as connection:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}  # fmt: skip
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS}


def test_foreign_keys_are_enforced(database: Database) -> None:
    with database.engine.connect() as connection, pytest.raises(Exception, match="FOREIGN KEY constraint failed"):
        connection.exec_driver_sql(
            "INSERT INTO incidents (uuid, facility_id, title, occurred_precision, attack_type, completed, severity,"
            " property_damage, investigating_agencies, status, description, sources, suspect_names,"
            " personal_details, created_at, updated_at, version) VALUES ('u', 999, 't', 'unknown', 'other', 1,"
            " 'low', 'unknown', '', 'reported', '', '', '', '', '2024-01-01', '2024-01-01', 1)"
        )


@pytest.mark.posix_only
def test_new_database_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "new.sqlite3"
    database = open_database(f"sqlite+pysqlite:///{path}")
    try:
        FacilityService(database).create(Facility(name="Written"))
        with database.engine.connect():  # while open, the WAL file exists too
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir()}
    finally:
        database.close()
    assert modes["new.sqlite3"] == 0o600
    assert all(mode == 0o600 for name, mode in modes.items() if name.startswith("new.sqlite3")), modes


# -- services refuse bad values --------------------------------------------------------------------
@pytest.fixture
def tacoma(any_database: Database) -> Facility:
    return FacilityService(any_database).create(Facility(name="Tacoma", state="WA"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"victims_injured": -1}, "victims_injured: must be 0 or more"),
        ({"title": " "}, "title: is required"),
        ({"facility_uuid": ""}, "facility: is required"),
        ({"description": "nul\x00byte"}, "description: must not contain NUL characters"),
        ({"suspects_count": 1, "arrests_count": 3}, "arrests_count: must not exceed suspects_count"),
    ],
)
def test_bad_incident_is_refused_and_nothing_written(
    any_database: Database, tacoma: Facility, changes: dict[str, object], message: str
) -> None:
    service = IncidentService(any_database)
    good = service.create(Incident(facility_uuid=tacoma.uuid, title="Good"))
    before = counts(any_database)
    with pytest.raises(ValidationError) as caught:
        service.create(replace(Incident(facility_uuid=tacoma.uuid, title="New"), **changes))  # type: ignore[arg-type]
    assert str(caught.value) == message
    with pytest.raises(ValidationError, match=message.split(":")[0]):
        service.update(replace(good, **changes))  # type: ignore[arg-type]
    assert counts(any_database) == before
    assert service.get(good.uuid) == good


def test_bad_facility_and_plan_item_are_refused(any_database: Database, tacoma: Facility) -> None:
    before = counts(any_database)
    with pytest.raises(ValidationError, match=r"^state: must be a two-letter state code: “Washington” → WA$"):
        FacilityService(any_database).create(Facility(name="X", state="Washington"))
    with pytest.raises(ValidationError, match="latitude: must be between -90 and 90"):
        FacilityService(any_database).update(replace(tacoma, latitude=123.0))
    with pytest.raises(ValidationError, match="risk_rationale: is required when the risk is accepted"):
        PlanItemService(any_database).create(PlanItem(facility_uuid=tacoma.uuid, description="Guard",
                                                      status=PlanStatus.RISK_ACCEPTED))  # fmt: skip
    with pytest.raises(ValidationError, match="facility: nowhere does not exist"):
        PlanItemService(any_database).create(PlanItem(facility_uuid="nowhere", description="Guard"))
    assert counts(any_database) == before


def test_service_round_trip_and_status_change(any_database: Database, tacoma: Facility, clock: FakeClock) -> None:
    service = IncidentService(any_database)
    created = service.create(Incident(facility_uuid=tacoma.uuid, title="Shots"))
    assert service.count() == 1
    assert service.page() == [replace(created, status_history=())]
    clock.advance(days=2)
    charged = change_status(service, created.uuid, CaseStatus.CHARGED, date(2024, 3, 2), "grand jury")
    assert charged.status is CaseStatus.CHARGED
    assert [(c.status, c.changed_on, c.note) for c in charged.status_history][-1] == (
        CaseStatus.CHARGED, date(2024, 3, 2), "grand jury")  # fmt: skip
    closed = change_status(service, created.uuid, CaseStatus.CLOSED, date(2024, 3, 3))
    assert closed.status_history[-1].changed_on == date(2024, 3, 3)
    assert service.get(created.uuid) == closed
    service.delete(closed.uuid, closed.version)
    assert service.count() == 0


def test_facility_service_pages_the_facilities_due_for_reassessment(any_database: Database) -> None:
    service = FacilityService(any_database)
    due = service.create(Facility(name="Due", security_level=SecurityLevel.IV, last_assessment=date(2020, 1, 1)))
    never = service.create(Facility(name="Never assessed", security_level=SecurityLevel.I))
    service.create(Facility(name="Recent", security_level=SecurityLevel.II, last_assessment=date(2020, 1, 1)))
    service.create(Facility(name="No level", last_assessment=date(2000, 1, 1)))

    def due_by(day: date) -> list[Facility]:
        return service.page(FacilityFilter(reassessment_due_by=day), Page(limit=100, sort="name"))

    assert due_by(date(2023, 1, 1)) == [due, never]
    assert [f.name for f in due_by(date(2022, 12, 31))] == ["Never assessed"]
