"""CSV of directives (scope agencies and facility types as ;-separated codes, the scope facility by uuid or name),
plan items under a directive, and the facility's operator and "unknown" security level, on SQLite and PostgreSQL:
export then import gives the same records; hand-written files are read or refused with the line and column."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from desktop.domain.enums import Agency, DirectiveScope, FacilityType, OperatorKind, PlanStatus, SecurityLevel
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Directive, Facility, PlanItem
from desktop.persistence.models import DirectiveRow, FacilityRow, PlanItemRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import RecordServices

ORDER = (RecordKind.FACILITY, RecordKind.DIRECTIVE, RecordKind.PLAN_ITEM)  # what refers to what


def populate(database: Database) -> None:
    services = RecordServices.of(database)
    geo = services.facilities.create(Facility(
        name="Contract detention center", agency=Agency.ICE_ERO, facility_type=FacilityType.DETENTION_CENTER,
        state="TX", security_level=SecurityLevel.UNKNOWN, operator=OperatorKind.CONTRACTOR,
        operator_name="GEO Group, Inc.",
    ))  # fmt: skip
    services.facilities.create(Facility(name="Field office", operator=OperatorKind.GOVERNMENT, security_level=None))
    directives = [
        services.directives.create(d)
        for d in (
            Directive(title="FPS: plan to secure all ICE facilities", issuing_office="DHS Deputy Secretary / FPS",
                      issued_on=date(2019, 9, 12), deadline=date(2019, 9, 26), scope=DirectiveScope.AGENCY,
                      scope_agencies=(Agency.ICE_ERO, Agency.ICE_HSI), source_reference="=HYPERLINK(memo)",
                      notes="two weeks\nfrom the memo"),
            Directive(title="Barriers at detention centers", scope=DirectiveScope.FACILITY_TYPE,
                      scope_facility_types=(FacilityType.DETENTION_CENTER, FacilityType.PROCESSING_CENTER)),
            Directive(title="One facility", scope=DirectiveScope.FACILITY, scope_facility_uuid=geo.uuid),
            Directive(title="Everyone"),
        )
    ]  # fmt: skip
    barriers, memo = directives[1].uuid, directives[0].uuid
    services.plan_items.create(PlanItem(facility_uuid=geo.uuid, description="Barriers", directive_uuid=barriers,
                                        status=PlanStatus.IMPLEMENTED))  # fmt: skip
    services.plan_items.create(PlanItem(facility_uuid="", description="Nationwide plan", directive_uuid=memo))
    services.plan_items.create(PlanItem(facility_uuid="", description="Without a directive"))


def snapshot(database: Database) -> dict[str, list[Any]]:
    services = RecordServices.of(database)
    found = {kind.table: [replace(r, version=0) for r in services.of_kind(kind).page()] for kind in ORDER}
    for records in found.values():
        records.sort(key=lambda r: r.uuid)
    return found


def wipe(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert uow.session is not None
        for model in (PlanItemRow, DirectiveRow, FacilityRow):
            uow.session.execute(delete(model))
        uow.commit()


def export_all(database: Database, folder: Path) -> dict[RecordKind, Path]:
    files = {}
    for kind in ORDER:
        files[kind] = folder / f"{kind.table}.csv"
        keys = tuple(c.key for c in COLUMNS[kind] if c.key != "incident_uuid")  # the incident links: elsewhere
        export_records(database, files[kind], ExportOptions(entity=kind, columns=keys))
    return files


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def imported(database: Database, kind: RecordKind, text: str, **options: Any) -> Any:
    return import_csv(database, io.BytesIO(text.encode()), ImportOptions(entity=kind, **options))


def test_directives_plan_items_and_facility_operators_round_trip(any_database: Database, tmp_path: Path) -> None:
    populate(any_database)
    before = snapshot(any_database)
    files = export_all(any_database, tmp_path)
    directive_rows = {row["title"]: row for row in rows(files[RecordKind.DIRECTIVE])}
    memo = directive_rows["FPS: plan to secure all ICE facilities"]
    scope = ("agency", "An agency's facilities", "ice_ero;ice_hsi")
    assert (memo["scope"], memo["scope_label"], memo["scope_agencies"]) == scope
    assert memo["source_reference"] == "'=HYPERLINK(memo)"  # no formula for spreadsheets
    assert directive_rows["Barriers at detention centers"]["scope_facility_types"] == (
        "detention_center;processing_center")  # fmt: skip
    assert directive_rows["One facility"]["scope_facility_name"] == "Contract detention center"
    facility_rows = {row["name"]: row for row in rows(files[RecordKind.FACILITY])}
    geo, office = facility_rows["Contract detention center"], facility_rows["Field office"]
    operated = ("unknown", "contractor", "GEO Group, Inc.")
    assert (geo["security_level"], geo["operator"], geo["operator_name"]) == operated
    assert (office["security_level"], office["operator_label"]) == ("", "Government")  # not assessed: empty
    plan_rows = {row["description"]: row for row in rows(files[RecordKind.PLAN_ITEM])}
    assert plan_rows["Barriers"]["directive_title"] == "Barriers at detention centers"
    assert plan_rows["Without a directive"]["directive_uuid"] == ""

    wipe(any_database)
    for kind in ORDER:
        report = import_csv(any_database, files[kind], ImportOptions(entity=kind))
        assert report.accepted and report.committed, report.lines()
    assert snapshot(any_database) == before
    again = import_csv(any_database, files[RecordKind.DIRECTIVE], ImportOptions(entity=RecordKind.DIRECTIVE))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)


def test_a_hand_written_directive_file_reads_labels_and_facility_names(database: Database) -> None:
    RecordServices.of(database).facilities.create(Facility(name="Tacoma"))
    report = imported(database, RecordKind.DIRECTIVE, (
        "Title,Scope,Scope agencies,Scope facility,Deadline\n"
        "ICE,Agency,ICE ERO; ice_hsi,,2019-09-26\n"
        "Tacoma only,facility,,tacoma,\n"
    ))  # fmt: skip
    assert report.committed, report.lines()
    directives = {d.title: d for d in RecordServices.of(database).directives.page()}
    assert directives["ICE"].scope_agencies == (Agency.ICE_ERO, Agency.ICE_HSI)
    assert directives["ICE"].deadline == date(2019, 9, 26)
    assert directives["Tacoma only"].scope_facility_name == "Tacoma"


def test_bad_directive_rows_are_refused_with_line_and_column(database: Database) -> None:
    report = imported(database, RecordKind.DIRECTIVE, (
        "title,scope,scope_agencies,scope_facility_name\n"
        "A,agency,ice_ero;nasa,\n"
        "B,agency,,\n"
        "C,facility,,Nowhere\n"
    ))  # fmt: skip
    assert not report.committed
    problems = [(p.line, p.column, p.reason) for p in report.problems]
    assert problems[0][:2] == (2, 3) and "unknown value 'nasa'" in problems[0][2]
    assert problems[1] == (3, 3, "must include at least one agency when the scope is “An agency's facilities”")
    assert problems[2][:2] == (4, 4) and "no facility is named 'Nowhere'" in problems[2][2]
    assert RecordServices.of(database).directives.count() == 0


def test_a_plan_item_of_an_unknown_directive_is_refused(database: Database) -> None:
    report = imported(database, RecordKind.PLAN_ITEM, (
        "description,directive_uuid\nBarriers,6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d\n"))  # fmt: skip
    assert [(p.line, p.column) for p in report.problems] == [(2, 2)]
    assert "directive 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d does not exist" in report.problems[0].reason
