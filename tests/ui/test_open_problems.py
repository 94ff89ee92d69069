"""Start-up, through the app's own opening (desktop.app.open_first_database: the session service asking the
questions of desktop.ui.open_problems): a damaged file offers the newest good backup and is moved aside only when
the user agrees; newer, read-only and locked databases are told, a locked one may be opened anyway; quitting
leaves every file as it was. Changed data is backed up in the background at the next start, never on closing."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from support.clock import FakeClock
from support.lookup import facility_named, reopen

from desktop import app as app_module
from desktop.app import close_everything, open_first_database
from desktop.domain.enums import AuditAction
from desktop.domain.records import Facility
from desktop.paths import AppPaths
from desktop.persistence import opening
from desktop.persistence.instance_lock import current_owner, lock_path
from desktop.persistence.integrity import FileCheck, FileState
from desktop.services import backup_worker
from desktop.services.audit import history, verify_chain
from desktop.services.backup import BackupLabel, back_up, list_backups
from desktop.services.demo import load_demo
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.questions import QUIT, Answer, CannotOpen, Choice, Damaged, NeedsAnswer
from desktop.services.session.service import DatabaseSessions
from desktop.ui.backup_actions import RestoreDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.open_problems import answer_at_start

Step = tuple[str, Callable[[QWidget], None]]


class Responder(QObject):
    """Answers the modal dialogs that appear, in order: each step names the dialog it expects and acts on it.
    It hears every dialog being shown (an event filter on the application, no polling) and acts once the
    dialog's own event loop runs. An unexpected dialog is recorded and closed, so a failing test never hangs."""

    def __init__(self, qtbot: QtBot, steps: list[Step]) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.steps = list(steps)
        self.seen: list[tuple[str, str]] = []
        self.unexpected: list[str] = []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isModal():
            QTimer.singleShot(0, lambda: self.answer(watched))
        return False

    def answer(self, widget: QDialog) -> None:
        if not widget.isVisible():
            return
        self.seen.append((widget.objectName(), widget.text() if isinstance(widget, QMessageBox) else ""))
        if not self.steps or self.steps[0][0] != widget.objectName():
            self.unexpected.append(widget.objectName())
            widget.reject()
            return
        _, act = self.steps.pop(0)
        act(widget)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)


@pytest.fixture
def responder(qtbot: QtBot) -> Iterator[Callable[[list[Step]], Responder]]:
    made: list[Responder] = []

    def make(steps: list[Step]) -> Responder:
        made.append(Responder(qtbot, steps))
        return made[-1]

    yield make
    for one in made:
        one.stop()


def click(qtbot: QtBot, label: str) -> Callable[[QWidget], None]:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        button = next(b for b in widget.buttons() if b.text().replace("&", "") == label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path, tmp_path / "config", tmp_path / "backups")


@pytest.fixture
def sessions(paths: AppPaths, clock: FakeClock) -> DatabaseSessions:
    """The session service as the app makes it: backups in the app's backup folder."""
    return DatabaseSessions(paths.backup_dir, clock=clock)


def make_demo(paths: AppPaths, clock: FakeClock) -> Path:
    database = reopen(paths.default_url, clock=clock)
    try:
        load_demo(database)
    finally:
        database.close()
    return paths.default_database


def fingerprint(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


def test_sound_database_opens_without_questions_and_the_next_start_backs_it_up(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:  # fmt: skip
    make_demo(paths, clock)
    answers = responder([])
    opened = open_first_database(sessions, paths.default_url)
    assert opened is not None and answers.seen == []
    owner = current_owner(paths.default_database)
    assert sessions.holds_lock(opened) and owner is not None and owner.is_this_process
    assert FacilityService(opened).count() == 3
    assert sessions.backup_due(opened)  # data changed since the last (no) backup
    assert sessions.close(opened) is None  # never taken on closing
    assert not lock_path(paths.default_database).exists()
    again = open_first_database(sessions, paths.default_url)
    assert again is not None and sessions.backup_due(again)
    job = sessions.start_backup(again)  # what the window does soon after it shows the first page
    assert job is not None and job.wait(30) and job.result is not None and job.result.label == BackupLabel.AUTO
    assert sessions.close(again) is None
    third = open_first_database(sessions, paths.default_url)
    assert third is not None and not sessions.backup_due(third)  # nothing changed: no new backup
    assert sessions.start_backup(third) is None and sessions.close(third) is None
    assert len(list_backups(paths.backup_dir)) == 1


def damage(path: Path) -> bytes:
    garbage = b"SQLite format 3\x00" + b"this used to be a database " * 300
    path.write_bytes(garbage)
    return garbage


def test_damaged_database_restores_the_newest_good_backup_with_consent(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:
    path = make_demo(paths, clock)
    back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock())
    garbage = damage(path)
    answers = responder([("database_damaged", click(qtbot, "Restore this backup"))])
    opened = open_first_database(sessions, paths.default_url)
    assert answers.unexpected == [] and answers.steps == []
    message = answers.seen[0][1]
    assert f"The database {path} is damaged" in message and "The file has not been changed." in message
    assert "The newest good backup is from" in message and "3 incidents" in message
    assert "kept beside it as incidents.sqlite3.damaged" in message
    assert opened is not None
    try:
        assert FacilityService(opened).count() == 3
        assert path.with_name("incidents.sqlite3.damaged").read_bytes() == garbage
        restores = [e for e in history(opened, "") if e.action == AuditAction.RESTORE]
        assert restores[-1].changes["damaged_database_kept_as"] == (None, "incidents.sqlite3.damaged")
        assert verify_chain(opened).ok
    finally:
        sessions.close(opened)


def test_quitting_leaves_the_damaged_file_untouched(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:
    path = make_demo(paths, clock)
    back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock())
    damage(path)
    before = fingerprint(path)
    answers = responder([("database_damaged", click(qtbot, "Quit"))])
    assert open_first_database(sessions, paths.default_url) is None
    assert answers.unexpected == []
    assert fingerprint(path) == before
    assert not path.with_name("incidents.sqlite3.damaged").exists()
    assert not lock_path(path).exists()


def test_without_a_backup_the_user_may_start_empty(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:
    path = make_demo(paths, clock)
    garbage = damage(path)
    answers = responder([("database_damaged", click(qtbot, "Start empty"))])
    opened = open_first_database(sessions, paths.default_url)
    assert answers.unexpected == [] and "No good backup was found" in answers.seen[0][1]
    assert opened is not None
    try:
        assert FacilityService(opened).count() == 0
        assert path.with_name("incidents.sqlite3.damaged").read_bytes() == garbage
    finally:
        sessions.close(opened)


def test_damaged_database_with_a_chosen_older_backup(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:
    path = make_demo(paths, clock)
    back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock())  # 3 facilities
    database = reopen(paths.default_url, clock=clock)
    FacilityService(database).create(Facility(name="Fourth"))
    database.close()
    back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock.advance(days=1))  # 4 facilities
    damage(path)

    def choose_older(widget: QWidget) -> None:
        assert isinstance(widget, RestoreDialog)
        assert widget.table.rowCount() == 2
        widget.table.selectRow(1)
        qtbot.waitUntil(lambda: widget.restore_button.isEnabled())
        qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)

    answers = responder([("database_damaged", click(qtbot, "Choose a backup…")), ("restore_dialog", choose_older)])
    opened = open_first_database(sessions, paths.default_url)
    assert answers.unexpected == [] and answers.steps == []
    assert opened is not None
    try:
        assert FacilityService(opened).count() == 3
    finally:
        sessions.close(opened)


def test_newer_schema_is_told_and_left_byte_identical(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:
    path = make_demo(paths, clock)
    database = reopen(paths.default_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    database.close()
    before = fingerprint(path)
    answers = responder([("newer_schema", click(qtbot, "Quit"))])
    assert open_first_database(sessions, paths.default_url) is None
    assert answers.unexpected == [] and "newer version of Incident Logger" in answers.seen[0][1]
    assert fingerprint(path) == before
    assert list_backups(paths.backup_dir) == []


def test_read_only_location_is_told(
    paths: AppPaths,
    clock: FakeClock,
    responder: Callable[[list[Step]], Responder],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sessions: DatabaseSessions,
) -> None:
    """The read-only check itself runs as an unprivileged user in test_permissions; here, the dialog."""
    path = make_demo(paths, clock)
    read_only = FileCheck(path, FileState.READ_ONLY, f"its folder {path.parent} is read-only for you")
    monkeypatch.setattr(opening, "check_database_file", lambda *_args, **_kw: read_only)
    answers = responder([("read_only", click(qtbot, "Quit"))])
    assert open_first_database(sessions, paths.default_url) is None
    assert answers.seen == [("read_only", read_only.message)]


HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from desktop.persistence.instance_lock import InstanceLock\n"
    "with InstanceLock(Path(sys.argv[1])):\n"
    "    print('locked', flush=True)\n"
    "    sys.stdin.read()\n"
)


@pytest.fixture
def other_instance(paths: AppPaths, clock: FakeClock) -> Iterator[subprocess.Popen[str]]:
    make_demo(paths, clock)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(paths.default_database)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    yield holder
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def test_second_instance_is_told_and_may_quit(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot,
    other_instance: subprocess.Popen[str],
    sessions: DatabaseSessions,
) -> None:  # fmt: skip
    answers = responder([("already_open", click(qtbot, "Quit"))])
    assert open_first_database(sessions, paths.default_url) is None
    assert answers.unexpected == []
    assert (
        f"Incident Logger is already open on {paths.default_database} (process {other_instance.pid} on"
        in (answers.seen[0][1])
    )


def test_second_instance_may_open_anyway_and_leaves_backups_to_the_first(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot,
    other_instance: subprocess.Popen[str], sessions: DatabaseSessions,
) -> None:  # fmt: skip
    responder([("already_open", click(qtbot, "Open anyway"))])
    opened = open_first_database(sessions, paths.default_url)
    assert opened is not None and not sessions.holds_lock(opened)
    FacilityService(opened).create(Facility(name="Saved from the second window"))
    assert sessions.close(opened) is None
    assert list_backups(paths.backup_dir) == []
    owner = current_owner(paths.default_database)
    assert owner is not None and owner.pid == other_instance.pid  # the first window still holds it


def test_the_app_offers_open_anyway_at_start_up_and_opens_the_window_on_it(
    paths: AppPaths, responder: Callable[[list[Step]], Responder], qtbot: QtBot, qapp: QApplication,
    other_instance: subprocess.Popen[str], tmp_path: Path,
) -> None:  # fmt: skip
    """The whole start-up of the app (desktop.app._run): the question, the window on the database, the close."""
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown: list[MainWindow] = []
    seen: list[tuple[str, bool, int]] = []

    def work_in_the_window() -> None:
        if not shown or not shown[0].isVisible():
            return
        watcher.stop()
        session = shown[0].session
        seen.append((session.database.url, session.sessions.holds_lock(session.database),
                     IncidentService(session.database).count()))  # fmt: skip
        FacilityService(session.database).create(Facility(name="Saved from the second window"))
        close_everything(shown[0])

    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(work_in_the_window)
    watcher.start()
    answers = responder([("already_open", click(qtbot, "Open anyway"))])
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # one quit only (close_everything's), none left for the next test's loops
    try:
        code = app_module._run(qapp, paths.default_url, paths, qsettings, shown)
    finally:
        watcher.stop()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    assert code == 0
    assert answers.unexpected == [] and answers.steps == []
    assert f"Incident Logger is already open on {paths.default_database}" in answers.seen[0][1]
    assert seen == [(paths.default_url, False, 3)]  # the window showed the database, without its lock
    assert list_backups(paths.backup_dir) == []  # opened anyway: backups on closing are left to the first window
    owner = current_owner(paths.default_database)
    assert owner is not None and owner.pid == other_instance.pid  # the first window still holds it
    reopened = reopen(paths.default_url)
    try:
        assert facility_named(reopened, "Saved from the second window") is not None
    finally:
        reopened.close()


@pytest.mark.posix_only
def test_lock_left_by_a_killed_instance_means_a_full_check(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot,
    other_instance: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch, sessions: DatabaseSessions,
) -> None:  # fmt: skip
    other_instance.send_signal(signal.SIGKILL)
    other_instance.wait(timeout=30)
    answers = responder([])
    opened = open_first_database(sessions, paths.default_url)
    assert opened is not None and answers.seen == []
    assert sessions.closed_uncleanly(opened)  # the window's background check runs integrity_check (test_database_check)
    sessions.close(opened)
    again = open_first_database(sessions, paths.default_url)
    assert again is not None and not sessions.closed_uncleanly(again)  # closed properly this time
    sessions.close(again)


def test_server_that_does_not_answer_is_told(
    paths: AppPaths, responder: Callable[[list[Step]], Responder], qtbot: QtBot, sessions: DatabaseSessions
) -> None:
    pytest.importorskip("psycopg")
    answers = responder([("open_failed", click(qtbot, "Quit"))])
    url = "postgresql+psycopg://analyst:secret@127.0.0.1:1/incidents?connect_timeout=5"
    assert open_first_database(sessions, url) is None
    assert answers.unexpected == []
    assert answers.seen[0][1].startswith("Cannot open postgresql://analyst:***@127.0.0.1:1/incidents")


def test_a_failed_background_backup_is_logged_and_closing_still_closes(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder],
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, sessions: DatabaseSessions,
) -> None:  # fmt: skip
    make_demo(paths, clock)
    responder([])
    opened = open_first_database(sessions, paths.default_url)
    assert opened is not None and sessions.holds_lock(opened)

    def full_disk(*_: Any, **__: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_worker, "copy_in_steps", full_disk)
    job = sessions.start_backup(opened)
    assert job is not None and job.wait(30) and job.result is None and job.error is not None
    assert "the disk is full ([Errno 28] No space left on device)" in str(job.error)
    assert "the automatic backup failed: could not back up" in caplog.text  # logged
    assert sessions.close(opened) is None
    assert not lock_path(paths.default_database).exists()
    assert list_backups(paths.backup_dir) == [] and not any(paths.backup_dir.iterdir())
    reopened = reopen(paths.default_url)
    try:
        assert FacilityService(reopened).count() == 3
    finally:
        reopened.close()


def test_a_damaged_file_question_asked_and_repaired_step_by_step(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot,
    sessions: DatabaseSessions,
) -> None:  # fmt: skip
    """What open_first_database does in one call, by hand: the question raised, asked, and the answer carried out."""
    path = make_demo(paths, clock)
    back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock())
    with pytest.raises(NeedsAnswer) as not_a_file:
        sessions.open("not a url at all")
    assert isinstance(not_a_file.value.question, CannotOpen)  # no file problem: nothing to repair
    assert not {Choice.RESTORE_NEWEST, Choice.CHOOSE_BACKUP, Choice.START_EMPTY} & set(
        not_a_file.value.question.choices
    )
    damage(path)
    with pytest.raises(NeedsAnswer) as raised:
        sessions.open(paths.default_url)
    question = raised.value.question
    assert isinstance(question, Damaged) and isinstance(question.error, opening.DatabaseFileError)
    answers = responder([("database_damaged", click(qtbot, "Restore this backup"))])
    answer = answer_at_start(None, question)
    assert answer == Answer(Choice.RESTORE_NEWEST)
    assert sessions.repair(question, answer) is None  # repaired: open again
    assert answers.unexpected == []
    database = sessions.open(paths.default_url)
    try:
        assert FacilityService(database).count() == 3
    finally:
        sessions.close(database)
    assert not lock_path(path).exists()


@pytest.mark.parametrize("with_backup", [False, True], ids=["no-backup", "backup"])
def test_escape_on_the_damaged_question_is_no_consent(
    paths: AppPaths, clock: FakeClock, responder: Callable[[list[Step]], Responder], qtbot: QtBot, with_backup: bool,
    sessions: DatabaseSessions,
) -> None:  # fmt: skip
    path = make_demo(paths, clock)
    if with_backup:
        back_up(path, paths.backup_dir, BackupLabel.AUTO, now=clock())
    damage(path)
    before = fingerprint(path)
    with pytest.raises(NeedsAnswer) as raised:
        sessions.open(paths.default_url)
    assert isinstance(raised.value.question, Damaged)

    def press_escape(widget: QWidget) -> None:
        qtbot.keyClick(widget, Qt.Key.Key_Escape)

    answers = responder([("database_damaged", press_escape)])
    assert answer_at_start(None, raised.value.question) == QUIT
    assert answers.unexpected == []
    assert fingerprint(path) == before
    assert not path.with_name("incidents.sqlite3.damaged").exists()


def test_a_missing_database_is_asked_about_and_created_only_on_the_answer(
    paths: AppPaths, responder: Callable[[list[Step]], Responder], qtbot: QtBot, sessions: DatabaseSessions,
    tmp_path: Path,
) -> None:  # fmt: skip
    typo = tmp_path / "typo" / "incidents.sqlite3"
    url = f"sqlite+pysqlite:///{typo}"
    answers = responder([("database_missing", click(qtbot, "Quit"))])
    assert open_first_database(sessions, url, create=False) is None
    assert answers.unexpected == []
    assert answers.seen[0][1].startswith(f"There is no database at {typo}. Nothing has been created.")
    assert not typo.parent.exists()  # no folder, no file, no lock

    answers = responder([("database_missing", click(qtbot, "Create a new database here"))])
    database = open_first_database(sessions, url, create=False)
    assert database is not None and answers.unexpected == []
    sessions.close(database)
    assert typo.is_file()


def test_the_default_database_is_created_without_a_question(
    paths: AppPaths, responder: Callable[[list[Step]], Responder], sessions: DatabaseSessions
) -> None:
    answers = responder([])
    database = open_first_database(sessions, paths.default_url)  # the first run
    assert database is not None and answers.seen == []
    sessions.close(database)
    assert paths.default_database.is_file()
