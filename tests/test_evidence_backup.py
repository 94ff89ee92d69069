"""Attachments through backup and restore, and a damaged stored byte: a restored database gives back every file byte
for byte (and the backup itself passes `evidence verify`); one changed byte in a stored piece makes `evidence
verify` and `check` fail naming the file and its record, and `attachments get` writes nothing."""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import replace
from pathlib import Path

import pytest
from support.clock import FakeClock
from support.lookup import reopen
from support.raw import cli_runner, sql

from desktop.cli import main
from desktop.domain.evidence import CHUNK_BYTES, Attachment, size_text
from desktop.domain.kinds import RecordKind
from desktop.persistence.engine import sqlite_file, sqlite_url
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentError, AttachmentService, NewFile
from desktop.services.backup import BackupLabel, back_up, restore_backup
from desktop.services.evidence_check import verify_evidence

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
SIZES = {  # name: bytes; the pieces are CHUNK_BYTES (1 MiB) long
    "tiny.txt": 1,
    "note.txt": 1000,
    "one-piece.jpg": CHUNK_BYTES,
    "one-piece-and-a-byte.jpg": CHUNK_BYTES + 1,
    "photo.jpg": 2_500_000,
    "video.jpg": 5_000_000,
}


def db_path(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def contents(rng: random.Random, name: str, size: int) -> bytes:
    if name.endswith(".txt"):
        return bytes(rng.choice(b"abcdefghij \n") for _ in range(size))
    return (JPEG + rng.randbytes(size))[:size]


def incident_uuids(path: Path) -> list[str]:
    return [str(row[0]) for row in sql(path, "SELECT uuid FROM incidents ORDER BY id")]


def read_back(service: AttachmentService, attachment: Attachment, scratch: Path) -> tuple[bytes, bytes]:
    """The bytes by AttachmentService.read, and by save_copy to a file."""
    read = b"".join(service.read(attachment))
    target = scratch / f"copy-{attachment.uuid}"
    service.save_copy(attachment, target)
    saved = target.read_bytes()
    target.unlink()
    return read, saved


@pytest.fixture
def originals(tmp_path: Path) -> dict[str, bytes]:
    """The files by name (each size of SIZES, and `photo-again.jpg`, the very bytes of photo.jpg)."""
    rng = random.Random(5)
    files = {name: contents(rng, name, size) for name, size in SIZES.items()}
    files["photo-again.jpg"] = files["photo.jpg"]
    return files


def test_backup_then_restore_gives_every_file_back_byte_for_byte(
    demo_database: Database, tmp_path: Path, clock: FakeClock, originals: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path, backups, scratch = db_path(demo_database), tmp_path / "backups", tmp_path / "scratch"
    scratch.mkdir()
    service = AttachmentService(demo_database, user=lambda: "tester")
    first, second = incident_uuids(path)[:2]
    on_disk = scratch / "video.jpg"
    on_disk.write_bytes(originals["video.jpg"])
    kept = service.add(RecordKind.INCIDENT, first, [NewFile.of_bytes(name, data) for name, data in originals.items()
                                                    if name != "video.jpg"] + [NewFile.of_path(on_disk)])  # fmt: skip
    kept += service.add(RecordKind.INCIDENT, second, [NewFile.of_bytes("photo-elsewhere.jpg", originals["photo.jpg"])])
    data = {**originals, "photo-elsewhere.jpg": originals["photo.jpg"]}
    assert {a.file_name: a.sha256 for a in kept} == {n: hashlib.sha256(b).hexdigest() for n, b in data.items()}
    assert sql(path, "SELECT count(*), sum(size) FROM evidence_blobs") == [(6, sum(SIZES.values()))]  # photo once

    taken = back_up(path, backups, BackupLabel.MANUAL, now=clock())
    backup_bytes = taken.path.read_bytes()
    capsys.readouterr()
    assert main(["--database-url", sqlite_url(taken.path), "evidence", "verify"]) == 0
    said = capsys.readouterr().out
    stored = size_text(sum(SIZES.values()))
    assert said.startswith(f"ok: 6 stored files ({stored}) match their SHA-256; 8 attachments"), said
    assert taken.path.read_bytes() == backup_bytes  # verifying changed nothing in the backup

    by_name = {a.file_name: a for a in kept}
    service.remove(by_name["video.jpg"].uuid)  # its bytes go: no other attachment names them
    service.remove(by_name["photo.jpg"].uuid)  # its bytes stay: photo-again and photo-elsewhere name them
    service.update(replace(by_name["note.txt"], description="changed after the backup", sensitive=True))
    service.add(RecordKind.INCIDENT, first, [NewFile.of_bytes("later.jpg", JPEG + b"later")])
    assert sql(path, "SELECT count(*) FROM evidence_blobs") == [(6,)]  # video gone, later.jpg added
    demo_database.close()
    clock.advance(hours=1)
    result = restore_backup(taken.path, path, backups, clock=clock)
    assert result.previous is not None and result.previous.label == BackupLabel.BEFORE_RESTORE

    restored = reopen(sqlite_url(path), clock=clock)
    try:
        again = AttachmentService(restored)
        back = again.all()
        assert [(a.uuid, a.file_name, a.sha256, a.size, a.description, a.sensitive) for a in back] == [
            (a.uuid, a.file_name, a.sha256, a.size, a.description, a.sensitive) for a in kept]  # fmt: skip
        for attachment in back:
            read, saved = read_back(again, attachment, scratch)
            assert read == saved == data[attachment.file_name], attachment.file_name
            assert hashlib.sha256(saved).hexdigest() == attachment.sha256, attachment.file_name
        report = verify_evidence(restored)
        assert report.ok and (report.files, report.size, report.attachments) == (6, sum(SIZES.values()), 8)
    finally:
        restored.close()
    assert sql(path, "SELECT count(*) FROM evidence_chunks") == [(1 + 1 + 1 + 2 + 3 + 5,)]  # pieces of each file


def damage_one_byte(path: Path, sha256: str, piece: int, offset: int) -> None:
    """Flip one byte of a stored piece, as the sqlite3 shell could (the app closed)."""
    [(data,)] = sql(path, "SELECT c.data FROM evidence_chunks c JOIN evidence_blobs b ON b.id = c.blob_id "
                          "WHERE b.sha256 = ? AND c.seq = ?", sha256, piece)  # fmt: skip
    assert isinstance(data, bytes)
    changed = data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :]
    sql(path, "UPDATE evidence_chunks SET data = ? WHERE seq = ? AND blob_id = (SELECT id FROM evidence_blobs "
              "WHERE sha256 = ?)", changed, piece, sha256)  # fmt: skip


def test_one_damaged_byte_is_named_by_verify_and_check_and_get_writes_nothing(
    demo_database: Database, tmp_path: Path, originals: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    path = db_path(demo_database)
    service = AttachmentService(demo_database)
    incident = incident_uuids(path)[0]
    files = [NewFile.of_bytes(name, originals[name]) for name in ("video.jpg", "note.txt")]
    video, note = service.add(RecordKind.INCIDENT, incident, files)
    with demo_database.unit_of_work(write=False) as uow:
        incident_title = uow.incidents.get(incident).title
    demo_database.close()
    damage_one_byte(path, video.sha256, 3, 12345)
    run = cli_runner(path.parent, capsys)

    status, out, err = run("evidence", "verify")
    assert status == 1, out + err
    [problem] = out.splitlines()
    assert f"attachment video.jpg ({video.uuid}) of incident {incident_title[:59]!r}" in problem, problem
    assert "is damaged" in problem and video.sha256 in problem, problem
    assert "1 problem(s) found in 2 stored files" in err

    status, out, err = run("check")
    assert status == 1, out + err
    assert f"attachment video.jpg ({video.uuid}) of incident {incident_title[:59]!r}" in out + err, out + err
    assert "note.txt" not in out + err  # only the damaged one is named

    target = tmp_path / "out" / "video.jpg"
    target.parent.mkdir()
    status, out, err = run("attachments", "get", video.uuid, "-o", str(target))
    assert status == 1, out + err
    assert "the stored copy of video.jpg is damaged" in err, err
    assert os.listdir(target.parent) == []  # no copy, not even a partial hidden one

    status, out, err = run("attachments", "get", note.uuid, "-o", str(tmp_path / "out" / "note.txt"))
    assert status == 0, out + err  # the undamaged file is still given
    assert (tmp_path / "out" / "note.txt").read_bytes() == originals["note.txt"]

    reopened = reopen(sqlite_url(path))
    try:
        with pytest.raises(AttachmentError, match=r"video\.jpg is damaged"):
            AttachmentService(reopened).save_copy(video, tmp_path / "out" / "again.jpg")
        assert not (tmp_path / "out" / "again.jpg").exists()
    finally:
        reopened.close()
