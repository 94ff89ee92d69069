"""The "for spreadsheets" profile: human headers, labels, city and state, exact dates apart from the date as known,
the legal history as its own CSV file or in a ZIP with a README, marks only on real formulas; and the files import
back into an empty database as the same records."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support.lookup import reopen

from desktop.domain.enums import CaseStatus, DatePrecision
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, FileFormat, Redaction
from desktop.services.csv.files import export_file, written_files
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.csv.sheet import (
    Profile,
    date_as_known,
    neutralize_sheet,
    read_sheet_date,
    restore_sheet,
    runs_as_formula,
)
from desktop.services.records import FacilityService, IncidentService

SHEET = ExportOptions(profile=Profile.SPREADSHEET)
MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def incident_facts(database: Database) -> list[tuple[object, ...]]:
    """What the memo incidents must keep through a spreadsheet: by title, their date, facility, figures, weapons,
    status and legal history (without when each entry was recorded)."""
    service = IncidentService(database)
    found = []
    for listed in service.page():
        i = service.get(listed.uuid)
        history = tuple((c.status, c.changed, c.note, c.agency, c.reference, c.charges) for c in i.status_history)
        found.append((i.title, i.uuid, i.occurred, i.facility_name, i.attack_type, i.weapons, i.completed,
                      i.victims_killed, i.perpetrators_killed, i.damage_estimate_usd, i.property_damage,
                      i.status, history, i.description, i.created_at, i.updated_at))  # fmt: skip
    return sorted(found, key=lambda fact: str(fact[0]))


@pytest.fixture
def second_database(tmp_path: Path, demo_database: Database) -> Iterator[Database]:
    """An empty database holding the demo's facilities only (the incidents' facilities are matched by name)."""
    database = reopen(sqlite_url(tmp_path / "second.sqlite3"))
    service = FacilityService(database)
    for facility in FacilityService(demo_database).page():
        service.create(facility)
    try:
        yield database
    finally:
        database.close()


def test_the_incident_table_is_for_people(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "incidents.csv"
    result = export_file(demo_database, target, SHEET)
    assert result.rows == 3
    assert target.read_bytes().startswith(b"\xef\xbb\xbfCase number,Title,Facility,City,State,Occurred,"
                                          b"Occurred as known,Time of day,Attack type,")  # fmt: skip
    rows = {r["Title"][:20]: r for r in table(target)}
    header = list(next(iter(rows.values())))
    assert not [h for h in header if "_" in h or "(label)" in h or h == "Status history"]
    assert header[-6:] == ["UUID", "Facility UUID", "Created (UTC)", "Updated (UTC)", "Created by", "Updated by"]
    tacoma, molotov = rows["Armed attack with ri"], rows["Molotov cocktail thr"]
    assert (tacoma["Occurred"], tacoma["Occurred as known"], tacoma["Time of day"], tacoma["City"],
            tacoma["State"]) == ("2019-07-13", "", "Early morning", "Tacoma", "WA")  # fmt: skip
    assert (molotov["Occurred"], molotov["Occurred as known"], molotov["State"]) == ("", "late August 2019", "FL")
    assert (molotov["Outcome"], tacoma["Outcome"]) == ("Attempted", "Completed")
    assert (
        molotov["Attack type"] == "Facility/infrastructure attack" and molotov["Status"] == "Referred for prosecution"
    )
    assert molotov["Weapons"] == "Incendiary: Molotov cocktail"
    assert tacoma["Weapons"] == "Firearms: rifle; Incendiary: incendiary devices"
    assert (molotov["Victims killed"], molotov["Damage estimate (USD)"]) == ("0", "")
    assert not [v for row in rows.values() for v in row.values() if v.startswith("'")]


def test_the_legal_history_is_its_own_file_one_row_per_entry(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "memo.csv"
    export_file(demo_database, target, SHEET)
    companion = tmp_path / "memo-legal-history.csv"
    assert written_files(target, SHEET) == [target, companion]
    entries = [r for r in table(companion) if r["Incident"] == MOLOTOV]
    assert [(e["Date"], e["Date as known"], e["Status"], e["Agency"]) for e in entries] == [
        ("", "August 2019 (only the month is known)", "Reported", ""),
        ("", "August 2019 (only the month is known)", "Arrest made", ""),
        ("", "September 2019 (only the month is known)", "Referred for prosecution", "U.S. Department of Justice"),
    ]
    molotov = next(r for r in table(target) if r["Title"] == MOLOTOV)
    assert {e["Incident UUID"] for e in entries} == {molotov["UUID"]}
    assert list(table(companion)[0]) == ["Case number", "Incident", "Date", "Date as known", "Status", "Agency",
                                         "Reference", "Charges", "Note", "Incident UUID"]  # fmt: skip


def test_a_spreadsheet_file_and_its_legal_history_import_as_the_same_records(
    demo_database: Database, second_database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "incidents.csv"
    export_file(demo_database, target, SHEET)
    report = import_csv(second_database, target, ImportOptions())
    assert report.committed, report.lines()
    assert "Legal history read from " + str(tmp_path / "incidents-legal-history.csv") + " (8 entries)." in report.notes
    assert incident_facts(second_database) == incident_facts(demo_database)

    again = import_csv(second_database, target, ImportOptions())
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)


def test_a_zip_holds_both_tables_and_a_readme_and_imports_back(
    demo_database: Database, second_database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "for-partner.zip"
    export_file(demo_database, target, SHEET)
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "for-partner-legal-history.csv", "for-partner.csv"]
        readme = archive.read("README.txt").decode("utf-8")
    for line in ("  Occurred as known: ", "  City: ", "  Outcome: Completed or Attempted", "  Date as known: ",
                 "  Attack type: one of: ", "for-partner-legal-history.csv: their legal history"):  # fmt: skip
        assert line in readme
    report = import_csv(second_database, target, ImportOptions())
    assert report.committed, report.lines()
    assert incident_facts(second_database) == incident_facts(demo_database)


def test_other_records_in_the_profile_import_back(demo_database: Database, tmp_path: Path) -> None:
    other = reopen(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        for entity in (RecordKind.FACILITY, RecordKind.DIRECTIVE, RecordKind.INCIDENT, RecordKind.PLAN_ITEM):
            target = tmp_path / f"{entity.table}.csv"
            export_file(demo_database, target, ExportOptions(entity=entity, profile=Profile.SPREADSHEET))
            report = import_csv(other, target, ImportOptions(entity=entity))
            assert report.committed, report.lines()
        assert sorted(f.name for f in FacilityService(other).page()) == sorted(
            f.name for f in FacilityService(demo_database).page())  # fmt: skip
        facilities = table(tmp_path / "facilities.csv")
        assert "Agency" in facilities[0] and "agency" not in facilities[0] and "Latitude" in facilities[0]
        assert incident_facts(other) == incident_facts(demo_database)
    finally:
        other.close()


def test_edited_and_broken_sheets_say_where(demo_database: Database, second_database: Database,
                                            tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "incidents.csv"
    export_file(demo_database, target, SHEET)
    history = tmp_path / "incidents-legal-history.csv"
    with history.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    rows[2][3] = "sometime"  # Date as known
    rows[3][9] = "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"  # an incident not in the table
    with history.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    report = import_csv(second_database, target, ImportOptions())
    text = "\n".join(report.lines())
    assert not report.committed
    assert "line 3, column 4 (Date as known in " in text and "'sometime'" in text
    assert "line 4, column 1: in " in text and "no incident row has UUID 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d" in text


def test_a_changed_date_in_words_and_a_date_typed_as_a_spreadsheet_writes_it(
    demo_database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "incidents.csv"
    export_file(demo_database, target, SHEET)
    rows = table(target)
    molotov = next(r for r in rows if r["Title"] == MOLOTOV)
    molotov["Occurred as known"] = "mid-August 2019"
    tacoma = next(r for r in rows if r["Title"].startswith("Armed attack"))
    tacoma["Occurred"] = "7/14/2019"  # as a US spreadsheet saves a date
    tacoma["Updated (UTC)"] = molotov["Updated (UTC)"] = "2030-01-01 00:00:00"
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = import_csv(demo_database, target, ImportOptions())
    assert report.committed and report.updated == 2, report.lines()
    dates = {i.title[:12]: i.occurred for i in IncidentService(demo_database).page()}
    assert dates["Molotov cock"] == PartialDate.parse("about 2019-08-11/2019-08-20")
    assert dates["Armed attack"] == PartialDate.parse("2019-07-14 early morning")  # the band is its own column


def test_both_date_columns_must_agree(demo_database: Database, tmp_path: Path) -> None:
    source = tmp_path / "hand-made.csv"
    source.write_text('Title,Facility,Occurred,Occurred as known\r\nFence cut,"Northwest Detention Center, Tacoma",'
                      "2024-02-10,2024-02-11\r\n", "utf-8")  # fmt: skip
    report = import_csv(demo_database, source, ImportOptions())
    assert "line 2, column 4 (Occurred as known): '2024-02-11' does not match 2024-02-10 in column 3" in "\n".join(
        report.lines())  # fmt: skip


@pytest.mark.parametrize(("text", "runs"), [
    ("=SUM(A1)", True), ("+1", False), ("-122.4", False), ("-", True), ("- fence cut", True), ("@home", True),
    ("  =1+1", True), ("\r\n=1", True), ("e-mail", False), ("1+1", False), ("", False), ("+1e5", False),
])  # fmt: skip
def test_only_what_a_spreadsheet_would_run_is_marked(text: str, runs: bool) -> None:
    assert runs_as_formula(text) is runs
    assert neutralize_sheet(text) == ("'" + text if runs else text)
    for value in (text, "'" + text, "''" + text, "[redacted]"):
        assert restore_sheet(neutralize_sheet(value)) == value


def test_formula_cells_stay_text_and_come_back(demo_database: Database, second_database: Database,
                                              tmp_path: Path) -> None:  # fmt: skip
    service = IncidentService(demo_database)
    tacoma = next(i for i in service.page() if i.title.startswith("Armed attack"))
    service.update(replace(service.get(tacoma.uuid), title='=HYPERLINK("http://x")', description="- cut fence\n- '=x",
                           sources="-5"))  # fmt: skip
    target = tmp_path / "incidents.csv"
    export_file(demo_database, target, SHEET)
    row = next(r for r in table(target) if r["UUID"] == tacoma.uuid)
    assert (row["Title"], row["Description"], row["Sources"]) == ("'=HYPERLINK(\"http://x\")", "'- cut fence\n- '=x",
                                                                  "-5")  # fmt: skip
    report = import_csv(second_database, target, ImportOptions())
    assert report.committed, report.lines()
    stored = IncidentService(second_database).get(tacoma.uuid)
    assert (stored.title, stored.description, stored.sources) == ('=HYPERLINK("http://x")', "- cut fence\n- '=x", "-5")


def test_dates_as_known_read_back_as_the_same_date() -> None:
    for text in ("2019", "2019-08", "2019-08~", "2019~", "2019-08-25~", "2019-08-20/2019-08-31",
                 "2019-08-21~/2019-08-31~", "2019-08-01~/2019-08-10~", "2019-08-11~/2019-08-20~",
                 "2019-02-21~/2019-02-28~", "2019-12-30/2020-01-02", "2019-08-20/2019-09-03~",
                 "2019-01-01/2020-12-31", "0999-05"):  # fmt: skip
        value = PartialDate.parse(text)
        written = date_as_known(value)
        assert written and read_sheet_date(written) == value, (text, written)
    assert date_as_known(PartialDate.parse("2019-07-13")) == "" == date_as_known(PartialDate())
    assert date_as_known(PartialDate.parse("2019-08-21~/2019-08-31~")) == "late August 2019"
    assert date_as_known(PartialDate.parse("2019-08")) == "August 2019 (only the month is known)"
    assert PartialDate.parse("2019-08-20/2019-09-03~").precision is DatePrecision.RANGE


def test_redaction_and_a_chosen_column_set(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    molotov = next(i for i in service.page() if i.title == MOLOTOV)
    stored = service.get(molotov.uuid)
    service.update(replace(stored, suspect_names="J. Doe"))
    target = tmp_path / "chosen.csv"
    options = ExportOptions(profile=Profile.SPREADSHEET, columns=("title", "suspect_names", "occurred"),
                            redaction=Redaction.MASK, where=IncidentFilter(states=("FL",)))  # fmt: skip
    assert export_file(demo_database, target, options).rows == 1
    assert table(target) == [{"Title": MOLOTOV, "Occurred": "", "Suspect names": "[redacted]"}]
    assert written_files(target, options) == [target]  # no legal history chosen: no second file
    assert not (tmp_path / "chosen-legal-history.csv").exists()


def test_a_spreadsheet_export_needs_a_file_and_cancelling_leaves_none(demo_database: Database,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    with pytest.raises(ValueError, match="needs a file name"):
        export_file(demo_database, io.StringIO(), SHEET)
    for name in ("cancelled.csv", "cancelled.zip", "cancelled.xlsx"):
        result = export_file(demo_database, tmp_path / name, SHEET, lambda _done, _total: False)
        assert result.cancelled
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("incidents.sqlite3")] == []
    assert FileFormat.of("x.XLSX") is FileFormat.XLSX and FileFormat.of("x.txt") is FileFormat.CSV


def test_a_legal_history_file_chosen_alone_says_which_file_to_import(demo_database: Database,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    export_file(demo_database, tmp_path / "incidents.csv", SHEET)
    report = import_csv(demo_database, tmp_path / "incidents-legal-history.csv", ImportOptions())
    assert not report.committed
    assert "this is a legal history file; import the incidents file incidents.csv" in "\n".join(report.lines())
    assert CaseStatus.CLOSED in {i.status for i in IncidentService(demo_database).page()}
