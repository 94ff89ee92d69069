"""The main window remembers its layout, switches database files, counts deadlines, offers the demo data,
and explains errors in sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import ScriptedDialogs, Today, click_header
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError
from support.clock import FakeClock
from support.lookup import reopen

from desktop.app import starting_url
from desktop.domain.records import Facility
from desktop.domain.validation import FieldError, ValidationError
from desktop.paths import AppPaths
from desktop.persistence.engine import sqlite_url
from desktop.persistence.instance_lock import InstanceLock
from desktop.persistence.unit_of_work import Database
from desktop.services.backup import BackupLabel, back_up
from desktop.services.records import FacilityService, IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui import error_dialogs
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import WindowSettings
from desktop.ui.undo_commands import CreateRecord
from desktop.ui.window_actions import ActionRegistry, WindowAction
from desktop.ui.window_chrome import fill

Factory = Callable[..., MainWindow]


@pytest.fixture
def shown_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes the error dialogs would show: (title, text, details)."""
    boxes: list[tuple[str, str, str]] = []
    monkeypatch.setattr(error_dialogs, "show_box", lambda _p, _i, title, text, details: boxes.append(
        (title, text, details)))  # fmt: skip
    return boxes


def column(window: MainWindow, key: str, title: str) -> int:
    return [c.title for c in window.record_tabs[key].model.columns].index(title)


def test_layout_columns_sort_and_tab_are_restored(
    qtbot: QtBot, make_window: Factory, demo_database: Database, qsettings: QSettings, settings_path: Path
) -> None:
    first = make_window(demo_database, qsettings)
    first.resize(first.width(), 520)  # the offscreen screen is 800×600: only the height can change freely
    header = first.record_tabs["incidents"].table.horizontalHeader()
    facility, severity, title = (column(first, "incidents", t) for t in ("Facility", "Severity", "Title"))
    header.resizeSection(facility, 333)
    header.moveSection(header.visualIndex(severity), 0)
    click_header(qtbot, header, title)
    first.show_tab("facilities")
    first.close()

    again = QSettings(str(settings_path), QSettings.Format.IniFormat)  # read back from the file
    second = make_window(demo_database, again)
    restored = second.record_tabs["incidents"].table.horizontalHeader()
    assert second.height() == 520
    assert restored.sectionSize(facility) == 333
    assert restored.visualIndex(severity) == 0
    model = second.record_tabs["incidents"].model
    assert (model.sort_key, model.descending) == ("title", False)
    titles = [model.record_at(r).title for r in range(model.rowCount())]
    assert titles == sorted(titles)
    assert second.tabs.currentWidget() is second.record_tabs["facilities"]


def test_reset_columns_puts_them_back(qtbot: QtBot, window: MainWindow) -> None:
    header = window.record_tabs["incidents"].table.horizontalHeader()
    severity = column(window, "incidents", "Severity")
    default = header.sectionSize(severity)
    header.moveSection(header.visualIndex(severity), 0)
    header.resizeSection(severity, default + 150)
    window.registry[WindowAction.RESET_COLUMNS].trigger()
    assert header.visualIndex(severity) == severity
    assert header.sectionSize(severity) == default


def test_new_database_then_open_the_first_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qsettings: QSettings,
    dialogs: ScriptedDialogs,
) -> None:  # fmt: skip
    first_url = window.session.database.url
    window.undo_stack.push(CreateRecord.perform(window.session.services.facilities,
                                                Facility(name="Only in the first file"),
                                                window.session.changed))  # fmt: skip
    assert window.undo_stack.canUndo()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "second"), ""))

    def plain(dialog: QWidget) -> None:  # untick "Encrypt with a passphrase" (Shift+Tab from the passphrase), Create
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    dialogs.then(plain)
    window.registry[WindowAction.NEW_DATABASE].trigger()
    dialogs.check()

    second = tmp_path / "second.incidents"  # a name without a suffix gets the app's own
    assert second.is_file()
    assert window.session.database.url == sqlite_url(second)
    assert window.record_tabs["incidents"].model.rowCount() == 0
    assert window.counts_label.text() == "0 incidents"
    assert window.deadlines_label.text() == "0 overdue, 0 due this week"
    assert window.database_label.text() == str(second)
    assert window.windowTitle() == "second.incidents — Incident Logger"
    assert WindowSettings(qsettings).recent_databases()[0] == sqlite_url(second)
    assert window.record_tabs["incidents"].filter_bar.facility.count() == 1  # only "All facilities"
    assert not window.undo_stack.canUndo()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "incidents.sqlite3"), ""))
    window.registry[WindowAction.OPEN_DATABASE].trigger()
    assert window.session.database.url == first_url
    assert window.record_tabs["incidents"].model.rowCount() == 3
    window.show_tab("facilities")
    assert window.record_tabs["facilities"].model.rowCount() == 4
    assert window.counts_label.text() == "4 facilities"
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == [f"second.incidents — {tmp_path}"]


Seen = list[dict[str, str]]


def box_answer(qtbot: QtBot, seen: Seen, label: str) -> Callable[[QWidget], None]:
    """A dialog step: note the message box's name and texts and click its button `label` (without the "&")."""

    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts = [box.windowTitle(), box.text(), box.informativeText(), *(b.text() for b in box.buttons())]
        seen.append({"name": box.objectName(), "title": box.windowTitle(), "text": box.text(),
                     "informative": box.informativeText()})  # fmt: skip
        assert not any("incident-logger " in t or "`" in t for t in texts)  # no terminal command in a window
        button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


@pytest.mark.parametrize(("name", "contents", "what"), [
    ("notes.sqlite3", b"these are my notes, not a database\n" * 200, "it is a text file"),
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(500), "it is a PDF document"),
])  # fmt: skip
def test_a_file_that_is_no_database_is_refused_and_left_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: ScriptedDialogs,
    name: str, contents: bytes, what: str,
) -> None:  # fmt: skip
    junk = tmp_path / name
    junk.write_bytes(contents)
    current = window.session.database
    seen: Seen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    dialogs.then(box_answer(qtbot, seen, "OK"))
    assert window.open_database_file() is False
    dialogs.check()
    assert seen[0]["name"] == "not_ours"
    assert seen[0]["title"].startswith("Not an Incident Logger database")
    assert f"{junk} is not an Incident Logger database ({what})" in seen[0]["text"]
    assert "damaged" not in seen[0]["text"] and "The current database stays open." in seen[0]["informative"]
    assert junk.read_bytes() == contents
    assert window.session.database is current and window.record_tabs["incidents"].model.rowCount() == 3


def test_switching_to_a_damaged_file_offers_its_newest_good_backup(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: ScriptedDialogs, app_paths: AppPaths,
    clock: FakeClock,
) -> None:  # fmt: skip
    other = tmp_path / "other.sqlite3"
    database = reopen(sqlite_url(other), clock=clock)
    try:
        FacilityService(database).create(Facility(name="In the backup"))
    finally:
        database.close()
    back_up(other, app_paths.backup_dir, BackupLabel.AUTO, now=clock())
    garbage = b"SQLite format 3\x00" + b"torn pages " * 500
    other.write_bytes(garbage)
    seen: Seen = []
    dialogs.then(box_answer(qtbot, seen, "Cancel"))
    assert window.switch_database(sqlite_url(other)) is False
    dialogs.check()
    assert seen[0]["name"] == "database_damaged"
    assert f"The database {other} is damaged" in seen[0]["text"] and "The newest good backup is from" in seen[0]["text"]
    assert other.read_bytes() == garbage  # Cancel: no consent, the file stays as it was
    dialogs.then(box_answer(qtbot, seen, "Restore this backup"))
    assert window.switch_database(sqlite_url(other)) is True
    dialogs.check()
    assert window.session.database.url == sqlite_url(other)
    assert FacilityService(window.session.database).count() == 1
    assert other.with_name("other.sqlite3.damaged").read_bytes() == garbage


def test_new_database_never_overwrites_a_file(
    qtbot: QtBot, window: MainWindow, demo_database: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "incidents.sqlite3"), ""))
    assert window.new_database_file() is False
    assert "already exists and was left as it is" in warned[0]
    assert window.session.database is demo_database and IncidentService(demo_database).count() == 3


def test_a_database_open_in_another_window_is_offered_to_open_anyway(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clock: FakeClock, dialogs: ScriptedDialogs
) -> None:
    first_url, other = window.session.database.url, tmp_path / "other.sqlite3"
    elsewhere = DatabaseSessions(None, clock=clock)  # another window's session service
    database = elsewhere.open(sqlite_url(other))
    seen: list[tuple[str, str]] = []
    switched: list[bool] = []

    def answer(label: str) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen.append((box.objectName(), box.text()))
            qtbot.mouseClick(next(b for b in box.buttons() if b.text().replace("&", "") == label),
                             Qt.MouseButton.LeftButton)  # fmt: skip

        return act

    try:
        dialogs.then(answer("Cancel"))
        switched.append(window.switch_database(sqlite_url(other)))
        dialogs.check()
        assert switched == [False]  # Cancel: the current database stays
        assert seen[0][0] == "already_open" and f"Incident Logger is already open on {other}" in seen[0][1]
        assert window.session.database.url != sqlite_url(other)
        dialogs.then(answer("Open anyway"))
        switched.append(window.switch_database(sqlite_url(other)))
        dialogs.check()
        assert switched == [False, True]
        assert window.session.database.url == sqlite_url(other)
        assert not window.session.sessions.holds_lock(window.session.database)  # the other window keeps the lock
        assert window.database_label.text() == str(other)
    finally:
        elsewhere.close(database)
    assert window.switch_database(first_url) is True  # back to the first
    assert window.switch_database(sqlite_url(other)) is True  # free now: no question
    assert window.session.sessions.holds_lock(window.session.database)
    assert InstanceLock(other).path.exists()  # this window holds it now


def test_deadlines_follow_today(qtbot: QtBot, window: MainWindow, today: Today) -> None:
    assert window.deadlines_label.text() == "0 overdue, 1 due this week"
    today.day = date(2019, 10, 1)
    window.registry[WindowAction.REFRESH].trigger()
    assert window.deadlines_label.text() == "1 overdue, 0 due this week"
    assert "b00020" in window.deadlines_label.styleSheet()


def test_the_last_database_is_opened_unless_another_is_named(
    app_paths: AppPaths, qsettings: QSettings, tmp_path: Path
) -> None:
    settings = WindowSettings(qsettings)
    assert starting_url(app_paths.default_url, app_paths, settings) == app_paths.default_url
    last = tmp_path / "last.sqlite3"
    settings.add_recent_database(sqlite_url(last))
    assert starting_url(app_paths.default_url, app_paths, settings) == app_paths.default_url  # not there (yet)
    last.write_bytes(b"")
    assert starting_url(app_paths.default_url, app_paths, settings) == sqlite_url(last)
    named = sqlite_url(tmp_path / "named.sqlite3")
    assert starting_url(named, app_paths, settings) == named


def test_errors_read_as_sentences(shown_boxes: list[tuple[str, str, str]], dialogs: ScriptedDialogs) -> None:
    error = ValidationError([FieldError("case_number", "'X-1' is already used"), FieldError("title", "is required")])
    error_dialogs.show_error(None, error, "Saving the incident")
    assert shown_boxes[-1] == ("Saving the incident", "The record was not saved because some fields need attention.",
                               "• Case number: 'X-1' is already used\n• Title: is required")  # fmt: skip
    try:
        raise KeyError("surprise")
    except KeyError as unexpected:
        error_dialogs.show_unexpected(KeyError, unexpected, unexpected.__traceback__)
    _title, text, details = shown_boxes[-1]
    assert text == "Something unexpected went wrong."
    assert "KeyError" in details and "Traceback" not in details and "File " not in details


def test_read_failures_show_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> list[object]:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(window.session.services.incidents, "page", broken)
    window.registry[WindowAction.REFRESH].trigger()
    assert window.statusBar().currentMessage() == "Could not read the incidents: disk I/O error"
    assert window.record_tabs["incidents"].model.rowCount() == 0
    window.show_tab("facilities")
    assert window.record_tabs["facilities"].model.rowCount() == 3  # the other tabs still work


def test_hidden_tabs_read_their_rows_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    facilities = window.record_tabs["facilities"]
    reads = facilities.model.fetches
    window.undo_stack.push(CreateRecord.perform(window.session.services.facilities,
                                                Facility(name="Field office, Boise"),
                                                window.session.changed))  # fmt: skip
    assert facilities.is_stale and facilities.model.fetches == reads  # nothing read for a hidden tab
    window.show_tab("facilities")
    assert not facilities.is_stale
    assert facilities.model.rowCount() == 4
    assert window.counts_label.text() == "4 facilities"
    assert window.record_tabs["incidents"].filter_bar.facility.findText("Field office, Boise") > 0


def test_other_features_plug_in_with_one_line(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    extra = QLabel("charts")
    window.add_tab("dashboard", extra, "&Dashboard")
    export = window.registry[WindowAction.EXPORT_CSV]  # registered by the CSV feature, placed by window_chrome
    actions = window.menus["file"].actions()
    assert actions.index(export) < actions.index(window.registry[WindowAction.QUIT])
    window.show_tab("dashboard")
    assert window.tabs.currentWidget() is extra
    assert not window.registry[WindowAction.NEW].isEnabled() and window.counts_label.text() == ""
    window.save_settings()
    assert WindowSettings(qsettings).tab() == "dashboard"


def test_the_registry_places_only_registered_actions_without_empty_groups(qtbot: QtBot, window: MainWindow) -> None:
    menu = QMenu(window)
    registry = ActionRegistry()
    registry.register(WindowAction.QUIT, QAction("Quit", window))
    fill(menu, (WindowAction.NEW_DATABASE, None, WindowAction.IMPORT_CSV, None, WindowAction.QUIT), registry, {})
    assert [a.objectName() for a in menu.actions()] == ["quit_action"]  # no separator before the only action
    with pytest.raises(ValueError, match="registered already"):
        window.registry.register(WindowAction.QUIT, QAction("Quit again", window))


def test_a_recent_database_that_has_gone_is_asked_about_never_created_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: ScriptedDialogs, qsettings: QSettings
) -> None:
    gone = tmp_path / "moved" / "gone.sqlite3"
    WindowSettings(qsettings).add_recent_database(sqlite_url(gone))
    current = window.session.database
    window.recent_menu.aboutToShow.emit()
    [recent] = [a for a in window.recent_menu.actions() if a.text().startswith("gone.sqlite3")]
    seen: Seen = []
    dialogs.then(box_answer(qtbot, seen, "Cancel"))
    recent.trigger()  # as a click on File › Open recent › gone.sqlite3 does
    dialogs.check()
    assert seen[0]["name"] == "database_missing" and f"There is no database at {gone}" in seen[0]["text"]
    assert not gone.parent.exists() and window.session.database is current  # nothing created, nothing switched
    dialogs.then(box_answer(qtbot, seen, "Create a new database here"))
    window.recent_menu.aboutToShow.emit()
    [recent] = [a for a in window.recent_menu.actions() if a.text().startswith("gone.sqlite3")]
    recent.trigger()
    dialogs.check()
    assert gone.is_file() and window.session.database.url == sqlite_url(gone)
