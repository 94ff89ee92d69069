"""The benchmark's generator writes records the application accepts: valid, linked, searchable, real schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import COMMON_WORD, FACILITIES, PLAN_ITEMS, generate
from desktop.domain.enums import CaseStatus, DamageStatus, DatePrecision, PropertyExtent, TargetType, YesNoUnknown
from desktop.domain.queries import FacilityFilter, IncidentFilter, Page, PlanItemFilter
from desktop.domain.validation import facility_errors, incident_errors, plan_item_errors
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService, IncidentService, PlanItemService

ROWS = 2_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "bench.sqlite3"
    generate(path, ROWS, seed=11)
    return path


@pytest.fixture
def database(generated: Path) -> Iterator[Database]:
    db = open_database(sqlite_url(generated))
    try:
        yield db
    finally:
        db.close()


def raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_every_incident_reads_back_through_the_service_and_is_valid(database: Database) -> None:
    incidents = IncidentService(database)
    assert incidents.count() == ROWS
    records = incidents.page(page=Page(limit=ROWS + 1, sort="occurred"))
    assert len(records) == ROWS
    problems = {record.uuid: incident_errors(record) for record in records if incident_errors(record)}
    assert problems == {}
    assert {record.occurred.precision for record in records} == set(DatePrecision)
    assert {record.status for record in records} == set(CaseStatus)
    assert sum(1 for r in records if r.weapons) > ROWS // 2  # weapons for most
    assert any(r.victims_injured is None for r in records) and any(r.victims_injured == 0 for r in records)
    assert {r.occurred.on.year for r in records if r.occurred.on} >= {2015, 2020, 2026}


def test_incidents_carry_the_case_facts(database: Database) -> None:
    incidents = IncidentService(database)
    records = [incidents.get(r.uuid) for r in incidents.page(page=Page(limit=ROWS + 1, sort="occurred"))]
    share = {name: sum(1 for r in records if test(r)) / ROWS for name, test in {
        "range": lambda r: r.occurred.precision is DatePrecision.RANGE,
        "approximate": lambda r: r.occurred.approximate,
        "band": lambda r: r.occurred.time_of_day is not None,
        "second attack type": lambda r: r.attack_type_2 is not None,
        "second target type": lambda r: r.target_type_2 is not None,
        "related": lambda r: bool(r.related_uuids),
    }.items()}  # fmt: skip
    assert all(0.001 < value < 0.2 for value in share.values()), share
    assert any(r.attack_type_3 is not None for r in records)
    damaged = [r for r in records if r.property_damage is DamageStatus.YES]
    assert {r.property_extent for r in damaged} == {PropertyExtent.MINOR, PropertyExtent.MAJOR, PropertyExtent.UNKNOWN}
    assert all(r.property_extent is None for r in records if r.property_damage is not DamageStatus.YES)
    assert {r.target_type for r in records} >= {TargetType.BUILDING, TargetType.PERSONNEL, TargetType.PERIMETER}
    assert {r.hostages for r in records} == set(YesNoUnknown) and len({r.perpetrator_outcome for r in records}) >= 4
    referred = [r.status_history[0] for r in records if r.status is CaseStatus.CHARGED]
    assert referred and all(change.agency and change.reference and change.charges for change in referred)


def test_status_history_is_one_change_each_matching_the_status(database: Database) -> None:
    incidents = IncidentService(database)
    for record in incidents.page(page=Page(limit=50, sort="title")):
        history = incidents.get(record.uuid).status_history
        assert [change.status for change in history] == [record.status]


def test_facilities_and_plan_items_are_valid(database: Database) -> None:
    facilities = FacilityService(database).page(FacilityFilter(), Page(limit=FACILITIES + 1, sort="name"))
    assert len(facilities) == FACILITIES
    assert [f.name for f in facilities if facility_errors(f)] == []
    assert len({f.name for f in facilities}) == FACILITIES
    items = PlanItemService(database).page(PlanItemFilter(), Page(limit=PLAN_ITEMS + 1))
    assert len(items) == PLAN_ITEMS
    assert [i.uuid for i in items if plan_item_errors(i)] == []
    assert any(i.incident_uuids for i in items) and any(not i.facility_uuid for i in items)


def test_foreign_keys_hold_and_the_full_text_index_is_consistent(generated: Path) -> None:
    assert raw(generated, "PRAGMA foreign_key_check") == []
    assert raw(generated, "PRAGMA integrity_check") == [("ok",)]
    raw(generated, "INSERT INTO incidents_fts(incidents_fts) VALUES ('integrity-check')")  # raises when not


def test_search_finds_what_like_finds(database: Database, generated: Path) -> None:
    expected = raw(
        generated,
        f"SELECT count(*) FROM incidents WHERE title LIKE '%{COMMON_WORD}%' OR description LIKE '%{COMMON_WORD}%'",
    )[0][0]
    assert isinstance(expected, int) and expected > 0
    assert IncidentService(database).count(IncidentFilter(text=COMMON_WORD)) == expected


def schema(path: Path) -> list[tuple[object, ...]]:
    """Every schema object; a table's definition as the set of its lines (migration 0003 rebuilds plan_items
    with its constraints in an order that varies from run to run)."""
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name"
    return [(kind, name, table, sorted(line.strip().rstrip(",") for line in str(sql).splitlines()))
            for kind, name, table, sql in raw(path, query)]  # fmt: skip


def test_schema_objects_are_exactly_those_of_a_new_database(generated: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    open_database(sqlite_url(fresh)).close()
    assert schema(generated) == schema(fresh)
