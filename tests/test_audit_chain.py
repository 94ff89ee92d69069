"""The hash-chained audit trail: intact after edits, and edited, deleted or reordered entries are detected."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from support.lookup import change_status, facility_named, reopen

from desktop.domain.enums import AuditAction, CaseStatus
from desktop.domain.records import Facility, Incident
from desktop.domain.values import StatusChange
from desktop.persistence.audit_log import GENESIS, entry_hash
from desktop.persistence.models import AuditHeadRow, AuditRow
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import history, verify_chain
from desktop.services.maintenance import check_database
from desktop.services.records import FacilityService, IncidentService

TABLE = AuditRow.__table__


@pytest.fixture
def audited(any_database: Database) -> Database:
    """Five audit entries: two creates, two updates (one a status change), one delete."""
    facilities, incidents = FacilityService(any_database), IncidentService(any_database)
    tacoma = facilities.create(Facility(name="Tacoma", state="WA", latitude=47.2496, longitude=-122.4213))
    reported = (StatusChange.on_day(CaseStatus.REPORTED, date(2019, 7, 13)),)  # closing it later may not come before
    attack = incidents.create(Incident(facility_uuid=tacoma.uuid, title="Attack – ünïcode", case_number="T-1",
                                       status_history=reported))  # fmt: skip
    moved = facilities.update(replace(tacoma, notes="Tideflats"))
    change_status(incidents, attack.uuid, CaseStatus.CLOSED, date(2019, 9, 12), "attacker deceased")
    spare = facilities.create(Facility(name="Spare"))
    facilities.delete(spare.uuid, spare.version)
    assert moved.version == 2
    return any_database


def rows(database: Database) -> list[dict[str, Any]]:
    with database.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(TABLE).order_by(TABLE.c.id))]


def head_row(database: Database) -> dict[str, Any]:
    with database.engine.connect() as connection:
        return dict(connection.execute(select(AuditHeadRow.__table__)).mappings().one())


def broken_link_at(problems: tuple[str, ...], entry_id: int) -> bool:
    """The chain report says the entry before `entry_id` is missing or was replaced."""
    return any(p.startswith(f"entry {entry_id}:") and "missing or was replaced" in p for p in problems)


def tamper(database: Database, statement: Any) -> None:
    with database.engine.begin() as connection:
        connection.execute(statement)


def test_chain_is_intact_after_edits(audited: Database) -> None:
    report = verify_chain(audited)
    assert report.ok, report.problems
    assert report.entries == 6
    entries = rows(audited)
    assert entries[0]["prev_hash"] == GENESIS
    for previous, entry in itertools.pairwise(entries):
        assert entry["prev_hash"] == previous["entry_hash"]
    assert [e["action"] for e in entries] == [AuditAction.CREATE, AuditAction.CREATE, AuditAction.UPDATE,
                                             AuditAction.UPDATE, AuditAction.CREATE, AuditAction.DELETE]  # fmt: skip
    assert check_database(audited) == []


def test_empty_chain_is_intact(any_database: Database) -> None:
    assert verify_chain(any_database).ok
    assert verify_chain(any_database).entries == 0


def test_hash_covers_every_part_of_an_entry() -> None:
    at = datetime(2024, 3, 1, 12)
    base = entry_hash(GENESIS, at, "update", "facility", "u-1", {"name": ["a", "b"]})
    assert len(base) == 64
    assert base == entry_hash(GENESIS, at, "update", "facility", "u-1", {"name": ["a", "b"]})
    variants = [
        entry_hash("1" * 64, at, "update", "facility", "u-1", {"name": ["a", "b"]}),
        entry_hash(GENESIS, datetime(2024, 3, 1, 12, 0, 1), "update", "facility", "u-1", {"name": ["a", "b"]}),
        entry_hash(GENESIS, at, "delete", "facility", "u-1", {"name": ["a", "b"]}),
        entry_hash(GENESIS, at, "update", "incident", "u-1", {"name": ["a", "b"]}),
        entry_hash(GENESIS, at, "update", "facility", "u-2", {"name": ["a", "b"]}),
        entry_hash(GENESIS, at, "update", "facility", "u-1", {"name": ["a", "c"]}),
    ]
    assert len({base, *variants}) == 7


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("changes", {"notes": ["", "nothing to see"]}),
        ("at", datetime(2001, 1, 1)),
        ("action", AuditAction.CREATE),
        ("entity_uuid", "someone-else"),
    ],
)
def test_edited_entry_is_detected(audited: Database, column: str, value: object) -> None:
    third = rows(audited)[2]
    tamper(audited, update(TABLE).where(TABLE.c.id == third["id"]).values({column: value}))
    report = verify_chain(audited, records=False)
    assert not report.ok
    now = rows(audited)[2]
    assert report.problems == (f"entry {third['id']} ({now['action'].value} {now['entity']} {now['entity_uuid']}) "
                               "was edited, or re-hashed without the key",)  # fmt: skip
    assert f"audit: {report.problems[0]}" in check_database(audited)


def test_an_entry_rehashed_without_the_key_is_detected_at_the_entry(audited: Database) -> None:
    third = rows(audited)[2]
    changes = {"notes": ["", "forged"]}
    forged = entry_hash(third["prev_hash"], third["at"], third["action"].value, third["entity"], third["entity_uuid"],
                        changes, actor=third["actor"])  # fmt: skip
    tamper(audited, update(TABLE).where(TABLE.c.id == third["id"]).values(changes=changes, entry_hash=forged))
    problems = verify_chain(audited, records=False).problems
    assert f"entry {third['id']} (update facility {third['entity_uuid']}) was edited, or re-hashed without the key" in (
        problems)  # fmt: skip


def test_an_entry_rehashed_with_the_key_still_breaks_the_link_to_the_next_entry(audited: Database) -> None:
    third = rows(audited)[2]
    changes = {"notes": ["", "forged"]}
    [key] = audited.keys.keys(str(head_row(audited)["database_id"])).values()
    forged = entry_hash(third["prev_hash"], third["at"], third["action"].value, third["entity"], third["entity_uuid"],
                        changes, key.secret, actor=third["actor"])  # fmt: skip
    tamper(audited, update(TABLE).where(TABLE.c.id == third["id"]).values(changes=changes, entry_hash=forged))
    problems = verify_chain(audited, records=False).problems
    assert broken_link_at(problems, third["id"] + 1), problems
    assert not any("was edited" in p for p in problems)  # the entry itself hashes right


def test_deleted_middle_entry_is_detected(audited: Database) -> None:
    middle = rows(audited)[3]
    tamper(audited, delete(TABLE).where(TABLE.c.id == middle["id"]))
    report = verify_chain(audited)
    assert report.entries == 5
    assert broken_link_at(report.problems, middle["id"] + 1), report.problems


def test_deleted_first_entry_is_detected(audited: Database) -> None:
    first = rows(audited)[0]
    tamper(audited, delete(TABLE).where(TABLE.c.id == first["id"]))
    problems = verify_chain(audited).problems
    assert broken_link_at(problems, first["id"] + 1), problems


def test_reordered_entries_are_detected(audited: Database) -> None:
    entries = rows(audited)
    second, third = entries[1], entries[2]
    content = ("at", "action", "entity", "entity_uuid", "changes", "prev_hash", "entry_hash")
    tamper(audited, update(TABLE).where(TABLE.c.id == second["id"]).values({c: third[c] for c in content}))
    tamper(audited, update(TABLE).where(TABLE.c.id == third["id"]).values({c: second[c] for c in content}))
    problems = verify_chain(audited).problems
    assert broken_link_at(problems, second["id"]), problems


def test_history_lists_one_records_entries_oldest_first(audited: Database) -> None:
    tacoma = facility_named(audited, "Tacoma")
    assert tacoma is not None
    entries = history(audited, tacoma.uuid)
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert entries[1].changes == {"notes": ("", "Tideflats")}
    assert entries[0].changes["latitude"] == (None, 47.2496)
    assert history(audited, "no-such-uuid") == []


def test_chain_continues_across_database_handles(audited: Database) -> None:
    """A second Database on the same storage appends to the same chain."""
    other = reopen(audited.engine.url.render_as_string(hide_password=False), clock=audited.clock)
    try:
        FacilityService(other).create(Facility(name="From the other handle"))
    finally:
        other.close()
    report = verify_chain(audited)
    assert (report.ok, report.entries) == (True, 7)
