"""A real spreadsheet in the round trip: the memo incidents exported for spreadsheets, opened by LibreOffice Calc
(headless, a private profile per test), saved as XLSX, saved back as CSV, and imported into a fresh database give
the same titles, dates, facilities and legal history entries; Arabic text and the byte order mark come through."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.lookup import reopen

from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import ExportOptions
from desktop.services.csv.files import export_file
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.csv.sheet import Profile
from desktop.services.records import IncidentService

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.linux_only,  # Debian's LibreOffice Calc
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                       "scripts/system-packages.sh --test installs libreoffice-calc-nogui"),
]  # fmt: skip
UTF8_CSV = "44,34,76"  # comma, double quote, Unicode (UTF-8): what a person picks in Calc's text import dialog
ARABIC = "هجوم بزجاجة حارقة على المكتب"


def soffice(profile: Path, out: Path, convert_to: str, source: Path, infilter: str | None = None) -> Path:
    """Convert `source` with LibreOffice into `out` (a private user profile: runs never collide)."""
    command = [str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", convert_to, "--outdir", str(out), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    suffix = convert_to.split(":")[0]
    converted = out / f"{source.stem}.{suffix}"
    assert done.returncode == 0 and converted.exists(), (done.stdout, done.stderr)
    return converted


def facts(database: Database) -> list[tuple[object, ...]]:
    service = IncidentService(database)
    found = []
    for listed in service.page():
        i = service.get(listed.uuid)
        entries = tuple((c.status, c.changed, c.note, c.agency, c.reference, c.charges) for c in i.status_history)
        found.append((i.uuid, i.title, i.occurred, i.facility_name, i.attack_type, i.weapons, i.completed,
                      i.victims_killed, i.damage_estimate_usd, i.status, entries, i.description))  # fmt: skip
    return sorted(found, key=lambda fact: str(fact[0]))


def test_libreoffice_round_trip_gives_the_same_records(demo_database: Database, tmp_path: Path) -> None:
    service = IncidentService(demo_database)
    molotov = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(service.get(molotov.uuid), title=f"{molotov.title} / {ARABIC}"))
    exported = tmp_path / "exported"
    exported.mkdir()
    export_file(demo_database, exported / "incidents.csv", ExportOptions(profile=Profile.SPREADSHEET))
    assert (exported / "incidents.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    profile, workbooks, back = tmp_path / "lo-profile", tmp_path / "xlsx", tmp_path / "back"
    for name in ("incidents.csv", "incidents-legal-history.csv"):
        workbook = soffice(profile, workbooks, "xlsx", exported / name, infilter=f"CSV:{UTF8_CSV}")
        soffice(profile, back, f"csv:Text - txt - csv (StarCalc):{UTF8_CSV},1", workbook)

    sheet = load_workbook(workbooks / "incidents.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Case number", "Title", "Facility"]  # the byte order mark was not read as text
    by_title = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    tacoma = next(row for title, row in by_title.items() if title.startswith("Armed attack"))
    assert tacoma[header.index("Occurred")].is_date  # Calc read the exact date as a date
    assert tacoma[header.index("Victims killed")].data_type == "n"
    assert any(ARABIC in title for title in by_title)

    fresh = reopen(sqlite_url(tmp_path / "fresh.sqlite3"))
    try:
        report = import_csv(fresh, back / "incidents.csv", ImportOptions(create_facilities=True))
        assert report.committed, report.lines()
        assert f"Legal history read from {back / 'incidents-legal-history.csv'} (8 entries)." in report.notes
        assert facts(fresh) == facts(demo_database)
    finally:
        fresh.close()


@pytest.mark.parametrize("mark", [True, False], ids=["with byte order mark", "without"])
def test_calc_reads_arabic_right_with_or_without_the_mark(demo_database: Database, tmp_path: Path,
                                                          mark: bool) -> None:  # fmt: skip
    """The mark that Excel needs does not disturb LibreOffice: with UTF-8 chosen it is dropped, not read as text."""
    service = IncidentService(demo_database)
    molotov = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(service.get(molotov.uuid), title=ARABIC))
    source = tmp_path / "incidents.csv"
    export_file(demo_database, source, ExportOptions(profile=Profile.SPREADSHEET, columns=("title", "state")))
    if not mark:
        source.write_bytes(source.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    workbook = soffice(tmp_path / "lo-profile", tmp_path / "xlsx", "xlsx", source, infilter=f"CSV:{UTF8_CSV}")
    rows = [[c.value for c in row] for row in load_workbook(workbook).active.iter_rows()]
    assert rows[0] == ["Title", "State"]
    assert [ARABIC, "FL"] in rows
