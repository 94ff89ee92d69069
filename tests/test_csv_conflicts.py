"""Corrections come back: a row edited in the exported file differs from the stored record with the same
updated_at; the import lists it field by field and keeps the database's version or takes the file's, per record
or for all, in the service and the CLI, and the audit entry says which side won."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.enums import AuditAction, Severity
from desktop.persistence.models import AuditRow
from desktop.persistence.unit_of_work import Database
from desktop.services.csv.export import export_incidents
from desktop.services.csv.importer import ImportOptions, import_csv
from desktop.services.records import IncidentService


def exported_and_edited(database: Database, path: Path) -> tuple[str, str, dict[str, str]]:
    """Export the incidents, then edit the file as a recipient would (edited_file)."""
    export_incidents(database, path)
    return edited_file(path)


def import_entries(database: Database) -> list[dict[str, list[object]]]:
    with database.unit_of_work(write=False) as uow:
        assert uow.session is not None
        query = select(AuditRow.changes).where(AuditRow.action == AuditAction.IMPORT).order_by(AuditRow.id)
        return list(uow.session.scalars(query))


def test_an_edited_row_is_a_conflict_told_field_by_field_and_kept_by_default(
    demo_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "incidents.csv"
    first, second, edits = exported_and_edited(demo_database, path)
    before = {i.uuid: i for i in IncidentService(demo_database).page()}

    report = import_csv(demo_database, path, ImportOptions())

    assert report.committed and (report.updated, report.unchanged) == (0, 1)
    assert [(c.uuid, c.taken) for c in report.conflicts] == [(first, "mine"), (second, "mine")]
    [severity] = report.conflicts[0].differences
    mine, theirs = edits["severity"].split("|")
    assert (severity.field, severity.title, severity.mine, severity.theirs) == ("severity", "Severity", mine, theirs)
    [title] = report.conflicts[1].differences
    assert (title.title, title.mine, title.theirs) == ("Title", before[second].title, edits["title"])
    assert "edited in the file" in report.conflicts[0].reason
    text = "\n".join(report.lines())
    assert f"    Severity: database “{mine}”, file “{theirs}”" in text
    assert "2 conflicts (2 kept as in the database, 0 taken from the file)" in report.summary()
    after = {i.uuid: i for i in IncidentService(demo_database).page()}
    assert after == before, "nothing changed"
    [entry] = import_entries(demo_database)
    assert entry["conflicts_kept_database"] == [None, f"{first}; {second}"] and entry["conflicts_took_file"] == [
        None,
        "",
    ]


def test_take_theirs_for_all_or_per_record(demo_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    first, second, edits = exported_and_edited(demo_database, path)
    service = IncidentService(demo_database)
    stored_first = service.get(first)

    report = import_csv(demo_database, path, ImportOptions(decisions={second: "theirs"}))

    assert [(c.uuid, c.taken) for c in report.conflicts] == [(first, "mine"), (second, "theirs")]
    assert report.updated == 1 and service.get(second).title == edits["title"]
    assert service.get(second).version == 2, "written as a change of its own"
    assert service.get(first).severity is stored_first.severity
    entry = import_entries(demo_database)[-1]
    assert (entry["conflicts_kept_database"], entry["conflicts_took_file"]) == ([None, first], [None, second])

    again = import_csv(demo_database, path, ImportOptions(take="theirs"))  # the second is now as in the file
    assert [(c.uuid, c.taken) for c in again.conflicts] == [(first, "theirs")]
    assert (again.updated, again.unchanged) == (1, 2)
    assert service.get(first).severity.label == edits["severity"].split("|")[1]


def test_the_cli_lists_the_fields_and_takes_the_file_on_request(
    demo_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "cli"
    assert main(["--data-dir", str(data), "demo"]) == 0
    exported = tmp_path / "cli.csv"
    assert main(["--data-dir", str(data), "export", "--output", str(exported)]) == 0
    _first, _second, edits = edited_file(exported)
    capsys.readouterr()

    assert main(["--data-dir", str(data), "import", "--input", str(exported)]) == 0
    out = capsys.readouterr().out
    mine, theirs = edits["severity"].split("|")
    assert f"Severity: database “{mine}”, file “{theirs}”" in out and "kept the database's version" in out
    assert "--take theirs applies the file's version" in out

    assert main(["--data-dir", str(data), "import", "--input", str(exported), "--take", "theirs"]) == 0
    out = capsys.readouterr().out
    assert "took the file's version" in out and "2 taken from the file" in out
    assert main(["--data-dir", str(data), "list"]) == 0
    assert edits["title"] in capsys.readouterr().out


def edited_file(path: Path) -> tuple[str, str, dict[str, str]]:
    """Change the first row's severity and the second one's title; the two uuids and the edits
    ("Stored|New" severity labels, the new title)."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header = rows[0]
    at = {key: header.index(key) for key in ("uuid", "title", "severity", "severity_label")}
    stored = Severity(rows[1][at["severity"]])
    new = Severity.LOW if stored is not Severity.LOW else Severity.HIGH
    rows[1][at["severity"]], rows[1][at["severity_label"]] = new.value, new.label
    rows[2][at["title"]] += " (corrected by the field office)"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return rows[1][at["uuid"]], rows[2][at["uuid"]], {"severity": f"{stored.label}|{new.label}",
                                                      "title": rows[2][at["title"]]}  # fmt: skip
