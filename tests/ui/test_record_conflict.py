"""A record changed by another analyst while its form is open: the form says so, Compare… lists the fields with
keep mine / take theirs, Apply puts the merge in the form, and its save stores exactly that merge, once. A save
that meets a newer version without having heard of it offers the same comparison instead of failing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import forms_fixtures as ff
import pytest
from conftest import ScriptedDialogs, make_active
from PySide6.QtCore import QSettings, Qt, QTimer
from pytestqt.qtbot import QtBot
from support.pg_server import PostgresServer

from desktop.domain.enums import CaseStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.live_changes import Change
from desktop.domain.records import Facility
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.unit_of_work import Database
from desktop.services.records import FacilityService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dialogs.record_conflict_dialog import RecordConflictDialog
from desktop.ui.forms.conflict_watch import ConflictWatch
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.window_actions import WindowAction

ORIGINAL = Facility(name="Tacoma field office", city="", state="WA", notes="Fence along the east side.")


@pytest.fixture(scope="module")
def shared_url(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.fresh_database() as name:
        url = postgres_server.url(name)
        sessions = DatabaseSessions(None)
        sessions.close(sessions.open(url, lock=False))
        yield url


@pytest.fixture
def opened(sessions: DatabaseSessions) -> Iterator[list[Database]]:
    """The databases a test opens, closed after it and its window (their listeners' threads end); asked for
    before `make_window`, so that it is torn down after the window."""
    databases: list[Database] = []
    yield databases
    for database in databases:
        sessions.close(database)


def open_two(sessions: DatabaseSessions, url: str, opened: list[Database]) -> tuple[Database, Database]:
    opened.extend((sessions.open(url, lock=False), sessions.open(url, lock=False)))
    return opened[0], opened[1]


def edit_selected(qtbot: QtBot, window: MainWindow, uuid: str) -> None:
    window.show_tab("facilities")
    tab = window.record_tabs["facilities"]
    qtbot.waitUntil(lambda: not tab.model.loading)  # on a server the pages are read in a worker
    qtbot.waitUntil(lambda: tab.table.select_uuid(uuid))
    tab.table.setFocus()
    window.registry[WindowAction.EDIT].trigger()


def work_conflict_dialog(qtbot: QtBot, form: FacilityForm, step: Callable[[RecordConflictDialog], None],
                         failures: list[BaseException]) -> None:  # fmt: skip
    """Arrange for `step` to work the comparison as soon as it opens (its exec() blocks the click on Compare…)."""

    tries = iter(range(500))  # 5 s

    def run() -> None:
        dialog = getattr(form.conflict_watch, "dialog", None)
        if dialog is None:
            if next(tries, None) is None:
                failures.append(AssertionError("the comparison did not open"))
                return
            QTimer.singleShot(10, run)
            return
        try:
            make_active(qtbot, dialog)
            step(dialog)
        except BaseException as error:
            failures.append(error)
            dialog.reject()

    QTimer.singleShot(0, run)


def test_a_change_underneath_shows_the_bar_and_the_chosen_merge_is_saved_once(
    opened: list[Database], qtbot: QtBot, make_window: Callable[..., MainWindow], sessions: DatabaseSessions,
    shared_url: str, qsettings: QSettings, dialogs: ScriptedDialogs,
) -> None:  # fmt: skip
    mine, theirs = open_two(sessions, shared_url, opened)
    stored = FacilityService(theirs).create(ORIGINAL)
    window = make_window(mine, qsettings)
    for listener in mine._listeners:
        assert listener.wait_listening(5)
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def choose(dialog: RecordConflictDialog) -> None:
        seen["fields"] = [(c.key, c.base, c.mine, c.theirs) for c in dialog.fields]
        seen["preselected"] = {key: dialog.choice(key) for key in dialog.groups}
        seen["apply_enabled_before"] = dialog.apply_button.isEnabled()
        notes = dialog.theirs_buttons["notes"]
        notes.setFocus()
        qtbot.keyClick(notes, Qt.Key.Key_Space)  # the field both changed: take theirs, by keyboard
        seen["apply_enabled_after"] = dialog.apply_button.isEnabled()
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    def work(form: FacilityForm) -> None:
        ff.type_into(qtbot, form.city, "Tacoma")  # only I change the city
        ff.type_into(qtbot, form.notes, "Fence repaired.")  # we both change the notes
        began = time.perf_counter()
        FacilityService(theirs).update(replace(stored, name="Tacoma FO (renamed)", notes="Fence replaced."))
        qtbot.waitUntil(form.conflict_watch.bar.isVisible, timeout=1000)
        seen["bar_after"] = time.perf_counter() - began
        seen["bar"] = form.conflict_watch.message.text()
        work_conflict_dialog(qtbot, form, choose, failures)
        qtbot.mouseClick(form.conflict_watch.compare_button, Qt.MouseButton.LeftButton)
        make_active(qtbot, form)
        seen["shown"] = (form.name.text(), form.city.text(), form.notes.toPlainText())
        assert not form.conflict_watch.bar.isVisible()
        ff.press_save(qtbot, form)

    dialogs.then(work)
    edit_selected(qtbot, window, stored.uuid)
    dialogs.check()
    if failures:
        raise failures[0]
    print(f"\nthe bar showed {seen['bar_after'] * 1000:.0f} ms after the other analyst's save")
    assert seen["bar_after"] < 1.0
    assert seen["bar"].startswith("Changed by postgres at ")
    assert seen["fields"] == [
        ("name", "Tacoma field office", "Tacoma field office", "Tacoma FO (renamed)"),
        ("city", "(empty)", "Tacoma", "(empty)"),
        ("notes", "Fence along the east side.", "Fence repaired.", "Fence replaced."),
    ]
    assert seen["preselected"] == {"name": "theirs", "city": "mine", "notes": None}
    assert (seen["apply_enabled_before"], seen["apply_enabled_after"]) == (False, True)
    assert seen["shown"] == ("Tacoma FO (renamed)", "Tacoma", "Fence replaced.")
    saved = FacilityService(theirs).get(stored.uuid)
    assert (saved.name, saved.city, saved.notes) == ("Tacoma FO (renamed)", "Tacoma", "Fence replaced.")
    assert saved.version == 3  # created, theirs, mine: one write for the merge
    with theirs.unit_of_work(write=False) as uow:
        history = uow.audit_trail.history(stored.uuid)
    assert len(history) == 3
    assert history[-1].changes == {"city": ("", "Tacoma")}


def test_a_save_meeting_a_newer_version_offers_the_comparison_instead_of_failing(
    opened: list[Database], qtbot: QtBot, make_window: Callable[..., MainWindow], sessions: DatabaseSessions,
    sqlite_url: str, qsettings: QSettings, dialogs: ScriptedDialogs,
) -> None:  # fmt: skip
    mine, theirs = open_two(sessions, sqlite_url, opened)  # SQLite: no notices, the save is the first to know
    stored = FacilityService(theirs).create(ORIGINAL)
    window = make_window(mine, qsettings)
    failures: list[BaseException] = []
    seen: dict[str, Any] = {}

    def take_all_theirs(dialog: RecordConflictDialog) -> None:
        seen["keys"] = [c.key for c in dialog.fields]
        form = dialog.parentWidget()
        qtbot.mouseClick(dialog.take_all, Qt.MouseButton.LeftButton)
        QTimer.singleShot(0, lambda: save_again(form))  # the form comes back (exec() again) with theirs

    def save_again(form: Any) -> None:
        try:
            if not form.isVisible():
                QTimer.singleShot(10, lambda: save_again(form))
                return
            make_active(qtbot, form)
            seen["city"] = form.city.text()
            seen["dirty"] = form.is_dirty()
            ff.press_save(qtbot, form)
        except BaseException as error:
            failures.append(error)
            form.forget_changes()
            form.reject()

    def work(form: FacilityForm) -> None:
        ff.type_into(qtbot, form.city, "Tacoma")
        FacilityService(theirs).update(replace(stored, city="Fife", notes="Gate moved."))
        work_conflict_dialog(qtbot, form, take_all_theirs, failures)
        ff.press_save(qtbot, form)  # stale: the comparison opens instead of an error

    dialogs.then(work)
    edit_selected(qtbot, window, stored.uuid)
    dialogs.check()
    if failures:
        raise failures[0]
    assert seen["keys"] == ["city", "notes"]
    assert (seen["city"], seen["dirty"]) == ("Fife", False)
    saved = FacilityService(theirs).get(stored.uuid)
    assert (saved.city, saved.notes, saved.version) == ("Fife", "Gate moved.", 2)  # theirs kept: nothing to write
    assert not window.undo_stack.canUndo()


def test_a_record_deleted_underneath_is_said_without_a_comparison(
    opened: list[Database], qtbot: QtBot, make_window: Callable[..., MainWindow], sessions: DatabaseSessions,
    shared_url: str, qsettings: QSettings, dialogs: ScriptedDialogs,
) -> None:  # fmt: skip
    mine, theirs = open_two(sessions, shared_url, opened)
    stored = FacilityService(theirs).create(replace(ORIGINAL, name="Closed office"))
    window = make_window(mine, qsettings)
    for listener in mine._listeners:
        assert listener.wait_listening(5)
    seen: dict[str, Any] = {}

    def work(form: FacilityForm) -> None:
        FacilityService(theirs).delete(stored.uuid, stored.version)
        qtbot.waitUntil(form.conflict_watch.bar.isVisible, timeout=1000)
        seen["bar"] = form.conflict_watch.message.text()
        seen["compare"] = form.conflict_watch.compare_button.isVisible()
        ff.press_escape(qtbot, form)

    dialogs.then(work)
    edit_selected(qtbot, window, stored.uuid)
    dialogs.check()
    assert seen["bar"].startswith("Deleted by postgres at ")
    assert seen["compare"] is False


services = ff.services


def test_an_incident_form_merges_a_legal_history_added_elsewhere_with_my_title(
    qtbot: QtBot, services: ff.Services
) -> None:
    stored = services.incidents.get(services.incident_titled("Shots fired"))
    form = ff.shown(qtbot, IncidentForm(stored, services.facilities.names()))
    session = Session(services.database, DatabaseSessions(None))  # its changed_elsewhere: the notices
    watch = form.conflict_watch = ConflictWatch(form, services.incidents.get, session.changed_elsewhere)
    ff.type_into(qtbot, form.title, "Shots fired at the San Antonio office")
    added = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09-02"), "to the USAO")
    theirs = services.incidents.update(
        replace(stored, severity=Severity.CRITICAL, status=added.status,
                status_history=(*stored.status_history, added))
    )  # fmt: skip
    watch.heard(Change(RecordKind.INCIDENT, stored.uuid, theirs.version, "update", "supervisor"))
    assert watch.bar.isVisible() and "Changed by supervisor at " in watch.message.text()
    seen: dict[str, Any] = {}
    failures: list[BaseException] = []

    def keep_defaults(dialog: RecordConflictDialog) -> None:
        seen["fields"] = {c.key: (c.mine, c.theirs, c.preselected) for c in dialog.fields}
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    work_conflict_dialog(qtbot, form, keep_defaults, failures)
    assert watch.compare()
    if failures:
        raise failures[0]
    assert set(seen["fields"]) == {"title", "severity", "status", "status_history"}
    assert seen["fields"]["title"][2] == "mine" and seen["fields"]["status_history"][2] == "theirs"
    assert "Referred for prosecution 2019-09-02 (to the USAO)" in seen["fields"]["status_history"][1]
    make_active(qtbot, form)
    ff.press_save(qtbot, form)
    assert ff.accepted(form)
    saved = services.incidents.update(form.edited_record())  # as RecordActions saves it: on the stored version
    assert saved.title == "Shots fired at the San Antonio office"
    assert (saved.severity, saved.status, saved.version) == (Severity.CRITICAL, added.status, theirs.version + 1)
    assert [c.fact for c in saved.status_history] == [c.fact for c in theirs.status_history]
