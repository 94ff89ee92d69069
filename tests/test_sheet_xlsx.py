"""XLSX export: the sheets of both profiles, typed cells (dates, numbers, empty for unknown), a frozen bold header
row, fitted column widths, and never a formula cell, checked by opening the file with openpyxl."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions, FileFormat
from desktop.services.csv.files import export_file
from desktop.services.csv.sheet import Profile
from desktop.services.csv.xlsx import MAX_CELL
from desktop.services.records import IncidentService

MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"
FORMULA = '=HYPERLINK("http://example.invalid","click")'


def rows_of(sheet: Any) -> list[dict[str, Any]]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def set_title(database: Database, start: str, title: str, **more: Any) -> str:
    service = IncidentService(database)
    found = next(i for i in service.page() if i.title.startswith(start))
    service.update(replace(service.get(found.uuid), title=title, **more))
    return found.uuid


def test_the_spreadsheet_workbook_has_typed_cells_and_no_formula(demo_database: Database, tmp_path: Path) -> None:
    set_title(demo_database, "Armed attack", FORMULA, description="line one\x01\nsee _x0041_")
    target = tmp_path / "memo.xlsx"
    result = export_file(demo_database, target, ExportOptions(profile=Profile.SPREADSHEET))
    assert result.rows == 3
    book = load_workbook(target)
    assert book.sheetnames == ["Incidents", "Legal history", "README"]
    incidents, history = book["Incidents"], book["Legal history"]
    for sheet in (incidents, history):
        assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])
        assert [c for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    rows = {row["Title"].value: row for row in rows_of(incidents)}
    tacoma, molotov = rows[FORMULA], rows[MOLOTOV]
    assert tacoma["Title"].data_type == "s"
    assert (tacoma["Occurred"].value, tacoma["Occurred"].number_format) == (datetime(2019, 7, 13), "yyyy-mm-dd")
    assert tacoma["Occurred"].is_date and tacoma["Time of day"].value == "Early morning"
    assert (molotov["Occurred"].value, molotov["Occurred as known"].value) == (None, "late August 2019")
    assert (molotov["Victims killed"].value, molotov["Victims killed"].data_type) == (0, "n")
    assert molotov["Damage estimate (USD)"].value is None  # unknown: empty, never 0
    assert molotov["Suspects"].value == 1 and molotov["Outcome"].value == "Attempted"
    assert molotov["Created (UTC)"].is_date and molotov["Created (UTC)"].number_format == "yyyy-mm-dd h:mm:ss"
    assert (molotov["City"].value, molotov["State"].value) == (None, "FL")  # the demo knows no city there
    assert (tacoma["City"].value, tacoma["State"].value) == ("Tacoma", "WA")
    assert tacoma["Description"].value == "line one_x0001_\nsee _x005F_x0041_"  # XML cannot hold \x01 as it is
    widths = {c.value: incidents.column_dimensions[c.column_letter].width for c in incidents[1]}
    assert widths["Title"] == 60 and widths["State"] == 8 and widths["Occurred"] == 11
    entries = [row for row in rows_of(history) if row["Incident"].value == MOLOTOV]
    assert [(e["Date as known"].value, e["Status"].value) for e in entries] == [
        ("August 2019 (only the month is known)", "Reported"),
        ("August 2019 (only the month is known)", "Arrest made"),
        ("September 2019 (only the month is known)", "Referred for prosecution"),
    ]
    closed = [row for row in rows_of(history) if row["Status"].value == "Closed"]
    assert closed and closed[0]["Date"].is_date and closed[0]["Incident UUID"].value == rows[FORMULA]["UUID"].value
    readme = [c.value for row in book["README"].iter_rows() for c in row if c.value]
    assert (
        "  Occurred as known: when it happened, when not known to the day: a month, a year, a range or about "
        "(late August 2019, about 20 to 31 August 2019, August 2019 (only the month is known)); "
        "empty when Occurred holds the date" in readme
    )


def test_the_round_trip_workbook_keeps_the_keys_and_the_history_cell(demo_database: Database,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    set_title(demo_database, "Armed attack", FORMULA)
    target = tmp_path / "machine.data"
    export_file(demo_database, target, ExportOptions(file_format=FileFormat.XLSX))
    with target.open("rb") as file:
        book = load_workbook(file)
    assert book.sheetnames == ["Incidents", "README"]
    sheet = book["Incidents"]
    assert sheet.freeze_panes == "A2"
    assert [c for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    rows = {row["title"].value: row for row in rows_of(sheet)}
    molotov = rows[MOLOTOV]
    assert (molotov["victims_killed"].value, molotov["damage_estimate_usd"].value) == (0, None)
    assert molotov["occurred"].value == "2019-08-21~/2019-08-31~" and molotov["attack_type"].value == (
        "facility_infrastructure_attack")  # fmt: skip
    assert molotov["status_history"].value.startswith("reported@2019-08|arrest_made@2019-08|")
    assert molotov["created_at"].is_date and rows[FORMULA]["title"].data_type == "s"


def test_a_text_too_long_for_a_cell_is_refused_and_no_file_is_left(demo_database: Database,
                                                                   tmp_path: Path) -> None:  # fmt: skip
    service = IncidentService(demo_database)
    found = next(i for i in service.page() if i.title.startswith("Armed attack"))
    stored = service.get(found.uuid)
    notes = tuple(replace(c, note=str(n) * 20_000) for n, c in enumerate(stored.status_history))
    service.update(replace(stored, status_history=notes))  # one cell in the round-trip layout: too long
    with pytest.raises(
        ValueError,
        match=r"Incident row \d+: status_history is [\d,]+ characters long; a "
        f"spreadsheet cell holds at most {MAX_CELL:,} - export this as CSV",
    ):
        export_file(demo_database, tmp_path / "long.xlsx", ExportOptions())
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []
    export_file(demo_database, tmp_path / "fine.xlsx", ExportOptions(profile=Profile.SPREADSHEET))  # a cell each
    with (tmp_path / "fine.xlsx").open("rb") as file:
        notes_read = [c.value for c in load_workbook(file)["Legal history"]["I"] if c.value and len(c.value) > 1000]
    assert sorted(len(n) for n in notes_read) == [20_000] * len(notes)
