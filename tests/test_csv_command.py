"""`incident-logger export` and `incident-logger import`: options, filters, the report and the exit status."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support.exports import export_entries

from desktop.cli import main
from desktop.persistence.engine import sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.format import MASK
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions

TACOMA = "Northwest Detention Center, Tacoma"
SUSPECT = "Jonathan Q. Suspectson"
DETAILS = "born 1971 in Springfield"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    return folder


@pytest.fixture
def sensitive_data(data_dir: Path, sessions: DatabaseSessions) -> Iterator[Database]:
    """The demo data folder's database, its Florida incident naming a suspect and personal details."""
    database = sessions.open(sqlite_url(data_dir / "incidents.sqlite3"), lock=False)
    service = IncidentService(database)
    florida = next(i for i in service.page() if "Molotov" in i.title)
    service.update(replace(florida, suspect_names=SUSPECT, personal_details=DETAILS))
    yield database
    sessions.close(database)


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_export_with_filters_columns_bom_and_redaction(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    status = cli(data_dir, "export", "-o", str(out), "--filter", "state=TX,FL", "--filter",
                 "attack_type=Facility/infrastructure attack", "--columns", "title,suspect_names,uuid", "--bom",
                 "--redact")  # fmt: skip
    assert status == 0
    assert capsys.readouterr().out.strip() == f"2 incidents written to {out} (2 columns, redacted)"
    assert out.read_bytes().startswith(b"\xef\xbb\xbfuuid,title\r\n")
    assert {r["title"] for r in rows(out)} == {
        "Shots fired overnight at the windows of the ICE office",
        "Molotov cocktail thrown at the USCIS office; the fuse failed",
    }

    assert cli(data_dir, "export", "-o", str(out), "-e", "facilities", "--search", "tacoma") == 0
    assert [r["name"] for r in rows(out)] == [TACOMA]
    assert cli(data_dir, "export", "-o", str(out), "--search", "Molotov OR Tacoma", "--columns", "title") == 0
    assert {r["title"][:20] for r in rows(out)} == {"Molotov cocktail thr", "Armed attack with ri"}
    assert cli(data_dir, "export", "-o", str(out), "-e", "facilities", "--search", "-state:tx -state:fl") == 0
    assert [r["name"] for r in rows(out)] == [TACOMA]
    assert cli(data_dir, "export", "-o", str(out), "-e", "plan_items", "--filter", "open=yes") == 0
    assert len(rows(out)) == 2  # the nationwide plan (proposed) and the barriers (approved)


def test_export_leaves_sensitive_fields_out_unless_asked_and_audits_the_choice(
    data_dir: Path, sensitive_data: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default, masked, full = tmp_path / "default.csv", tmp_path / "masked.csv", tmp_path / "full.csv"
    assert cli(data_dir, "export", "-o", str(default)) == 0
    assert capsys.readouterr().out.strip().endswith(", redacted)")
    assert "suspect_names" not in rows(default)[0] and "personal_details" not in rows(default)[0]
    assert SUSPECT not in default.read_text("utf-8") and "Springfield" not in default.read_text("utf-8")
    assert cli(data_dir, "export", "-o", str(masked), "--redact", "mask") == 0
    assert sorted(r["suspect_names"] for r in rows(masked)) == ["", "", MASK]
    assert cli(data_dir, "export", "-o", str(full), "--include-sensitive") == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(", WITH sensitive fields)")
    assert SUSPECT in [r["suspect_names"] for r in rows(full)] and DETAILS in full.read_text("utf-8")
    assert cli(data_dir, "export", "-o", str(full), "-e", "facilities", "--include-sensitive") == 0  # none to have

    assert export_entries(sensitive_data) == [
        ("incident", "default.csv", False),
        ("incident", "masked.csv", False),
        ("incident", "full.csv", True),
        ("facility", "full.csv", False),
    ]
    capsys.readouterr()
    assert cli(data_dir, "export", "-o", str(tmp_path / "x.csv"), "--include-sensitive", "--redact", "mask") == 2
    assert "--include-sensitive and --redact mask contradict each other" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(SystemExit):
        cli(data_dir, "export", "--help")
    assert "redacted is the default" in " ".join(capsys.readouterr().out.split())


def test_export_refuses_unknown_columns_and_filters(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    assert cli(data_dir, "export", "-o", str(out), "--columns", "title,shoe_size") == 2
    assert "unknown incidents column(s) shoe_size" in capsys.readouterr().err
    assert cli(data_dir, "export", "-o", str(out), "--filter", "colour=red") == 2
    assert "use KEY=VALUE with KEY one of facility, attack_type" in capsys.readouterr().err
    assert cli(data_dir, "export", "-o", str(out), "--filter", "severity=apocalyptic") == 2
    assert "severity: unknown value 'apocalyptic'" in capsys.readouterr().err
    assert cli(data_dir, "export", "-o", str(out), "--filter", "facility=Atlantis") == 2
    capsys.readouterr()
    assert cli(data_dir, "export", "-o", str(out), "--search", "Molotov OR") == 2
    assert capsys.readouterr().err == "incident-logger export: --search: OR at character 9 needs a word on both sides\n"
    assert cli(data_dir, "export", "-o", str(out), "-e", "facilities", "--search", "type:threat") == 2
    assert '"type:" at character 1 does not apply to facilities; use facility:, state:' in capsys.readouterr().err
    assert not out.exists()
    assert cli(data_dir, "export", "-o", str(out), "--columns", "help") == 0
    assert "suspect_names            Suspect names  (sensitive)" in capsys.readouterr().out


def test_import_prints_the_report_and_fails_on_problems(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f'title,facility_name,severity\r\nFine,"{TACOMA}",low\r\nBroken,"{TACOMA}",enormous\r\n'
                   '"Unclosed,x,low\r\n', encoding="utf-8")  # fmt: skip
    assert cli(data_dir, "import", "-i", str(bad)) == 1
    err = capsys.readouterr().err
    assert "Rejected: 2 problem(s); nothing was written." in err
    assert "line 3, column 3 (severity): unknown value 'enormous'" in err
    assert "line 4, column 1: a quoted field starts here but its closing quote is missing" in err

    good = tmp_path / "good.csv"
    good.write_text("Summary;Site\r\nNew one;Brand new office\r\n", encoding="cp1252")
    assert cli(data_dir, "import", "-i", str(good), "--map", "Summary=title", "--map", "Site=facility_name",
               "--dry-run") == 1  # fmt: skip
    assert "no facility is named 'Brand new office'" in capsys.readouterr().err
    assert cli(data_dir, "import", "-i", str(good), "--map", "Summary=title", "--map", "Site=facility_name",
               "--create-facilities", "--dry-run") == 0  # fmt: skip
    assert "Dry run, nothing written: 1 rows: 1 new" in capsys.readouterr().out
    assert cli(data_dir, "import", "-i", str(good), "--map", "Summary=title", "--map", "Site=facility_name",
               "--create-facilities") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "(utf-8, semicolon-separated)" in out and "1 facilities created" in out
    assert cli(data_dir, "list", "--search", "new one") == 0
    assert "Brand new office" in capsys.readouterr().out


def test_export_then_import_into_another_data_folder(tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "other"
    for entity in ("facilities", "incidents", "directives", "plan_items"):
        path = tmp_path / f"{entity}.csv"
        assert cli(data_dir, "export", "-e", entity, "-o", str(path)) == 0
        assert cli(other, "import", "-e", entity, "-i", str(path)) == 0
    for entity in ("facilities", "incidents", "directives", "plan_items"):
        first, second = tmp_path / "a.csv", tmp_path / "b.csv"
        cli(data_dir, "export", "-e", entity, "-o", str(first))
        cli(other, "export", "-e", entity, "-o", str(second))
        assert first.read_bytes() == second.read_bytes()
