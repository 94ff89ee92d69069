"""CSV import: header mapping, encodings and delimiters, the validation report (line, column, reason), all or
nothing, dry run, cancel, updates by uuid (newer updated_at wins), facilities by name, redacted files, audit."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from support.clock import FakeClock

from desktop.domain.enums import AttackType, AuditAction, CaseStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Facility
from desktop.persistence.models import AuditRow, FacilityRow, ImportedRecordRow, IncidentRow
from desktop.persistence.unit_of_work import Database
from desktop.services.audit import verify_chain
from desktop.services.csv.export import ExportOptions, Redaction, export_incidents, export_records
from desktop.services.csv.importer import ImportOptions, ImportReport, import_csv, read_layout
from desktop.services.records import FacilityService, IncidentService, PlanItemService
from desktop.services.session.service import DatabaseSessions

TACOMA = "Northwest Detention Center, Tacoma"


def write(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows(rows)
    return path


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def state(database: Database) -> tuple[int, int, int, int]:
    """Counts of incidents, facilities, plan items and audit entries: what a rejected import must not change."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        audit = uow.session.scalar(select(func.count()).select_from(AuditRow)) or 0
        return uow.incidents.count(), uow.facilities.count(), uow.plan_items.count(), audit


def imported(database: Database, path: Path, **options: object) -> ImportReport:
    return import_csv(database, path, ImportOptions(**options))  # type: ignore[arg-type]


def test_titles_and_labels_as_headers_semicolons_and_windows_1252(demo_database: Database, tmp_path: Path) -> None:
    rows = [
        ["Title", "Facility", "Occurred", "Attack type (label)", "Severity", "Victims injured", "Description"],
        ["Graffiti on the façade", TACOMA.upper(), "2024-02", "Vandalism", "Low", "0", "Café sign — sprayed"],
    ]
    path = write(tmp_path / "excel.csv", rows, encoding="cp1252", delimiter=";")

    report = imported(demo_database, path)

    assert report.accepted and report.committed and (report.encoding, report.delimiter) == ("cp1252", ";")
    [new] = IncidentService(demo_database).page(IncidentFilter(text="façade"))
    assert (new.title, new.facility_name, str(new.occurred)) == ("Graffiti on the façade", TACOMA, "2024-02")
    assert (new.attack_type, new.severity, new.victims_injured, new.victims_killed) == (
        AttackType.VANDALISM, Severity.LOW, 0, None)  # fmt: skip
    assert new.description == "Café sign — sprayed"


def test_a_byte_order_mark_and_tabs(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbftitle\tfacility_name\r\nMarked\t" + TACOMA.encode() + b"\r\n")
    report = imported(demo_database, path)
    assert report.committed and (report.encoding, report.delimiter, report.header) == (
        "utf-8-sig", "\t", ("title", "facility_name"))  # fmt: skip


def test_every_problem_is_reported_with_line_and_column_and_nothing_is_written(
    demo_database: Database, tmp_path: Path
) -> None:
    header = ["title", "facility_name", "occurred", "attack_type", "attack_type_label", "suspects_count",
              "arrests_count", "case_number"]  # fmt: skip
    rows = [header,
            ["Fine row", TACOMA, "2024-01-02", "threat", "Threat", "", "", "A-1"],
            ["Bad date", TACOMA, "2024-13-01", "threat", "", "", "", ""],
            ["Bad label", TACOMA, "", "", "Arson", "", "", ""],
            ["Labels disagree", TACOMA, "", "threat", "Vandalism", "", "", ""],
            ["Too many arrests", TACOMA, "", "", "", "1", "2", ""],
            ["Nowhere", "Atlantis field office", "", "", "", "", "", ""],
            ["Same case", TACOMA, "", "", "", "", "", "A-1"],
            ["Short row", TACOMA]]  # fmt: skip
    path = write(tmp_path / "bad.csv", rows)
    before = state(demo_database)

    report = imported(demo_database, path)

    assert not report.accepted and not report.committed and report.problem_count == 7
    found = {(p.line, p.column, p.column_name) for p in report.problems}
    assert found == {(3, 3, "occurred"), (4, 5, "attack_type_label"), (5, 5, "attack_type_label"),
                     (6, 7, "arrests_count"), (7, 2, "facility_name"), (8, 8, "case_number"), (9, 3, "")}  # fmt: skip
    reasons = {p.line: p.reason for p in report.problems}
    assert "month must be in 1..12" in reasons[3] and "unknown value 'Arson'" in reasons[4]
    assert "does not match attack_type 'threat'" in reasons[5] and "must not exceed suspects_count" in reasons[6]
    assert "no facility is named 'Atlantis field office'" in reasons[7] and "also on line 2" in reasons[8]
    assert "2 fields but the header has 8" in reasons[9]
    assert state(demo_database) == before
    assert report.lines()[0].startswith("Rejected: 7 problem(s); nothing was written.")


def test_line_numbers_count_physical_lines_of_multi_line_cells(demo_database: Database, tmp_path: Path) -> None:
    rows = [["title", "facility_name", "description", "severity"],
            ["Two-line description", TACOMA, "first line\r\nsecond line\r\nthird", "high"],
            ["After it", TACOMA, "", "enormous"]]  # fmt: skip
    report = imported(demo_database, write(tmp_path / "multi.csv", rows))
    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (5, 4, "severity")


def test_a_missing_required_column_is_a_header_problem(demo_database: Database, tmp_path: Path) -> None:
    report = imported(demo_database, write(tmp_path / "h.csv", [["description", "severity"], ["x", "low"]]))
    assert [(p.line, p.column) for p in report.problems] == [(1, 1), (1, 1)]
    assert {p.reason for p in report.problems} == {"no column is read as title, which new incidents need",
                                                    "no column is read as facility_uuid or facility_name, which "
                                                    "new incidents need"}  # fmt: skip


def test_a_mapping_chosen_by_hand(demo_database: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "own.csv", [["Summary", "Site", "Notes to ignore"], ["Mapped by hand", TACOMA, "x"]])
    layout = read_layout(path, RecordKind.INCIDENT)
    assert layout.header == ("Summary", "Site", "Notes to ignore") and layout.samples == (("Mapped by hand", TACOMA,
                                                                                            "x"),)  # fmt: skip
    report = imported(demo_database, path, mapping=("title", "facility_name", None))
    assert report.committed and report.inserted == 1
    doubled = imported(demo_database, path, mapping=("title", "title", None))
    assert [(p.line, p.column) for p in doubled.problems][:1] == [(1, 2)]


def test_dry_run_and_cancel_write_nothing(demo_database: Database, tmp_path: Path) -> None:
    rows = [["title", "facility_name"], *[[f"Row {n}", TACOMA] for n in range(1200)]]
    path = write(tmp_path / "many.csv", rows)
    before = state(demo_database)

    dry = imported(demo_database, path, dry_run=True)
    assert dry.accepted and not dry.committed and dry.inserted == 1200
    assert dry.summary().startswith("Dry run, nothing written: 1200 rows: 1200 new")
    assert state(demo_database) == before

    calls: list[tuple[int, int]] = []
    cancelled = import_csv(demo_database, path, ImportOptions(), progress=lambda done, total: calls.append(
        (done, total)) or len(calls) < 2)  # fmt: skip
    assert cancelled.cancelled and not cancelled.committed and len(calls) == 2
    assert 0 < calls[0][0] < calls[1][0] <= calls[1][1] == path.stat().st_size
    assert state(demo_database) == before


def test_newer_rows_update_older_ones_are_conflicts(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    export_incidents(demo_database, path)
    rows = read(path)
    header = rows[0]
    at = {key: header.index(key) for key in ("title", "updated_at", "status", "status_history", "severity")}
    stored = datetime.fromisoformat(rows[1][at["updated_at"]])
    rows[1][at["title"]] += " (newer)"
    rows[1][at["updated_at"]] = str(stored + timedelta(days=1))
    rows[2][at["title"]] += " (older)"
    rows[2][at["updated_at"]] = str(stored - timedelta(days=1))
    severity = Severity.LOW if rows[3][at["severity"]] != "low" else Severity.HIGH  # same updated_at
    rows[3][at["severity"]], rows[3][at["severity"] + 1] = severity.value, severity.label
    write(path, rows)

    report = imported(demo_database, path)

    assert report.committed and (report.updated, report.unchanged) == (1, 0)
    assert [c.line for c in report.conflicts] == [3, 4]
    assert "the stored record was changed since" in report.conflicts[0].reason
    assert "same updated_at" in report.conflicts[1].reason
    service = IncidentService(demo_database)
    newer = service.get(rows[1][0])
    assert newer.title.endswith(" (newer)") and newer.updated_at == stored + timedelta(days=1)
    assert newer.version == 2 and not service.get(rows[2][0]).title.endswith("(older)")
    assert imported(demo_database, path).updated == 0  # the same file again: nothing left to update


def test_a_changed_status_is_appended_to_the_history(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    export_incidents(demo_database, path, ExportOptions(columns=("uuid", "updated_at", "status", "status_history")))
    rows = read(path)
    rows[1][1] = "2030-01-01 00:00:00"
    rows[1][2] = "Unfounded"
    write(path, rows)
    assert imported(demo_database, path).updated == 1
    changed = IncidentService(demo_database).get(rows[1][0])
    assert changed.status is CaseStatus.UNFOUNDED and changed.status_history[-1].status is CaseStatus.UNFOUNDED
    assert changed.status_history[-1].changed_on == datetime(2024, 3, 1).date()  # the (fake) day of the import


def test_facilities_are_matched_by_name_or_created_on_request(demo_database: Database, tmp_path: Path) -> None:
    rows = [["title", "facility_name"], ["At Tacoma", f"  {TACOMA.lower()} "], ["At a new place", "Brand new office"],
            ["Again there", "BRAND NEW OFFICE"]]  # fmt: skip
    path = write(tmp_path / "new.csv", rows)
    refused = imported(demo_database, path)
    assert [(p.line, p.column) for p in refused.problems] == [(3, 2), (4, 2)]

    report = imported(demo_database, path, create_facilities=True)

    assert report.committed and report.facilities_created == ["Brand new office"] and report.inserted == 3
    names = {name for _, name in FacilityService(demo_database).names()}
    assert "Brand new office" in names and len(names) == 4

    FacilityService(demo_database).create(Facility(name="Brand New Office"))
    ambiguous = imported(demo_database, write(tmp_path / "amb.csv", [["title", "facility_name"],
                                                                     ["Which one?", "brand new office"]]))  # fmt: skip
    assert "2 facilities are named" in ambiguous.problems[0].reason


def test_a_redacted_file_keeps_the_stored_sensitive_values(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    florida = next(i for i in service.page() if "Molotov" in i.title)
    florida = service.update(replace(florida, suspect_names="J. Doe", personal_details="born 1971"))
    for redaction in (Redaction.MASK, Redaction.OMIT):
        path = tmp_path / f"{redaction.value}.csv"
        export_incidents(demo_database, path, ExportOptions(redaction=redaction))
        rows = read(path)
        title, updated = rows[0].index("title"), rows[0].index("updated_at")
        for row in rows[1:]:
            row[title] += f" ({redaction.value})"
            row[updated] = str(datetime.fromisoformat(row[updated]) + timedelta(hours=1))
        write(path, rows)
        assert imported(demo_database, path).updated == 3
        now = service.get(florida.uuid)
        assert now.title.endswith(f"({redaction.value})")
        assert (now.suspect_names, now.personal_details) == ("J. Doe", "born 1971")


def test_plan_items_need_known_incidents_and_may_be_nationwide(demo_database: Database, tmp_path: Path) -> None:
    rows = [["description", "facility_name", "incident_uuid", "status"],
            ["Nationwide drill", "", "", "approved"],
            ["Linked to nothing", TACOMA, "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d", "proposed"]]  # fmt: skip
    path = write(tmp_path / "plans.csv", rows)
    report = imported(demo_database, path, entity=RecordKind.PLAN_ITEM)
    [problem] = report.problems
    assert (problem.line, problem.column) == (3, 3) and "does not exist" in problem.reason
    rows.pop()
    report = imported(demo_database, write(path, rows), entity=RecordKind.PLAN_ITEM)
    assert report.committed
    drill = next(p for p in PlanItemService(demo_database).page() if p.description == "Nationwide drill")
    assert drill.facility_uuid == "" and drill.incident_uuids == ()


def test_only_a_committed_import_is_audited(demo_database: Database, tmp_path: Path) -> None:
    good = write(tmp_path / "good.csv", [["title", "facility_name"], ["Audited", TACOMA]])
    bad = write(tmp_path / "bad.csv", [["title", "facility_name"], ["", TACOMA]])
    imported(demo_database, bad)
    imported(demo_database, good, dry_run=True)
    imported(demo_database, good)
    with demo_database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = select(AuditRow.entity, AuditRow.changes).where(AuditRow.action == AuditAction.IMPORT)
        [(entity, changes)] = uow.session.execute(query).all()
        created = uow.session.scalar(select(func.count()).select_from(AuditRow).where(
            AuditRow.action == AuditAction.CREATE, AuditRow.entity == "incident"))  # fmt: skip
    assert entity == "incident" and changes["inserted"] == [None, 1] and changes["file"] == [None, str(good)]
    assert created == 3  # the three demo incidents: the imported one is proven by the import's one entry
    assert changes["records_made"] == [None, 1] and len(changes["records_digest"][1]) == 64
    assert changes["file_sha256"] == [None, hashlib.sha256(good.read_bytes()).hexdigest()]


def test_files_that_cannot_be_read_at_all(demo_database: Database, tmp_path: Path) -> None:
    cases = {b"": (1, 1, "empty"), "title\r\n".encode("utf-16"): (1, 1, "UTF-16"),
             b"title,facility_name\r\ncaf\xc3\xa9,x\r\n\xff,y\r\n": (3, 1, "mixes encodings"),
             b"title,facility_name\r\nx,\x81\x8d\r\n": (2, 2, "neither UTF-8 nor Windows-1252")}  # fmt: skip
    before = state(demo_database)
    for number, (data, (line, column, reason)) in enumerate(cases.items()):
        path = tmp_path / f"{number}.csv"
        path.write_bytes(data)
        [problem] = imported(demo_database, path).problems
        assert (problem.line, problem.column) == (line, column) and reason in problem.reason
    missing = imported(demo_database, tmp_path / "missing.csv")
    assert "cannot read the file" in missing.problems[0].reason
    assert state(demo_database) == before


def test_a_stream_and_a_forced_encoding(demo_database: Database) -> None:
    data = f'title,facility_name\r\nCafé,"{TACOMA}"\r\n'.encode()
    wrong = import_csv(demo_database, io.BytesIO(data), ImportOptions(encoding="cp1252", dry_run=True))
    assert wrong.accepted  # readable, if garbled: the person chose it
    right = import_csv(demo_database, io.BytesIO(data), ImportOptions())
    assert right.committed
    with demo_database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        assert uow.session.scalar(select(func.count()).select_from(IncidentRow).where(IncidentRow.title == "Café"))
        assert uow.session.scalar(select(func.count()).select_from(FacilityRow)) == 3


def test_facility_files_round_trip_their_coordinates(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "facilities.csv"
    export_records(demo_database, path, ExportOptions(RecordKind.FACILITY))
    text = path.read_text(encoding="utf-8").replace(TACOMA, TACOMA + " (moved)").replace(
        "2024-03-01 12:00:00,2024-03-01 12:00:00", "2024-03-01 12:00:00,2024-03-02 12:00:00")  # fmt: skip
    path.write_text(text, encoding="utf-8")
    report = imported(demo_database, path, entity=RecordKind.FACILITY)
    assert (report.updated, report.unchanged) == (1, 2)
    tacoma = next(f for f in FacilityService(demo_database).page() if f.name.endswith("(moved)"))
    assert (tacoma.latitude, tacoma.longitude) == (47.2496, -122.4213)


def test_imports_of_every_kind_but_incidents_verify_and_a_listed_record_added_to_them_is_caught(
    demo_database: Database, sessions: DatabaseSessions, tmp_path: Path
) -> None:
    """Facilities, plan items and directives imported are proven by their own entries (the import's entry lists none
    of them): `audit verify` passes; a record listed as that import's afterwards is reported."""
    database = sessions.open(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", lock=False)
    for kind in (RecordKind.FACILITY, RecordKind.DIRECTIVE):
        path = tmp_path / f"{kind.table}.csv"
        export_records(demo_database, path, ExportOptions(kind))
        report = imported(database, path, entity=kind)
        assert report.committed and report.inserted > 0, report.problems
    verified = verify_chain(database)
    assert verified.ok, verified.problems
    with database.unit_of_work() as uow:
        [import_uuid] = uow.session.scalars(select(AuditRow.entity_uuid).where(
            AuditRow.action == AuditAction.IMPORT, AuditRow.entity == "facility")).all()  # fmt: skip
        uow.session.execute(insert(ImportedRecordRow).values(uuid="00000000-0000-4000-8000-000000000001",
                                                             entity="facility", import_uuid=import_uuid,
                                                             state_digest="0" * 32))  # fmt: skip
        uow.session.commit()
    verified = verify_chain(database)
    assert not verified.ok and any("made 0 records but 1 are listed" in p for p in verified.problems)


def test_a_case_number_the_database_already_uses_is_refused(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    tacoma = next(i for i in service.page() if "rifle" in i.title)
    service.update(replace(tacoma, case_number="FBI-2019-7"))
    rows = [["title", "facility_name", "case_number"], *[[f"Row {n}", TACOMA, f"N-{n}"] for n in range(700)],
            ["Clash", TACOMA, " FBI-2019-7 "]]  # fmt: skip
    before = state(demo_database)
    report = imported(demo_database, write(tmp_path / "clash.csv", rows))
    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (702, 3, "case_number")
    assert "'FBI-2019-7' is already used" in problem.reason
    assert state(demo_database) == before


def test_a_history_out_of_date_order_is_kept_as_listed_and_its_latest_entry_gives_the_status(
    demo_database: Database, tmp_path: Path
) -> None:
    rows = [["title", "facility_name", "status_history"],
            ["Listed backwards", TACOMA, "arrest_made@2019-09-12|reported@2019-08-31"],
            ["Bad entry", TACOMA, "reported@2019-08-31|arrest_made@12/09/2019"]]  # fmt: skip
    before = state(demo_database)

    report = imported(demo_database, write(tmp_path / "backwards.csv", rows))

    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (3, 3, "status_history")
    assert problem.reason.startswith("status change 2: '12/09/2019' is not a date like 2019, 2019-08")
    assert not report.accepted and not report.committed and state(demo_database) == before
    assert report.lines()[1] == f"  line 3, column 3 (status_history): {problem.reason}"

    rows.pop()
    assert imported(demo_database, write(tmp_path / "backwards.csv", rows)).committed
    [stored] = IncidentService(demo_database).page(IncidentFilter(text="backwards"))
    history = IncidentService(demo_database).get(stored.uuid).status_history
    assert [c.status for c in history] == [CaseStatus.ARREST_MADE, CaseStatus.REPORTED]  # as listed, nothing added
    assert stored.status is CaseStatus.ARREST_MADE  # the latest by date


def test_a_status_change_after_today_by_the_database_clock_is_refused(
    demo_database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    rows = [["status_history", "title", "facility_name"],
            ["reported@2024-02-29|under_investigation@2024-03-02", "Tomorrow's news", TACOMA]]  # fmt: skip
    path = write(tmp_path / "future.csv", rows)
    before = state(demo_database)

    report = imported(demo_database, path)  # the fake clock says 2024-03-01

    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (2, 1, "status_history")
    assert problem.reason == "entry 2 (under investigation on 2024-03-02): date must not be in the future"
    assert not report.committed and state(demo_database) == before
    clock.set(datetime(2024, 3, 2, 9, 0))
    assert imported(demo_database, path).committed  # the next day it is no longer in the future


def test_a_correct_status_history_is_imported_as_given(demo_database: Database, tmp_path: Path) -> None:
    history_cell = "reported@2019-08-31|arrest_made@2019-09-07:two men\\|one car"
    rows = [["title", "facility_name", "status_history"], ["Arrest after a week", TACOMA, history_cell]]

    report = imported(demo_database, write(tmp_path / "history.csv", rows))

    assert report.committed and report.inserted == 1, report.lines()
    [new] = IncidentService(demo_database).page(IncidentFilter(text="week"))
    history = IncidentService(demo_database).get(new.uuid).status_history
    assert [(c.status, c.changed_on, c.note) for c in history] == [(CaseStatus.REPORTED, date(2019, 8, 31), ""),
                                                                   (CaseStatus.ARREST_MADE, date(2019, 9, 7),
                                                                    "two men|one car")]  # fmt: skip
    assert new.status is CaseStatus.ARREST_MADE


def test_a_stored_incident_takes_a_history_out_of_order_and_a_status_other_than_its_latest_is_added_today(
    demo_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "incidents.csv"
    export_incidents(demo_database, path, ExportOptions(columns=("uuid", "updated_at", "status", "status_history")))
    rows = read(path)
    rows[1][1] = "2030-01-01 00:00:00"
    assert rows[1][2] != "unfounded"
    rows[1][2], rows[1][3] = "unfounded", "reported@2019-09-12|unfounded@2019-01-01"
    write(path, rows)
    report = imported(demo_database, path)
    assert report.committed and report.updated == 1, report.lines()
    changed = IncidentService(demo_database).get(rows[1][0])
    assert [(c.status, c.changed_on) for c in changed.status_history] == [
        (CaseStatus.REPORTED, date(2019, 9, 12)), (CaseStatus.UNFOUNDED, date(2019, 1, 1)),
        (CaseStatus.UNFOUNDED, date(2024, 3, 1))]  # fmt: skip  # the latest by date was "reported": added today

    write(tmp_path / "status.csv", [[row[0], row[1], row[2]] for row in rows])  # no status_history column
    rows[1][1] = "2031-01-01 00:00:00"
    rows[1][2] = "closed"
    write(tmp_path / "status.csv", [[row[0], row[1], row[2]] for row in rows])
    report = imported(demo_database, tmp_path / "status.csv")
    assert report.committed and report.updated == 1, report.lines()
    changed = IncidentService(demo_database).get(rows[1][0])
    assert (changed.status_history[-1].status, changed.status_history[-1].changed_on) == (
        CaseStatus.CLOSED, date(2024, 3, 1))  # fmt: skip


def test_a_state_name_and_a_future_occurrence_are_refused_with_line_and_column(
    demo_database: Database, tmp_path: Path
) -> None:
    facilities = write(tmp_path / "facilities.csv", [["name", "state"], ["Houston field office", "Texas"]])
    before = state(demo_database)

    report = imported(demo_database, facilities, entity=RecordKind.FACILITY)

    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (2, 2, "state")
    assert problem.reason == "must be a two-letter state code: “Texas” → TX"
    incidents = write(tmp_path / "future.csv", [["title", "facility_name", "occurred"],
                                                ["Not yet", TACOMA, "2024-03-02"]])  # fmt: skip

    report = imported(demo_database, incidents)  # the fake clock says 2024-03-01

    [problem] = report.problems
    assert (problem.line, problem.column, problem.column_name) == (2, 3, "occurred")
    assert problem.reason == "must not be in the future"
    assert not report.committed and state(demo_database) == before
