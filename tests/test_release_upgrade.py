"""A database made by the released schema (tests/data/release-0002.sqlite, made by make_release_0002.py with the
code of that release) opens, is backed up, migrates to the head and reads back with every record's meaning kept."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest

from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    OperatorKind,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    TargetType,
    YesNoUnknown,
)  # fmt: skip
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.schema import current_revision, head_revision
from desktop.services.audit import verify_chain
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions

RELEASE = Path(__file__).parent / "data" / "release-0002.sqlite"


@pytest.fixture
def upgraded(tmp_path: Path) -> RecordServices:
    copy = tmp_path / "release.sqlite"
    shutil.copyfile(RELEASE, copy)
    backups = tmp_path / "backups"
    database = DatabaseSessions(backups).open(f"sqlite:///{copy}", lock=False)
    assert current_revision(database.engine) == head_revision()
    assert any(backups.iterdir()), "a backup is made before migrating"
    return RecordServices.of(database)


def by_title(services: RecordServices) -> dict[str, Incident]:
    return {i.title: services.incidents.get(i.uuid) for i in services.incidents.page(page=Page(limit=50))}


def test_the_released_database_is_at_schema_0002() -> None:
    import sqlite3

    with sqlite3.connect(RELEASE) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)


def test_facilities_keep_their_meaning(upgraded: RecordServices) -> None:
    facilities = {f.name: f for f in upgraded.facilities.page()}
    tacoma = facilities["Northwest Detention Center"]
    assert (tacoma.security_level, tacoma.last_assessment, tacoma.state) == (SecurityLevel.IV, date(2018, 5, 1), "WA")
    assert tacoma.reassessment_due == date(2021, 5, 1)
    assert facilities["San Antonio Field Office"].security_level is SecurityLevel.II
    assert facilities["Lake Worth office"].security_level is None  # not assessed stays not assessed
    assert {f.operator for f in facilities.values()} == {OperatorKind.UNKNOWN}  # never recorded: unknown
    assert {f.operator_name for f in facilities.values()} == {""}


def test_incident_dates_and_facts_keep_their_meaning(upgraded: RecordServices) -> None:
    incidents = by_title(upgraded)
    attack = incidents["Armed attack and arson attempt"]
    assert attack.occurred == PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0))
    molotov = incidents["Molotov cocktail thrown"]
    assert molotov.occurred == PartialDate(DatePrecision.MONTH, date(2019, 8, 1))
    assert molotov.occurred.end == date(2019, 8, 31)
    threat = incidents["Threat letter"]
    assert threat.occurred == PartialDate(DatePrecision.YEAR, date(2018, 1, 1))
    assert incidents["Unknown-date vandalism"].occurred == PartialDate()
    # damage: the GTD band of a known estimate, unknown without one, none without damage
    assert attack.property_extent is PropertyExtent.UNKNOWN
    assert incidents["Shots fired at the office"].property_extent is PropertyExtent.MAJOR
    assert molotov.property_extent is PropertyExtent.MINOR
    assert threat.property_damage is DamageStatus.NO and threat.property_extent is None
    assert molotov.hostages is YesNoUnknown.YES  # a hostage-taking incident
    assert attack.hostages is YesNoUnknown.UNKNOWN
    for incident in incidents.values():
        assert incident.attack_type_2 is None and incident.target_type is TargetType.UNKNOWN
        assert incident.perpetrator_outcome is PerpetratorOutcome.UNKNOWN
    assert attack.attack_types == (AttackType.ARMED_ASSAULT,)
    assert attack.suspect_names == "W. Van Spronsen"


def test_legal_histories_keep_their_days(upgraded: RecordServices) -> None:
    incidents = by_title(upgraded)
    history = incidents["Molotov cocktail thrown"].status_history
    assert [c.fact for c in history] == [
        StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 31)).fact,
        StatusChange.on_day(CaseStatus.ARREST_MADE, date(2019, 9, 12), "suspect held").fact,
    ]
    assert incidents["Molotov cocktail thrown"].status is CaseStatus.ARREST_MADE
    closed = incidents["Armed attack and arson attempt"].status_history
    assert [(c.status, c.changed.label()) for c in closed] == [
        (CaseStatus.REPORTED, "2019-07-13"),
        (CaseStatus.CLOSED, "2019-07-20"),
    ]


def test_plan_item_links_and_the_audit_chain_survive(upgraded: RecordServices) -> None:
    incidents = {i.title: i.uuid for i in upgraded.incidents.page()}
    items = {p.description: p for p in upgraded.plan_items.page()}
    assert items["FPS: plan to secure all ICE facilities"].incident_uuids == (
        incidents["Armed attack and arson attempt"],
    )
    assert items["FPS: plan to secure all ICE facilities"].status is PlanStatus.IN_PROGRESS
    assert items["Ballistic film on windows"].incident_uuids == (incidents["Shots fired at the office"],)
    assert items["Perimeter lighting"].incident_uuids == ()
    report = verify_chain(upgraded.database)
    assert report.ok, report


def test_period_filters_use_the_whole_known_period_after_the_upgrade(upgraded: RecordServices) -> None:
    found = upgraded.incidents.page(IncidentFilter(occurred_from=date(2019, 8, 15)))
    assert "Molotov cocktail thrown" in {i.title for i in found}  # August 2019 may be after the 15th
