"""`incident-logger export --profile spreadsheet|roundtrip --format csv|zip|xlsx` and `import` of what it wrote
(a CSV file with its legal history beside it, a ZIP file, a legal history file named with --legal-history)."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main

MOLOTOV = "Molotov cocktail thrown at the USCIS office; the fuse failed"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    return folder


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return next(csv.reader(file))


def test_the_default_stays_round_trip_and_help_says_so(data_dir: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "plain.csv"
    assert cli(data_dir, "export", "-o", str(out)) == 0
    assert header(out)[:3] == ["uuid", "version", "created_at"] and "status_history" in header(out)
    assert not (tmp_path / "plain-legal-history.csv").exists()
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "roundtrip (the default, for scripts" in shown and "spreadsheet (for people" in shown
    assert "--format {csv,zip,xlsx}" in shown


def test_spreadsheet_csv_writes_the_legal_history_beside_it(data_dir: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "memo.csv"
    assert cli(data_dir, "export", "-o", str(out), "--profile", "spreadsheet") == 0
    history = tmp_path / "memo-legal-history.csv"
    assert capsys.readouterr().out.strip() == (f"3 incidents written to {out} (42 columns, redacted; the legal "
                                               f"history in {history})")  # fmt: skip
    assert header(out)[:3] == ["Case number", "Title", "Facility"] and header(history)[4] == "Status"
    assert cli(data_dir, "export", "-o", str(out), "--profile", "spreadsheet", "--columns", "help") == 0
    assert "occurred_as_known        Occurred as known" in capsys.readouterr().out

    target = tmp_path / "other"
    assert cli(target, "import", "-i", str(out), "--create-facilities") == 0
    assert f"Legal history read from {history} (8 entries)." in capsys.readouterr().out
    moved = tmp_path / "renamed-history.csv"
    history.rename(moved)
    assert cli(target, "import", "-i", str(out), "--legal-history", str(moved), "--dry-run") == 0
    assert "3 unchanged" in capsys.readouterr().out


def test_zip_and_xlsx_by_extension_or_format(data_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    assert cli(data_dir, "export", "-o", str(tmp_path / "a.zip"), "--profile", "spreadsheet") == 0
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert sorted(archive.namelist()) == ["README.txt", "a-legal-history.csv", "a.csv"]
    assert cli(data_dir, "export", "-o", str(tmp_path / "b.bin"), "--format", "zip") == 0
    with zipfile.ZipFile(tmp_path / "b.bin") as archive:
        assert sorted(archive.namelist()) == ["README.txt", "b.csv"]  # round trip: the history is a column
    assert cli(data_dir, "export", "-o", str(tmp_path / "c.xlsx"), "--profile", "spreadsheet") == 0
    assert load_workbook(tmp_path / "c.xlsx").sheetnames == ["Incidents", "Legal history", "README"]
    assert cli(data_dir, "export", "-o", str(tmp_path / "d.xlsx"), "-e", "facilities") == 0
    assert load_workbook(tmp_path / "d.xlsx").sheetnames == ["Facilities", "README"]
    capsys.readouterr()

    target = tmp_path / "other"
    assert cli(target, "import", "-i", str(tmp_path / "a.zip"), "--create-facilities") == 0
    assert "Legal history read from a-legal-history.csv (8 entries)." in capsys.readouterr().out
    assert cli(data_dir, "import", "-i", str(tmp_path / "c.xlsx")) == 1
    assert "an Excel workbook; save its sheets as CSV (UTF-8) and import those" in capsys.readouterr().err


def test_a_spreadsheet_export_refuses_unknown_columns(data_dir: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    status = cli(data_dir, "export", "-o", str(tmp_path / "x.csv"), "--profile", "spreadsheet", "--columns",
                 "title,attack_type_label")  # fmt: skip
    assert status == 2
    assert "unknown incidents column(s) attack_type_label" in capsys.readouterr().err
