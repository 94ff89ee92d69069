"""CSV files written by the previous release (tests/data/release-0002-*.csv: the export of the code of commit
81d3405 from tests/data/release-0002.sqlite) import into the current schema with every value as the migrated
database holds it, on SQLite and PostgreSQL; a second import changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support.clock import FakeClock

from desktop.domain.enums import DamageStatus, PropertyExtent, TargetType, YesNoUnknown
from desktop.domain.kinds import RecordKind
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions

DATA = Path(__file__).parent / "data"
ORDER = (RecordKind.FACILITY, RecordKind.INCIDENT, RecordKind.PLAN_ITEM)


def release_file(kind: RecordKind) -> Path:
    return DATA / f"release-0002-{kind.table}.csv"


def records(database: Database) -> dict[str, list[Any]]:
    """Every record as the services read it, without what is local to a database (version, when recorded, by whom:
    `users` collects the created_by and updated_by values set aside)."""
    services = RecordServices.of(database)
    incidents = [services.incidents.get(i.uuid) for i in services.incidents.page()]
    local = {"version": 0, "created_by": None, "updated_by": None}
    found: dict[str, list[Any]] = {
        "facilities": [replace(f, **local) for f in services.facilities.page()],
        "incidents": [
            replace(i, **local, status_history=tuple(replace(c, recorded_at=None) for c in i.status_history))
            for i in incidents
        ],
        "plan_items": [replace(p, **local) for p in services.plan_items.page()],
    }
    for listed in found.values():
        listed.sort(key=lambda r: r.uuid)
    found["users"] = sorted({(r.created_by, r.updated_by) for r in [*services.facilities.page(), *incidents,
                                                                   *services.plan_items.page()]}, key=str)  # fmt: skip
    return found


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[Database]:
    """The released database, migrated to the current schema as the application opens it."""
    copy = tmp_path / "release.sqlite"
    shutil.copyfile(DATA / "release-0002.sqlite", copy)
    sessions = DatabaseSessions(None)
    database = sessions.open(f"sqlite:///{copy}", lock=False)
    try:
        yield database
    finally:
        sessions.close(database)


def test_the_files_are_the_previous_release_layout() -> None:
    incidents = release_file(RecordKind.INCIDENT).read_text(encoding="utf-8").splitlines()
    assert "occurred_time_of_day" not in incidents[0] and ",incident_uuid," in release_file(
        RecordKind.PLAN_ITEM).read_text(encoding="utf-8").splitlines()[0]  # fmt: skip
    assert "2019-07-13 04:00" in incidents[1] and "reported@2019-07-13:911 call|closed@2019-07-20" in incidents[1]


def test_previous_release_files_import_with_the_meaning_the_migration_gives(
    any_database: Database, migrated: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 12, 1, 9, 0))  # the release's files hold status changes of 2026-11-30
    for kind in ORDER:
        report = import_csv(any_database, release_file(kind), ImportOptions(entity=kind))
        assert report.committed and report.inserted == report.rows > 0 and report.conflicts == [], report.lines()

    imported, upgraded = records(any_database), records(migrated)
    with any_database.sessions() as session:
        user = any_database.user(session)
    assert user and imported["users"] == [(user, user)]  # the importing user made them, whatever the files say
    assert upgraded["users"] == [(None, None)]  # nobody recorded who made them before 0008: not known

    # The migration derives two GTD facts the files do not hold; the import leaves them unknown rather than guess.
    derived = {i.uuid: i for i in upgraded["incidents"]}
    for incident in imported["incidents"]:
        stored = derived[incident.uuid]
        assert incident.hostages is YesNoUnknown.UNKNOWN and incident.property_extent is None
        assert incident.target_type is TargetType.UNKNOWN
        if stored.property_damage is DamageStatus.YES:
            assert stored.property_extent in set(PropertyExtent)
        derived[incident.uuid] = replace(stored, hostages=incident.hostages, property_extent=None)
    assert imported["facilities"] == upgraded["facilities"]
    assert imported["incidents"] == sorted(derived.values(), key=lambda i: i.uuid)
    assert imported["plan_items"] == upgraded["plan_items"]
    assert any(p.incident_uuids for p in imported["plan_items"])  # the old incident_uuid column became a link

    for kind in ORDER:
        again = import_csv(any_database, release_file(kind), ImportOptions(entity=kind))
        assert again.committed and again.unchanged == again.rows and again.inserted == again.updated == 0
