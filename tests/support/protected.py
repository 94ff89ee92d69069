"""An encrypted database whose sensitive fields hold marker strings, and checks of passphrase-protected exports."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyzipper
from sqlalchemy import update

from desktop.domain.evidence import CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.persistence.cipher import KEYCHAIN, Passphrase
from desktop.persistence.engine import sqlite_url
from desktop.persistence.models import IncidentRow
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentService, NewFile
from desktop.services.demo import load_demo
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from support.synthetic_incidents import add_incidents

DATABASE_PASSPHRASE = "the database's own passphrase"
EXPORT_PASSPHRASE = "Export passphrase, 2019"
WRONG_PASSPHRASE = "export passphrase, 2019"
SUSPECT = "MRK-SUSPECT-Quimby"
PERSONAL = "MRK-PERSONAL-Vexford"
FILE_MARK = "MRK-FILE-Zorblax"  # a sensitive attachment's name and content
CUSTODY = "MRK-CUSTODY-Nox"  # who handed the sensitive attachment over
MARKERS = (SUSPECT, PERSONAL, FILE_MARK, CUSTODY)
DETAILS = f"{PERSONAL}, " + "lives by the old mill on the county road; " * 400  # ~17 kB: 63 rows pass 1 MiB
SEVEN_ZIP = next((found for name in ("7zz", "7z", "7za") if (found := shutil.which(name))), None)


class Case:
    """An encrypted database: the demo records and 60 more incidents, every one with the markers in its suspect
    names and personal details; the first demo incident holds a photo and a sensitive statement named and written
    with FILE_MARK, handed over by CUSTODY."""

    def __init__(self, folder: Path, sessions: DatabaseSessions) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "encrypted.sqlite3"
        KEYCHAIN.create_encrypted(self.path, Passphrase(DATABASE_PASSPHRASE))
        self.sessions = sessions
        self.database: Database = sessions.open(sqlite_url(self.path), lock=False)
        assert self.database.encrypted
        load_demo(self.database)
        add_incidents(self.database, 60, weapons=False)
        service = IncidentService(self.database)
        self.incident = next(i for i in service.page() if "detention center" in i.title)
        service.update(replace(self.incident, case_number="TAC-2019-0713"))
        with self.database.engine.begin() as connection:
            connection.execute(update(IncidentRow).values(suspect_names=SUSPECT, personal_details=DETAILS))
        self.incident = service.get(self.incident.uuid)
        attachments = AttachmentService(self.database, user=lambda: "detective.lee")
        photo, statement = attachments.add(RecordKind.INCIDENT, self.incident.uuid, [
            NewFile.of_bytes("scene photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20),
            NewFile.of_bytes(f"statement-{FILE_MARK}.txt", f"statement of {FILE_MARK}".encode(), sensitive=True),
        ])  # fmt: skip
        attachments.add_custody(CustodyEntry(statement.uuid, CUSTODY, "Detective Lee",
                                             PartialDate.of_day(date(2019, 7, 14))))  # fmt: skip
        self.photo, self.statement = photo, statement

    def close(self) -> None:
        self.sessions.close(self.database)


def files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


def marked_files(*folders: Path) -> list[str]:
    """Every file under `folders` whose bytes hold a marker in plain, as "name: marker"."""
    found = []
    for path in files_under(*folders):
        data = path.read_bytes()
        found.extend(f"{path.name}: {marker}" for marker in MARKERS if marker.encode() in data)
    return found


def protected_entries(path: Path, passphrase: str = EXPORT_PASSPHRASE) -> dict[str, bytes]:
    """The entries of a protected ZIP after checking it is one: no marker in its raw bytes, every entry flagged
    encrypted with WinZip AES (which the standard library cannot read), a wrong passphrase refused."""
    raw = path.read_bytes()
    assert [marker for marker in MARKERS if marker.encode() in raw] == []
    with zipfile.ZipFile(path) as plain_reader:
        infos = plain_reader.infolist()
        assert infos and all(info.flag_bits & 0x1 for info in infos)  # the encrypted bit
        assert all(info.compress_type == 99 for info in infos)  # WinZip AES's method number
    with pyzipper.AESZipFile(path) as archive:
        archive.setpassword(passphrase.encode())
        entries = {name: archive.read(name) for name in archive.namelist()}
        archive.setpassword(WRONG_PASSPHRASE.encode())
        for name in entries:
            try:
                archive.read(name)
            except RuntimeError as error:
                assert "Bad password" in str(error)
            else:
                raise AssertionError(f"{name} opened with a wrong passphrase")
    return entries


def seven_zip_reads(path: Path, passphrase: str = EXPORT_PASSPHRASE) -> dict[str, bytes] | None:
    """What 7-Zip extracts from `path` with the passphrase (None when 7-Zip is not installed); checks that it
    refuses a wrong one."""
    if SEVEN_ZIP is None:
        if os.environ.get("CI"):  # CI installs Debian's 7zip (scripts/system-packages.sh --test): it must check
            raise AssertionError("7-Zip is not installed, so no standard tool opened the protected export")
        return None
    out = path.parent / f"7z-{path.name}"
    good = subprocess.run([SEVEN_ZIP, "x", f"-p{passphrase}", f"-o{out}", "-y", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = subprocess.run([SEVEN_ZIP, "t", f"-p{WRONG_PASSPHRASE}", str(path)], capture_output=True, text=True,
                           timeout=60, check=False)  # fmt: skip
    assert wrong.returncode != 0 and "Wrong password" in wrong.stdout + wrong.stderr
    extracted = {str(p.relative_to(out)).replace(os.sep, "/"): p.read_bytes() for p in files_under(out)}
    shutil.rmtree(out)
    return extracted
