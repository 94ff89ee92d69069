"""CSV export: what the file holds (codes and labels, ISO dates, unknown counts), exactly the filtered rows,
column choice, byte order mark, redaction, injection safety, cancel, streams and the audit entry."""

from __future__ import annotations

import csv
import io
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from support.synthetic_incidents import populate

from desktop.domain.enums import AuditAction, PlanStatus, WeaponType
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import FacilityFilter, IncidentFilter, PlanItemFilter
from desktop.domain.records import Facility, Incident
from desktop.domain.values import PartialDate, Weapon
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import CHUNK, ExportOptions, Redaction, export_incidents, export_records
from desktop.services.csv.format import DANGEROUS_FIRST, MASK, columns_of
from desktop.services.records import FacilityService, IncidentService, PlanItemService

SUSPECT = "Jonathan Q. Suspectson"
DETAILS = "born 1971 in Springfield"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def audit_entries(database: Database, action: AuditAction) -> list[tuple[str, dict[str, list[object]]]]:
    """(entity, changes) of the audit entries of `action`, oldest first."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = select(AuditRow.entity, AuditRow.changes).where(AuditRow.action == action).order_by(AuditRow.id)
        return [(entity, changes) for entity, changes in uow.session.execute(query)]


@pytest.fixture
def sensitive_database(demo_database: Database) -> Database:
    service = IncidentService(demo_database)
    florida = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(florida, suspect_names=SUSPECT, personal_details=DETAILS))
    return demo_database


@pytest.mark.posix_only
def test_incident_rows_carry_codes_labels_iso_dates_and_unknown_counts(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "incidents.csv"
    result = export_incidents(demo_database, target)

    rows = read_rows(target)
    assert result.rows == len(rows) == 3 and not result.cancelled
    assert list(rows[0]) == [c.key for c in columns_of(RecordKind.INCIDENT)]
    tacoma = next(r for r in rows if "rifle" in r["title"])
    assert (tacoma["attack_type"], tacoma["attack_type_label"]) == ("armed_assault", "Armed assault")
    assert tacoma["weapons"] == "firearms:rifle|incendiary:incendiary devices"
    assert tacoma["occurred"] == "2019-07-13" and tacoma["status"] == "closed"
    assert (tacoma["occurred_time_of_day"], tacoma["attack_type_2"]) == (
        "early_morning",
        "facility_infrastructure_attack",
    )
    assert tacoma["status_history"].endswith("|closed@2019-09-12:attacker deceased")
    assert (tacoma["victims_injured"], tacoma["damage_estimate_usd"]) == ("0", "")  # none versus unknown
    assert tacoma["created_at"] == "2024-03-01 12:00:00"  # the fake clock, ISO with a space
    florida = next(r for r in rows if "Molotov" in r["title"])
    assert (florida["occurred"], florida["completed"]) == ("2019-08-21~/2019-08-31~", "no")  # about late August
    assert florida["status_history"].startswith("reported@2019-08|arrest_made@2019-08|referred_for_prosecution@2019-09")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_exactly_the_rows_the_view_shows(demo_database: Database, tmp_path: Path) -> None:
    where = IncidentFilter(states=("TX", "FL"))
    expected = {i.uuid for i in IncidentService(demo_database).page(where)}
    result = export_incidents(demo_database, tmp_path / "shown.csv", ExportOptions(where=where))
    assert {r["uuid"] for r in read_rows(tmp_path / "shown.csv")} == expected and result.rows == 2

    searched = ExportOptions(where=IncidentFilter(text="molotov"), columns=("title",))
    export_incidents(demo_database, tmp_path / "searched.csv", searched)
    assert read_rows(tmp_path / "searched.csv") == [{"title": "Molotov cocktail thrown at the USCIS office; the fuse "
                                                              "failed"}]  # fmt: skip


def test_facilities_and_plan_items_follow_their_filters(demo_database: Database, tmp_path: Path) -> None:
    export_records(
        demo_database, tmp_path / "f.csv", ExportOptions(RecordKind.FACILITY, where=FacilityFilter(states=("WA",)))
    )
    [tacoma] = read_rows(tmp_path / "f.csv")
    assert (tacoma["state"], tacoma["security_level"], tacoma["security_level_label"]) == ("WA", "4", "IV")
    assert tacoma["longitude"] == "'-122.4213"  # a leading minus is neutralized too, and read back as a number
    done = ExportOptions(RecordKind.PLAN_ITEM, where=PlanItemFilter(statuses=(PlanStatus.RISK_ACCEPTED,)))
    assert export_records(demo_database, tmp_path / "none.csv", done).rows == 0
    assert read_rows(tmp_path / "none.csv") == [] and (tmp_path / "none.csv").read_text().startswith("uuid,")
    export_records(demo_database, tmp_path / "p.csv", ExportOptions(RecordKind.PLAN_ITEM))
    [plan] = [row for row in read_rows(tmp_path / "p.csv") if not row["facility_uuid"]]  # the nationwide plan
    assert (plan["facility_uuid"], plan["due_date"], plan["status_label"]) == ("", "2019-09-26", "Proposed")


def test_chosen_columns_only_and_a_byte_order_mark_on_request(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "few.csv"
    export_incidents(demo_database, target, ExportOptions(columns=("severity_label", "uuid"), bom=True))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfuuid,severity_label\r\n")
    assert data.count(b"\r\n") == 4
    export_incidents(demo_database, target, ExportOptions(columns=("uuid",)))
    assert target.read_bytes().startswith(b"uuid\r\n")
    with pytest.raises(ValueError, match="unknown incidents column"):
        export_incidents(demo_database, target, ExportOptions(columns=("shoe_size",)))


@pytest.mark.parametrize("sqlite_path", [True, False], ids=["sqlite-rendered", "record-by-record"])
def test_redaction_leaves_out_or_masks_the_sensitive_fields(
    sensitive_database: Database, tmp_path: Path, sqlite_path: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sqlite_path:
        monkeypatch.setattr(Database, "is_sqlite", property(lambda _self: False))
    full, omitted, masked = tmp_path / "full.csv", tmp_path / "omit.csv", tmp_path / "mask.csv"
    export_incidents(sensitive_database, full)
    export_incidents(sensitive_database, omitted, ExportOptions(redaction=Redaction.OMIT))
    export_incidents(sensitive_database, masked, ExportOptions(redaction=Redaction.MASK))

    assert SUSPECT in full.read_text() and DETAILS in full.read_text()
    for path in (omitted, masked):
        assert SUSPECT not in path.read_text() and "Springfield" not in path.read_text()
    assert "suspect_names" not in read_rows(omitted)[0] and "personal_details" not in read_rows(omitted)[0]
    by_title = {r["title"]: r for r in read_rows(masked)}
    florida = next(r for t, r in by_title.items() if "Molotov" in t)
    assert (florida["suspect_names"], florida["personal_details"]) == (MASK, MASK)
    assert all(r["suspect_names"] == "" for t, r in by_title.items() if "Molotov" not in t)  # empty stays empty


@pytest.mark.parametrize("sqlite_path", [True, False], ids=["sqlite-rendered", "record-by-record"])
def test_no_cell_starts_like_a_formula(
    database: Database, tmp_path: Path, sqlite_path: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sqlite_path:
        monkeypatch.setattr(Database, "is_sqlite", property(lambda _self: False))
    payloads = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx", "\nx", "'=x"]
    facility = FacilityService(database).create(Facility(name=payloads[0], longitude=-77.0, notes=payloads[1]))
    for number, text in enumerate(payloads):
        IncidentService(database).create(Incident(
            facility.uuid, text, PartialDate(), case_number=text.strip() + str(number), description=text,
            sources=text, investigating_agencies=text, suspect_names=text, personal_details=text,
            weapons=(Weapon(WeaponType.OTHER, text),),
        ))  # fmt: skip
    for entity in RecordKind:
        target = tmp_path / f"{entity.table}.csv"
        export_records(database, target, ExportOptions(entity))
        with target.open(encoding="utf-8", newline="") as file:
            cells = [cell for row in csv.reader(file) for cell in row]
        assert cells and not [cell for cell in cells if cell[:1] in DANGEROUS_FIRST]
        assert all(f"'{p}" in cells for p in payloads if entity is RecordKind.INCIDENT and p != "'=x")


def test_cancel_leaves_the_target_as_it_was_and_writes_no_audit_entry(database: Database, tmp_path: Path) -> None:
    populate(database, incidents=3 * CHUNK + 10, facilities=5, plan_items=0)
    target = tmp_path / "out.csv"
    target.write_text("the previous export\n")
    seen: list[tuple[int, int]] = []

    def stop_after_two_chunks(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2 * CHUNK

    result = export_incidents(database, target, progress=stop_after_two_chunks)

    assert result.cancelled and result.rows == 0
    assert seen[:3] == [(0, 3 * CHUNK + 10), (CHUNK, 3 * CHUNK + 10), (2 * CHUNK, 3 * CHUNK + 10)]
    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incidents.sqlite3", "incidents.sqlite3-shm",
                                                          "incidents.sqlite3-wal", "out.csv"]  # fmt: skip
    assert audit_entries(database, AuditAction.EXPORT) == []


def test_an_error_midway_removes_the_temporary_file(database: Database, tmp_path: Path) -> None:
    populate(database, incidents=CHUNK + 1, facilities=3, plan_items=0)

    def fail(done: int, _total: int) -> bool:
        if done:
            raise OSError("disk full")
        return True

    with pytest.raises(OSError, match="disk full"):
        export_incidents(database, tmp_path / "out.csv", progress=fail)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.csv")]
    assert not (tmp_path / "out.csv").exists()


def test_every_export_is_audited_with_file_rows_columns_and_filter(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    export_incidents(demo_database, target, ExportOptions(where=IncidentFilter(states=("WA",)),
                                                          redaction=Redaction.OMIT))  # fmt: skip
    [(entity, changes)] = audit_entries(demo_database, AuditAction.EXPORT)
    assert entity == "incident"
    assert changes["file"] == [None, str(target)] and changes["rows"] == [None, 1]
    assert changes["filter"] == [None, "states=WA"] and changes["redaction"] == [None, "omit"]
    assert changes["sensitive_included"] == [None, False]
    assert "suspect_names" not in str(changes["columns"][1])


def test_the_search_text_of_an_export_is_not_kept_in_its_audit_entry(demo_database: Database, tmp_path: Path) -> None:
    export_incidents(demo_database, tmp_path / "out.csv", ExportOptions(where=IncidentFilter(text="Van Spronsen")))
    [(_, changes)] = audit_entries(demo_database, AuditAction.EXPORT)
    assert changes["filter"] == [None, "text=(a search of 12 characters, not kept)"]
    assert "Spronsen" not in str(changes)


@pytest.mark.parametrize("layout", ["round-trip.csv", "spreadsheet.xlsx"])
def test_a_refused_export_is_not_audited_as_an_export(demo_database: Database, tmp_path: Path, layout: str) -> None:
    from desktop.services.csv.files import export_file

    target = tmp_path / layout
    target.mkdir()  # a folder where the file should go: the export cannot replace it
    with pytest.raises(OSError):
        export_file(demo_database, target, ExportOptions())
    assert audit_entries(demo_database, AuditAction.EXPORT) == []
    assert target.is_dir() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_streams_get_the_same_text(demo_database: Database, tmp_path: Path) -> None:
    export_incidents(demo_database, tmp_path / "file.csv", ExportOptions(bom=True))
    binary, text = io.BytesIO(), io.StringIO()
    assert export_incidents(demo_database, binary, ExportOptions(bom=True)).path is None
    export_incidents(demo_database, text, ExportOptions(bom=True))
    assert binary.getvalue() == (tmp_path / "file.csv").read_bytes() == text.getvalue().encode("utf-8")
    assert len(audit_entries(demo_database, AuditAction.EXPORT)) == 3


def test_large_exports_are_fetched_in_chunks_with_progress(database: Database, tmp_path: Path) -> None:
    populate(database, incidents=2 * CHUNK + 1, facilities=10, plan_items=30)
    calls: list[int] = []
    result = export_incidents(database, tmp_path / "big.csv", progress=lambda done, _total: calls.append(done))
    assert calls == [0, CHUNK, 2 * CHUNK, 2 * CHUNK + 1] and result.rows == 2 * CHUNK + 1
    assert len(read_rows(tmp_path / "big.csv")) == 2 * CHUNK + 1
    plans = export_records(database, tmp_path / "plans.csv", ExportOptions(RecordKind.PLAN_ITEM))
    assert plans.rows == PlanItemService(database).count() == 30


def test_a_filter_of_the_wrong_kind_is_refused(demo_database: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="IncidentFilter cannot select facilities"):
        export_records(demo_database, tmp_path / "x.csv", ExportOptions(RecordKind.FACILITY, where=IncidentFilter()))
    with pytest.raises(ValueError, match="at least one column"):
        export_incidents(demo_database, tmp_path / "x.csv", ExportOptions(columns=("suspect_names",),
                                                                          redaction=Redaction.OMIT))  # fmt: skip
    assert not (tmp_path / "x.csv").exists()
