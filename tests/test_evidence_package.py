"""The evidence package: files re-hashed against both manifests and the stored attachments, the custody report's
text (pdftotext), redaction of sensitive attachments, a damaged stored file, the audit entry, the command."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO

import pytest
from support.raw import Run, cli_runner, sql

from desktop.domain.enums import AuditAction
from desktop.domain.evidence import Attachment, CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_file
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.audit import history, verify_chain
from desktop.services.evidence_package import (
    CUSTODY_PDF,
    MANIFEST_CSV,
    MANIFEST_JSON,
    PackageError,
    PackageManifest,
    export_package,
)
from desktop.services.records import IncidentService

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) missing")

SECRET_NAME = "informant-Zebulon-Quist.txt"
SECRET_TEXT = "statement of Zebulon Quist"
PHOTO = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40  # a JPEG by its first bytes
NOTES = b"Scene notes, 13 July 2019: two rifles, four incendiary devices.\n" * 30


class Case:
    """A demo incident with four attachments: a photo (two custody entries), notes, a file from disk, and one
    sensitive statement (one custody entry naming its source)."""

    def __init__(self, database: Database, tmp_path: Path) -> None:
        service = IncidentService(database)
        incident = next(i for i in service.page() if "detention center" in i.title)
        self.incident = service.update(replace(incident, case_number="TAC-2019-0713"))
        scan = tmp_path / "lab report (scan).pdf"
        scan.write_bytes(b"%PDF-1.4\n" + b"lab report " * 500 + b"\n%%EOF\n")
        self.attachments = AttachmentService(database, user=lambda: "detective.lee")
        photo, notes, statement, lab = self.attachments.add(RecordKind.INCIDENT, self.incident.uuid, [
            NewFile.of_bytes("scene photo 1.jpg", PHOTO, "north fence, 05:10"),
            NewFile.of_bytes("scene-notes.txt", NOTES),
            NewFile.of_bytes(SECRET_NAME, f"{SECRET_TEXT}: he saw the van.".encode(), SECRET_TEXT, sensitive=True),
            NewFile.of_path(scan, "FBI lab"),
        ])  # fmt: skip
        self.photo, self.notes, self.statement, self.lab = photo, notes, statement, lab
        for entry in (
            CustodyEntry(photo.uuid, "Officer Jane Roe", "Evidence clerk Sam Poe", on(13),
                         "intake", "sealed bag 14"),
            CustodyEntry(photo.uuid, "Evidence clerk Sam Poe", "FBI lab Quantico", on(20),
                         "lab analysis"),
            CustodyEntry(statement.uuid, "Informant handler Vera Nox", "Detective Lee",
                         on(14)),
        ):  # fmt: skip
            self.attachments.add_custody(entry)
        self.database = database

    @property
    def shown(self) -> list[Attachment]:
        return [self.photo, self.notes, self.lab]


def on(day: int) -> PartialDate:
    return PartialDate.of_day(date(2019, 7, day))


@pytest.fixture
def case(demo_database: Database, tmp_path: Path) -> Case:
    return Case(demo_database, tmp_path)


def simple_report(out: IO[bytes], manifest: PackageManifest) -> None:
    """A custody report stand-in for the tests that do not read the PDF."""
    out.write("\n".join(f"{f.original_name} {f.sha256}" for f in manifest.files).encode("utf-8"))


def pdf_text(data: bytes, tmp_path: Path) -> str:
    report = tmp_path / "report.pdf"
    report.write_bytes(data)
    raw = subprocess.run(["pdftotext", "-raw", str(report), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def csv_rows(archive: zipfile.ZipFile) -> list[dict[str, str]]:
    text = archive.read(MANIFEST_CSV).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_every_file_rehashes_to_both_manifests_and_the_stored_attachment(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "package.zip"
    result = export_package(case.database, case.incident.uuid, target, custody_pdf=simple_report)
    assert result.target == target
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == ["files/001-scene photo 1.jpg", "files/002-scene-notes.txt", "files/003-lab report (scan).pdf",
                         MANIFEST_CSV, MANIFEST_JSON, CUSTODY_PDF]  # fmt: skip
        manifest = json.loads(archive.read(MANIFEST_JSON))
        rows = csv_rows(archive)
        packaged = {name: hashlib.sha256(archive.read(name)).hexdigest() for name in names if name.startswith("files/")}
    stored = {a.file_name: a for a in case.shown}
    assert [f["path"] for f in manifest["files"]] == list(packaged)
    for item in manifest["files"]:
        attachment = stored[item["original_name"]]
        assert packaged[item["path"]] == item["sha256"] == attachment.sha256
        assert item["size"] == attachment.size and item["media_type"] == attachment.media_type
        assert item["added_by"] == "detective.lee" and item["sensitive"] is False
        data = b"".join(case.attachments.read(attachment))
        assert hashlib.sha256(data).hexdigest() == packaged[item["path"]]
    files = [r for r in rows if r["entry"] == "file"]
    assert {r["path"]: r["sha256"] for r in files} == packaged
    assert {r["original_name"] for r in files} == set(stored)
    assert [r["size"] for r in files] == [str(a.size) for a in case.shown]
    assert manifest["incident_title"] == case.incident.title and manifest["case_number"] == "TAC-2019-0713"
    assert manifest["incident_uuid"] == case.incident.uuid and manifest["exported_at"] == "2024-03-01T12:00:00Z"
    assert manifest["withheld"] == 1 and manifest["sensitive_included"] is False
    assert manifest["database"] == str(sqlite_file(case.database.url))
    photo = next(f for f in manifest["files"] if f["original_name"] == "scene photo 1.jpg")
    assert [(c["received_from"], c["received_by"], c["date"], c["purpose"]) for c in photo["custody"]] == [
        ("Officer Jane Roe", "Evidence clerk Sam Poe", "2019-07-13", "intake"),
        ("Evidence clerk Sam Poe", "FBI lab Quantico", "2019-07-20", "lab analysis"),
    ]
    custody = [r for r in rows if r["entry"] == "custody"]
    assert [(r["path"], r["received_by"], r["note"]) for r in custody] == [
        ("files/001-scene photo 1.jpg", "Evidence clerk Sam Poe", "sealed bag 14"),
        ("files/001-scene photo 1.jpg", "FBI lab Quantico", ""),
    ]
    package = next(r for r in rows if r["entry"] == "package")
    assert "1 sensitive attachment withheld" in package["description"] and case.incident.uuid in package["description"]


@needs_poppler
def test_the_custody_report_names_each_file_with_its_hash_and_custody(qapp: object, case: Case, tmp_path: Path) -> None:
    from desktop.ui.report.custody_pdf import write_custody_pdf

    target = tmp_path / "package.zip"
    export_package(case.database, case.incident.uuid, target, custody_pdf=write_custody_pdf)
    with zipfile.ZipFile(target) as archive:
        text = pdf_text(archive.read(CUSTODY_PDF), tmp_path)
    for attachment in case.shown:
        assert attachment.file_name in text
        assert attachment.sha256 in text.replace(" ", "")
    for name in ("Officer Jane Roe", "Evidence clerk Sam Poe", "FBI lab Quantico", "sealed bag 14", "TAC-2019-0713"):
        assert name in text
    assert "1 sensitive attachment withheld" in text


@needs_poppler
def test_redacted_package_holds_no_trace_of_the_sensitive_file(qapp: object, case: Case, tmp_path: Path) -> None:
    from desktop.ui.report.custody_pdf import write_custody_pdf

    target = tmp_path / "package.zip"
    export_package(case.database, case.incident.uuid, target, custody_pdf=write_custody_pdf)
    raw = target.read_bytes()
    secrets = ("Zebulon", "Quist", "Vera Nox", case.statement.sha256)
    with zipfile.ZipFile(target) as archive:
        texts = [raw.decode("latin-1")] + [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        texts.append(pdf_text(archive.read(CUSTODY_PDF), tmp_path))
        assert len([n for n in archive.namelist() if n.startswith("files/")]) == 3
    for text in texts:
        for secret in secrets:
            assert secret not in text


def test_include_sensitive_packages_the_sensitive_file_with_its_custody(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "all.zip"
    result = export_package(case.database, case.incident.uuid, target, include_sensitive=True,
                            custody_pdf=simple_report)  # fmt: skip
    assert result.manifest.withheld == 0 and len(result.manifest.files) == 4
    with zipfile.ZipFile(target) as archive:
        assert archive.read(f"files/003-{SECRET_NAME}").startswith(SECRET_TEXT.encode())
        manifest = json.loads(archive.read(MANIFEST_JSON))
    statement = next(f for f in manifest["files"] if f["original_name"] == SECRET_NAME)
    assert statement["sensitive"] is True and statement["custody"][0]["received_from"] == "Informant handler Vera Nox"
    entries = [e for e in history(case.database, case.incident.uuid) if e.action is AuditAction.EXPORT]
    assert entries[-1].changes["sensitive_included"][1] is True


def test_a_damaged_stored_file_aborts_and_leaves_nothing(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "package.zip"
    path = sqlite_file(case.database.url)
    assert path is not None
    blob = "(SELECT id FROM evidence_blobs WHERE sha256 = ?)"
    sql(path, f"UPDATE evidence_chunks SET data = ? WHERE blob_id = {blob} AND seq = 0", b"X" * len(NOTES),
        case.notes.sha256)  # fmt: skip
    entries_before = len(history(case.database, case.incident.uuid))
    with pytest.raises(PackageError, match=r"scene-notes\.txt is damaged") as raised:
        export_package(case.database, case.incident.uuid, target, custody_pdf=simple_report)
    assert str(target) in str(raised.value) and "\n" not in str(raised.value)
    assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert len(history(case.database, case.incident.uuid)) == entries_before  # no audit entry for no package


def test_a_damaged_file_leaves_an_existing_package_as_it_was(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "package.zip"
    target.write_bytes(b"the previous package")
    path = sqlite_file(case.database.url)
    assert path is not None
    sql(path, "UPDATE evidence_chunks SET data = ? WHERE blob_id = (SELECT id FROM evidence_blobs WHERE sha256 = ?)",
        b"\xff\xd8" + b"Y" * (len(PHOTO) - 2), case.photo.sha256)  # fmt: skip
    with pytest.raises(PackageError, match=r"scene photo 1\.jpg is damaged"):
        export_package(case.database, case.incident.uuid, target, custody_pdf=simple_report)
    assert target.read_bytes() == b"the previous package"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failing_custody_report_leaves_nothing(case: Case, tmp_path: Path) -> None:
    def broken(out: IO[bytes], manifest: PackageManifest) -> None:
        out.write(b"half")
        raise PackageError("the custody report could not be laid out")

    target = tmp_path / "package.zip"
    with pytest.raises(PackageError, match="could not be laid out"):
        export_package(case.database, case.incident.uuid, target, custody_pdf=broken)
    assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_is_audited_and_the_chain_stays_ok(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "package.zip"
    export_package(case.database, case.incident.uuid, target, custody_pdf=simple_report)
    entry = [e for e in history(case.database, case.incident.uuid) if e.action is AuditAction.EXPORT][-1]
    assert entry.entity == RecordKind.INCIDENT.key
    total = sum(a.size for a in case.shown)
    assert {k: v[1] for k, v in entry.changes.items()} == {"file": str(target), "format": "evidence package",
                                                           "files": 3, "bytes": total, "withheld": 1,
                                                           "sensitive_included": False}  # fmt: skip
    report = verify_chain(case.database)
    assert report.ok, report.problems


def test_unwritable_targets_are_told(case: Case, tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="it is a folder"):
        export_package(case.database, case.incident.uuid, tmp_path, custody_pdf=simple_report)
    with pytest.raises(PackageError, match="does not exist"):
        export_package(case.database, case.incident.uuid, tmp_path / "nowhere" / "p.zip", custody_pdf=simple_report)
    with pytest.raises(PackageError, match="no incident"):
        export_package(case.database, "no-such-uuid", tmp_path / "p.zip", custody_pdf=simple_report)


def test_an_incident_without_attachments_makes_a_package_of_manifests(demo_database: Database, tmp_path: Path) -> None:
    incident = IncidentService(demo_database).page()[0]
    result = export_package(demo_database, incident.uuid, tmp_path / "empty.zip")
    assert result.manifest.files == () and result.manifest.withheld == 0
    with zipfile.ZipFile(tmp_path / "empty.zip") as archive:
        assert archive.namelist() == [MANIFEST_CSV, MANIFEST_JSON]


# ---- the command --------------------------------------------------------------------------------------------------


@pytest.fixture
def cli_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Case, Run]:
    from desktop.services.session.service import DatabaseSessions

    data = tmp_path / "data"
    run = cli_runner(data, capsys)
    assert run("demo")[0] == 0
    database = DatabaseSessions(None).open(f"sqlite:///{data / 'incidents.sqlite3'}", lock=False)
    case = Case(database, tmp_path)
    return case, run


@needs_poppler
def test_command_exports_by_case_number(cli_case: tuple[Case, Run], tmp_path: Path) -> None:
    case, run = cli_case
    target = tmp_path / "out.zip"
    status, out, err = run("evidence", "export", "--incident", "tac-2019-0713", "-o", str(target))
    assert (status, err) == (0, "")
    assert "3 files" in out and "1 sensitive attachment withheld" in out and out[-1] == "\n" and out.count("\n") == 1
    with zipfile.ZipFile(target) as archive:
        assert "Officer Jane Roe" in pdf_text(archive.read(CUSTODY_PDF), tmp_path)
    status, out, err = run("evidence", "export", "--incident", case.incident.uuid, "-o", str(target),
                           "--include-sensitive")  # fmt: skip
    assert status == 0 and "4 files" in out and "sensitive attachments included" in out
    case.database.close()


def test_command_refuses_bad_input_in_one_line(cli_case: tuple[Case, Run], tmp_path: Path) -> None:
    case, run = cli_case
    status, out, err = run("evidence", "export", "--incident", "NOPE-1", "-o", str(tmp_path / "x.zip"))
    assert status == 2 and out == "" and err.count("\n") == 1 and "'NOPE-1'" in err
    status, out, err = run("evidence", "export", "--incident", "TAC-2019-0713", "-o", str(tmp_path))
    assert status == 1 and err.count("\n") == 1 and "it is a folder" in err
    path = sqlite_file(case.database.url)
    assert path is not None
    sql(path, "UPDATE evidence_chunks SET data = ? WHERE blob_id = (SELECT id FROM evidence_blobs WHERE sha256 = ?)",
        b"Z" * len(NOTES), case.notes.sha256)  # fmt: skip
    target = tmp_path / "x.zip"
    status, out, err = run("evidence", "export", "--incident", "TAC-2019-0713", "-o", str(target))
    assert status == 1 and err.count("\n") == 1 and "scene-notes.txt is damaged" in err and not target.exists()
    case.database.close()
