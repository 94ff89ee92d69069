"""Passphrase-protected exports of an encrypted database whose sensitive fields hold marker strings: every kind of
export (CSV in both profiles, ZIP bundle, XLSX, timeline CSV, evidence package) written as a ZIP whose entries are
AES-encrypted, holding what the plain export holds, with no marker in its bytes nor in any file written beside it
while it was being written; a wrong passphrase opens nothing; 7-Zip opens it."""

from __future__ import annotations

import io
import json
import tempfile
import traceback
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import openpyxl
import pytest
from support.protected import (
    EXPORT_PASSPHRASE,
    FILE_MARK,
    SUSPECT,
    Case,
    marked_files,
    protected_entries,
    seven_zip_reads,
)

from desktop.domain.enums import AuditAction
from desktop.persistence.cipher import Passphrase
from desktop.services.audit import history
from desktop.services.csv.export import ExportOptions, Redaction
from desktop.services.csv.files import export_file
from desktop.services.csv.sheet import Profile
from desktop.services.evidence_package import CUSTODY_PDF, MANIFEST_JSON, PackageManifest, export_package
from desktop.services.session.service import DatabaseSessions
from desktop.services.timeline import TimelineService

KEY = Passphrase(EXPORT_PASSPHRASE)
FORMATS = [(profile, suffix) for profile in (Profile.ROUND_TRIP, Profile.SPREADSHEET)
           for suffix in ("csv", "zip", "xlsx")]  # fmt: skip


@pytest.fixture
def case(tmp_path: Path, sessions: DatabaseSessions) -> Iterator[Case]:
    made = Case(tmp_path / "data", sessions)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder for this test (so that the scans see what goes there too)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def folder(tmp_path: Path, name: str) -> Path:
    made = tmp_path / name
    made.mkdir()
    return made


def sheets(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    finally:
        book.close()


def plain_entries(path: Path) -> dict[str, bytes]:
    """What a plain export wrote: a ZIP bundle's entries, else the files of its folder."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}


@pytest.mark.parametrize(("profile", "suffix"), FORMATS, ids=[f"{p.value}-{s}" for p, s in FORMATS])
def test_every_export_format_is_the_plain_export_encrypted(
    case: Case, tmp_path: Path, scratch: Path, profile: Profile, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.csv.xlsx.SAMPLE", 5)  # a workbook's rows reach its sheets mid-export
    options = ExportOptions(redaction=Redaction.NONE, profile=profile)
    assert options.sensitive_included()
    plain = folder(tmp_path, "plain") / f"incidents.{suffix}"
    export_file(case.database, plain, options)
    out = folder(tmp_path, "protected")
    seen: list[list[str]] = []

    def scan(done: int, total: int) -> bool:  # after every chunk: every file being written, and the temp folder
        seen.append(marked_files(out, scratch))
        return True

    result = export_file(case.database, out / f"incidents.{suffix}", options, scan, protect=KEY)
    zipped = out / ("incidents.zip" if suffix == "zip" else f"incidents.{suffix}.zip")
    assert result.path == zipped and result.rows == 63 and not result.cancelled
    assert len(seen) >= 2 and all(found == [] for found in seen)
    assert [p.name for p in out.iterdir()] == [zipped.name]  # nothing else: no plain file, no leftover
    assert list(scratch.iterdir()) == []
    entries = protected_entries(zipped)
    expected = plain_entries(plain)
    if suffix == "xlsx":
        assert list(entries) == [plain.name]
        assert sheets(entries[plain.name]) == sheets(expected[plain.name])
        assert SUSPECT in str(sheets(entries[plain.name]))
    else:
        assert entries == expected
        assert SUSPECT.encode() in b"".join(entries.values())
    assert seven_zip_reads(zipped) in (None, entries)


def test_the_scan_finds_the_plain_pieces_of_an_unprotected_export(case: Case, tmp_path: Path, scratch: Path) -> None:
    """The check above can fail: the same scan during a plain ZIP bundle export sees its tables beside it."""
    out = folder(tmp_path, "plain")
    seen: list[list[str]] = []

    def scan(done: int, total: int) -> bool:
        seen.append(marked_files(out, scratch))
        return True

    export_file(case.database, out / "incidents.zip", ExportOptions(redaction=Redaction.NONE,
                                                                    profile=Profile.SPREADSHEET), scan)  # fmt: skip
    assert any(f"incidents.csv: {SUSPECT}" in found for found in seen)


def test_a_protected_export_is_audited_as_protected(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "incidents.csv"
    export_file(case.database, target, ExportOptions(redaction=Redaction.NONE), protect=KEY)
    entries = [e for e in history(case.database, "") if e.action is AuditAction.EXPORT]
    changes = {k: v[1] for k, v in entries[-1].changes.items()}
    assert changes["file"] == str(tmp_path / "incidents.csv.zip") and changes["protected"] is True
    assert changes["sensitive_included"] is True


def test_a_short_passphrase_or_a_cancel_writes_nothing(case: Case, tmp_path: Path) -> None:
    out = folder(tmp_path, "out")
    options = ExportOptions(redaction=Redaction.NONE, profile=Profile.SPREADSHEET)
    with pytest.raises(ValueError, match="at least 8 characters"):
        export_file(case.database, out / "incidents.csv", options, protect=Passphrase("short"))
    result = export_file(case.database, out / "incidents.csv", options, lambda done, total: done == 0, protect=KEY)
    assert result.cancelled and list(out.iterdir()) == []
    for suffix in ("csv", "zip", "xlsx"):  # cancelled at the last row: every piece written, none kept
        result = export_file(case.database, out / f"incidents.{suffix}", options,
                             lambda done, total: done < total, protect=KEY)  # fmt: skip
        assert result.cancelled and list(out.iterdir()) == []


def test_an_existing_file_is_replaced_whole(case: Case, tmp_path: Path) -> None:
    target = tmp_path / "incidents.csv.zip"
    target.write_bytes(b"an older export")
    export_file(case.database, tmp_path / "incidents.csv", ExportOptions(redaction=Redaction.NONE), protect=KEY)
    assert list(protected_entries(target)) == ["incidents.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "incidents.csv.zip"]


def test_the_timeline_csv_is_the_plain_one_encrypted(case: Case, tmp_path: Path, scratch: Path) -> None:
    service = TimelineService(case.database)
    plain = folder(tmp_path, "plain") / "timeline.csv"
    lines = service.export_csv(case.incident.uuid, plain, redact=False)
    assert FILE_MARK.encode() in plain.read_bytes()  # the sensitive statement's name, as agreed
    out = folder(tmp_path, "protected")
    assert service.export_csv(case.incident.uuid, out / "timeline.csv", redact=False, protect=KEY) == lines
    zipped = out / "timeline.csv.zip"
    assert list(out.iterdir()) == [zipped] and list(scratch.iterdir()) == []
    entries = protected_entries(zipped)
    assert entries == {"timeline.csv": plain.read_bytes()}
    assert seven_zip_reads(zipped) in (None, entries)


def custody_text(out: IO[bytes], manifest: PackageManifest) -> None:
    """A custody report stand-in (the PDF itself: tests/ui/test_protected_export_ui.py)."""
    out.write("\n".join(f"{f.path} {f.original_name} {[c.received_from for c in f.custody]}"
                        for f in manifest.files).encode())  # fmt: skip


def test_the_evidence_package_encrypts_every_entry_and_names_files_by_number(
    case: Case, tmp_path: Path, scratch: Path
) -> None:
    plain = folder(tmp_path, "plain") / "package.zip"
    export_package(case.database, case.incident.uuid, plain, include_sensitive=True, custody_pdf=custody_text)
    assert FILE_MARK.encode() in plain.read_bytes()  # a plain package names its files in the clear
    out = folder(tmp_path, "protected")
    target = out / "package.zip"
    result = export_package(case.database, case.incident.uuid, target, include_sensitive=True,
                            custody_pdf=custody_text, protect=KEY)  # fmt: skip
    assert list(out.iterdir()) == [target] and list(scratch.iterdir()) == []
    entries = protected_entries(target)
    assert sorted(entries) == [CUSTODY_PDF, "files/001.jpg", "files/002.txt", "manifest.csv", "manifest.json"]
    mine = {e.path: e for e in result.manifest.files}
    assert entries["files/002.txt"] == f"statement of {FILE_MARK}".encode()
    assert mine["files/002.txt"].original_name == f"statement-{FILE_MARK}.txt"
    expected = plain_entries(plain)
    manifest, plain_manifest = json.loads(entries[MANIFEST_JSON]), json.loads(expected[MANIFEST_JSON])
    for item, plain_item in zip(manifest["files"], plain_manifest["files"], strict=True):
        assert entries[item["path"]] == expected[plain_item["path"]]
        assert {**item, "path": ""} == {**plain_item, "path": ""}
    assert {**manifest, "files": []} == {**plain_manifest, "files": []}
    changes = [e for e in history(case.database, case.incident.uuid) if e.action is AuditAction.EXPORT][-1].changes
    assert changes["protected"][1] is True and changes["sensitive_included"][1] is True
    assert seven_zip_reads(target) in (None, entries)


def test_a_short_passphrase_is_refused_before_the_package_is_written(case: Case, tmp_path: Path) -> None:
    from desktop.services.evidence_package import PackageError

    with pytest.raises(PackageError, match="at least 8 characters"):
        export_package(case.database, case.incident.uuid, tmp_path / "p.zip", protect=Passphrase("1234567"))
    assert not (tmp_path / "p.zip").exists()


def test_the_export_passphrase_is_in_no_traceback_audit_entry_or_file(case: Case, tmp_path: Path) -> None:
    """A protected export that fails midway: its traceback, with every frame's local variables, does not hold the
    passphrase; neither do the audit trail nor any file written."""

    def fail(done: int, total: int) -> bool:
        if done:
            raise RuntimeError("the export stopped")
        return True

    out = folder(tmp_path, "out")
    for suffix in ("csv", "xlsx"):
        with pytest.raises(RuntimeError) as raised:
            export_file(case.database, out / f"incidents.{suffix}", ExportOptions(redaction=Redaction.NONE,
                        profile=Profile.SPREADSHEET), fail, protect=KEY)  # fmt: skip
        shown = "".join(traceback.TracebackException.from_exception(raised.value, capture_locals=True).format())
        assert "ProtectedZip" in shown and EXPORT_PASSPHRASE not in shown
    export_file(case.database, out / "incidents.csv", ExportOptions(redaction=Redaction.NONE), protect=KEY)
    assert EXPORT_PASSPHRASE not in repr(KEY)
    trail = [str(e.changes) for e in history(case.database, "")]
    assert trail and all(EXPORT_PASSPHRASE not in text for text in trail)
    for path in [p for p in tmp_path.rglob("*") if p.is_file()]:
        assert EXPORT_PASSPHRASE.encode() not in path.read_bytes(), path
