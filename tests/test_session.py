"""The session service without any UI: opening with the instance lock, the questions it raises or asks, the
answers it carries out, switching and closing (the automatic backup of changed data in the background, never on
closing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from support.clock import FakeClock
from support.scripted import Script

from desktop.domain.records import Facility
from desktop.persistence.engine import sqlite_url
from desktop.persistence.instance_lock import current_owner, lock_path
from desktop.persistence.sqlite_files import audit_head
from desktop.services.backup import BackupLabel, back_up, list_backups, verify_backup
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService
from desktop.services.session.questions import (
    QUIT,
    AlreadyOpen,
    Answer,
    CannotOpen,
    Choice,
    Damaged,
    NeedsAnswer,
    Problem,
)
from desktop.services.session.service import DatabaseSessions


def demo_file(service: DatabaseSessions, path: Path) -> Path:
    database = service.open(sqlite_url(path), lock=False)
    try:
        load_demo(database)
    finally:
        service.close(database)
    return path


def test_open_holds_the_lock_and_the_next_start_backs_up_what_changed_before_closing(
    service: DatabaseSessions, tmp_path: Path, backups: Path
) -> None:
    path = tmp_path / "incidents.sqlite3"
    database = service.open(sqlite_url(path))
    owner = current_owner(path)
    assert service.holds_lock(database) and owner is not None and owner.is_this_process
    assert not service.backup_due(database) and service.start_backup(database) is None  # nothing was ever written
    assert service.close(database) is None
    database = service.open(sqlite_url(path))
    FacilityService(database).create(Facility(name="Tacoma ICE Processing Center"))
    assert service.backup_due(database)
    assert service.close(database) is None  # closing never takes the backup in the foreground
    assert current_owner(path) is None and not lock_path(path).exists()
    assert list_backups(backups) == []
    database = service.open(sqlite_url(path))  # the next start sees it due and takes it in the background
    assert service.backup_due(database)
    job = service.start_backup(database)
    assert job is not None and job.wait(30) and job.error is None
    taken = job.result
    assert taken is not None and taken.label == BackupLabel.AUTO
    assert audit_head(taken.path) == audit_head(path) and verify_backup(taken.path).ok
    assert not service.backup_due(database) and service.start_backup(database) is None
    assert service.newest_backup(database) == taken
    assert service.close(database) is None
    assert [b.path for b in list_backups(backups)] == [taken.path]


def test_a_window_opened_anyway_leaves_the_automatic_backup_to_the_first(
    service: DatabaseSessions, tmp_path: Path, backups: Path
) -> None:
    path = demo_file(service, tmp_path / "incidents.sqlite3")
    database = service.open(sqlite_url(path), lock=False)
    try:
        assert not service.backup_due(database) and service.start_backup(database) is None
    finally:
        service.close(database)
    assert list_backups(backups) == []


def test_without_ask_a_problem_is_raised_as_its_question(service: DatabaseSessions, tmp_path: Path) -> None:
    path = tmp_path / "incidents.sqlite3"
    first = service.open(sqlite_url(path))
    try:
        with pytest.raises(NeedsAnswer) as locked:
            DatabaseSessions(None).open(sqlite_url(path))  # another window's service
    finally:
        service.close(first)
    question = locked.value.question
    assert isinstance(question, AlreadyOpen) and question.database == path
    assert question.owner is not None and question.owner.is_this_process
    assert question.choices == (Choice.OPEN_ANYWAY, Choice.QUIT)

    with pytest.raises(NeedsAnswer) as bad_url:
        service.open("nosuchdb://x/y")
    assert isinstance(bad_url.value.question, CannotOpen) and bad_url.value.question.problem == Problem.OPEN_FAILED
    assert bad_url.value.question.message.startswith("Cannot open nosuchdb://x/y: ")

    newer = demo_file(service, tmp_path / "newer.sqlite3")
    database = service.open(sqlite_url(newer), lock=False)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    service.close(database)
    with pytest.raises(NeedsAnswer) as too_new:
        service.open(sqlite_url(newer))
    assert isinstance(too_new.value.question, CannotOpen) and too_new.value.question.problem == Problem.NEWER_SCHEMA
    assert too_new.value.question.choices == (Choice.OTHER_FILE, Choice.NEW_FILE, Choice.QUIT)
    assert not lock_path(newer).exists()  # nothing stays locked after a failed attempt

    path.write_bytes(b"SQLite format 3\x00this used to be a database " * 300)
    with pytest.raises(NeedsAnswer) as damaged:
        service.open(sqlite_url(path))
    assert isinstance(damaged.value.question, Damaged) and damaged.value.question.newest is None
    assert damaged.value.question.choices == (Choice.START_EMPTY, Choice.CHOOSE_BACKUP, Choice.QUIT)


def test_answers_are_carried_out(service: DatabaseSessions, tmp_path: Path, backups: Path, clock: FakeClock) -> None:
    path = demo_file(service, tmp_path / "incidents.sqlite3")
    elsewhere = DatabaseSessions(None)
    held = elsewhere.open(sqlite_url(path))
    try:
        ask = Script(Answer(Choice.OPEN_ANYWAY))
        anyway = service.open(sqlite_url(path), ask)
        assert anyway is not None and isinstance(ask.questions[0], AlreadyOpen)
        assert not service.holds_lock(anyway)
        FacilityService(anyway).create(Facility(name="Saved from the second window"))
        assert service.close(anyway) is None  # opened anyway: the first window takes the backups
    finally:
        elsewhere.close(held)
    assert list_backups(backups) == []

    older = back_up(path, backups, BackupLabel.MANUAL, now=clock())
    garbage = b"SQLite format 3\x00this used to be a database " * 300
    path.write_bytes(garbage)
    with pytest.raises(ValueError, match="no answer"):
        service.open(sqlite_url(path), Script(Answer(Choice.OPEN_ANYWAY)))  # not a choice of a damaged file
    assert path.read_bytes() == garbage
    assert service.open(sqlite_url(path), Script(QUIT)) is None
    assert path.read_bytes() == garbage and not lock_path(path).exists()  # quitting changes nothing

    ask = Script(Answer(Choice.CHOOSE_BACKUP, backup=older.path))
    restored = service.open(sqlite_url(path), ask)
    assert restored is not None and isinstance(ask.questions[0], Damaged)
    assert ask.questions[0].newest is not None and ask.questions[0].newest.info.path == older.path
    try:
        names = {f.name for f in FacilityService(restored).page()}
        assert "Saved from the second window" in names  # the backup holds it
        assert path.with_name("incidents.sqlite3.damaged").read_bytes() == garbage
    finally:
        service.close(restored)

    other = sqlite_url(tmp_path / "other.sqlite3")
    ask = Script(Answer(Choice.OTHER_FILE, url=other))
    opened = service.open("nosuchdb://x/y", ask)
    assert opened is not None and opened.url == other and isinstance(ask.questions[0], CannotOpen)
    service.close(opened)


def test_switch_closes_the_current_database_only_when_the_other_opens(
    service: DatabaseSessions, tmp_path: Path
) -> None:
    first = service.open(sqlite_url(tmp_path / "first.sqlite3"))
    assert service.switch(first, first.url) is first
    assert service.switch(first, "nosuchdb://x/y", Script(QUIT)) is None
    assert service.holds_lock(first) and lock_path(tmp_path / "first.sqlite3").exists()  # still open
    second = service.switch(first, sqlite_url(tmp_path / "second.sqlite3"))
    assert second is not None and service.holds_lock(second)
    assert not service.holds_lock(first) and not lock_path(tmp_path / "first.sqlite3").exists()
    service.close(second)


def test_a_file_with_backups_that_no_longer_reads_as_sqlite_is_offered_its_backups(
    service: DatabaseSessions, tmp_path: Path, backups: Path, clock: FakeClock
) -> None:
    """A wiped header makes the file look like anything but a database; its own backups show it was ours."""
    path = demo_file(service, tmp_path / "incidents.sqlite3")
    back_up(path, backups, BackupLabel.MANUAL, now=clock())
    wiped = b"\x00" * 100 + path.read_bytes()[100:]
    path.write_bytes(wiped)
    ask = Script(QUIT)
    assert service.open(sqlite_url(path), ask) is None
    [question] = ask.questions
    assert isinstance(question, Damaged) and question.newest is not None
    assert "so it was an Incident Logger database" in question.message
    assert path.read_bytes() == wiped  # quitting changed nothing

    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("meeting notes\n", encoding="utf-8")
    ask = Script(QUIT)
    assert service.open(sqlite_url(stranger), ask) is None
    assert isinstance(ask.questions[0], CannotOpen)  # no backups of it: simply not ours
