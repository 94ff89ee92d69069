"""CSV import of the case facts: EDTF dates with bands of the day, GTD facts, legal history details, related
incidents (also rows further down the file) and plan items with several incidents and a directive. Every bad cell
is refused naming its line and column, and a refused file changes nothing."""

from __future__ import annotations

import csv
import uuid as uuid_module
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    PerpetratorOutcome,
    PropertyExtent,
    TargetType,
    TimeOfDay,
    YesNoUnknown,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.models import AuditRow, DirectiveRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.importer import ImportOptions, ImportReport, import_csv
from desktop.services.records import IncidentService, PlanItemService

TACOMA = "Northwest Detention Center, Tacoma"
HEADER = ["title", "facility_name", "occurred", "occurred_time_of_day", "attack_type", "attack_type_2",
          "attack_type_3", "target_type", "target_type_2", "target_type_3", "property_damage", "property_extent",
          "hostages", "perpetrator_outcome", "status_history", "related_uuids"]  # fmt: skip
GOOD = {"title": "Fence cut", "facility_name": TACOMA, "occurred": "2019-08-25", "attack_type": "vandalism",
        "property_damage": "yes", "status_history": "reported@2019-08-26"}  # fmt: skip
NOWHERE = "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def row(**cells: str) -> list[str]:
    values = {**GOOD, **cells}
    return [values.get(key, "") for key in HEADER]


def imported(database: Database, path: Path, entity: RecordKind = RecordKind.INCIDENT) -> ImportReport:
    return import_csv(database, path, ImportOptions(entity=entity))


def everything(database: Database) -> tuple[Any, ...]:
    """Every incident with its history and links, every plan item, and the audit trail's length."""
    service = IncidentService(database)
    incidents = sorted((service.get(i.uuid) for i in service.page()), key=lambda i: i.uuid)
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        audit = uow.session.scalar(select(func.count()).select_from(AuditRow))
    return tuple(incidents), tuple(PlanItemService(database).page()), audit


BAD_CELLS = [
    ({"occurred": "2019-08-32"}, "occurred", "is not a real date"),
    ({"occurred": "25/08/2019"}, "occurred", "is not a date like 2019, 2019-08, 2019-08-25, 2019-08-25 04:00"),
    ({"occurred": "2019-09-01/2019-08-01"}, "occurred", "the range ends (2019-08-01) before it starts (2019-09-01)"),
    ({"occurred": "2024-03-02"}, "occurred", "must not be in the future"),  # the fake clock's today: 2024-03-01
    ({"occurred": "2024-03-02/2024-04-30"}, "occurred", "must not be in the future"),
    ({"occurred": "2024-04~"}, "occurred", "must not be in the future"),
    ({"occurred_time_of_day": "dawn"}, "occurred_time_of_day", "unknown value 'dawn'"),
    ({"occurred": "2019-08", "occurred_time_of_day": "night"}, "occurred_time_of_day",
     "needs occurred to be one day, not 2019-08"),
    ({"occurred": "2019-08-25 morning", "occurred_time_of_day": "night"}, "occurred_time_of_day",
     "'night' does not match occurred (morning)"),
    ({"attack_type_2": "arson"}, "attack_type_2", "unknown value 'arson'"),
    ({"attack_type_3": "threat"}, "attack_type_3", "needs a second attack type first"),
    ({"attack_type_2": "vandalism"}, "attack_type_2", "must not repeat a type already chosen"),
    ({"target_type_2": "moon"}, "target_type_2", "unknown value 'moon'"),
    ({"target_type_2": "", "target_type_3": "vehicles"}, "target_type_3", "needs a second target type first"),
    ({"property_damage": "no", "property_extent": "major"}, "property_extent",
     "is given only when there was property damage"),
    ({"property_extent": "huge"}, "property_extent", "unknown value 'huge'"),
    ({"hostages": "perhaps"}, "hostages", "unknown value 'perhaps'"),
    ({"perpetrator_outcome": "escaped"}, "perpetrator_outcome", "unknown value 'escaped'"),
    ({"related_uuids": "incident-7"}, "related_uuids", "'incident-7' is not a UUID"),
    ({"related_uuids": f"{NOWHERE};{NOWHERE.upper()}"}, "related_uuids", f"{NOWHERE} is listed twice"),
    ({"related_uuids": f"{NOWHERE};"}, "related_uuids", "entry 2 is empty"),
    ({"related_uuids": NOWHERE}, "related_uuids", f"incident {NOWHERE} is neither stored nor a row of this file"),
    ({"status_history": "reported@2019-08-25 morning"}, "status_history",
     "status change 1: '2019-08-25 morning': a legal history date has no band of the day"),
    ({"status_history": "reported@2019-09;court=W.D. Wash."}, "status_history",
     "status change 1: 'court=W.D. Wash.' is not one of ;agency=…, ;reference=…, ;charges=…"),
    ({"status_history": "reported@2019-09;agency=FBI;agency=DOJ"}, "status_history",
     "status change 1: agency is given twice"),
    ({"status_history": "reported@2019-09;reference=a\\b"}, "status_history", "a backslash must be followed by"),
    ({"status_history": "reported@2019-09-01/2019-08-01"}, "status_history",
     "status change 1: '2019-09-01/2019-08-01': the range ends (2019-08-01) before it starts (2019-09-01)"),
    ({"status_history": "reported@2019-08-26|charged@2024-04~"}, "status_history",
     "entry 2 (charged on about 2024-04): date must not be in the future"),
    ({"status_history": "reported"}, "status_history", "status change 1: 'reported' needs a date"),
]  # fmt: skip


@pytest.mark.parametrize(("cells", "field", "reason"), BAD_CELLS, ids=[f"{c[1]}={'|'.join(c[0].values())}"
                                                                         for c in BAD_CELLS])  # fmt: skip
def test_a_bad_case_fact_is_refused_naming_line_and_column_and_nothing_changes(
    demo_database: Database, tmp_path: Path, cells: dict[str, str], field: str, reason: str
) -> None:
    path = write(tmp_path / "incidents.csv", [HEADER, row(title="A good row first"), row(**cells)])
    before = everything(demo_database)

    report = imported(demo_database, path)

    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (3, HEADER.index(field) + 1, field)
    assert reason in problem.reason
    assert not report.accepted and not report.committed
    assert f"line 3, column {HEADER.index(field) + 1} ({field}): " in report.lines()[1]
    assert everything(demo_database) == before


def test_every_case_fact_is_read(demo_database: Database, tmp_path: Path) -> None:
    tacoma = IncidentService(demo_database).page(IncidentFilter(text="rifle"))[0]
    history = (
        "arrest_made@2019-08~:two men|referred_for_prosecution@2019-09-01/2019-09-15;agency=DOJ"
        ";reference=2\\:19-cr-00123;charges=18 U.S.C. § 111\\; § 844(i):grand jury|reported@2019-08-25"
    )
    cells = {"occurred": "2019-08-20/2019-08-31", "attack_type_2": "Facility/infrastructure attack",
             "attack_type_3": "threat", "target_type": "perimeter", "target_type_2": "vehicles",
             "property_extent": "minor", "hostages": "no", "perpetrator_outcome": "arrested",
             "status_history": history, "related_uuids": tacoma.uuid.upper()}  # fmt: skip
    rows = [HEADER, row(**cells), row(title="At night", occurred="2019-08-25 Early morning"),
            row(title="Band column", occurred="about 2019-08-25", occurred_time_of_day="Evening")]  # fmt: skip

    report = imported(demo_database, write(tmp_path / "facts.csv", rows))

    assert report.committed and report.inserted == 3, report.lines()
    service = IncidentService(demo_database)
    [fence] = [service.get(i.uuid) for i in service.page(IncidentFilter(text="fence")) if i.title == "Fence cut"]
    assert fence.occurred == PartialDate(DatePrecision.RANGE, date(2019, 8, 20), until=date(2019, 8, 31))
    assert fence.attack_types == (AttackType.VANDALISM, AttackType.FACILITY_INFRASTRUCTURE_ATTACK, AttackType.THREAT)
    assert fence.target_types == (TargetType.PERIMETER, TargetType.VEHICLES)
    assert (fence.property_damage, fence.property_extent) == (DamageStatus.YES, PropertyExtent.MINOR)
    assert (fence.hostages, fence.perpetrator_outcome) == (YesNoUnknown.NO, PerpetratorOutcome.ARRESTED)
    assert fence.related_uuids == (tacoma.uuid,)
    referral = fence.status_history[1]
    assert referral.changed == PartialDate(DatePrecision.RANGE, date(2019, 9, 1), until=date(2019, 9, 15))
    assert (referral.agency, referral.reference, referral.charges, referral.note) == (
        "DOJ", "2:19-cr-00123", "18 U.S.C. § 111; § 844(i)", "grand jury")  # fmt: skip
    assert fence.status_history[0].changed == PartialDate(DatePrecision.MONTH, date(2019, 8, 1), approximate=True)
    assert fence.status is CaseStatus.REFERRED_FOR_PROSECUTION  # the latest by date, not the last listed
    bands = {i.title: i.occurred for i in service.page() if i.title in ("At night", "Band column")}
    assert bands == {
        "At night": PartialDate(DatePrecision.DAY, date(2019, 8, 25), time_of_day=TimeOfDay.EARLY_MORNING),
        "Band column": PartialDate(DatePrecision.DAY, date(2019, 8, 25), approximate=True,
                                   time_of_day=TimeOfDay.EVENING),
    }  # fmt: skip


def test_a_range_may_end_after_today_when_it_starts_before(demo_database: Database, tmp_path: Path) -> None:
    report = imported(demo_database, write(tmp_path / "open.csv", [HEADER, row(occurred="2024-02-20/2024-03-20")]))
    assert report.committed, report.lines()


def test_rows_may_name_related_incidents_further_down_the_file(demo_database: Database, tmp_path: Path) -> None:
    """Across insert batches (500 rows) and in a cycle: every link is made, nothing else changes."""
    uuids = [str(uuid_module.uuid4()) for _ in range(700)]
    related = {0: [uuids[650], uuids[1]], 1: [uuids[0]], 300: [uuids[301]], 650: [uuids[0]]}
    header = ["uuid", "title", "facility_name", "updated_at", "related_uuids"]
    rows = [header] + [[uuid, f"Series {n}", TACOMA, "2024-02-01 10:00:00", ";".join(related.get(n, []))]
                       for n, uuid in enumerate(uuids)]  # fmt: skip
    path = write(tmp_path / "series.csv", rows)

    report = imported(demo_database, path)

    assert report.committed and report.inserted == 700, report.lines()
    service = IncidentService(demo_database)
    for number, wanted in related.items():
        stored = service.get(uuids[number])
        assert stored.related_uuids == tuple(wanted)
        assert stored.updated_at == datetime(2024, 2, 1, 10, 0)  # the file's, also after the late link
    again = imported(demo_database, path)
    assert (again.committed, again.unchanged, again.inserted, again.updated) == (True, 700, 0, 0), again.lines()


def test_a_row_related_to_itself_or_to_nothing_is_refused(demo_database: Database, tmp_path: Path) -> None:
    own = str(uuid_module.uuid4())
    header = ["uuid", "title", "facility_name", "related_uuids"]
    rows = [header, [own, "Self", TACOMA, own], ["", "Unknown", TACOMA, NOWHERE]]
    before = everything(demo_database)

    report = imported(demo_database, write(tmp_path / "self.csv", rows))

    assert [(p.line, p.column, p.reason) for p in report.problems] == [
        (2, 4, "an incident cannot be related to itself"),
        (3, 4, f"incident {NOWHERE} is neither stored nor a row of this file")]  # fmt: skip
    assert everything(demo_database) == before


def test_a_file_without_the_band_column_keeps_the_stored_band(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    stored = service.page(IncidentFilter(text="rifle"))[0]
    night = PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.NIGHT)
    stored = service.update(replace(service.get(stored.uuid), occurred=night))
    day_only = [["uuid", "updated_at", "occurred", "title"],
                [stored.uuid, "2030-01-01 00:00:00", "2019-07-13", "Renamed"]]  # fmt: skip
    assert imported(demo_database, write(tmp_path / "old.csv", day_only)).committed
    assert service.get(stored.uuid).occurred == night
    cleared = [["uuid", "updated_at", "occurred", "occurred_time_of_day"],
               [stored.uuid, "2031-01-01 00:00:00", "2019-07-13", ""]]  # fmt: skip
    assert imported(demo_database, write(tmp_path / "new.csv", cleared)).committed
    assert service.get(stored.uuid).occurred == replace(night, time_of_day=None)


def add_directive(database: Database) -> str:
    """A stored directive (there is no directive service on this branch yet: straight into its table)."""
    uuid = str(uuid_module.uuid4())
    with database.unit_of_work() as uow:
        assert uow.session is not None
        now = datetime(2024, 3, 1, 12, 0)
        uow.session.add(DirectiveRow(uuid=uuid, created_at=now, updated_at=now, version=1, title="Secure ICE sites",
                                     issuing_office="DHS", source_reference="", scope="all", scope_agencies="",
                                     scope_facility_types="", notes=""))  # fmt: skip
        uow.commit()
    return uuid


def test_plan_items_take_several_incidents_a_previous_release_column_and_a_directive(
    demo_database: Database, tmp_path: Path
) -> None:
    incidents = [i.uuid for i in IncidentService(demo_database).page()]
    directive = add_directive(demo_database)
    rows = [["description", "incident_uuids", "directive_uuid"],
            ["Two incidents", f"{incidents[0]}; {incidents[1]}", directive], ["None", "", ""]]  # fmt: skip
    old = [["description", "incident_uuid"], ["From the previous release", incidents[2]]]

    assert imported(demo_database, write(tmp_path / "plans.csv", rows), RecordKind.PLAN_ITEM).committed
    report = imported(demo_database, write(tmp_path / "old.csv", old), RecordKind.PLAN_ITEM)

    assert report.committed and report.mapping == ("description", "incident_uuids"), report.lines()
    found = {p.description: p for p in PlanItemService(demo_database).page()}
    assert found["Two incidents"].incident_uuids == (incidents[0], incidents[1])
    assert found["Two incidents"].directive_uuid == directive
    assert (found["None"].incident_uuids, found["None"].directive_uuid) == ((), None)
    assert found["From the previous release"].incident_uuids == (incidents[2],)


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        ([NOWHERE, ""], 2, f"incident {NOWHERE} does not exist"),
        (["", NOWHERE], 3, f"directive {NOWHERE} does not exist"),
        (["", "directive-1"], 3, "'directive-1' is not a UUID"),
        ([f"{NOWHERE};{NOWHERE}", ""], 2, "is listed twice"),
    ],
)
def test_a_plan_item_naming_what_does_not_exist_is_refused(
    demo_database: Database, tmp_path: Path, cells: list[str], column: int, reason: str
) -> None:
    incidents = [i.uuid for i in IncidentService(demo_database).page()]
    rows = [["description", "incident_uuids", "directive_uuid"], ["Fine", incidents[0], ""], ["Broken", *cells]]
    before = everything(demo_database)

    report = imported(demo_database, write(tmp_path / "plans.csv", rows), RecordKind.PLAN_ITEM)

    [problem] = report.problems
    assert (problem.line, problem.column) == (3, column) and reason in problem.reason
    assert everything(demo_database) == before


def test_exported_case_facts_read_back_unchanged(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    first, second, *_ = service.page()
    charged = StatusChange(
        CaseStatus.CHARGED,
        PartialDate.parse("2019-09-01/2019-09-15"),
        "note: a|b",
        agency="U.S. Attorney; W.D. Wash.",
        reference="2:19-cr-1\\2",
        charges="18 U.S.C. § 111",
    )
    history = (StatusChange(CaseStatus.REPORTED, PartialDate.parse("2019-08~")), charged)
    service.update(replace(service.get(first.uuid), status=CaseStatus.CHARGED, status_history=history,
                           related_uuids=(second.uuid,), attack_type_2=AttackType.THREAT))  # fmt: skip
    path = tmp_path / "incidents.csv"
    export_records(demo_database, path, ExportOptions())
    with path.open(encoding="utf-8", newline="") as file:
        exported = list(csv.DictReader(file))
    cell = next(r["status_history"] for r in exported if r["uuid"] == first.uuid)
    assert cell == ("reported@2019-08~|charged@2019-09-01/2019-09-15;agency=U.S. Attorney\\; W.D. Wash."
                    ";reference=2\\:19-cr-1\\\\2;charges=18 U.S.C. § 111:note: a\\|b")  # fmt: skip

    report = imported(demo_database, path)

    assert report.committed and report.unchanged == len(exported), report.lines()
