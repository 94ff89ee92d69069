"""Attachments, custody and timeline events kept with the case: stored with their bytes in one transaction, once per
SHA-256, media type told by content, audited and replayed; evidence refused when too large, unreadable or gone."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from support.raw import sql

from desktop.domain.errors import RecordInUseError, RecordNotFoundError
from desktop.domain.evidence import CustodyEntry, TimelineEvent, TimelineKind
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import Page
from desktop.domain.values import PartialDate
from desktop.persistence.engine import sqlite_file
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import AttachmentError, AttachmentService, NewFile
from desktop.services.audit import history, verify_chain
from desktop.services.evidence_check import verify_evidence
from desktop.services.records import RecordServices
from desktop.services.timeline import TimelineError, TimelineService

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def first_incident(database: Database) -> str:
    services = RecordServices.of(database)
    return sorted(services.incidents.page(page=Page(limit=5)), key=lambda i: i.title)[0].uuid


def photo(tmp_path: Path, name: str = "damage.jpg", size: int = 2_500_000) -> Path:
    path = tmp_path / name
    path.write_bytes(JPEG + os.urandom(size))
    return path


def test_files_are_stored_with_hash_size_type_and_read_back_identical(any_demo_database: Database,
                                                                      tmp_path: Path) -> None:  # fmt: skip
    service = AttachmentService(any_demo_database, user=lambda: "analyst")
    uuid = first_incident(any_demo_database)
    picture, memo = photo(tmp_path), tmp_path / "memo.jpg"
    memo.write_bytes(b"%PDF-1.4\n" + os.urandom(5000))  # a PDF named .jpg: the content says what it is
    added = service.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(picture, "north wall"), NewFile.of_path(memo)])
    assert [(a.file_name, a.media_type, a.size, a.sha256, a.added_by) for a in added] == [
        ("damage.jpg", "image/jpeg", picture.stat().st_size, hashlib.sha256(picture.read_bytes()).hexdigest(),
         "analyst"),
        ("memo.jpg", "application/pdf", memo.stat().st_size, hashlib.sha256(memo.read_bytes()).hexdigest(),
         "analyst"),
    ]  # fmt: skip
    assert [a.uuid for a in service.of(RecordKind.INCIDENT, uuid)] == [a.uuid for a in added]
    assert b"".join(service.read(added[0])) == picture.read_bytes()
    (tmp_path / "out").mkdir()
    assert service.save_copy(added[1], tmp_path / "out" / "copy.pdf").read_bytes() == memo.read_bytes()
    assert verify_evidence(any_demo_database).ok
    assert verify_chain(any_demo_database).ok


def test_the_same_bytes_are_stored_once(demo_database: Database, tmp_path: Path) -> None:
    service = AttachmentService(demo_database)
    uuid = first_incident(demo_database)
    picture = photo(tmp_path)
    first = service.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(picture)])[0]
    facility = RecordServices.of(demo_database).facilities.page()[0].uuid
    second = service.add(RecordKind.FACILITY, facility, [NewFile.of_bytes("copy.jpg", picture.read_bytes())])[0]
    path = sqlite_file(demo_database.url)
    assert path is not None
    assert sql(path, "SELECT COUNT(*) FROM evidence_blobs") == [(1,)]
    service.remove(first.uuid)
    assert sql(path, "SELECT COUNT(*) FROM evidence_blobs") == [(1,)], "still named by the facility's attachment"
    service.remove(second.uuid)
    assert sql(path, "SELECT COUNT(*) FROM evidence_blobs") == [(0,)]
    assert sql(path, "SELECT COUNT(*) FROM evidence_chunks") == [(0,)]


def test_a_file_too_large_unreadable_empty_or_a_folder_is_refused_and_nothing_is_stored(
    demo_database: Database, tmp_path: Path
) -> None:
    service = AttachmentService(demo_database, limit=1_000_000)
    uuid = first_incident(demo_database)
    good = photo(tmp_path, "good.jpg", 1000)
    big = photo(tmp_path, "video.mp4", 2_000_000)
    empty = tmp_path / "empty.txt"
    empty.touch()
    cases = {big: "video.mp4 is 2.0 MB; an attachment may be at most 1.0 MB", tmp_path / "gone.jpg": "cannot read",
             empty: "is empty", tmp_path: "is a folder"}  # fmt: skip
    for bad, words in cases.items():
        with pytest.raises(AttachmentError, match=words):
            service.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(good), NewFile.of_path(bad)])
    assert service.of(RecordKind.INCIDENT, uuid) == []
    path = sqlite_file(demo_database.url)
    assert path is not None and sql(path, "SELECT COUNT(*) FROM evidence_blobs") == [(0,)]
    with pytest.raises(RecordNotFoundError):
        service.add(RecordKind.INCIDENT, "00000000-0000-0000-0000-000000000000", [NewFile.of_path(good)])


def test_a_file_that_changes_while_it_is_added_stores_nothing(demo_database: Database, tmp_path: Path) -> None:
    service = AttachmentService(demo_database)
    uuid = first_incident(demo_database)
    picture = photo(tmp_path, size=3_000_000)

    class Changing(NewFile):
        calls = 0

        def chunks(self):  # type: ignore[no-untyped-def]
            Changing.calls += 1
            for piece in NewFile.chunks(self):
                yield piece if Changing.calls == 1 else piece[::-1]

    with pytest.raises(AttachmentError, match="changed while it was being added"):
        service.add(RecordKind.INCIDENT, uuid, [Changing(picture.name, picture)])
    path = sqlite_file(demo_database.url)
    assert path is not None and sql(path, "SELECT COUNT(*) FROM evidence_chunks") == [(0,)]


def test_a_record_with_attachments_is_not_deleted_until_they_are_removed(demo_database: Database,
                                                                         tmp_path: Path) -> None:  # fmt: skip
    service = AttachmentService(demo_database)
    incidents = RecordServices.of(demo_database).incidents
    uuid = first_incident(demo_database)
    added = service.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(photo(tmp_path))])[0]
    assert incidents.delete_problem(uuid) == "This incident has 1 attachment (evidence); remove it first."
    with pytest.raises(RecordInUseError):
        incidents.delete(uuid)
    service.remove(added.uuid)
    incidents.delete(uuid)
    assert verify_chain(demo_database).ok


def test_removing_an_attachment_keeps_its_hash_name_and_custody_in_the_audit_trail(demo_database: Database,
                                                                                   tmp_path: Path) -> None:  # fmt: skip
    service = AttachmentService(demo_database)
    added = service.add(RecordKind.INCIDENT, first_incident(demo_database), [NewFile.of_path(photo(tmp_path))])[0]
    entry = service.add_custody(CustodyEntry(added.uuid, "Officer Diaz", "Analyst Kim",
                                             PartialDate.parse("2019-08-25T14:30"), "lab review"))  # fmt: skip
    service.remove(added.uuid)
    trail = history(demo_database, added.uuid)
    assert [e.action.value for e in trail] == ["create", "delete"]
    assert trail[-1].changes["sha256"][0] == added.sha256 and trail[-1].changes["file_name"][0] == "damage.jpg"
    custody = history(demo_database, entry.uuid)
    assert [e.action.value for e in custody] == ["create", "delete"]
    assert custody[-1].changes["received_from"][0] == "Officer Diaz"
    assert verify_chain(demo_database).ok


def test_custody_entries_need_both_hands_and_a_known_past_date(demo_database: Database, tmp_path: Path) -> None:
    service = AttachmentService(demo_database)
    added = service.add(RecordKind.INCIDENT, first_incident(demo_database), [NewFile.of_path(photo(tmp_path))])[0]
    with pytest.raises(AttachmentError, match="received by is required"):
        service.add_custody(CustodyEntry(added.uuid, "Officer Diaz", " ", PartialDate.parse("2019-08")))
    with pytest.raises(AttachmentError, match="the date is required"):
        service.add_custody(CustodyEntry(added.uuid, "A", "B", PartialDate()))
    with pytest.raises(AttachmentError, match="is in the future"):
        service.add_custody(CustodyEntry(added.uuid, "A", "B", PartialDate.parse("2099-01-01")))
    assert service.custody(added.uuid) == []


def test_timeline_events_keep_their_precision_and_join_the_chronology(any_demo_database: Database) -> None:
    service = TimelineService(any_demo_database)
    uuid = first_incident(any_demo_database)
    event = service.add(TimelineEvent(uuid, PartialDate.parse("about 2019-08"), "Call with the FBI field office",
                                      "phone log"))  # fmt: skip
    assert service.get(event.uuid).happened == PartialDate.parse("about 2019-08")
    lines = service.chronology(uuid)
    kinds = [line.kind for line in lines]
    assert TimelineKind.EVENT in kinds and TimelineKind.STATUS in kinds and kinds[0] is TimelineKind.INCIDENT
    assert [line.happened.on for line in lines if line.happened.on] == sorted(
        line.happened.on for line in lines if line.happened.on
    )
    saved = service.update(replace(event, text="Call with the FBI", happened=PartialDate.parse("2019-08-20")))
    assert service.chronology(uuid, kinds=[TimelineKind.EVENT])[0].text == "Call with the FBI"
    with pytest.raises(TimelineError, match="the text is required"):
        service.add(TimelineEvent(uuid, PartialDate.parse("2019-08"), " "))
    service.delete(saved.uuid)
    assert service.chronology(uuid, kinds=[TimelineKind.EVENT]) == []
    assert verify_chain(any_demo_database).ok


def test_deleting_an_incident_audits_the_events_deleted_with_it(demo_database: Database) -> None:
    service = TimelineService(demo_database)
    uuid = first_incident(demo_database)
    event = service.add(TimelineEvent(uuid, PartialDate.parse("2019-08"), "Hearing"))
    RecordServices.of(demo_database).incidents.delete(uuid)
    assert [e.action.value for e in history(demo_database, event.uuid)] == ["create", "delete"]
    assert verify_chain(demo_database).ok


def test_evidence_rows_edited_with_the_shell_are_named_by_verify(demo_database: Database, tmp_path: Path) -> None:
    service = AttachmentService(demo_database)
    uuid = first_incident(demo_database)
    added = service.add(RecordKind.INCIDENT, uuid, [NewFile.of_path(photo(tmp_path))])[0]
    entry = service.add_custody(CustodyEntry(added.uuid, "Officer Diaz", "Analyst Kim", PartialDate.parse("2019-08")))
    event = TimelineService(demo_database).add(TimelineEvent(uuid, PartialDate.parse("2019-08"), "Hearing"))
    path = sqlite_file(demo_database.url)
    assert path is not None
    sql(path, "UPDATE attachments SET file_name = 'harmless.jpg' WHERE uuid = ?", added.uuid)
    sql(path, "UPDATE custody_entries SET received_by = 'Someone else' WHERE uuid = ?", entry.uuid)
    sql(path, "DELETE FROM timeline_events WHERE uuid = ?", event.uuid)
    problems = verify_chain(demo_database).problems
    assert f"attachment {added.uuid} (harmless.jpg) was edited outside the program: file name differs from the " \
           "audit trail" in problems  # fmt: skip
    assert f"custody entry {entry.uuid} was edited outside the program: received by differs from the audit " \
           "trail" in problems  # fmt: skip
    assert f"timeline event {event.uuid} was deleted outside the program: the audit trail says it exists" in problems


def test_last_activity_is_the_newest_thing_recorded_about_an_incident(demo_database: Database, clock: object,
                                                                      tmp_path: Path) -> None:  # fmt: skip
    from datetime import timedelta

    timeline = TimelineService(demo_database)
    uuid = first_incident(demo_database)
    before = timeline.last_activity([uuid])[uuid]
    clock.advance(timedelta(days=3))  # type: ignore[attr-defined]
    AttachmentService(demo_database).add(RecordKind.INCIDENT, uuid, [NewFile.of_path(photo(tmp_path))])
    assert timeline.last_activity([uuid])[uuid] == before + timedelta(days=3)


def test_a_release_0004_database_upgrades_and_takes_evidence(tmp_path: Path) -> None:
    from support.released import released_copy

    from desktop.persistence.schema import current_revision, head_revision
    from desktop.services.session.service import DatabaseSessions

    copy = released_copy(tmp_path, "0004")
    assert sql(copy, "SELECT version_num FROM alembic_version") == [("0004",)]
    before = sql(copy, "SELECT uuid, title, suspect_names FROM incidents ORDER BY uuid")
    database = DatabaseSessions(tmp_path / "backups").open(f"sqlite:///{copy}", lock=False)
    try:
        assert current_revision(database.engine) == head_revision()
        assert any((tmp_path / "backups").iterdir()), "a verified backup before migrating"
        report = verify_chain(database)
        assert report.ok and report.signed, report.problems
        assert sql(copy, "SELECT uuid, title, suspect_names FROM incidents ORDER BY uuid") == before
        uuid = first_incident(database)
        AttachmentService(database).add(RecordKind.INCIDENT, uuid, [NewFile.of_path(photo(tmp_path))])
        TimelineService(database).add(TimelineEvent(uuid, PartialDate.parse("2019-08"), "Hearing"))
        assert verify_chain(database).ok and verify_evidence(database).ok
    finally:
        database.close()
