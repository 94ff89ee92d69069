"""What an outside adversarial battery found: a header naming a column twice is refused (not half read); Excel for
Mac's Mac Roman files with CR line ends are read right and said so; formulas hidden behind fullwidth signs, white
space or invisible characters are neutralised in every export and come back exactly."""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from support.lookup import reopen

from desktop.cli import main
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Incident, PlanItem
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_url
from desktop.persistence.models import AuditRow, FacilityRow, IncidentRow, PlanItemRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.bundle import companion_path
from desktop.services.csv.export import ExportOptions, export_records
from desktop.services.csv.files import export_file
from desktop.services.csv.format import COLUMNS, formula_like, needs_apostrophe, neutralize, restore
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.csv.sheet import Profile, neutralize_sheet, restore_sheet, runs_as_formula
from desktop.services.records import FacilityService, IncidentService, PlanItemService

TACOMA = "Northwest Detention Center, Tacoma"


def fingerprint(database: Database) -> tuple[int, ...]:
    """Row counts and audit entries: any write changes at least one of them."""
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        return tuple(uow.session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (IncidentRow, FacilityRow, PlanItemRow, AuditRow))  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)
    return path


def titles(database: Database) -> set[str]:
    return {i.title for i in IncidentService(database).page()}


# --- 1. a header naming a column twice ----------------------------------------------------------------------------


@pytest.mark.parametrize(("rows", "message"), [
    ([["case_number", "title", "facility_name", "description", "title"], ["C-1", "Kept", TACOMA, "d", "Dropped"]],
     "line 1, columns 2 and 5: the header “title” appears twice; rename or remove one"),
    ([["case_number", "title", "facility_name", "description", "Title"], ["C-1", "Kept", TACOMA, "d", "Dropped"]],
     "line 1, columns 2 and 5: the headers “title” and “Title” both mean title; rename or remove one"),
    ([["title", "completed", "facility_name", "Outcome"], ["Kept", "yes", TACOMA, "no"]],  # a previous alias
     "line 1, columns 2 and 4: the headers “completed” and “Outcome” both mean completed; rename or remove one"),
    ([["title", "facility_name", "attack_type", "attack_type code"], ["Kept", TACOMA, "arson", "vandalism"]],
     "line 1, columns 3 and 4: the headers “attack_type” and “attack_type code” both mean attack_type; rename or "
     "remove one"),
    ([["Title", "Facility", "Occurred", "Description", "Occurred"],  # a file for spreadsheets
      ["Kept", TACOMA, "2024-02-10", "d", "2024-02-11"]],
     "line 1, columns 3 and 5: the header “Occurred” appears twice; rename or remove one"),
])  # fmt: skip
def test_a_header_naming_a_column_twice_refuses_the_whole_file(
    demo_database: Database, tmp_path: Path, rows: list[list[str]], message: str
) -> None:
    path = write_csv(tmp_path / "incidents.csv", rows)
    before = fingerprint(demo_database)

    report = import_csv(demo_database, path, ImportOptions())

    assert not report.accepted and not report.committed
    assert [str(p) for p in report.problems] == [message]
    assert fingerprint(demo_database) == before


def test_a_mapping_that_reads_the_second_column_as_something_else_is_fine(demo_database: Database,
                                                                        tmp_path: Path) -> None:  # fmt: skip
    """The refusal is about values that would be lost without a word, not about the header text as such."""
    path = write_csv(tmp_path / "incidents.csv", [["title", "facility_name", "title"], ["Kept", TACOMA, "Also kept"]])
    report = import_csv(demo_database, path, ImportOptions(mapping=("title", "facility_name", "description")))
    assert report.committed, report.lines()
    [new] = IncidentService(demo_database).page(IncidentFilter(text="Kept"))
    assert (new.title, new.description) == ("Kept", "Also kept")


def test_the_command_line_refuses_a_repeated_header_and_leaves_the_database_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    database_file = data / "incidents.sqlite3"
    path = write_csv(tmp_path / "incidents.csv", [
        ["case_number", "title", "facility_name", "description", "title"],
        ["C-1", "First title", TACOMA, "d", "Second title"],
    ])  # fmt: skip
    before_export = tmp_path / "before.csv"
    assert main(["--data-dir", str(data), "export", "-o", str(before_export), "--include-sensitive"]) == 0
    capsys.readouterr()
    before = database_file.read_bytes()

    status = main(["--data-dir", str(data), "import", "--input", str(path)])

    err = capsys.readouterr().err
    assert status == 1
    assert str(path) in err.splitlines()[0]
    assert "  line 1, columns 2 and 5: the header “title” appears twice; rename or remove one" in err.splitlines()
    assert database_file.read_bytes() == before  # not a byte written
    after_export = tmp_path / "after.csv"
    assert main(["--data-dir", str(data), "export", "-o", str(after_export), "--include-sensitive"]) == 0
    assert after_export.read_bytes() == before_export.read_bytes()


def test_every_export_has_each_header_once_and_reads_back(demo_database: Database, tmp_path: Path) -> None:
    """The round-trip export of plan items wrote directive_uuid twice; now every kind's header is unique."""
    for kind, columns in COLUMNS.items():
        keys = [c.key for c in columns]
        assert len(keys) == len(set(keys)), kind
        path = tmp_path / f"{kind.table}.csv"
        export_records(demo_database, path, ExportOptions(kind))
        report = import_csv(demo_database, path, ImportOptions(entity=kind, dry_run=True))
        assert report.accepted and report.rows > 0, report.lines()


@pytest.fixture
def plan_file(demo_database: Database, tmp_path: Path) -> Iterator[tuple[Path, list[list[str]]]]:
    """A plan-item file as the previous release wrote it: directive_uuid twice, the same value in both."""
    PlanItemService(demo_database).create(PlanItem(facility_uuid="", description="Nationwide plan"))
    path = tmp_path / "plan_items.csv"
    export_records(demo_database, path, ExportOptions(RecordKind.PLAN_ITEM))
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    at = rows[0].index("directive_uuid")
    rows = [[*row[:-1], row[at], row[-1]] for row in rows]  # before directive_title, as the previous release had it
    yield path, rows


def test_a_previous_release_plan_item_file_still_reads(demo_database: Database,
                                                       plan_file: tuple[Path, list[list[str]]]) -> None:  # fmt: skip
    path, rows = plan_file
    assert rows[0].count("directive_uuid") == 2
    write_csv(path, rows)
    report = import_csv(demo_database, path, ImportOptions(entity=RecordKind.PLAN_ITEM))
    assert report.accepted and report.unchanged == report.rows == len(rows) - 1, report.lines()


def test_a_previous_release_plan_item_file_whose_two_directive_cells_differ_is_refused(
    demo_database: Database, plan_file: tuple[Path, list[list[str]]]
) -> None:
    path, rows = plan_file
    rows[2][-2] = "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"
    write_csv(path, rows)
    before = fingerprint(demo_database)
    report = import_csv(demo_database, path, ImportOptions(entity=RecordKind.PLAN_ITEM))
    column = len(rows[0]) - 1
    first = rows[0].index("directive_uuid") + 1
    assert [str(p) for p in report.problems] == [
        f"line 3, column {column} (directive_uuid): differs from column {first}, which has the same header; "
        "leave one of the two out"]  # fmt: skip
    assert fingerprint(demo_database) == before


# --- 2. Mac Roman with CR line ends, Windows-1252 -----------------------------------------------------------------

MAC_TEXT = "Café Étoile – 50° « ñ » ‘quoted’ …"


def test_excel_for_mac_csv_is_read_as_mac_roman_and_said_so(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    text = f'title,facility_name,description\r{MAC_TEXT},"{TACOMA}","Crème brûlée\non two lines"\rSecond,"{TACOMA}",ü\r'
    path.write_bytes(text.encode("mac_roman"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    report = import_csv(demo_database, path, ImportOptions())

    assert report.committed, report.lines()
    assert (report.encoding, report.rows, report.inserted) == ("mac_roman", 2, 2)
    assert report.lines()[1].startswith("Read as Mac Roman (Excel for Mac) with CR line ends")
    [new] = IncidentService(demo_database).page(IncidentFilter(text="Étoile"))
    assert (new.title, new.description) == (MAC_TEXT, "Crème brûlée\non two lines")  # exact: no mojibake
    assert "ü" in {i.description for i in IncidentService(demo_database).page()}


def test_the_command_line_says_how_it_read_a_mac_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    path = tmp_path / "mac.csv"
    path.write_bytes(f'title,facility_name\r{MAC_TEXT},"{TACOMA}"\r'.encode("mac_roman"))
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import", "--input", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path} (mac_roman, comma-separated)"
    assert out[2].startswith("Read as Mac Roman (Excel for Mac) with CR line ends")
    database = reopen(sqlite_url(data / "incidents.sqlite3"))
    try:
        assert MAC_TEXT in titles(database)
    finally:
        database.close()


def test_a_mac_roman_file_with_lf_line_ends_can_be_read_when_chosen(demo_database: Database, tmp_path: Path) -> None:
    """Without Excel for Mac's CR line ends the bytes are read as Windows-1252 - and the report says so, so the
    person can choose Mac Roman."""
    path = tmp_path / "mac-lf.csv"
    path.write_bytes(f'title,facility_name\n{MAC_TEXT},"{TACOMA}"\n'.encode("mac_roman"))
    guessed = import_csv(demo_database, path, ImportOptions(dry_run=True))
    assert guessed.encoding == "cp1252"
    assert "Read as Windows-1252: the file is not UTF-8." in guessed.lines()[1]
    chosen = import_csv(demo_database, path, ImportOptions(encoding="mac_roman"))
    assert chosen.committed and not chosen.notes
    assert MAC_TEXT in titles(demo_database)


def test_utf8_with_cr_line_ends_is_read_as_utf8_and_the_line_ends_noted(demo_database: Database,
                                                                       tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "cr.csv"
    path.write_bytes(f'title,facility_name\r{MAC_TEXT},"{TACOMA}"\r'.encode())
    report = import_csv(demo_database, path, ImportOptions())
    assert report.committed and report.encoding == "utf-8"
    assert report.notes == ["Lines end with a CR alone (classic Mac): read as line ends."]
    assert MAC_TEXT in titles(demo_database)


def test_problems_in_a_cr_file_are_located_by_its_lines(demo_database: Database, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"title,facility_name\rcaf\xc3\xa9,x\r\xff,y\r")
    [problem] = import_csv(demo_database, mixed, ImportOptions()).problems
    assert (problem.line, problem.column) == (3, 1) and "mixes encodings" in problem.reason
    bad = tmp_path / "bad.csv"
    bad.write_bytes(f'title,facility_name,severity\rFine,"{TACOMA}",low\rBad,"{TACOMA}",dreadful\r'.encode("mac_roman"))
    [problem] = import_csv(demo_database, bad, ImportOptions()).problems
    assert (problem.line, problem.column, problem.column_name) == (3, 3, "severity")


def test_windows_1252_is_read_as_such_and_said_so(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    text = "Café – 50° “quoted” €5"
    path.write_bytes(f'title,facility_name\r\n{text},"{TACOMA}"\r\n'.encode("cp1252"))
    report = import_csv(demo_database, path, ImportOptions())
    assert report.committed and report.encoding == "cp1252"
    assert report.notes == ["Read as Windows-1252: the file is not UTF-8. If any letter looks wrong, save the file as "
                            "'CSV UTF-8' and import that."]  # fmt: skip
    assert text in titles(demo_database)


# --- 3. formulas behind fullwidth signs, white space and invisible characters -------------------------------------

FULLWIDTH = ["\uff1d", "\uff0b", "\uff0d", "\uff20"]  # ＝ ＋ － ＠
INVISIBLE = [" ", "\xa0", "\u200b", "\u3000", "\ufeff", "\x0b", "\x0c", "\t", "\r", "\n", " \u200b\xa0"]
PREFIXES = FULLWIDTH + [space + sign for space in INVISIBLE for sign in ("=", "+", "-", "@", "\uff1d")]
HOSTILE = [prefix + 'HYPERLINK("http://x","y")' for prefix in PREFIXES]
HARMLESS = {" note": " note", "\u3000note": "\u3000note", "x=1": "x=1", "'Twas": "'Twas",  # written as they are
            "-5 degrees": "'-5 degrees", "\tnote": "'\tnote", "\rnote": "'\rnote",  # marked, as before
            "' =x": "'' =x", "'\uff1dx": "''\uff1dx"}  # fmt: skip  # an apostrophe of the value's own is kept


@pytest.mark.parametrize("value", HOSTILE, ids=[repr(p) for p in PREFIXES])
def test_formula_like_text_gets_the_apostrophe_and_loses_it_again(value: str) -> None:
    assert formula_like(value) and needs_apostrophe(value)
    assert neutralize(value) == "'" + value and restore("'" + value) == value
    assert neutralize("'" + value) == "''" + value and restore("''" + value) == "'" + value
    assert runs_as_formula(value)
    assert neutralize_sheet(value) == "'" + value and restore_sheet("'" + value) == value


@pytest.mark.parametrize(("value", "cell"), HARMLESS.items())
def test_the_rule_for_harmless_text(value: str, cell: str) -> None:
    assert neutralize(value) == cell and restore(cell) == value


@pytest.mark.parametrize(("value", "marked"), [
    (" note", False), ("\u3000note", False), ("-5", False), (" -5", False), ("-5 degrees", True), ("\tnote", False),
    ("'Twas", False), (" =1", True), ("\uff0d5", True),
])  # fmt: skip
def test_the_spreadsheet_profile_marks_only_what_would_run(value: str, marked: bool) -> None:
    assert neutralize_sheet(value) == ("'" + value if marked else value)
    assert restore_sheet(neutralize_sheet(value)) == value


def hostile_incidents(database: Database) -> dict[str, str]:
    """An incident per hostile value (title and description) and per harmless one; uuid -> value."""
    tacoma = next(f for f in FacilityService(database).page() if f.name == TACOMA)
    service = IncidentService(database)
    made = {}
    for value in [*HOSTILE, *HARMLESS]:
        made[service.create(Incident(tacoma.uuid, value, PartialDate(), description=value, sources=value)).uuid] = value
    return made


def csv_cells(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    return {row.get("uuid") or row["UUID"]: row for row in rows}


@pytest.mark.parametrize("sqlite_path", [True, False], ids=["sqlite-rendered", "record-by-record"])
def test_round_trip_export_neutralises_them_and_import_restores_them_exactly(
    demo_database: Database, tmp_path: Path, sqlite_path: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = hostile_incidents(demo_database)
    if not sqlite_path:
        monkeypatch.setattr(Database, "is_sqlite", property(lambda _self: False))
    path = tmp_path / "incidents.csv"
    export_records(demo_database, path, ExportOptions(RecordKind.INCIDENT))

    cells = csv_cells(path)
    for uuid, value in made.items():
        expected = HARMLESS.get(value, "'" + value)
        assert (cells[uuid]["title"], cells[uuid]["description"], cells[uuid]["sources"]) == (expected,) * 3, value

    second = reopen(sqlite_url(tmp_path / "second.sqlite3"))
    try:
        facilities = tmp_path / "facilities.csv"
        export_records(demo_database, facilities, ExportOptions(RecordKind.FACILITY))
        assert import_csv(second, facilities, ImportOptions(entity=RecordKind.FACILITY)).committed
        report = import_csv(second, path, ImportOptions())
        assert report.committed, report.lines()
        back = {i.uuid: (i.title, i.description, i.sources) for i in IncidentService(second).page()}
    finally:
        second.close()
    for uuid, value in made.items():
        assert back[uuid] == (value,) * 3, value


def test_both_export_paths_write_the_same_cells(demo_database: Database, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    hostile_incidents(demo_database)
    fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
    export_records(demo_database, fast, ExportOptions(RecordKind.INCIDENT))
    monkeypatch.setattr(Database, "is_sqlite", property(lambda _self: False))
    export_records(demo_database, slow, ExportOptions(RecordKind.INCIDENT))
    assert csv_cells(fast) == csv_cells(slow)  # (the fast path quotes every text cell)


def test_spreadsheet_export_neutralises_them_and_import_restores_them_exactly(demo_database: Database,
                                                                              tmp_path: Path) -> None:  # fmt: skip
    made = hostile_incidents(demo_database)
    path = tmp_path / "incidents.csv"
    export_file(demo_database, path, ExportOptions(RecordKind.INCIDENT, profile=Profile.SPREADSHEET))
    cells = csv_cells(path)
    for uuid, value in made.items():
        assert cells[uuid]["Title"] == neutralize_sheet(value)
        if value in HOSTILE:
            assert cells[uuid]["Title"] == "'" + value
    assert cells[next(u for u, v in made.items() if v == " note")]["Title"] == " note"
    assert cells[next(u for u, v in made.items() if v == "-5 degrees")]["Title"] == "'-5 degrees"
    for uuid in made:  # an edit in the file, so that import takes the row as newer
        cells[uuid]["Updated (UTC)"] = "2030-01-01 00:00:00"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        header = list(next(iter(cells.values())))
        writer = csv.DictWriter(out, header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(cells.values())
    report = import_csv(demo_database, path, ImportOptions())
    assert report.accepted and report.conflicts == [], report.lines()
    back = {i.uuid: i.title for i in IncidentService(demo_database).page()}
    for uuid, value in made.items():
        assert back[uuid] == value, value


def test_the_workbook_never_holds_a_formula(demo_database: Database, tmp_path: Path) -> None:
    made = hostile_incidents(demo_database)
    tacoma = next(f for f in FacilityService(demo_database).page() if f.name == TACOMA)
    errorish = IncidentService(demo_database).create(Incident(tacoma.uuid, "#N/A", PartialDate(), description="=1+1"))
    path = tmp_path / "incidents.xlsx"
    export_file(demo_database, path, ExportOptions(RecordKind.INCIDENT, profile=Profile.SPREADSHEET))

    with zipfile.ZipFile(path) as book:
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/")]
        assert sheets and not [name for name in sheets if b"<f>" in book.read(name) or b"<f " in book.read(name)]
    sheet = load_workbook(path)["Incidents"]
    header = [cell.value for cell in sheet[1]]
    title, uuid = header.index("Title"), header.index("UUID")
    rows = {row[uuid].value: row for row in sheet.iter_rows(min_row=2)}
    for key, value in made.items():
        cell = rows[key][title]
        assert cell.data_type == "s", value
        text = re.sub(r"_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), cell.value)  # what XML cannot hold
        assert text == value.replace("\r", "\n"), value  # (and XML reads a CR as an LF)
    assert (rows[errorish.uuid][title].data_type, rows[errorish.uuid][title].value) == ("s", "#N/A")


def test_a_legal_history_file_naming_a_column_twice_is_refused(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    export_file(demo_database, path, ExportOptions(RecordKind.INCIDENT, profile=Profile.SPREADSHEET))
    history = companion_path(path)
    with history.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    at = rows[0].index("Note")
    write_csv(history, [[*row, "Another note" if number else "Note"] for number, row in enumerate(rows)])
    before = fingerprint(demo_database)
    report = import_csv(demo_database, path, ImportOptions())
    assert [str(p) for p in report.problems] == [
        f"line 1, columns {at + 1} and {len(rows[0]) + 1}: in {history}: the header “Note” appears twice; rename "
        "or remove one"]  # fmt: skip
    assert fingerprint(demo_database) == before
