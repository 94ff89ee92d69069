"""Repositories on SQLite and PostgreSQL: CRUD, optimistic locking, integrity, filters, sorting, paging, search."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from support.clock import FakeClock

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    FacilityType,
    PlanStatus,
    SecurityLevel,
    Severity,
    WeaponType,
)
from desktop.domain.errors import RecordInUseError, RecordNotFoundError, StaleRecordError
from desktop.domain.queries import (
    FACILITY_SORT_KEYS,
    INCIDENT_SORT_KEYS,
    PLAN_ITEM_SORT_KEYS,
    FacilityFilter,
    IncidentFilter,
    Page,
    PlanItemFilter,
)
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import ValidationError
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService, IncidentService
from desktop.services.statistics import summarize


def audit_count(database: Database) -> int:
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return uow.session.scalar(select(func.count()).select_from(AuditRow)) or 0


def add_facility(database: Database, **fields: Any) -> Facility:
    with database.unit_of_work() as uow:
        created = uow.facilities.add(Facility(**{"name": "Field office", **fields}))
        uow.commit()
        return created


def add_incident(database: Database, facility: Facility, **fields: Any) -> Incident:
    with database.unit_of_work() as uow:
        created = uow.incidents.add(Incident(**{"facility_uuid": facility.uuid, "title": "Incident", **fields}))
        uow.commit()
        return created


def add_plan_item(database: Database, **fields: Any) -> PlanItem:
    with database.unit_of_work() as uow:
        created = uow.plan_items.add(PlanItem(**{"facility_uuid": "", "description": "Plan", **fields}))
        uow.commit()
        return created


# -- facilities ------------------------------------------------------------------------------------
def test_facility_add_get_update_delete(any_database: Database, clock: FakeClock) -> None:
    created = add_facility(any_database, name="Northwest Detention Center", agency=Agency.ICE_ERO,
                           facility_type=FacilityType.DETENTION_CENTER, city="Tacoma", state="WA", zip_code="98421",
                           latitude=47.2496, longitude=-122.4213, security_level=SecurityLevel.IV,
                           last_assessment=date(2018, 5, 1), notes="Tideflats")  # fmt: skip
    assert len(created.uuid) == 36
    assert created.version == 1
    assert created.created_at == created.updated_at == clock.now
    with any_database.unit_of_work(write=False) as uow:
        assert uow.facilities.get(created.uuid) == created

    clock.advance(hours=1)
    with any_database.unit_of_work() as uow:
        updated = uow.facilities.update(replace(created, city="Fife", security_level=SecurityLevel.V))
        uow.commit()
    assert (updated.version, updated.city, updated.security_level) == (2, "Fife", SecurityLevel.V)
    assert updated.created_at == created.created_at
    assert updated.updated_at == clock.now
    with any_database.unit_of_work(write=False) as uow:
        assert uow.facilities.get(created.uuid) == updated

    with any_database.unit_of_work() as uow:
        deleted = uow.facilities.delete(created.uuid, updated.version)
        uow.commit()
    assert deleted == updated
    with any_database.unit_of_work(write=False) as uow, pytest.raises(RecordNotFoundError, match="does not exist"):
        uow.facilities.get(created.uuid)


def test_update_without_changes_keeps_version_and_writes_no_audit(any_database: Database, clock: FakeClock) -> None:
    created = add_facility(any_database, name="Same")
    entries = audit_count(any_database)
    clock.advance(days=1)
    with any_database.unit_of_work() as uow:
        same = uow.facilities.update(created)
        uow.commit()
    assert same == created
    assert audit_count(any_database) == entries


def test_add_keeps_a_given_uuid(any_database: Database) -> None:
    created = add_facility(any_database, uuid="6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d")
    assert created.uuid == "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"


@pytest.mark.parametrize("action", ["update", "delete"])
def test_stale_version_is_refused_and_nothing_is_written(any_database: Database, action: str) -> None:
    created = add_facility(any_database, name="Original")
    with any_database.unit_of_work() as uow:
        current = uow.facilities.update(replace(created, name="Changed by someone else"))
        uow.commit()
    entries = audit_count(any_database)
    with any_database.unit_of_work() as uow, pytest.raises(StaleRecordError) as caught:
        if action == "update":
            uow.facilities.update(replace(created, notes="my edit of version 1"))
        else:
            uow.facilities.delete(created.uuid, created.version)
        uow.commit()
    assert "now version 2, you edited version 1" in str(caught.value)
    with any_database.unit_of_work(write=False) as uow:
        assert uow.facilities.get(created.uuid) == current
    assert audit_count(any_database) == entries


def test_facility_in_use_cannot_be_deleted(any_database: Database) -> None:
    with_incident = add_facility(any_database, name="With incident")
    with_plan = add_facility(any_database, name="With plan")
    add_incident(any_database, with_incident)
    add_plan_item(any_database, facility_uuid=with_plan.uuid)
    entries = audit_count(any_database)
    for facility, counts in ((with_incident, "1 incident(s) and 0 plan item(s)"),
                             (with_plan, "0 incident(s) and 1 plan item(s)")):  # fmt: skip
        with any_database.unit_of_work() as uow, pytest.raises(RecordInUseError, match=re.escape(counts)):
            uow.facilities.delete(facility.uuid)
        with any_database.unit_of_work(write=False) as uow:
            assert uow.facilities.get(facility.uuid) == facility
    assert audit_count(any_database) == entries


def test_unknown_uuid_is_not_found(any_database: Database) -> None:
    with any_database.unit_of_work() as uow:
        for repository in (uow.facilities, uow.incidents, uow.plan_items):
            with pytest.raises(RecordNotFoundError, match="nope does not exist"):
                repository.get("nope")
            with pytest.raises(RecordNotFoundError):
                repository.delete("nope")


# -- incidents -------------------------------------------------------------------------------------
def test_incident_round_trip_with_weapons_and_first_status(any_database: Database, clock: FakeClock) -> None:
    facility = add_facility(any_database, name="Tacoma")
    created = add_incident(
        any_database, facility, case_number="TPD-2019-0713", title="Armed attack",
        occurred=PartialDate.parse("2019-07-13T04:00"), discovered_at=datetime(2019, 7, 13, 4, 5),
        attack_type=AttackType.ARMED_ASSAULT, completed=False, severity=Severity.CRITICAL,
        weapons=(Weapon(WeaponType.FIREARMS, "rifle"), Weapon(WeaponType.INCENDIARY, "flares")),
        victims_killed=0, victims_injured=None, perpetrators_killed=1, damage_estimate_usd=25_000,
        suspect_names="W. v. S.", description="Rifle and incendiary devices",
    )  # fmt: skip
    assert created.facility_uuid == facility.uuid
    assert created.facility_name == "Tacoma"
    assert created.weapons == (Weapon(WeaponType.FIREARMS, "rifle"), Weapon(WeaponType.INCENDIARY, "flares"))
    assert created.victims_killed == 0
    assert created.victims_injured is None  # unknown stays unknown, not 0
    assert created.occurred == PartialDate.parse("2019-07-13T04:00")
    assert created.status_history == (
        StatusChange(CaseStatus.REPORTED, PartialDate.of_day(clock.now.date()), "", clock.now),
    )
    with any_database.unit_of_work(write=False) as uow:
        assert uow.incidents.get(created.uuid) == created


def test_incident_keeps_a_given_status_history(any_database: Database) -> None:
    facility = add_facility(any_database)
    history = (StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 31)),
               StatusChange.on_day(CaseStatus.ARREST_MADE, date(2019, 9, 1), "suspect arrested"))  # fmt: skip
    created = add_incident(any_database, facility, status=CaseStatus.ARREST_MADE, status_history=history,
                           suspects_count=1, arrests_count=1)  # fmt: skip
    assert [(c.status, c.changed_on, c.note) for c in created.status_history] == [
        (CaseStatus.REPORTED, date(2019, 8, 31), ""),
        (CaseStatus.ARREST_MADE, date(2019, 9, 1), "suspect arrested"),
    ]


def test_status_change_is_appended_with_its_date(any_database: Database, clock: FakeClock) -> None:
    facility = add_facility(any_database)
    created = add_incident(any_database, facility)
    clock.advance(days=3)
    with any_database.unit_of_work() as uow:
        investigated = uow.incidents.update(
            replace(created, status=CaseStatus.UNDER_INVESTIGATION),
            StatusChange.on_day(CaseStatus.UNDER_INVESTIGATION, date(2024, 2, 20), "FBI took the case"),
        )
        uow.commit()
    clock.advance(days=1)
    with any_database.unit_of_work() as uow:
        closed = uow.incidents.update(replace(investigated, status=CaseStatus.CLOSED))  # no date: today
        retitled = uow.incidents.update(replace(closed, title="Renamed"))  # no status change: no entry
        uow.commit()
    history = [(c.status, c.changed_on, c.note) for c in retitled.status_history]
    assert history == [
        (CaseStatus.REPORTED, date(2024, 3, 1), ""),
        (CaseStatus.UNDER_INVESTIGATION, date(2024, 2, 20), "FBI took the case"),
        (CaseStatus.CLOSED, date(2024, 3, 5), ""),
    ]
    assert retitled.version == 4
    with any_database.unit_of_work(write=False) as uow:
        assert uow.incidents.get(created.uuid).status_history == retitled.status_history


def test_weapons_can_be_replaced_and_removed(any_database: Database) -> None:
    facility = add_facility(any_database)
    created = add_incident(any_database, facility, weapons=(Weapon(WeaponType.FIREARMS, ""),))
    with any_database.unit_of_work() as uow:
        changed = uow.incidents.update(replace(created, weapons=(Weapon(WeaponType.VEHICLE, "truck"),
                                                                 Weapon(WeaponType.MELEE, "bat"))))  # fmt: skip
        emptied = uow.incidents.update(replace(changed, weapons=()))
        uow.commit()
    assert changed.weapons == (Weapon(WeaponType.VEHICLE, "truck"), Weapon(WeaponType.MELEE, "bat"))
    assert changed.version == 2
    assert emptied.weapons == ()
    assert emptied.version == 3
    with any_database.unit_of_work(write=False) as uow:
        assert uow.incidents.get(created.uuid).weapons == ()


def test_incident_can_move_to_another_facility(any_database: Database) -> None:
    first, second = add_facility(any_database, name="First"), add_facility(any_database, name="Second")
    created = add_incident(any_database, first)
    with any_database.unit_of_work() as uow:
        moved = uow.incidents.update(replace(created, facility_uuid=second.uuid))
        uow.commit()
    assert (moved.facility_uuid, moved.facility_name, moved.version) == (second.uuid, "Second", 2)


def test_incident_needs_an_existing_facility(any_database: Database) -> None:
    facility = add_facility(any_database)
    with any_database.unit_of_work() as uow, pytest.raises(ValidationError, match="facility: missing does not exist"):
        uow.incidents.add(Incident(facility_uuid="missing", title="Orphan"))
    created = add_incident(any_database, facility)
    with any_database.unit_of_work() as uow, pytest.raises(ValidationError, match="facility: gone does not exist"):
        uow.incidents.update(replace(created, facility_uuid="gone"))


def test_case_number_must_be_unique(any_database: Database) -> None:
    facility = add_facility(any_database)
    first = add_incident(any_database, facility, case_number="A-1")
    second = add_incident(any_database, facility, case_number="A-2")
    entries = audit_count(any_database)
    with any_database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        uow.incidents.add(Incident(facility_uuid=facility.uuid, title="Dup", case_number="A-1"))
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("case_number", f"'A-1' is already used by {first.uuid}")
    ]
    with any_database.unit_of_work() as uow, pytest.raises(ValidationError, match="case_number: 'A-1' is already"):
        uow.incidents.update(replace(second, case_number="A-1"))
    with any_database.unit_of_work() as uow:  # keeping its own number is fine
        uow.incidents.update(replace(first, title="Renamed"))
        uow.commit()
    assert audit_count(any_database) == entries + 1


def test_blank_case_numbers_do_not_collide(any_database: Database) -> None:
    facility = add_facility(any_database)
    numbers = [add_incident(any_database, facility, case_number=blank).case_number for blank in (None, "", "  ")]
    assert numbers == [None, None, None]
    assert add_incident(any_database, facility, case_number=" A-7 ").case_number == "A-7"
    with any_database.unit_of_work() as uow, pytest.raises(ValidationError, match="'A-7' is already used"):
        uow.incidents.add(Incident(facility_uuid=facility.uuid, title="Same number", case_number="A-7 "))


def test_deleting_an_incident_unlinks_its_plan_items(any_database: Database) -> None:
    facility = add_facility(any_database)
    incident = add_incident(any_database, facility)
    item = add_plan_item(any_database, facility_uuid=facility.uuid, incident_uuids=(incident.uuid,))
    assert item.incident_uuids == (incident.uuid,)
    with any_database.unit_of_work() as uow:
        deleted = uow.incidents.delete(incident.uuid, incident.version)
        uow.commit()
    assert deleted.uuid == incident.uuid
    with any_database.unit_of_work(write=False) as uow:
        assert uow.plan_items.get(item.uuid).incident_uuids == ()
        assert uow.incidents.count() == 0


# -- plan items ------------------------------------------------------------------------------------
def test_plan_item_with_and_without_facility(any_database: Database, clock: FakeClock) -> None:
    facility = add_facility(any_database, name="Tacoma")
    local = add_plan_item(any_database, facility_uuid=facility.uuid, description="Fence", owner="FPS",
                          due_date=date(2019, 9, 26), status=PlanStatus.APPROVED, notes="n")  # fmt: skip
    nationwide = add_plan_item(any_database, description="Plan for all ICE facilities")
    assert (local.facility_uuid, local.facility_name, local.version) == (facility.uuid, "Tacoma", 1)
    assert (nationwide.facility_uuid, nationwide.facility_name) == ("", "")
    with any_database.unit_of_work() as uow:
        assert uow.plan_items.get(local.uuid) == local
        assert uow.plan_items.get(nationwide.uuid) == nationwide
        widened = uow.plan_items.update(replace(local, facility_uuid="", status=PlanStatus.RISK_ACCEPTED,
                                                risk_rationale="covered by the national plan"))  # fmt: skip
        narrowed = uow.plan_items.update(replace(nationwide, facility_uuid=facility.uuid))
        uow.commit()
    assert (widened.facility_uuid, widened.version, widened.status) == ("", 2, PlanStatus.RISK_ACCEPTED)
    assert (narrowed.facility_uuid, narrowed.facility_name, narrowed.version) == (facility.uuid, "Tacoma", 2)
    with any_database.unit_of_work() as uow:
        uow.plan_items.delete(widened.uuid, widened.version)
        uow.commit()
        assert uow.plan_items.count() == 1


def test_plan_item_links_must_exist(any_database: Database) -> None:
    with any_database.unit_of_work() as uow:
        with pytest.raises(ValidationError, match="facility: nowhere does not exist"):
            uow.plan_items.add(PlanItem(facility_uuid="nowhere", description="x"))
        with pytest.raises(ValidationError, match="incident: never does not exist"):
            uow.plan_items.add(PlanItem(facility_uuid="", description="x", incident_uuids=("never",)))


# -- filters ---------------------------------------------------------------------------------------
@pytest.fixture
def incidents(any_database: Database, clock: FakeClock) -> dict[str, Incident]:
    """Seven incidents at three facilities, with unknown dates and case numbers among them."""
    clock.step = timedelta(minutes=1)
    wa = add_facility(any_database, name="Tacoma detention", state="WA", agency=Agency.ICE_ERO)
    tx = add_facility(any_database, name="San Antonio office", state="TX", agency=Agency.ICE_ERO)
    fl = add_facility(any_database, name="Florida office", state="FL", agency=Agency.USCIS)
    specs: list[tuple[str, Facility, dict[str, Any]]] = [
        ("tacoma", wa, dict(title="Armed attack with rifle", case_number="TPD-2019-0713",
                            occurred=PartialDate.parse("2019-07-13T04:00"), attack_type=AttackType.ARMED_ASSAULT,
                            severity=Severity.CRITICAL, status=CaseStatus.CLOSED,
                            weapons=(Weapon(WeaponType.FIREARMS, "rifle"), Weapon(WeaponType.INCENDIARY, "")),
                            description="Incendiary devices thrown at vehicles; propane tank")),
        ("san_antonio", tx, dict(title="Shots fired at windows", case_number="SAPD-19-555",
                                 occurred=PartialDate.parse("2019-08-13"),
                                 attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK, severity=Severity.HIGH,
                                 status=CaseStatus.UNDER_INVESTIGATION, weapons=(Weapon(WeaponType.FIREARMS),),
                                 investigating_agencies="FBI")),
        ("florida", fl, dict(title="Molotov cocktail, fuse failed", occurred=PartialDate.parse("2019-08"),
                             attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK, severity=Severity.HIGH,
                             status=CaseStatus.ARREST_MADE, weapons=(Weapon(WeaponType.INCENDIARY, "Molotov"),),
                             sources="DHS memo")),
        ("graffiti", wa, dict(title="Graffiti on the gate", occurred=PartialDate.parse("2020"),
                              attack_type=AttackType.VANDALISM, severity=Severity.LOW, status=CaseStatus.REPORTED)),
        ("threat", tx, dict(title="Telephoned bomb threat", case_number="SAPD-20-001",
                            attack_type=AttackType.THREAT, severity=Severity.MEDIUM, status=CaseStatus.UNFOUNDED)),
        ("protest", wa, dict(title="Protest blocked the driveway", occurred=PartialDate.parse("2019-07-12"),
                             attack_type=AttackType.PROTEST_UNLAWFUL, severity=Severity.LOW,
                             status=CaseStatus.ADJUDICATED, description="Café owners joined")),
        ("breach", fl, dict(title="Fence breach at night", occurred=PartialDate.parse("2021-01-05T23:10"),
                            attack_type=AttackType.BREACH_OF_SECURITY, severity=Severity.MEDIUM,
                            status=CaseStatus.REFERRED_FOR_PROSECUTION, weapons=(Weapon(WeaponType.VEHICLE, "truck"),),
                            case_number="FL-2021-7")),
    ]  # fmt: skip
    return {key: add_incident(any_database, facility, **fields) for key, facility, fields in specs}


def keys_of(found: list[Any], records: dict[str, Any]) -> list[str]:
    by_uuid = {record.uuid: key for key, record in records.items()}
    return [by_uuid[record.uuid] for record in found]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (IncidentFilter(), {"tacoma", "san_antonio", "florida", "graffiti", "threat", "protest", "breach"}),
        (IncidentFilter(states=("WA",)), {"tacoma", "graffiti", "protest"}),
        (IncidentFilter(states=("TX", "FL")), {"san_antonio", "florida", "threat", "breach"}),
        (IncidentFilter(attack_types=(AttackType.FACILITY_INFRASTRUCTURE_ATTACK,)), {"san_antonio", "florida"}),
        (IncidentFilter(weapon_types=(WeaponType.INCENDIARY,)), {"tacoma", "florida"}),
        (IncidentFilter(weapon_types=(WeaponType.FIREARMS, WeaponType.VEHICLE)), {"tacoma", "san_antonio", "breach"}),
        (IncidentFilter(severities=(Severity.LOW, Severity.CRITICAL)), {"tacoma", "graffiti", "protest"}),
        (IncidentFilter(statuses=(CaseStatus.CLOSED, CaseStatus.ARREST_MADE)), {"tacoma", "florida"}),
        (IncidentFilter(open_only=True), {"san_antonio", "florida", "graffiti", "breach"}),
        (IncidentFilter(occurred_from=date(2019, 8, 1)), {"san_antonio", "florida", "graffiti", "breach"}),
        (IncidentFilter(occurred_to=date(2019, 7, 13)), {"tacoma", "protest"}),
        (IncidentFilter(occurred_from=date(2019, 7, 13), occurred_to=date(2019, 12, 31)),
         {"tacoma", "san_antonio", "florida"}),
        (IncidentFilter(text="molotov"), {"florida"}),
        (IncidentFilter(text="MOLO"), {"florida"}),  # words are prefix-matched, case-insensitively
        (IncidentFilter(text="fire shot"), {"san_antonio"}),  # every word must match
        (IncidentFilter(text="incendiary"), {"tacoma"}),  # description
        (IncidentFilter(text="fbi"), {"san_antonio"}),  # investigating agencies
        (IncidentFilter(text="dhs"), {"florida"}),  # sources
        (IncidentFilter(text="SAPD"), {"san_antonio", "threat"}),  # case number
        (IncidentFilter(text="sapd-19"), {"san_antonio"}),
        (IncidentFilter(text="ire"), set()),  # not a word start
        (IncidentFilter(text="  '*%_ "), {"tacoma", "san_antonio", "florida", "graffiti", "threat", "protest",
                                          "breach"}),  # no words: no condition
        (IncidentFilter(text="100%"), set()),
        (IncidentFilter(text="NEAR(fence)"), set()),  # FTS5 syntax is not interpreted
        (IncidentFilter(text="fence OR graffiti"), {"breach", "graffiti"}),  # the grammar: tests/test_search.py
        (IncidentFilter(states=("WA",), severities=(Severity.LOW,), text="gate"), {"graffiti"}),
    ],
)  # fmt: skip
def test_incident_filters(
    any_database: Database, incidents: dict[str, Incident], where: IncidentFilter, expected: set[str]
) -> None:
    with any_database.unit_of_work(write=False) as uow:
        found = keys_of(uow.incidents.page(where, Page(limit=100)), incidents)
        assert uow.incidents.count(where) == len(expected)
    assert sorted(found) == sorted(expected)


def test_incident_filter_by_facility(any_database: Database, incidents: dict[str, Incident]) -> None:
    where = IncidentFilter(facility_uuids=(incidents["tacoma"].facility_uuid, incidents["breach"].facility_uuid))
    with any_database.unit_of_work(write=False) as uow:
        found = set(keys_of(uow.incidents.page(where, Page(limit=100)), incidents))
        assert uow.incidents.count(where) == 5
    assert found == {"tacoma", "graffiti", "protest", "florida", "breach"}


def test_search_finds_accented_words(any_database: Database, incidents: dict[str, Incident]) -> None:
    with any_database.unit_of_work(write=False) as uow:
        assert keys_of(uow.incidents.page(IncidentFilter(text="café")), incidents) == ["protest"]


def test_search_follows_edits_and_deletes(any_database: Database, incidents: dict[str, Incident]) -> None:
    with any_database.unit_of_work() as uow:
        uow.incidents.update(replace(incidents["graffiti"], title="Spray paint on the gate"))
        uow.incidents.delete(incidents["florida"].uuid)
        uow.commit()
    with any_database.unit_of_work(write=False) as uow:
        assert uow.incidents.count(IncidentFilter(text="graffiti")) == 0
        assert uow.incidents.count(IncidentFilter(text="spray")) == 1
        assert uow.incidents.count(IncidentFilter(text="molotov")) == 0


# -- sorting and paging ----------------------------------------------------------------------------
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(Severity)}
STATUS_RANK = {status: rank for rank, status in enumerate(CaseStatus)}
PLAN_STATUS_RANK = {status: rank for rank, status in enumerate(PlanStatus)}

INCIDENT_SORTS: dict[str, Callable[[Incident], Any]] = {
    "occurred": lambda i: i.occurred.on,
    "case_number": lambda i: i.case_number,
    "title": lambda i: i.title,
    "facility": lambda i: i.facility_name,
    "attack_type": lambda i: i.attack_type.value,
    "severity": lambda i: SEVERITY_RANK[i.severity],
    "status": lambda i: STATUS_RANK[i.status],
    "updated_at": lambda i: i.updated_at,
}


def expected_order(records: dict[str, Any], value: Callable[[Any], Any], descending: bool) -> list[str]:
    """Unknown (None) sorts as the smallest value; ties keep insertion order (reversed when descending)."""
    position = {key: index for index, key in enumerate(records)}
    known = [key for key, record in records.items() if value(record) is not None]
    unknown = [key for key, record in records.items() if value(record) is None]
    known.sort(key=lambda key: (value(records[key]), position[key]), reverse=descending)
    return known + unknown[::-1] if descending else unknown + known


def test_sort_keys_are_the_documented_ones() -> None:
    assert set(INCIDENT_SORTS) == set(INCIDENT_SORT_KEYS)
    assert set(FACILITY_SORTS) == set(FACILITY_SORT_KEYS)
    assert set(PLAN_ITEM_SORTS) == set(PLAN_ITEM_SORT_KEYS)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", INCIDENT_SORT_KEYS)
def test_incident_sort_and_page_windows(
    any_database: Database, incidents: dict[str, Incident], sort: str, descending: bool
) -> None:
    expected = expected_order(incidents, INCIDENT_SORTS[sort], descending)
    with any_database.unit_of_work(write=False) as uow:
        everything = keys_of(uow.incidents.page(None, Page(0, 100, sort, descending)), incidents)
        windows = [keys_of(uow.incidents.page(None, Page(offset, 3, sort, descending)), incidents)
                   for offset in range(0, 9, 3)]  # fmt: skip
    assert everything == expected
    assert [len(w) for w in windows] == [3, 3, 1]
    assert [key for window in windows for key in window] == expected


def test_unknown_sort_key_is_refused(any_database: Database) -> None:
    with any_database.unit_of_work(write=False) as uow, pytest.raises(ValueError, match="choose one of: occurred"):
        uow.incidents.page(None, Page(sort="victims"))


def test_default_incident_order_is_newest_first(any_database: Database, incidents: dict[str, Incident]) -> None:
    with any_database.unit_of_work(write=False) as uow:
        found = keys_of(uow.incidents.page(), incidents)
    assert found == expected_order(incidents, INCIDENT_SORTS["occurred"], descending=True)
    assert found[0] == "breach"
    assert found[-1] == "threat"  # unknown date last


def test_window_beyond_the_end_is_empty(any_database: Database, incidents: dict[str, Incident]) -> None:
    with any_database.unit_of_work(write=False) as uow:
        assert uow.incidents.page(None, Page(offset=7, limit=5)) == []
        assert uow.incidents.page(None, Page(offset=0, limit=0)) == []
        assert len(uow.incidents.page(None, Page(offset=-5, limit=2))) == 2


@pytest.fixture
def facilities(any_database: Database, clock: FakeClock) -> dict[str, Facility]:
    specs: list[tuple[str, dict[str, Any]]] = [
        ("tacoma", dict(name="Northwest Detention Center", agency=Agency.ICE_ERO,
                        facility_type=FacilityType.DETENTION_CENTER, city="Tacoma", state="WA",
                        security_level=SecurityLevel.IV, last_assessment=date(2019, 3, 1),
                        notes="Tideflats industrial area")),
        ("san_antonio", dict(name="San Antonio field office", agency=Agency.ICE_ERO,
                             facility_type=FacilityType.FIELD_OFFICE, city="San Antonio", state="TX",
                             security_level=SecurityLevel.III, last_assessment=date(2021, 2, 28))),
        ("miami", dict(name="Miami benefits office", agency=Agency.USCIS, facility_type=FacilityType.BENEFITS_OFFICE,
                       city="Miami", state="FL", security_level=SecurityLevel.II, last_assessment=date(2020, 2, 29))),
        ("houston", dict(name="Houston processing center", agency=Agency.CBP,
                         facility_type=FacilityType.PROCESSING_CENTER, city="Houston", state="TX",
                         security_level=SecurityLevel.V)),
        ("annex", dict(name="Annex", agency=Agency.OTHER, address="12 Federal Plaza")),
    ]  # fmt: skip
    return {key: add_facility(any_database, **fields) for key, fields in specs}


FACILITY_SORTS: dict[str, Callable[[Facility], Any]] = {
    "name": lambda f: f.name,
    "agency": lambda f: f.agency.value,
    "facility_type": lambda f: f.facility_type.value,
    "city": lambda f: f.city,
    "state": lambda f: f.state,
    "security_level": lambda f: f.security_level.value if f.security_level else None,
    "last_assessment": lambda f: f.last_assessment,
}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (FacilityFilter(), {"tacoma", "san_antonio", "miami", "houston", "annex"}),
        (FacilityFilter(agencies=(Agency.ICE_ERO,)), {"tacoma", "san_antonio"}),
        (FacilityFilter(agencies=(Agency.USCIS, Agency.CBP)), {"miami", "houston"}),
        (FacilityFilter(states=("TX",)), {"san_antonio", "houston"}),
        (FacilityFilter(text="office"), {"san_antonio", "miami"}),
        (FacilityFilter(text="tideflats"), {"tacoma"}),  # notes
        (FacilityFilter(text="federal plaza"), {"annex"}),  # address
        (FacilityFilter(text="san office"), {"san_antonio"}),
        (FacilityFilter(text="10%"), set()),  # "%" is not a wildcard
        (FacilityFilter(agencies=(Agency.ICE_ERO,), states=("WA",)), {"tacoma"}),
        # ISC cycle: 3 years for FSL III-V, 5 for I-II; a level without an assessment is due now
        (FacilityFilter(reassessment_due_by=date(2022, 2, 28)), {"houston"}),
        (FacilityFilter(reassessment_due_by=date(2022, 3, 1)), {"tacoma", "houston"}),
        (FacilityFilter(reassessment_due_by=date(2024, 2, 28)), {"tacoma", "san_antonio", "houston"}),
        (FacilityFilter(reassessment_due_by=date(2025, 2, 27)), {"tacoma", "san_antonio", "houston"}),
        (FacilityFilter(reassessment_due_by=date(2025, 2, 28)), {"tacoma", "san_antonio", "miami", "houston"}),
    ],
)
def test_facility_filters(
    any_database: Database, facilities: dict[str, Facility], where: FacilityFilter, expected: set[str]
) -> None:
    with any_database.unit_of_work(write=False) as uow:
        found = keys_of(uow.facilities.page(where, Page(limit=100)), facilities)
        assert uow.facilities.count(where) == len(expected)
    assert sorted(found) == sorted(expected)


def test_reassessment_filter_agrees_with_the_record_rule(any_database: Database, clock: FakeClock) -> None:
    """Every assessment day around 29 February, every level, every cut-off day nearby."""
    facilities = []
    for assessed in (date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1), date(2021, 2, 28), date(2021, 3, 1)):
        for level in (SecurityLevel.II, SecurityLevel.III):
            facilities.append(add_facility(any_database, name=f"{level.label} {assessed}", security_level=level,
                                           last_assessment=assessed))  # fmt: skip
    cut_offs = [date(year, 2, 26) + timedelta(days=n) for year in range(2023, 2027) for n in range(5)]
    with any_database.unit_of_work(write=False) as uow:
        for by in cut_offs:
            found = {f.uuid for f in uow.facilities.page(FacilityFilter(reassessment_due_by=by))}
            expected = {f.uuid for f in facilities if f.reassessment_due is not None and f.reassessment_due <= by}
            assert found == expected, by


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", FACILITY_SORT_KEYS)
def test_facility_sort_and_page_windows(
    any_database: Database, facilities: dict[str, Facility], sort: str, descending: bool
) -> None:
    expected = expected_order(facilities, FACILITY_SORTS[sort], descending)
    with any_database.unit_of_work(write=False) as uow:
        windows = [keys_of(uow.facilities.page(None, Page(offset, 2, sort, descending)), facilities)
                   for offset in (0, 2, 4)]  # fmt: skip
    assert [key for window in windows for key in window] == expected


def test_facility_names_are_listed_by_name(any_database: Database, facilities: dict[str, Facility]) -> None:
    with any_database.unit_of_work(write=False) as uow:
        names = uow.facilities.names()
        assert uow.facilities.find_by_name("  miami BENEFITS office ") == facilities["miami"]
        assert uow.facilities.find_by_name("Nowhere") is None
    assert [name for _, name in names] == sorted(f.name for f in facilities.values())
    assert dict(names)[facilities["annex"].uuid] == "Annex"


@pytest.fixture
def plan_items(any_database: Database, clock: FakeClock) -> dict[str, PlanItem]:
    tacoma = add_facility(any_database, name="Tacoma")
    austin = add_facility(any_database, name="Austin")
    incident = add_incident(any_database, tacoma, title="Armed attack")
    specs: list[tuple[str, dict[str, Any]]] = [
        ("national", dict(description="Present a detailed plan for securing all ICE facilities",
                          owner="ICE", due_date=date(2019, 9, 26))),
        ("fence", dict(facility_uuid=tacoma.uuid, incident_uuids=(incident.uuid,), description="Raise the fence",
                       owner="FPS", due_date=date(2019, 12, 1), status=PlanStatus.IN_PROGRESS)),
        ("cameras", dict(facility_uuid=tacoma.uuid, description="Cameras at the gate", owner="GSA",
                         status=PlanStatus.IMPLEMENTED, notes="done before the audit")),
        ("guard", dict(facility_uuid=austin.uuid, description="Night guard", due_date=date(2019, 10, 1),
                       status=PlanStatus.RISK_ACCEPTED, risk_rationale="low exposure")),
        ("bollards", dict(facility_uuid=austin.uuid, description="Bollards", owner="FPS",
                          due_date=date(2019, 9, 26), status=PlanStatus.APPROVED)),
    ]  # fmt: skip
    items = {key: add_plan_item(any_database, **fields) for key, fields in specs}
    return items


PLAN_ITEM_SORTS: dict[str, Callable[[PlanItem], Any]] = {
    "due_date": lambda p: p.due_date,
    "facility": lambda p: p.facility_name or None,
    "description": lambda p: p.description,
    "owner": lambda p: p.owner,
    "status": lambda p: PLAN_STATUS_RANK[p.status],
}


def test_plan_item_filters(any_database: Database, plan_items: dict[str, PlanItem]) -> None:
    tacoma = plan_items["fence"].facility_uuid
    cases: list[tuple[PlanItemFilter, set[str]]] = [
        (PlanItemFilter(), set(plan_items)),
        (PlanItemFilter(facility_uuids=(tacoma,)), {"fence", "cameras"}),
        (PlanItemFilter(incident_uuid=plan_items["fence"].incident_uuids[0]), {"fence"}),
        (PlanItemFilter(statuses=(PlanStatus.PROPOSED, PlanStatus.APPROVED)), {"national", "bollards"}),
        (PlanItemFilter(open_only=True), {"national", "fence", "bollards"}),
        (PlanItemFilter(due_before=date(2019, 10, 1)), {"national", "bollards"}),
        (PlanItemFilter(text="fps"), {"fence", "bollards"}),
        (PlanItemFilter(text="audit"), {"cameras"}),
        (PlanItemFilter(text="ICE plan"), {"national"}),
        (PlanItemFilter(open_only=True, facility_uuids=(tacoma,)), {"fence"}),
    ]
    with any_database.unit_of_work(write=False) as uow:
        for where, expected in cases:
            assert set(keys_of(uow.plan_items.page(where), plan_items)) == expected, where
            assert uow.plan_items.count(where) == len(expected), where


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", PLAN_ITEM_SORT_KEYS)
def test_plan_item_sort_and_page_windows(
    any_database: Database, plan_items: dict[str, PlanItem], sort: str, descending: bool
) -> None:
    expected = expected_order(plan_items, PLAN_ITEM_SORTS[sort], descending)
    with any_database.unit_of_work(write=False) as uow:
        windows = [keys_of(uow.plan_items.page(None, Page(offset, 2, sort, descending)), plan_items)
                   for offset in (0, 2, 4)]  # fmt: skip
    assert [key for window in windows for key in window] == expected


# -- summary figures -------------------------------------------------------------------------------
def test_summary_of_the_demo_data(any_demo_database: Database) -> None:
    summary = summarize(any_demo_database)
    assert (summary.incidents, summary.open_cases, summary.killed, summary.injured, summary.damage_usd) == (
        3,
        2,
        1,
        0,
        0,
    )
    assert summary.by_status == {
        CaseStatus.CLOSED: 1,
        CaseStatus.UNDER_INVESTIGATION: 1,
        CaseStatus.REFERRED_FOR_PROSECUTION: 1,
    }
    assert summary.by_attack_type == {AttackType.ARMED_ASSAULT: 1, AttackType.FACILITY_INFRASTRUCTURE_ATTACK: 2}
    assert summary.by_severity == {Severity.CRITICAL: 1, Severity.HIGH: 2}
    assert summary.plan_items_by_status == {PlanStatus.PROPOSED: 1, PlanStatus.APPROVED: 1, PlanStatus.IMPLEMENTED: 1}


def test_summary_follows_the_filter(any_demo_database: Database) -> None:
    southern = summarize(any_demo_database, IncidentFilter(states=("TX", "FL")))
    assert (southern.incidents, southern.open_cases, southern.killed) == (2, 2, 0)
    molotov = summarize(any_demo_database, IncidentFilter(text="molotov", weapon_types=(WeaponType.INCENDIARY,)))
    assert (molotov.incidents, molotov.by_status) == (1, {CaseStatus.REFERRED_FOR_PROSECUTION: 1})
    assert summarize(any_demo_database, IncidentFilter(text="nothing-like-this")).incidents == 0


def test_summary_counts_unknown_as_unknown_not_zero(any_database: Database) -> None:
    facility = add_facility(any_database)
    add_incident(any_database, facility, victims_killed=None, victims_injured=2, perpetrators_injured=None,
                 damage_estimate_usd=1500)  # fmt: skip
    add_incident(any_database, facility, victims_killed=1, perpetrators_injured=1, damage_estimate_usd=None)
    summary = summarize(any_database)
    assert (summary.killed, summary.injured, summary.damage_usd) == (1, 3, 1500)


# -- any valid record survives the round trip; any invalid one is refused ---------------------------
ROUND_TRIP_SETTINGS = settings(  # HYPOTHESIS_EXAMPLES=500 for a longer hunt
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the database is shared by the examples
)
texts = st.text(max_size=20) | st.text(min_size=100, max_size=400)  # short, or beyond some column sizes
counts_or_unknown = st.none() | st.integers(min_value=-5, max_value=3_000_000_000)


@st.composite
def facilities_drawn(draw: st.DrawFn) -> Facility:
    return Facility(
        name=draw(texts), agency=draw(st.sampled_from(Agency)), facility_type=draw(st.sampled_from(FacilityType)),
        address=draw(texts), city=draw(texts), state=draw(st.sampled_from(["", "WA", "TX", "wa", "Texas"])),
        zip_code=draw(st.sampled_from(["", "98421", "98421-1234", "9842"])),
        latitude=draw(st.none() | st.floats(min_value=-100, max_value=100)),
        longitude=draw(st.none() | st.floats(min_value=-200, max_value=200)),
        security_level=draw(st.none() | st.sampled_from(SecurityLevel)), last_assessment=draw(st.none() | st.dates()),
        notes=draw(texts),
    )  # fmt: skip


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(drawn=facilities_drawn())
def test_any_facility_is_stored_exactly_or_refused(any_database: Database, drawn: Facility) -> None:
    service = FacilityService(any_database)
    before = (service.count(), audit_count(any_database))
    try:
        created = service.create(drawn)
    except ValidationError as error:
        assert error.errors and all(str(e).startswith(e.field + ": ") for e in error.errors)
        assert (service.count(), audit_count(any_database)) == before
        return
    assert (
        replace(created, uuid="", version=0, created_at=None, updated_at=None, created_by=None, updated_by=None)
        == drawn
    )
    assert service.get(created.uuid) == created


@st.composite
def incidents_drawn(draw: st.DrawFn, facility_uuid: str) -> Incident:
    return Incident(
        facility_uuid=facility_uuid, title=draw(texts), occurred=draw(partial_dates),
        case_number=draw(st.none() | st.text(max_size=70)), attack_type=draw(st.sampled_from(AttackType)),
        weapons=tuple(draw(st.lists(st.builds(Weapon, st.sampled_from(WeaponType), texts), max_size=3))),
        completed=draw(st.booleans()), severity=draw(st.sampled_from(Severity)),
        victims_killed=draw(counts_or_unknown), victims_injured=draw(counts_or_unknown),
        perpetrators_killed=draw(counts_or_unknown), damage_estimate_usd=draw(counts_or_unknown),
        suspects_count=draw(counts_or_unknown), arrests_count=draw(counts_or_unknown),
        status=draw(st.sampled_from(CaseStatus)), description=draw(st.text()), sources=draw(texts),
        suspect_names=draw(texts), investigating_agencies=draw(texts),
    )  # fmt: skip


partial_dates = st.sampled_from(["", "2019", "2019-08", "2019-08-13", "2019-07-13T04:00"]).map(PartialDate.parse)


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_incident_is_stored_exactly_or_refused(any_database: Database, data: st.DataObject) -> None:
    with any_database.unit_of_work(write=False) as uow:
        existing = uow.facilities.names()
    facility = FacilityService(any_database).get(existing[0][0]) if existing else add_facility(any_database)
    drawn = data.draw(incidents_drawn(facility.uuid))
    service = IncidentService(any_database)
    before = (service.count(), audit_count(any_database))
    try:
        created = service.create(drawn)
    except ValidationError as error:
        assert error.errors and all(str(e).startswith(e.field + ": ") for e in error.errors)
        assert (service.count(), audit_count(any_database)) == before
        return
    expected = replace(drawn, case_number=(drawn.case_number or "").strip() or None, facility_name=facility.name)
    stored = replace(
        created,
        uuid="",
        version=0,
        created_at=None,
        updated_at=None,
        created_by=None,
        updated_by=None,
        status_history=(),
    )
    assert stored == expected
    assert service.get(created.uuid) == created


def test_demo_data_tells_the_three_2019_incidents(any_demo_database: Database) -> None:
    with any_demo_database.unit_of_work(write=False) as uow:
        incidents = uow.incidents.page(None, Page(sort="occurred"))
        plans = uow.plan_items.page()
        states = {f.uuid: f.state for f in uow.facilities.page()}
    tacoma, san_antonio, florida = incidents  # late August (from the 21st) sorts after 13 August
    assert [states[i.facility_uuid] for i in (tacoma, san_antonio, florida)] == ["WA", "TX", "FL"]
    assert (tacoma.occurred, tacoma.perpetrators_killed, tacoma.status) == (
        PartialDate.parse("2019-07-13 early morning"), 1, CaseStatus.CLOSED)  # fmt: skip
    assert {w.type for w in tacoma.weapons} == {WeaponType.FIREARMS, WeaponType.INCENDIARY}
    assert (san_antonio.victims_injured, san_antonio.weapons[0].type) == (0, WeaponType.FIREARMS)
    assert (florida.completed, florida.arrests_count, florida.weapons[0].subtype) == (False, 1, "Molotov cocktail")
    assert str(florida.occurred) == "2019-08-21~/2019-08-31~"  # late August
    [plan] = [p for p in plans if not p.facility_uuid]  # the nationwide plan (two countermeasures beside it)
    assert (plan.facility_uuid, plan.due_date) == ("", date(2019, 9, 12) + timedelta(days=14))
    assert plan.description == "Present a detailed plan for securing all ICE facilities"
