"""The released database of schema 0011 (tests/data/release-0011.sqlite, made by make_release_0011.py with the code of
commit f4bf2e5: every record kind, written with users) upgrades to the head: every value kept, the users who wrote
it kept, the chain still verifies, and the records are read and edited as before."""

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

ANALYST = "release-0011-analyst"


def read(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def every_table(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the released schema (all its columns), in a fixed order."""
    tables = [
        str(row[0])
        for row in read(
            path,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
            "LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name <> 'alembic_version'",
        )
    ]
    found = {}
    for table in tables:
        columns = [str(row[1]) for row in read(path, f'PRAGMA table_info("{table}")')]
        names = ", ".join(f'"{c}"' for c in columns)
        found[table] = read(
            path, f'SELECT {names} FROM "{table}" ORDER BY {", ".join(str(i + 1) for i in range(len(columns)))}'
        )
    return found


def test_the_release_0011_database_upgrades_keeping_every_value_and_every_user(tmp_path: Path) -> None:
    copy = released_copy(tmp_path, "0011")
    assert read(copy, "SELECT version_num FROM alembic_version") == [("0011",)]
    before = every_table(copy)
    assert all(before[table] for table in ("facilities", "incidents", "plan_items", "directives", "attachments",
                                           "timeline_events", "custody_entries", "imported_records"))  # fmt: skip
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        assert current_revision(database.engine) == head_revision()
        after = every_table(copy)
        for table, rows in before.items():  # a later revision may add columns: the released ones keep their values
            assert [row[: len(rows[0])] for row in after[table]] == rows if rows else not after[table], table
        assert read(copy, "SELECT DISTINCT actor FROM audit_entries") == [(ANALYST,)]
        report = verify_chain(database)
        assert report.ok and report.signed and report.records > 0, report.problems

        services = RecordServices.of(database)
        stored = {i.title: i for i in services.incidents.page(page=Page(limit=50))}
        edited = services.incidents.get(stored["Imported and edited before the release"].uuid)
        assert (edited.created_by, edited.updated_by) == (ANALYST, ANALYST)
        assert edited.description == "Edited after its import"
        changed = services.incidents.update(replace(edited, description="Edited after the upgrade"))
        assert (changed.created_by, changed.updated_by) == (ANALYST, os_user())
        assert [entry.actor for entry in history(database, edited.uuid)][-2:] == [ANALYST, os_user()]
        report = verify_chain(database)
        assert report.ok and report.signed, report.problems
    finally:
        database.close()
