"""Export, then import into an empty database: the same facilities, incidents (weapons, partial dates with ranges,
approximate dates and bands of the day, unknown versus zero counts, GTD facts, legal history with agencies,
references and charges, related incidents also further down the file) and plan items (several incidents), on
SQLite and PostgreSQL; and the SQLite fast path writes the same cells as the record-by-record path."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from support.clock import DEFAULT_START
from support.fact_strategies import legal_entries
from support.fact_strategies import partial_dates as fact_dates
from support.lookup import reopen

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    FacilityType,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    Severity,
    TargetType,
    WeaponType,
    YesNoUnknown,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.legal_history import current_status
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import facility_errors, incident_errors
from desktop.domain.values import PartialDate, Weapon
from desktop.persistence.engine import sqlite_url
from desktop.persistence.models import (
    DirectiveRow,
    FacilityRow,
    IncidentLinkRow,
    IncidentRow,
    PlanItemIncidentRow,
    PlanItemRow,
    StatusChangeRow,
    WeaponRow,
)
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, Redaction, export_records
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import DirectiveService, FacilityService, IncidentService, PlanItemService

ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
DANGEROUS = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r\n", "'", "''=", "'-", '"', ",", "|", "\\", "[redacted]"])
texts = st.builds(lambda head, tail: head + tail, DANGEROUS, st.text(CHARACTERS, max_size=40))
names = texts.filter(lambda t: t.strip() != "" and t != "[redacted]")
counts = st.none() | st.integers(min_value=0, max_value=1_000_000_000)
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(microsecond=0) if d.microsecond % 3 else d)  # fmt: skip
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
TODAY = DEFAULT_START.date()  # the fake clock's: status changes must not be later
times = (
    st.times().map(lambda t: t.replace(second=0, microsecond=0))
    | st.times().map(lambda t: t.replace(microsecond=0))
    | st.times()
)
partial_dates = st.one_of(
    st.just(PartialDate()),
    days.map(lambda d: PartialDate(DatePrecision.YEAR, d.replace(month=1, day=1))),
    days.map(lambda d: PartialDate(DatePrecision.MONTH, d.replace(day=1))),
    days.map(lambda d: PartialDate(DatePrecision.DAY, d)),
    st.builds(lambda d, t: PartialDate(DatePrecision.EXACT, d, t), days, times),
    fact_dates(last=TODAY),  # ranges, approximate dates, bands of the day
)


@st.composite
def facilities(draw: st.DrawFn) -> Facility:
    facility = Facility(
        name=draw(names), agency=draw(st.sampled_from(Agency)), facility_type=draw(st.sampled_from(FacilityType)),
        address=draw(texts), city=draw(texts), state=draw(st.sampled_from(["", "WA", "TX"])),
        zip_code=draw(st.sampled_from(["", "98421", "98421-1234"])),
        latitude=draw(st.none() | st.floats(min_value=-90, max_value=90)),
        longitude=draw(st.none() | st.floats(min_value=-180, max_value=180)),
        security_level=draw(st.none() | st.sampled_from(SecurityLevel)), last_assessment=draw(st.none() | days),
        notes=draw(texts),
    )  # fmt: skip
    assume(not facility_errors(facility))
    return facility


def up_to_three(draw: st.DrawFn, enum: Any) -> tuple[Any, Any, Any]:
    """A first type and up to two further ones, none twice (GTD's attacktype1-3, targtype1-3)."""
    chosen = draw(st.lists(st.sampled_from(list(enum)), min_size=1, max_size=3, unique=True))
    padded = [*chosen, None, None]
    return padded[0], padded[1], padded[2]


@st.composite
def incidents(draw: st.DrawFn, facility_uuids: list[str]) -> Incident:
    history = tuple(draw(st.lists(legal_entries(texts, last=TODAY), min_size=1, max_size=3)))  # in any order
    status = current_status(history)
    assert status is not None
    attack, attack_2, attack_3 = up_to_three(draw, AttackType)
    target, target_2, target_3 = up_to_three(draw, TargetType)
    damage = draw(st.sampled_from(DamageStatus))
    incident = Incident(
        facility_uuid=draw(st.sampled_from(facility_uuids)), title=draw(names), occurred=draw(partial_dates),
        case_number=draw(st.none() | st.text(st.sampled_from("AB-12 /x"), min_size=1, max_size=12)),
        discovered_at=draw(st.none() | moments), reported_at=draw(st.none() | moments),
        attack_type=attack, attack_type_2=attack_2, attack_type_3=attack_3,
        target_type=target, target_type_2=target_2, target_type_3=target_3,
        weapons=tuple(draw(st.lists(st.builds(Weapon, st.sampled_from(WeaponType), texts), max_size=3))),
        completed=draw(st.booleans()), severity=draw(st.sampled_from(Severity)),
        victims_killed=draw(counts), victims_injured=draw(counts), perpetrators_killed=draw(counts),
        perpetrators_injured=draw(counts), property_damage=damage,
        property_extent=draw(st.none() | st.sampled_from(PropertyExtent)) if damage is DamageStatus.YES else None,
        damage_estimate_usd=draw(counts), suspects_count=draw(counts), arrests_count=draw(counts),
        hostages=draw(st.sampled_from(YesNoUnknown)), perpetrator_outcome=draw(st.sampled_from(PerpetratorOutcome)),
        investigating_agencies=draw(texts), status=status, description=draw(texts),
        sources=draw(texts), suspect_names=draw(texts), personal_details=draw(texts), status_history=history,
    )  # fmt: skip
    assume(not incident_errors(incident, TODAY))
    return incident


@st.composite
def plan_items(draw: st.DrawFn, facility_uuids: list[str], incident_uuids: list[str]) -> PlanItem:
    status = draw(st.sampled_from(PlanStatus))
    return PlanItem(
        facility_uuid=draw(st.sampled_from(["", *facility_uuids])), description=draw(names), owner=draw(texts),
        due_date=draw(st.none() | days), status=status,
        risk_rationale=draw(names if status is PlanStatus.RISK_ACCEPTED else texts), notes=draw(texts),
        incident_uuids=tuple(draw(st.lists(st.sampled_from(incident_uuids), max_size=3, unique=True)))
        if incident_uuids else (),
    )  # fmt: skip


def populate(database: Database, data: st.DataObject) -> None:
    facility_service = FacilityService(database)
    made = [facility_service.create(f) for f in data.draw(st.lists(facilities(), min_size=1, max_size=3))]
    uuids = [f.uuid for f in made]
    incident_service = IncidentService(database)
    drawn = data.draw(st.lists(incidents(uuids), max_size=4, unique_by=lambda i: (i.case_number or "").strip() or i))
    made_incidents = [incident_service.create(i) for i in drawn]  # case numbers are unique
    made_uuids = [i.uuid for i in made_incidents]
    for incident in made_incidents:  # related to any other, also later ones (rows further down the file)
        others = [uuid for uuid in made_uuids if uuid != incident.uuid]
        related = data.draw(st.lists(st.sampled_from(others), max_size=3, unique=True)) if others else []
        if related:
            stored = incident_service.get(incident.uuid)
            incident_service.update(replace(stored, related_uuids=tuple(related)))
    plan_service = PlanItemService(database)
    for item in data.draw(st.lists(plan_items(uuids, [i.uuid for i in made_incidents]), max_size=3)):
        plan_service.create(item)


def snapshot(database: Database) -> dict[str, list[Any]]:
    """Every record with everything but the local version counter (history without its local recorded_at)."""
    incident_service = IncidentService(database)
    found: dict[str, list[Any]] = {
        "facilities": [replace(f, version=0) for f in FacilityService(database).page()],
        "plan_items": [replace(p, version=0) for p in PlanItemService(database).page()],
        "directives": [replace(d, version=0) for d in DirectiveService(database).page()],
    }
    full = [incident_service.get(i.uuid) for i in incident_service.page()]
    found["incidents"] = [
        replace(i, version=0, status_history=tuple(replace(c, recorded_at=None) for c in i.status_history))
        for i in full
    ]
    for records in found.values():
        records.sort(key=lambda r: r.uuid)
    return found


def wipe(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert uow.session is not None
        for model in (
            PlanItemIncidentRow,
            PlanItemRow,
            DirectiveRow,
            IncidentLinkRow,
            WeaponRow,
            StatusChangeRow,
            IncidentRow,
            FacilityRow,
        ):
            uow.session.execute(delete(model))
        uow.commit()


def export_all(database: Database, folder: Path) -> dict[RecordKind, Path]:
    files = {}
    for entity in (RecordKind.FACILITY, RecordKind.INCIDENT, RecordKind.DIRECTIVE, RecordKind.PLAN_ITEM):
        files[entity] = folder / f"{entity.table}.csv"
        result = export_records(database, files[entity], ExportOptions(entity=entity))
        assert not result.cancelled
    return files


def import_all(database: Database, files: dict[RecordKind, Path]) -> None:
    for entity, path in files.items():
        report = import_csv(database, path, ImportOptions(entity=entity))
        assert report.accepted and report.committed, report.lines()
        assert report.conflicts == []


@ROUND_TRIP
@given(data=st.data())
def test_export_then_import_into_an_empty_database_gives_the_same_records(
    any_database: Database, tmp_path: Path, data: st.DataObject
) -> None:
    wipe(any_database)
    populate(any_database, data)
    before = snapshot(any_database)
    files = export_all(any_database, tmp_path)
    wipe(any_database)

    import_all(any_database, files)

    assert snapshot(any_database) == before


@pytest.fixture
def second_database(tmp_path: Path) -> Iterator[Database]:
    database = reopen(sqlite_url(tmp_path / "second.sqlite3"))
    try:
        yield database
    finally:
        database.close()


def test_demo_data_moves_to_a_new_database_and_a_second_import_changes_nothing(
    demo_database: Database, second_database: Database, tmp_path: Path
) -> None:
    files = export_all(demo_database, tmp_path)
    import_all(second_database, files)
    assert snapshot(second_database) == snapshot(demo_database)
    tacoma = next(i for i in snapshot(second_database)["incidents"] if "rifle" in i.title)
    assert [w.type for w in tacoma.weapons] == [WeaponType.FIREARMS, WeaponType.INCENDIARY]
    assert (tacoma.victims_injured, tacoma.damage_estimate_usd) == (0, None)  # zero and unknown stay apart
    assert [c.status for c in tacoma.status_history][-1] is tacoma.status is CaseStatus.CLOSED

    again = import_csv(second_database, files[RecordKind.INCIDENT], ImportOptions(entity=RecordKind.INCIDENT))
    assert (again.inserted, again.updated, again.unchanged, again.committed) == (0, 0, 3, True)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), mask=st.booleans())
def test_the_sqlite_fast_path_writes_the_cells_of_the_record_path(
    database: Database, data: st.DataObject, mask: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    wipe(database)
    populate(database, data)
    options = ExportOptions(redaction=Redaction.MASK if mask else Redaction.NONE)
    fast = io.StringIO()
    export_records(database, fast, options)
    with monkeypatch.context() as patch:
        patch.setattr(Database, "is_sqlite", property(lambda _self: False))
        slow = io.StringIO()
        export_records(database, slow, options)
    assert cells(fast.getvalue()) == cells(slow.getvalue())


def test_the_fast_path_renders_times_dates_and_unknowns_like_python(database: Database) -> None:
    facility = FacilityService(database).create(Facility(name='=HYPERLINK("x")', latitude=-1.5))
    service = IncidentService(database)
    for at in (time(4, 0), time(4, 0, 30), time(4, 0, 30, 250)):
        service.create(Incident(facility.uuid, "@title", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), at),
                                discovered_at=datetime(2019, 7, 13, 5, 0, 0, 7), case_number=None,
                                weapons=(Weapon(WeaponType.OTHER, "pipe|wrench\\"),)))  # fmt: skip
    fast = io.StringIO()
    export_records(database, fast, ExportOptions(columns=("occurred", "discovered_at", "facility_name", "weapons")))
    rows = cells(fast.getvalue())
    assert rows[0] == ["facility_name", "occurred", "weapons", "discovered_at"]  # chosen, in the canonical order
    assert [r[1] for r in rows[1:]] == ["2019-07-13 04:00", "2019-07-13 04:00:30", "2019-07-13 04:00:30.000250"]
    assert {r[3] for r in rows[1:]} == {"2019-07-13 05:00:00.000007"}
    assert {r[0] for r in rows[1:]} == {'\'=HYPERLINK("x")'}
    assert {r[2] for r in rows[1:]} == {"other:pipe\\|wrench\\\\"}
