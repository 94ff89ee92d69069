"""Evidence package: an incident's attached files, verified, with CSV and JSON manifests and a custody report."""

from __future__ import annotations

import csv
import getpass
import io
import json
import mimetypes
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Protocol

from desktop.domain.errors import RecordNotFoundError, StorageError
from desktop.domain.evidence import Attachment, CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.records import Incident
from desktop.persistence.cipher import Passphrase
from desktop.persistence.durable_files import flush_to_disk
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentError, AttachmentService
from desktop.services.csv.export import clean_export_leftovers
from desktop.services.csv.sheet import neutralize_sheet
from desktop.services.export_audit import record_export
from desktop.services.output_targets import TargetError, streams_through, write_failure
from desktop.services.protected_zip import DateTime, ProtectedZip, passphrase_refusal
from desktop.services.records import IncidentService
from desktop.services.staged_output import StagedFile

MANIFEST_CSV = "manifest.csv"
MANIFEST_JSON = "manifest.json"
CUSTODY_PDF = "custody-report.pdf"
FOLDER = "files"
CSV_COLUMNS = ("entry", "path", "original_name", "media_type", "size", "sha256", "added_at", "added_by",
               "description", "sensitive", "received_from", "received_by", "custody_date", "purpose", "note",
               "recorded_at")  # fmt: skip
_STORED = ("image/jpeg", "image/png", "image/gif", "image/webp", "video/", "audio/", "application/zip",
           "application/pdf", "application/gzip")  # already compressed: stored as they are  # fmt: skip


class PackageError(RuntimeError):
    """The package could not be written; one line saying what and where. Nothing was left at the target."""


@dataclass(frozen=True, slots=True)
class ManifestCustody:
    """One hand-over of a packaged file, as its custody log keeps it."""

    received_from: str
    received_by: str
    date: str  # the date as precisely as it is known ("2019-08-25", "about 2019-08")
    purpose: str
    note: str
    recorded_at: str  # ISO 8601, UTC: "2024-03-01T12:00:00Z"


@dataclass(frozen=True, slots=True)
class ManifestFile:
    """A file in the package: where in the ZIP, what it was attached as, and its custody log."""

    path: str  # in the ZIP: files/001-<original name>
    original_name: str
    media_type: str
    size: int
    sha256: str
    added_at: str
    added_by: str
    description: str
    sensitive: bool
    custody: tuple[ManifestCustody, ...]


@dataclass(frozen=True, slots=True)
class PackageManifest:
    """What the package holds and whose it is; `withheld` sensitive attachments are counted, never named."""

    incident_title: str
    case_number: str
    incident_uuid: str
    database: str
    exported_at: str
    exported_by: str
    sensitive_included: bool
    withheld: int
    files: tuple[ManifestFile, ...]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["files_count"] = len(self.files)
        data["total_bytes"] = self.total_bytes
        return data


@dataclass(frozen=True, slots=True)
class PackageResult:
    target: Path
    manifest: PackageManifest


CustodyPdf = Callable[[IO[bytes], PackageManifest], None]
"""custody_pdf(out, manifest) writes the custody report of `manifest` to the package's entry `out`."""


def find_incident(database: Database, text: str) -> Incident:
    """The incident whose uuid or case number (case-insensitive) is `text`; PackageError when none or several."""
    wanted = text.strip()
    if not wanted:
        raise PackageError("give the incident's uuid or case number")
    found = IncidentService(database).named(wanted)
    if not found:
        raise PackageError(f"no incident has the uuid or case number {wanted!r}; `incident-logger list` shows them")
    if len(found) > 1:
        uuids = ", ".join(i.uuid for i in found)
        raise PackageError(f"{len(found)} incidents have the case number {wanted!r} ({uuids}); give the uuid")
    return found[0]


def package_name(number: int, count: int, name: str, *, numbered_only: bool = False) -> str:
    """ "files/001-photo.jpg": numbered in the order attached (wider than three digits only past 999 files).
    `numbered_only` (a protected package, whose entry names are not encrypted): "files/001.jpg", the original name
    only in the manifests, the extension only when it is a known file type's."""
    number_text = f"{number:0{max(3, len(str(count)))}d}"
    if not numbered_only:
        return f"{FOLDER}/{number_text}-{name}"
    suffix = PurePosixPath(name).suffix.lower()
    known = suffix if suffix and mimetypes.guess_type(f"file{suffix}", strict=False)[0] else ""
    return f"{FOLDER}/{number_text}{known}"


def build_manifest(database: Database, incident: Incident, *, include_sensitive: bool = False,
                   user: Callable[[], str] = getpass.getuser,
                   numbered_only: bool = False) -> tuple[PackageManifest, list[Attachment]]:  # fmt: skip
    """The manifest of `incident`'s package and the attachments it takes (in the order of its files);
    `numbered_only`: the files' paths say nothing of their names (package_name)."""
    service = AttachmentService(database)
    attachments = service.of(RecordKind.INCIDENT, incident.uuid)
    taken = [a for a in attachments if include_sensitive or not a.sensitive]
    files = []
    for number, a in enumerate(taken, start=1):
        custody = tuple(_custody(entry) for entry in service.custody(a.uuid))
        files.append(ManifestFile(package_name(number, len(taken), a.file_name, numbered_only=numbered_only),
                                  a.file_name, a.media_type, a.size,
                                  a.sha256, _iso(a.added_at), a.added_by, a.description, a.sensitive,
                                  custody))  # fmt: skip
    try:
        exported_by = user()
    except (OSError, KeyError):
        exported_by = ""
    manifest = PackageManifest(incident.title, incident.case_number or "", incident.uuid, database.display_name,
                               _iso(database.now()), exported_by, include_sensitive, len(attachments) - len(taken),
                               tuple(files))  # fmt: skip
    return manifest, taken


def export_package(database: Database, incident_uuid: str, target: Path, *, include_sensitive: bool = False,
                   custody_pdf: CustodyPdf | None = None, user: Callable[[], str] = getpass.getuser,
                   protect: Passphrase | None = None) -> PackageResult:  # fmt: skip
    """Write the evidence package of the incident to `target` (replaced whole, or left as it was): each attached
    file (sensitive ones only with `include_sensitive`), its bytes verified against their SHA-256 as they are
    copied, the manifests, and the custody report `custody_pdf` writes. Records an EXPORT audit entry before the
    package is put in place. PackageError says why nothing was written.

    With `protect`, every entry is encrypted with that passphrase (WinZip AES-256) as it is written, and the files
    are named by number only (package_name), as a ZIP keeps its entries' names in the clear."""
    try:
        through = streams_through(target)
    except TargetError as error:
        raise PackageError(f"cannot write {target}: {error}") from None
    if not through and not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise PackageError(f"cannot write {target}: the folder {target.parent} does not exist")
    if protect is not None and (problem := passphrase_refusal(protect)):
        raise PackageError(f"cannot write {target}: the passphrase: {problem}")
    try:
        incident = IncidentService(database).get(incident_uuid)
    except RecordNotFoundError:
        raise PackageError(f"no incident has the uuid {incident_uuid}") from None
    manifest, taken = build_manifest(database, incident, include_sensitive=include_sensitive, user=user,
                                     numbered_only=protect is not None)  # fmt: skip
    if not through:
        clean_export_leftovers(target)
    try:
        with ExitStack() as stack:
            if protect is not None:
                protected = ProtectedZip(target, protect, stack)
                _write_entries(database, protected, manifest, taken, custody_pdf)
                protected.commit(lambda: _audit(database, manifest, target, protected=True))
                return PackageResult(target, manifest)
            staged = StagedFile(target, stack)
            with zipfile.ZipFile(staged.path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                _write_entries(database, _PlainEntries(archive), manifest, taken, custody_pdf)
            with open(staged.path, "rb+") as done:
                flush_to_disk(done.fileno())
            _audit(database, manifest, target)  # no package leaves without its audit entry
            staged.commit()
    except AttachmentError as error:
        raise PackageError(f"cannot write {target}: {error}; nothing was written") from None
    except OSError as error:
        raise PackageError(f"cannot write {target}: {write_failure(error)}") from None
    except StorageError as error:
        raise PackageError(f"cannot write {target}: {error}") from None
    return PackageResult(target, manifest)


class _Entries(Protocol):
    """What the package is written into: a plain ZIP (_PlainEntries) or a protected one (ProtectedZip)."""

    def binary(self, name: str, *, compress: bool = True, when: DateTime | None = None,
               large: bool = True) -> AbstractContextManager[IO[bytes]]: ...  # fmt: skip

    def add(self, name: str, data: bytes, *, compress: bool = True, when: DateTime | None = None) -> None: ...


class _PlainEntries:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    @contextmanager
    def binary(self, name: str, *, compress: bool = True, when: DateTime | None = None,
               large: bool = True) -> Iterator[IO[bytes]]:  # fmt: skip
        info = zipfile.ZipInfo(name, date_time=when or time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        with self.archive.open(info, "w", force_zip64=large) as out:
            yield out

    def add(self, name: str, data: bytes, *, compress: bool = True, when: DateTime | None = None) -> None:
        if when is None:
            self.archive.writestr(name, data)
            return
        with self.binary(name, compress=compress, when=when, large=False) as out:
            out.write(data)


def _write_entries(database: Database, archive: _Entries, manifest: PackageManifest, taken: list[Attachment],
                   custody_pdf: CustodyPdf | None) -> None:  # fmt: skip
    service = AttachmentService(database)
    for entry, attachment in zip(manifest.files, taken, strict=True):
        compress = not attachment.media_type.startswith(_STORED)
        with archive.binary(entry.path, compress=compress, when=_zip_time(attachment.added_at),
                            large=attachment.size >= 1 << 31) as out:  # fmt: skip
            for piece in service.read(attachment):  # AttachmentError after the last piece when damaged
                out.write(piece)
    archive.add(MANIFEST_CSV, manifest_csv(manifest).encode("utf-8"))
    archive.add(MANIFEST_JSON, (json.dumps(manifest.as_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    if custody_pdf is not None:
        with archive.binary(CUSTODY_PDF, large=False) as report:
            custody_pdf(report, manifest)


def manifest_csv(manifest: PackageManifest) -> str:
    """One `file` row per packaged file, a `custody` row per hand-over under it (its file's path, name and
    SHA-256 repeated), and first a `package` row: the incident, the database, who exported when, and how many
    sensitive attachments were withheld. UTF-8 with a byte order mark, CRLF lines (as spreadsheets read them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    empty = [""] * len(CSV_COLUMNS)
    package = dict(zip(CSV_COLUMNS, empty, strict=True))
    package.update(entry="package", original_name=manifest.incident_title, description=package_summary(manifest),
                   size=str(manifest.total_bytes), sensitive=str(manifest.sensitive_included).lower(),
                   added_at=manifest.exported_at, added_by=manifest.exported_by)  # fmt: skip
    writer.writerow([_cell(package[c]) for c in CSV_COLUMNS])
    for item in manifest.files:
        row = dict(zip(CSV_COLUMNS, empty, strict=True))
        row.update(entry="file", path=item.path, original_name=item.original_name, media_type=item.media_type,
                   size=str(item.size), sha256=item.sha256, added_at=item.added_at, added_by=item.added_by,
                   description=item.description, sensitive=str(item.sensitive).lower())  # fmt: skip
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
        for custody in item.custody:
            line = dict(zip(CSV_COLUMNS, empty, strict=True))
            line.update(entry="custody", path=item.path, original_name=item.original_name, sha256=item.sha256,
                        received_from=custody.received_from, received_by=custody.received_by,
                        custody_date=custody.date, purpose=custody.purpose, note=custody.note,
                        recorded_at=custody.recorded_at)  # fmt: skip
            writer.writerow([_cell(line[c]) for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def package_summary(manifest: PackageManifest) -> str:
    """ "Incident uuid …, case number …; database …; 3 files, 1 sensitive attachment withheld"."""
    case = f", case number {manifest.case_number}" if manifest.case_number else ""
    files = f"{len(manifest.files)} file{'s' if len(manifest.files) != 1 else ''}"
    return f"incident {manifest.incident_uuid}{case}; database {manifest.database}; {files}; {withheld_text(manifest)}"


def withheld_text(manifest: PackageManifest) -> str:
    if manifest.sensitive_included:
        return "sensitive attachments included"
    if not manifest.withheld:
        return "no sensitive attachment withheld"
    return f"{manifest.withheld} sensitive attachment{'s' if manifest.withheld != 1 else ''} withheld"


def _cell(value: str) -> str:
    """A text that a spreadsheet would run as a formula gets a leading apostrophe (as the CSV exports do)."""
    return neutralize_sheet(value)


def _custody(entry: CustodyEntry) -> ManifestCustody:
    return ManifestCustody(entry.received_from, entry.received_by, entry.happened.label(), entry.purpose, entry.note,
                           _iso(entry.recorded_at))  # fmt: skip


def _iso(moment: datetime | None) -> str:
    """ "2024-03-01T12:00:00Z": the database's clock is UTC (naive)."""
    if moment is None:
        return ""
    if moment.utcoffset() not in (None, timedelta(0)):
        return moment.isoformat(timespec="seconds")
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _zip_time(moment: datetime | None) -> tuple[int, int, int, int, int, int]:
    when = moment or datetime(1980, 1, 1)
    if when.year < 1980:
        when = datetime(1980, 1, 1)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def _audit(database: Database, manifest: PackageManifest, target: Path, *, protected: bool = False) -> None:
    changes: dict[str, list[object]] = {
        "file": [None, str(target)],
        "format": [None, "evidence package"],
        "files": [None, len(manifest.files)],
        "bytes": [None, manifest.total_bytes],
        "withheld": [None, manifest.withheld],
        "sensitive_included": [None, manifest.sensitive_included],
    }
    if protected:
        changes["protected"] = [None, True]
    record_export(database, RecordKind.INCIDENT.key, manifest.incident_uuid, changes)
