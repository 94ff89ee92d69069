"""Disk full (PRAGMA max_page_count) or another storage failure during a save: a clear StorageError,
nothing partially written (record, audit entry, chain head), and the next save works once space is back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from support.clock import FakeClock

from desktop.domain.errors import StorageError
from desktop.domain.records import Facility, Incident
from desktop.persistence.engine import create_database_engine, sqlite_url
from desktop.persistence.integrity import FileState, check_database_file
from desktop.persistence.models import AuditHeadRow, AuditRow
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.records import FacilityService, IncidentService


@dataclass
class Disk:
    """The room SQLite is given, in pages (None: no limit); applied to every connection when checked out."""

    limit: int | None = None


@pytest.fixture
def disk() -> Disk:
    return Disk()


@pytest.fixture
def small_disk_database(tmp_path: Path, clock: FakeClock, disk: Disk) -> Iterator[Database]:
    url = sqlite_url(tmp_path / "incidents.sqlite3")
    open_database(url).close()
    engine = create_database_engine(url)

    @event.listens_for(engine, "checkout")
    def apply_limit(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {disk.limit or 1_073_741_823}")
        cursor.close()

    database = Database(engine, clock)
    try:
        yield database
    finally:
        database.close()


def page_count(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())


def snapshot(database: Database) -> tuple[int, int, int, tuple[int, str] | None]:
    """Incidents, facilities, audit entries and the audit chain head."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        head = uow.session.get(AuditHeadRow, 1)
        return (
            uow.incidents.count(),
            uow.facilities.count(),
            uow.session.scalar(select(func.count()).select_from(AuditRow)) or 0,
            (head.entries, head.last_hash) if head else None,
        )


def big_incident(facility: Facility) -> Incident:
    return Incident(facility.uuid, "Arson at the perimeter fence", description="accelerant traces " * 1_000)


def test_disk_full_during_a_save_is_told_and_nothing_is_written(
    small_disk_database: Database, disk: Disk, tmp_path: Path
) -> None:
    facilities, incidents = FacilityService(small_disk_database), IncidentService(small_disk_database)
    facility = facilities.create(Facility(name="Tacoma ICE Processing Center"))
    before = snapshot(small_disk_database)
    disk.limit = page_count(small_disk_database) + 2  # too little for an 18 kB description and its index
    with pytest.raises(StorageError) as raised:
        incidents.create(big_incident(facility))
    message = str(raised.value)
    assert message.startswith("Nothing was saved: the disk is full")
    assert "database or disk is full" in message
    assert snapshot(small_disk_database) == before  # no record, no audit entry, same chain head
    assert check_database_file(tmp_path / "incidents.sqlite3", thorough=True).state == FileState.OK
    assert verify_chain(small_disk_database).ok

    # The app stays usable: reading works, and once there is room the same save succeeds.
    assert facilities.get(facility.uuid).name == facility.name
    disk.limit = None
    saved = incidents.create(big_incident(facility))
    assert incidents.get(saved.uuid).description == big_incident(facility).description
    after = snapshot(small_disk_database)
    assert after[0] == before[0] + 1 and after[2] == before[2] + 1
    assert verify_chain(small_disk_database).ok


def test_disk_full_during_an_update_keeps_the_stored_version(small_disk_database: Database, disk: Disk) -> None:
    facilities, incidents = FacilityService(small_disk_database), IncidentService(small_disk_database)
    facility = facilities.create(Facility(name="San Antonio ICE Field Office"))
    stored = incidents.create(Incident(facility.uuid, "Shots fired at windows", description="short"))
    before = snapshot(small_disk_database)
    disk.limit = page_count(small_disk_database) + 1
    edited = replace(stored, description="bullet holes in the lobby glass " * 600)
    with pytest.raises(StorageError, match="disk is full"):
        incidents.update(edited)
    current = incidents.get(stored.uuid)
    assert (current.version, current.description) == (stored.version, "short")
    assert snapshot(small_disk_database) == before
    disk.limit = None
    assert incidents.update(edited).version == stored.version + 1  # the edit can simply be saved again


def test_write_refused_by_the_storage_is_a_storage_error(small_disk_database: Database) -> None:
    """Another storage failure (the connection may not write) gives the same plain error, nothing written."""
    facilities = FacilityService(small_disk_database)
    facilities.create(Facility(name="Existing"))
    before = snapshot(small_disk_database)

    @event.listens_for(small_disk_database.engine, "checkout")
    def read_only(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = 1")

    with pytest.raises(StorageError, match=r"^Nothing was saved: .*readonly database"):
        facilities.create(Facility(name="Refused"))
    assert snapshot(small_disk_database) == before
