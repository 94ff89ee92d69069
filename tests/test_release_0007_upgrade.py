"""The released database of schema 0007 (tests/data/release-0007.sqlite, made by make_release_0007.py with the code of
commit 5811219) upgrades to the head: every value kept, nobody invented for what was written before users were
recorded (NULL actors and created_by / updated_by), the chain still verifies, and new edits carry the user."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from support.released import released_copy

from desktop.domain.queries import Page
from desktop.persistence.identity import os_user
from desktop.persistence.schema import current_revision, head_revision
from desktop.services.audit import history, verify_chain
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions
from desktop.services.timeline import TimelineService

RECORD_TABLES = ("facilities", "incidents", "plan_items", "directives", "attachments", "timeline_events")
TABLES = (*RECORD_TABLES, "audit_entries", "audit_head", "imported_records", "incident_status_changes",
          "incident_weapons", "incident_links", "plan_item_incidents", "custody_entries")  # fmt: skip


def read(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in read(path, f"PRAGMA table_info({table})")]


def contents(path: Path, names: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, the columns of `names` (the released schema's), in a fixed order."""
    return {table: read(path, f"SELECT {', '.join(cols)} FROM {table} ORDER BY {cols[0]}, {cols[1]}")
            for table, cols in names.items()}  # fmt: skip


def test_the_release_0007_database_upgrades_keeping_every_value_and_inventing_no_user(tmp_path: Path) -> None:
    copy = released_copy(tmp_path, "0007")
    assert read(copy, "SELECT version_num FROM alembic_version") == [("0007",)]
    released = {table: columns(copy, table) for table in TABLES}
    assert all("created_by" not in released[table] for table in RECORD_TABLES)
    before = contents(copy, released)
    assert all(before[table] for table in TABLES), "a row in every table"
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        assert current_revision(database.engine) == head_revision()
        assert any((tmp_path / "backups").iterdir()), "a verified backup before migrating"
        assert contents(copy, released) == before  # every released value as it was
        assert read(copy, "SELECT count(*) FROM audit_entries WHERE actor IS NOT NULL") == [(0,)]
        for table in RECORD_TABLES:
            assert read(copy, f"SELECT count(*) FROM {table} WHERE created_by IS NOT NULL OR updated_by IS NOT NULL"
                        ) == [(0,)], table  # fmt: skip
        report = verify_chain(database)
        assert report.ok and report.signed and report.records > 0, report.problems

        services = RecordServices.of(database)
        stored = {i.title: i for i in services.incidents.page(page=Page(limit=50))}
        edited = services.incidents.get(stored["Imported and edited before the release"].uuid)
        assert edited.description == "Edited after its import" and edited.created_by is None
        assert {entry.actor for entry in history(database, edited.uuid)} == {None}  # shown as unknown
        user = os_user()
        changed = services.incidents.update(replace(edited, description="Edited after the upgrade"))
        assert (changed.created_by, changed.updated_by) == (None, user)  # who made it stays unknown
        assert history(database, edited.uuid)[-1].actor == user
        facility = services.facilities.get(edited.facility_uuid)
        assert services.facilities.update(replace(facility, notes="After the upgrade")).updated_by == user
        timeline = TimelineService(database)
        [(event_uuid,)] = read(copy, "SELECT uuid FROM timeline_events")
        event = timeline.get(str(event_uuid))
        assert timeline.update(replace(event, text="Site visit, after the upgrade")).updated_by == user
        assert read(copy, "SELECT DISTINCT actor FROM audit_entries WHERE actor IS NOT NULL") == [(user,)]
        report = verify_chain(database)
        assert report.ok and report.signed, report.problems
    finally:
        database.close()
