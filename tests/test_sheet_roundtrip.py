"""Any records (the round-trip tests' strategies: awkward texts, partial dates, weapons with escapes, legal
histories with every detail) exported for spreadsheets - as CSV files with the legal history beside them, and as a
ZIP file - import into an empty database as the same records."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_csv_roundtrip import populate, snapshot, wipe

from desktop.domain.enums import WeaponType
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate, Weapon
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions
from desktop.services.csv.files import export_file
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.csv.parse import parse_weapons_text
from desktop.services.csv.sheet import Profile, date_as_known, format_weapons_text, read_sheet_date

SHEET_TRIP = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ORDER = (RecordKind.FACILITY, RecordKind.INCIDENT, RecordKind.DIRECTIVE, RecordKind.PLAN_ITEM)


@SHEET_TRIP
@given(data=st.data(), packed=st.booleans())
def test_spreadsheet_files_import_as_the_same_records(database: Database, tmp_path: Path, data: st.DataObject,
                                                      packed: bool) -> None:  # fmt: skip
    wipe(database)
    populate(database, data)
    before = snapshot(database)
    files = {}
    for entity in ORDER:
        files[entity] = tmp_path / f"{entity.table}.{'zip' if packed else 'csv'}"
        export_file(database, files[entity], ExportOptions(entity=entity, profile=Profile.SPREADSHEET))
    wipe(database)

    for entity in ORDER:
        report = import_csv(database, files[entity], ImportOptions(entity=entity))
        assert report.committed and not report.conflicts, report.lines()

    assert snapshot(database) == before


@settings(max_examples=200, deadline=None)
@given(subtypes=st.lists(st.text(max_size=12), max_size=3), kinds=st.lists(st.sampled_from(WeaponType), max_size=3))
def test_weapons_in_words_read_back(subtypes: list[str], kinds: list[WeaponType]) -> None:
    weapons = tuple(Weapon(kind, subtype) for kind, subtype in zip(kinds, subtypes, strict=False))
    assert parse_weapons_text(format_weapons_text(weapons)) == weapons


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.dates(), st.sampled_from(["year", "month", "day", "range"]), st.booleans())
def test_every_date_as_known_reads_back(first: object, second: object, precision: str, about: bool) -> None:
    on, until = sorted([first, second])  # type: ignore[type-var]
    text = {"year": f"{on.year:04d}", "month": f"{on.year:04d}-{on.month:02d}", "day": on.isoformat(),
            "range": f"{on.isoformat()}/{until.isoformat()}"}[precision]  # fmt: skip
    value = PartialDate.parse(text + ("~" if about else "") if precision != "range" or not about else
                              f"{on.isoformat()}~/{until.isoformat()}~")  # fmt: skip
    written = date_as_known(value)
    assert written == "" or read_sheet_date(written) == value
    assert written or (precision == "day" and not about)
